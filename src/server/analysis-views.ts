import type { Analysis, Forecast, SourceComparison } from '../core/analysis.ts';
import type { Entity, EntityType } from '../core/entity.ts';
import { SitrepError } from '../core/errors.ts';
import type { EventRecord, TimelineEntry } from '../core/event.ts';
import type { Claim, ClaimModality, Quote } from '../core/quote.ts';
import type { DerivationLink, Story } from '../core/story.ts';
import { intervalDays, parseIsoParts } from '../core/time.ts';
import { rankStories } from '../engine/brief.ts';
import { scopeToStory } from '../engine/story-scope.ts';

/** A story in a list: what the story list shows. */
export interface StorySummary {
  id: string;
  kind: Story['kind'];
  title: string;
  period: Story['period'];
  articleCount: number;
  outlets: string[];
  storylineId?: string;
  eventIds?: string[];
}

/** An article as a story page lists it (no text). */
export interface StoryArticle {
  id: string;
  title: string;
  outlet?: string;
  publishedAt?: string;
  duplicateOf?: string;
}

/** An entity in one story: how often it is mentioned there and in which articles. */
export interface StoryEntity {
  id: string;
  name: string;
  type: Entity['type'];
  mentions: number;
  articleIds: string[];
}

/** Everything the story page draws. */
export interface StoryDetail {
  story: Story;
  articles: StoryArticle[];
  timeline: TimelineEntry[];
  claims: Claim[];
  comparison?: SourceComparison;
  /** Expectations and warnings made in the story's articles, with the later events that bear on them. */
  forecasts: Forecast[];
  entities: StoryEntity[];
  /** Entity pairs mentioned in the same article, with the number of such articles. */
  cooccurrence: { a: string; b: string; articles: number }[];
  derivations: DerivationLink[];
}

/** One highlight in an article's clean text. */
export interface Annotation {
  kind: 'entity' | 'quote' | 'claim';
  start: number;
  end: number;
  /** What the highlight is: the entity name, the speaker, the claim's modality. */
  label: string;
  ref: string;
}

export const ENTITY_TYPES: readonly EntityType[] = [
  'person',
  'organization',
  'country',
  'place',
  'facility',
  'other',
];

export function storySummaries(analysis: Analysis): StorySummary[] {
  const outletOf = new Map(analysis.articles.map((a) => [a.id, a.outlet]));
  return analysis.stories.map((story) => {
    const outlets = new Set<string>();
    for (const id of story.articleIds) {
      const outlet = outletOf.get(id);
      if (outlet) outlets.add(outlet);
    }
    const summary: StorySummary = {
      id: story.id,
      kind: story.kind,
      title: story.title,
      period: story.period,
      articleCount: story.articleIds.length,
      outlets: [...outlets].sort(),
    };
    if (story.storylineId) summary.storylineId = story.storylineId;
    if (story.eventIds) summary.eventIds = story.eventIds;
    return summary;
  });
}

/** How a story list is ordered: largest first, or latest first. */
/** `rank`: storylines as the brief's story index ranks them (size, independent origins, recency), then events. */
export const STORY_SORTS = ['size', 'recent', 'rank'] as const;
export type StorySort = (typeof STORY_SORTS)[number];
export const STORY_KINDS: readonly Story['kind'][] = ['storyline', 'event'];

export interface StoryPageQuery {
  kind?: Story['kind'] | undefined;
  sort: StorySort;
  limit: number;
  offset: number;
  /** Only stories with an article from this outlet (any case). */
  outlet?: string | undefined;
  /** Only stories whose period overlaps [from, to] (day numbers, `dateBound`); undated ones then not. */
  from?: number | undefined;
  to?: number | undefined;
  /** Only stories of at least this many articles. */
  minArticles?: number | undefined;
}

export interface StoryPage {
  stories: StorySummary[];
  sort: StorySort;
  kind?: Story['kind'];
  limit: number;
  offset: number;
  /** Stories matching the query (the kind filter), over all pages. */
  total: number;
}

/** Latest end (else start) of a period; undated stories sort after dated ones. */
const periodEnd = (s: StorySummary): string => s.period.end ?? s.period.start ?? '';
const bySize = (a: StorySummary, b: StorySummary) =>
  b.articleCount - a.articleCount || periodEnd(b).localeCompare(periodEnd(a)) || a.id.localeCompare(b.id);
