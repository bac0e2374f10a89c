/**
 * Queries over an analysis — filters, sorting, co-occurrence, story and id-prefix lookup — written
 * once and used by both edges: the CLI's listing commands and the HTTP API (and so the web UI).
 * Each takes plain filter values; the edges only parse their flags or query parameters into them.
 */
import type { Analysis } from '../core/analysis.ts';
import type { Entity, EntityType } from '../core/entity.ts';
import { SitrepError } from '../core/errors.ts';
import type { EventRecord, TimelineEntry } from '../core/event.ts';
import type { Claim, ClaimModality, Quote } from '../core/quote.ts';
import type { Story } from '../core/story.ts';
import { intervalDays, parseIsoParts } from '../core/time.ts';
import { resolveStoryId } from './story-scope.ts';

export const ENTITY_TYPES: readonly EntityType[] = [
  'person',
  'organization',
  'country',
  'place',
  'facility',
  'other',
];

export const CLAIM_MODALITIES: readonly ClaimModality[] = [
  'asserted',
  'reported',
  'expected',
  'speculative',
  'denied',
];

/** How claims are ordered: most mentioned first, or most independent origins first. */
export const CLAIM_SORTS = ['mentions', 'origins'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/** A story by id or unique id prefix (NOT_FOUND, or AMBIGUOUS_ID when a prefix matches several). */
export function findStory(analysis: Analysis, idOrPrefix: string): Story {
  const id = resolveStoryId(analysis.stories, idOrPrefix);
  return analysis.stories.find((s) => s.id === id) as Story;
}

export type AnalysisItem = { kind: 'story'; value: Story } | { kind: 'entity'; value: Entity };

/** A story or entity by id or unique prefix (≥ 4 characters); undefined when none or several match. */
export function findInAnalysis(analysis: Analysis, id: string): AnalysisItem | undefined {
  const match = <T extends { id: string }>(items: T[]): T | undefined => {
    const exact = items.find((x) => x.id === id);
    if (exact) return exact;
    const prefixed = id.length >= 4 ? items.filter((x) => x.id.startsWith(id)) : [];
    return prefixed.length === 1 ? prefixed[0] : undefined;
  };
  const story = match(analysis.stories);
  if (story) return { kind: 'story', value: story };
  const entity = match(analysis.entities);
  if (entity) return { kind: 'entity', value: entity };
  return undefined;
}

/** The ids of a story's articles, when a story filter is given. */
function storyArticles(analysis: Analysis, story: string | undefined): Set<string> | undefined {
  return story === undefined ? undefined : new Set(findStory(analysis, story).articleIds);
}

/** The ids of the articles from an outlet (any case), when an outlet filter is given. */
function outletArticles(analysis: Analysis, outlet: string | undefined): Set<string> | undefined {
  if (outlet === undefined || outlet === '') return undefined;
  const wanted = outlet.toLowerCase();
  return new Set(analysis.articles.filter((a) => a.outlet?.toLowerCase() === wanted).map((a) => a.id));
}

const mentionedIn =
  (ids: Set<string> | undefined) =>
  (item: { mentions: { articleId: string }[] }): boolean =>
    ids === undefined || item.mentions.some((m) => ids.has(m.articleId));

export interface ClaimFilter {
  /** Only claims carried by this story's articles (id or unique prefix). */
  story?: string | undefined;
  /** Only claims with at least this many independent origins. */
  minOrigins?: number | undefined;
  modality?: ClaimModality | undefined;
  /** Only claims an article from this outlet (any case) carries. */
  outlet?: string | undefined;
  sort?: ClaimSort | undefined;
}

/**
 * Each analysis's lists in each order, sorted once (an analysis is not changed once made; a server
 * answers many queries from one, and at 5,000 articles sorting 13,000 claims per query showed).
 */
const sortedLists = new WeakMap<Analysis, Map<string, readonly unknown[]>>();

export function sortedOnce<T>(analysis: Analysis, order: string, make: () => T[]): readonly T[] {
  let lists = sortedLists.get(analysis);
  if (!lists) {
    lists = new Map();
    sortedLists.set(analysis, lists);
  }
  let list = lists.get(order) as T[] | undefined;
  if (!list) {
    list = make();
    lists.set(order, list);
  }
  return list;
}

/** Claims matching the filter; most mentioned first (ties: more origins, then id), or by origins. */
export function selectClaims(analysis: Analysis, filter: ClaimFilter = {}): Claim[] {
  const inStory = mentionedIn(storyArticles(analysis, filter.story));
  const inOutlet = mentionedIn(outletArticles(analysis, filter.outlet));
  const { minOrigins, modality } = filter;
  const sort = filter.sort ?? 'mentions';
  const sorted = sortedOnce(analysis, `claims:${sort}`, () => {
    const byMentions = (a: Claim, b: Claim) => b.mentions.length - a.mentions.length;
    const byOrigins = (a: Claim, b: Claim) => b.independentOrigins - a.independentOrigins;
    const [first, second] = sort === 'origins' ? [byOrigins, byMentions] : [byMentions, byOrigins];
    return [...analysis.claims].sort((a, b) => first(a, b) || second(a, b) || a.id.localeCompare(b.id));
  });
  return sorted.filter(
    (c) =>
      (modality === undefined || c.modality === modality) &&
      (minOrigins === undefined || c.independentOrigins >= minOrigins) &&
      inStory(c) &&
      inOutlet(c),
  );
}

export interface QuoteFilter {
  story?: string | undefined;
  /** Only quotes whose speaker's words contain this text (any case). */
  speaker?: string | undefined;
  /** Only quotes from this article (id or id prefix). */
  article?: string | undefined;
}

/** Quotes matching the filter, in the analysis's order. */
export function selectQuotes(analysis: Analysis, filter: QuoteFilter = {}): Quote[] {
  const ids = storyArticles(analysis, filter.story);
  const speaker = filter.speaker?.toLowerCase();
  const { article } = filter;
  return analysis.quotes.filter(
    (q) =>
      (ids === undefined || ids.has(q.articleId)) &&
      (!speaker || q.speaker.text.toLowerCase().includes(speaker)) &&
      (!article || q.articleId.startsWith(article)),
  );
}

export interface EventFilter {
  story?: string | undefined;
  /** Only events of this ontology type (e.g. meet, deploy-forces). */
  type?: string | undefined;
  /** Only events whose actor's words contain this text (any case). */
  actor?: string | undefined;
}

/** Merged events matching the filter, in the analysis's order. */
export function selectEvents(analysis: Analysis, filter: EventFilter = {}): EventRecord[] {
  const inStory = mentionedIn(storyArticles(analysis, filter.story));
  const actor = filter.actor?.toLowerCase();
  return analysis.events.filter(
    (e) =>
      (!filter.type || e.type === filter.type) &&
      (!actor || (e.actor?.text ?? '').toLowerCase().includes(actor)) &&
      inStory(e),
  );
}

/** Entities of a type (or all), most mentioned first (ties by name). */
export function selectEntities(analysis: Analysis, filter: { type?: EntityType | undefined } = {}): Entity[] {
  const sorted = sortedOnce(analysis, 'entities', () =>
    [...analysis.entities].sort(
      (x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name),
    ),
  );
  return sorted.filter((e) => !filter.type || e.type === filter.type);
}

/**
 * An ISO date bound (`2024`, `2024-05`, `2024-05-25`) as its first or last day number; USAGE naming
 * the flag or parameter (`label`) when it is not one.
 */
export function dateBound(
  label: string,
  value: string | undefined,
  end: 'first' | 'last',
): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isCalendarDate(value)) {
    throw new SitrepError(
      'USAGE',
      `${label} must be an ISO date such as 2024, 2024-05 or 2024-05-25 (got ${JSON.stringify(value)})`,
    );
  }
  const [first, last] = intervalDays({ start: value, end: value });
  return end === 'first' ? first : last;
}

