import { stableId } from '../../core/hash.ts';
import type { Story } from '../../core/story.ts';
import { hash32 } from '../dedupe/text-features.ts';
import { titleText } from './article-profile.ts';
import { type IdVector, idCosine } from './pair-scores.ts';
import type { StoredRecord } from './stored-record.ts';

/** Members of one story, how to weigh their terms (IDF at build time) and the text of a term id. */
export interface StoryMembers {
  kind: Story['kind'];
  members: readonly StoredRecord[];
  weigh: (member: StoredRecord) => IdVector;
  termText: (id: number) => string;
}

const SAMPLE = 64;
/** Headlines are taken from this many of the most central members. */
const HEADLINE_POOL = 5;

/** The id of a story: a hash of its kind and its smallest member id (stable while that member stays). */
export function storyId(kind: Story['kind'], memberIds: readonly string[]): string {
  let min = memberIds[0]!;
  for (const id of memberIds) if (id < min) min = id;
  return stableId('story', kind, min);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Build a story: the centroid of the members' IDF-weighted vectors (of 64 members chosen by a hash of
 * their ids when there are more); as the title (with its span), the headline closest to the centroid
 * among the five most central members (highest cosine to the centroid, ties by id), or, when none
 * has a headline, the most central member's lead sentence closest to the centroid (wire datelines
 * cut off); key terms when no sentence qualifies; the period from the members' dates.
 */
export function buildStory({ kind, members, weigh, termText }: StoryMembers): Story {
  const sorted = [...members].sort(byId);
  // Large stories: centroid and centrality over a sample fixed by the member ids (order-independent).
  const sample =
    sorted.length <= SAMPLE
      ? sorted
      : sorted
          .map((m) => [hash32(m.id), m] as const)
          .sort((a, b) => a[0] - b[0] || byId(a[1], b[1]))
          .slice(0, SAMPLE)
          .map(([, m]) => m);
  const vectors = sample.map(weigh);
  const sum = new Map<number, number>();
  for (const v of vectors) {
    for (let k = 0; k < v.ids.length; k++) sum.set(v.ids[k]!, (sum.get(v.ids[k]!) ?? 0) + v.w[k]!);
  }
  let sq = 0;
  for (const w of sum.values()) sq += w * w;
  const norm = Math.sqrt(sq) || 1;
  const ids = [...sum.keys()].sort((a, b) => a - b);
  const centroid: IdVector = {
    ids: Int32Array.from(ids),
    w: Float64Array.from(ids, (id) => sum.get(id)! / norm),
    proper: new Uint8Array(ids.length),
    lead: -1,
  };
  // Members by centrality (cosine to the centroid, ties by id).
  const order = vectors
    .map((v, i) => [idCosine(v, centroid), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .map(([, i]) => i);
  const centralityScore = (c: StoredRecord['candidates'][number]) => {
    let s = 0;
    for (const id of c.termIds) s += (sum.get(id) ?? 0) / norm;
    return s / Math.sqrt(c.termIds.length + 1);
  };
  let title: string | undefined;
  let titleSpan: Story['titleSpan'];
  let bestScore = 0;
  const consider = (article: StoredRecord, headlines: boolean) => {
    for (const c of article.candidates) {
      if (Boolean(c.headline) !== headlines) continue;
      const score = centralityScore(c);
      if (score > bestScore + 1e-12) {
        bestScore = score;
        title = titleText(c.text);
        titleSpan = { articleId: article.id, start: c.start, end: c.end };
      }
    }
  };
  // The headline closest to the centroid among the most central members that have one; else the
  // most central member's lead sentence closest to it (datelines already cut off).
  for (const i of order.slice(0, HEADLINE_POOL)) consider(sample[i]!, true);
  if (!title) consider(sample[order[0] ?? 0]!, false);
  if (!title) {
    title = ids
      .map((id) => [termText(id), sum.get(id)!] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([t]) => t.replace(/^@/, ''))
      .join(' · ');
  }
  const dates = sorted
    .map((m) => m.publishedAt)
    .filter((d): d is string => d !== undefined)
    .sort();
  const period: Story['period'] = {};
  if (dates.length > 0) {
    period.start = dates[0]!;
    period.end = dates[dates.length - 1]!;
  }
  const memberIds = sorted.map((m) => m.id);
  const story: Story = { id: storyId(kind, memberIds), kind, title, articleIds: memberIds, period };
  if (titleSpan) story.titleSpan = titleSpan;
  return story;
}