const byRecent = (a: StorySummary, b: StorySummary) =>
  periodEnd(b).localeCompare(periodEnd(a)) || b.articleCount - a.articleCount || a.id.localeCompare(b.id);

/** Each analysis's summaries in each order, made once (an analysis is immutable once served). */
const sortedSummaries = new WeakMap<Analysis, Map<StorySort, StorySummary[]>>();

function summariesSorted(analysis: Analysis, sort: StorySort): StorySummary[] {
  let byOrder = sortedSummaries.get(analysis);
  if (!byOrder) {
    byOrder = new Map();
    sortedSummaries.set(analysis, byOrder);
  }
  let list = byOrder.get(sort);
  if (!list) {
    list = storySummaries(analysis).sort(
      sort === 'size' ? bySize : sort === 'recent' ? byRecent : byRank(analysis),
    );
    byOrder.set(sort, list);
  }
  return list;
}

/** Storylines in the story index's order, then events by size. */
function byRank(analysis: Analysis) {
  const place = new Map(rankStories(analysis).map((r, i) => [r.story.id, i]));
  return (a: StorySummary, b: StorySummary) =>
    (place.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (place.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
    bySize(a, b);
}

/** Whether a summary passes the query's filters. */
function matches(s: StorySummary, q: StoryPageQuery): boolean {
  if (q.kind && s.kind !== q.kind) return false;
  if (q.minArticles !== undefined && s.articleCount < q.minArticles) return false;
  const outlet = q.outlet?.toLowerCase();
  if (outlet && !s.outlets.some((o) => o.toLowerCase() === outlet)) return false;
  if (q.from === undefined && q.to === undefined) return true;
  const start = s.period.start ?? s.period.end;
  const end = s.period.end ?? s.period.start;
  if (!start || !end || !parseIsoParts(start) || !parseIsoParts(end)) return false;
  const [first, last] = intervalDays({ start, end });
  return (q.from === undefined || last >= q.from) && (q.to === undefined || first <= q.to);
}

/** One page of the story list, with the total the query matches. */
export function storyPage(analysis: Analysis, query: StoryPageQuery): StoryPage {
  const all = summariesSorted(analysis, query.sort);
  const matching = all.filter((s) => matches(s, query));
  return {
    stories: matching.slice(query.offset, query.offset + query.limit),
    sort: query.sort,
    ...(query.kind ? { kind: query.kind } : {}),
    limit: query.limit,
    offset: query.offset,
    total: matching.length,
  };
}

export function findStory(analysis: Analysis, id: string): Story {
  const story = analysis.stories.find((s) => s.id === id);
  if (!story) throw new SitrepError('NOT_FOUND', `no story with id ${id}; GET /api/stories lists them`);
  return story;
}

const inArticles = (ids: Set<string>) => (span: { articleId: string }) => ids.has(span.articleId);

export function storyDetail(analysis: Analysis, id: string): StoryDetail {
  const story = findStory(analysis, id);
  // The story's part of the analysis (split by storyline once per analysis: engine/story-scope.ts).
  const scoped = scopeToStory(analysis, story.id);
  const articles = scoped.articles.map((a) => {
    const out: StoryArticle = { id: a.id, title: a.title };
    if (a.outlet) out.outlet = a.outlet;
    if (a.publishedAt) out.publishedAt = a.publishedAt;
    if (a.duplicateOf) out.duplicateOf = a.duplicateOf;
    return out;
  });
  const entities: StoryEntity[] = scoped.entities.map((entity) => ({
    id: entity.id,
    name: entity.name,
    type: entity.type,
    mentions: entity.mentions.length,
    articleIds: [...new Set(entity.mentions.map((m) => m.articleId))].sort(),
  }));
  entities.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const detail: StoryDetail = {
    story,
    articles,
    timeline: scoped.timeline,
    claims: scoped.claims,
    forecasts: scoped.forecasts,
    entities,
    cooccurrence: cooccurrence(entities),
    derivations: scoped.derivations,
  };
  const comparison = scoped.comparisons.find((c) => c.storyId === story.id);
  if (comparison) detail.comparison = comparison;
  return detail;
}

function cooccurrence(entities: StoryEntity[]): StoryDetail['cooccurrence'] {
  const pairs: StoryDetail['cooccurrence'] = [];
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      const a = entities[i]!;
      const b = entities[j]!;
      const shared = a.articleIds.filter((id) => b.articleIds.includes(id)).length;
      if (shared > 0) pairs.push({ a: a.id, b: b.id, articles: shared });
    }
  }
  return pairs;
}

