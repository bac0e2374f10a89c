/**
 * Scoring of a labelled pile (eval/pile.ts): B-cubed of storylines against topic keys and of events
 * against event keys, over the labelled articles only, overall and per part of the pile.
 */
import type { Story } from '../../src/core/story.ts';
import { bcubed, type PRF } from './cluster-metrics.ts';

/** url → gold keys; either may be null (PolNeAR articles carry neither). */
export type PileLabels = Map<string, { label: string | null; storyline: string | null }>;

export function parsePileLabels(content: string, source = 'labels'): PileLabels {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw new Error(`${source}: not JSON`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${source}: expected an object mapping url → {label, storyline}`);
  }
  const out: PileLabels = new Map();
  for (const [url, value] of Object.entries(raw)) {
    const v = value as { label?: unknown; storyline?: unknown } | null;
    const key = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
    if (typeof v !== 'object' || v === null)
      throw new Error(`${source}: ${url}: expected {label, storyline}`);
    out.set(url, { label: key(v.label), storyline: key(v.storyline) });
  }
  return out;
}

/** The part of a pile an url belongs to: its first path segment (`/duc2007/…` → duc2007). */
export function partOf(url: string): string {
  try {
    return new URL(url).pathname.split('/')[1] || 'other';
  } catch {
    return 'other';
  }
}

export interface PileScore {
  labelled: number;
  storylines: number;
  events: number;
  storyline: PRF;
  storylineByPart: Record<string, PRF>;
  event: PRF;
  eventByPart: Record<string, PRF>;
  largestStoryline: { size: number; labelled: number; title: string };
  /** Articles of the largest labelled topic among the stored ones. */
  largestTopic: number;
}

const NONE: PRF = { precision: 0, recall: 0, f1: 0 };

function scoreLevel(
  stories: readonly Story[],
  urlOf: ReadonlyMap<string, string>,
  goldOf: (url: string) => string | null,
): { all: PRF; byPart: Record<string, PRF> } {
  const predicted = new Map<string, string>();
  const gold = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const s of stories) {
    for (const id of s.articleIds) {
      const url = urlOf.get(id);
      const key = url ? goldOf(url) : null;
      if (!url || key === null) continue;
      predicted.set(id, s.id);
      gold.set(id, key);
      parts.set(id, partOf(url));
    }
  }
  const byPart: Record<string, PRF> = {};
  for (const part of [...new Set(parts.values())].sort()) {
    const ids = [...parts].filter(([, p]) => p === part).map(([id]) => id);
    byPart[part] = bcubed(
      new Map(ids.map((id) => [id, predicted.get(id)!])),
      new Map(ids.map((id) => [id, gold.get(id)!])),
    );
  }
  return { all: gold.size > 0 ? bcubed(predicted, gold) : NONE, byPart };
}

export function scorePile(
  stories: readonly Story[],
  urlOf: ReadonlyMap<string, string>,
  labels: PileLabels,
): PileScore {
  const storylines = stories.filter((s) => s.kind === 'storyline');
  const events = stories.filter((s) => s.kind === 'event');
  const line = scoreLevel(storylines, urlOf, (url) => labels.get(url)?.storyline ?? null);
  const event = scoreLevel(events, urlOf, (url) => labels.get(url)?.label ?? null);
  const topicSizes = new Map<string, number>();
  let labelled = 0;
  for (const url of urlOf.values()) {
    const key = labels.get(url)?.storyline;
    if (!key) continue;
    labelled += 1;
    topicSizes.set(key, (topicSizes.get(key) ?? 0) + 1);
  }
  let largest = { size: 0, labelled: 0, title: '' };
  for (const s of storylines) {
    if (s.articleIds.length <= largest.size) continue;
    const inTopics = s.articleIds.filter((id) => {
      const url = urlOf.get(id);
      return url !== undefined && labels.get(url)?.storyline;
    }).length;
    largest = { size: s.articleIds.length, labelled: inTopics, title: s.title };
  }
  return {
    labelled,
    storylines: storylines.length,
    events: events.length,
    storyline: line.all,
    storylineByPart: line.byPart,
    event: event.all,
    eventByPart: event.byPart,
    largestStoryline: largest,
    largestTopic: Math.max(0, ...topicSizes.values()),
  };
}
