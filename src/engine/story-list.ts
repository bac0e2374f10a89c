import type { Analysis } from '../core/analysis.ts';
import type { Story } from '../core/story.ts';
import { intervalDays, parseIsoParts } from '../core/time.ts';
import { rankStories } from '../pipeline/report/story-index.ts';
import { sortedOnce } from './analysis-query.ts';

/**
 * Story lists for both edges (the CLI's `stories`, the API's `/api/stories` and so the web UI):
 * reading order, summaries, sorting and filtering, written once.
 */

/**
 * Stories in reading order: storylines ranked as in the brief's index (size, independent origins,
 * recency), each followed by its events (largest first), then any story no storyline holds.
 */
export function orderStories(analysis: Analysis): Story[] {
  const byId = new Map(analysis.stories.map((s) => [s.id, s]));
  const out: Story[] = [];
  const listed = new Set<string>();
  for (const { story } of rankStories(analysis)) {
    out.push(story);
    listed.add(story.id);
    const events = (story.eventIds ?? []).flatMap((id) => byId.get(id) ?? []);
    events.sort((a, b) => b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id));
    for (const e of events) {
      out.push(e);
      listed.add(e.id);
    }
  }
  for (const s of analysis.stories) if (!listed.has(s.id)) out.push(s);
  return out;
}

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

/**
 * How a story list is ordered: largest first, latest first, or `rank` — reading order
 * (`orderStories`): storylines as the brief's story index ranks them, each followed by its events.
 */
export const STORY_SORTS = ['size', 'recent', 'rank'] as const;
export type StorySort = (typeof STORY_SORTS)[number];
export const STORY_KINDS: readonly Story['kind'][] = ['storyline', 'event'];

export interface StoryQuery {
  kind?: Story['kind'] | undefined;
  sort: StorySort;
  /** Only stories with an article from this outlet (any case). */
  outlet?: string | undefined;
  /** Only stories whose period overlaps [from, to] (day numbers, `dateBound`); undated ones then not. */
  from?: number | undefined;
  to?: number | undefined;
  /** Only stories of at least this many articles. */
  minArticles?: number | undefined;
}

export interface StoryPageQuery extends StoryQuery {
  limit: number;
  offset: number;
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
function summariesSorted(analysis: Analysis, sort: StorySort): readonly StorySummary[] {
  return sortedOnce(analysis, `stories:${sort}`, () =>
    storySummaries(analysis).sort(sort === 'size' ? bySize : sort === 'recent' ? byRecent : byRank(analysis)),
  );
}

/** Reading order (`orderStories`): ranked storylines, each followed by its events. */
function byRank(analysis: Analysis) {
  const place = new Map(orderStories(analysis).map((s, i) => [s.id, i]));
  return (a: StorySummary, b: StorySummary) =>
    (place.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (place.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
    bySize(a, b);
}

/** Whether a summary passes the query's filters. */
function matches(s: StorySummary, q: StoryQuery): boolean {
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

/** Every story the query matches, in its order. */
export function selectStories(analysis: Analysis, query: StoryQuery): StorySummary[] {
  return summariesSorted(analysis, query.sort).filter((s) => matches(s, query));
}

/** One page of the story list, with the total the query matches. */
export function storyPage(analysis: Analysis, query: StoryPageQuery): StoryPage {
  const matching = selectStories(analysis, query);
  return {
    stories: matching.slice(query.offset, query.offset + query.limit),
    sort: query.sort,
    ...(query.kind ? { kind: query.kind } : {}),
    limit: query.limit,
    offset: query.offset,
    total: matching.length,
  };
}