export function filterEntities(analysis: Analysis, type?: EntityType): Entity[] {
  return type ? analysis.entities.filter((e) => e.type === type) : analysis.entities;
}

export const CLAIM_MODALITIES: readonly ClaimModality[] = [
  'asserted',
  'reported',
  'expected',
  'speculative',
  'denied',
];

export function filterClaims(
  analysis: Analysis,
  filter: { story?: string; minOrigins?: number; modality?: ClaimModality },
): Claim[] {
  let claims = analysis.claims;
  if (filter.story !== undefined) {
    const inStory = inArticles(new Set(findStory(analysis, filter.story).articleIds));
    claims = claims.filter((c) => c.mentions.some(inStory));
  }
  const { minOrigins, modality } = filter;
  if (modality !== undefined) claims = claims.filter((c) => c.modality === modality);
  return minOrigins === undefined ? claims : claims.filter((c) => c.independentOrigins >= minOrigins);
}

/** Quotes, optionally of one story's articles only, in the analysis's order. */
export function filterQuotes(analysis: Analysis, filter: { story?: string }): Quote[] {
  if (filter.story === undefined) return analysis.quotes;
  const ids = new Set(findStory(analysis, filter.story).articleIds);
  return analysis.quotes.filter((q) => ids.has(q.articleId));
}

/** Merged events, optionally those mentioned in one story's articles. */
export function filterEvents(analysis: Analysis, filter: { story?: string }): EventRecord[] {
  if (filter.story === undefined) return analysis.events;
  const inStory = inArticles(new Set(findStory(analysis, filter.story).articleIds));
  return analysis.events.filter((e) => e.mentions.some(inStory));
}

/** One page of a list, with the total over all pages. */
export function pageOf<T>(items: readonly T[], limit: number, offset: number) {
  return { items: items.slice(offset, offset + limit), limit, offset, total: items.length };
}

/** Parse an ISO date bound (`2024`, `2024-05`, `2024-05-25`) into its first or last day number. */
export function dateBound(
  name: string,
  value: string | undefined,
  end: 'first' | 'last',
): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!parseIsoParts(value)) {
    throw new SitrepError(
      'USAGE',
      `query parameter "${name}" must be an ISO date such as 2024, 2024-05 or 2024-05-25 (got ${JSON.stringify(value)})`,
    );
  }
  const [first, last] = intervalDays({ start: value, end: value });
  return end === 'first' ? first : last;
}

/** Timeline entries that overlap [from, to]; entries without ISO bounds only when no bound is given. */
export function filterTimeline(analysis: Analysis, range: { from?: number; to?: number }): TimelineEntry[] {
  if (range.from === undefined && range.to === undefined) return analysis.timeline;
  return analysis.timeline.filter((entry) => {
    if (!parseIsoParts(entry.start) || !parseIsoParts(entry.end)) return false;
    const [first, last] = intervalDays(entry);
    return (range.from === undefined || last >= range.from) && (range.to === undefined || first <= range.to);
  });
}

/** Every highlight the analysis has for one article, sorted by position. */
export function articleAnnotations(analysis: Analysis, articleId: string): Annotation[] {
  const out: Annotation[] = [];
  for (const entity of analysis.entities) {
    for (const m of entity.mentions) {
      if (m.articleId === articleId)
        out.push({ kind: 'entity', start: m.start, end: m.end, label: entity.name, ref: entity.id });
    }
  }
  for (const quote of analysis.quotes) {
    const c = quote.content;
    if (c.articleId === articleId)
      out.push({ kind: 'quote', start: c.start, end: c.end, label: quote.speaker.text, ref: quote.id });
  }
  for (const claim of analysis.claims) {
    for (const m of claim.mentions) {
      if (m.articleId === articleId)
        out.push({ kind: 'claim', start: m.start, end: m.end, label: m.modality, ref: claim.id });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