/** `2024`, `2024-05` or `2024-05-25`, naming a month and day the calendar has. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return false;
  const { year, month, day } = parseIsoParts(value) ?? { year: 0 };
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface TimelineFilter {
  story?: string | undefined;
  /** Entries ending on or after this day (a `dateBound` day number). */
  from?: number | undefined;
  /** Entries starting on or before this day (a `dateBound` day number). */
  to?: number | undefined;
}

/**
 * Timeline entries matching the filter: those overlapping [from, to] at day precision ("2024-10"
 * overlaps "2024-10-23"); entries without ISO bounds only when no bound is given.
 */
export function selectTimeline(analysis: Analysis, filter: TimelineFilter = {}): TimelineEntry[] {
  const { from, to } = filter;
  const inStory = mentionedIn(storyArticles(analysis, filter.story));
  return analysis.timeline.filter((entry) => {
    if (!inStory(entry)) return false;
    if (from === undefined && to === undefined) return true;
    if (!parseIsoParts(entry.start) || !parseIsoParts(entry.end)) return false;
    const [first, last] = intervalDays(entry);
    return (from === undefined || last >= from) && (to === undefined || first <= to);
  });
}

/** An entity met in the same articles as another, with the number of articles they share. */
export interface CooccurringEntity {
  id: string;
  name: string;
  type: EntityType;
  articles: number;
}

/** The entities mentioned in the same articles as this one, most shared articles first (ties by name). */
export function cooccurringEntities(analysis: Analysis, entity: Entity, limit: number): CooccurringEntity[] {
  const articles = new Set(entity.mentions.map((m) => m.articleId));
  const out: CooccurringEntity[] = [];
  for (const other of analysis.entities) {
    if (other.id === entity.id) continue;
    const shared = new Set<string>();
    for (const m of other.mentions) if (articles.has(m.articleId)) shared.add(m.articleId);
    if (shared.size > 0)
      out.push({ id: other.id, name: other.name, type: other.type, articles: shared.size });
  }
  return out.sort((x, y) => y.articles - x.articles || x.name.localeCompare(y.name)).slice(0, limit);
}

/** One page of a list, with the total over all pages. */
export function pageOf<T>(items: readonly T[], limit: number, offset: number) {
  return { items: items.slice(offset, offset + limit), limit, offset, total: items.length };
}
