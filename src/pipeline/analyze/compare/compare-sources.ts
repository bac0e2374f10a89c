import type { FactualDivergence, NumberMention, SourceComparison } from '../../../core/analysis.ts';
import type { EventRecord } from '../../../core/event.ts';
import type { Claim, Quote } from '../../../core/quote.ts';
import type { Span } from '../../../core/span.ts';
import type { Story } from '../../../core/story.ts';
import { storyItems } from './compare-index.ts';
import { findNumericDivergences, type NumberContexts } from './numeric-divergences.ts';
import { type SourceArticle, sourceLabel } from './source-label.ts';
import { type QuoteWords, quotesCarriedElsewhere } from './unique-quotes.ts';

export const SOURCE_COMPARER = { name: 'compare', version: '2' } as const;

export interface CompareInput {
  articles: SourceArticle[];
  claims: Claim[];
  quotes: Quote[];
  numbers: NumberMention[];
  events: EventRecord[];
  /** The event of each article (for a storyline): figures are compared within one event only. */
  eventOf?: ReadonlyMap<string, string>;
  /** What one comparison works out per quote and number, kept for the next on the same input. */
  memo?: CompareMemo;
}

export interface CompareMemo {
  quoteWords: QuoteWords;
  numberContexts: NumberContexts;
}

export const compareMemo = (): CompareMemo => ({ quoteWords: new Map(), numberContexts: new Map() });

/** Two quotes whose words overlap this much are the same quote carried twice. */
const SAME_QUOTE = 0.5;

function eventLabel(event: EventRecord): string {
  const who = [event.actor?.text, event.action, event.target?.text].filter(Boolean).join(' ');
  return event.time ? `${who} (${event.time.start})` : who;
}

function factualDivergences(events: EventRecord[], inStory: (s: Span) => boolean): FactualDivergence[] {
  const result: FactualDivergence[] = [];
  for (const event of events) {
    if (!event.mentions.some(inStory)) continue;
    for (const d of event.divergences ?? []) {
      const values = new Map<string, Span[]>();
      for (const v of d.values) {
        if (!inStory(v.mention)) continue;
        const { articleId, start, end } = v.mention;
        values.set(v.value, [...(values.get(v.value) ?? []), { articleId, start, end }]);
      }
      if (values.size < 2) continue;
      result.push({
        about: `${d.field} of: ${eventLabel(event)}`,
        eventId: event.id,
        values: [...values].map(([value, mentions]) => ({ value, mentions })),
      });
    }
  }
  return result;
}

/**
 * Per story: which outlet carries which claim and via whom, what each outlet has that no other has,
 * numbers that differ between reports, and factual divergences recorded on the story's events.
 * Articles without an outlet are each their own source (see `sourceLabel`).
 */
export function compareSources(story: Story, input: CompareInput): SourceComparison {
  return compareStory(story, input).comparison;
}

/**
 * The quotes another source carries within a story (`articleIds`). Within a story of some of its
 * articles only these can be carried: the relation is symmetric (a quote and the one from another
 * source that carries it are both carried), so the smaller story's carried quotes are those found
 * among its quotes in this set, every pair checked as before.
 */
export interface CarriedWithin {
  articleIds: ReadonlySet<string>;
  carried: ReadonlySet<Quote>;
}

/**
 * `compareSources`, with the quotes carried elsewhere within it (when it has more than one source),
 * given a larger story's (`within`, on the same input) to narrow the quotes compared.
 */
export function compareStory(
  story: Story,
  input: CompareInput,
  within?: CarriedWithin,
): { comparison: SourceComparison; carried?: CarriedWithin } {
  const storyIds = new Set(story.articleIds);
  const items = storyItems(storyIds, input);
  const articles = items.articles;
  const outletOf = new Map(articles.map((a) => [a.id, sourceLabel(a)]));
  const inStory = (s: Span): boolean => storyIds.has(s.articleId);
  const outlets = [...new Set(outletOf.values())];

  const matrix: SourceComparison['matrix'] = [];
  const claimOutlets = new Map<string, Set<string>>();
  for (const claim of items.claims) {
    const rows = new Map<string, { articleIds: Set<string>; via: Set<string> }>();
    for (const m of claim.mentions.filter(inStory)) {
      const outlet = outletOf.get(m.articleId) as string;
      const row = rows.get(outlet) ?? { articleIds: new Set(), via: new Set() };
      row.articleIds.add(m.articleId);
      const chain = m.attribution.filter((who) => who !== outlet);
      if (chain.length > 0) row.via.add(chain.join(' via '));
      rows.set(outlet, row);
    }
    if (rows.size === 0) continue;
    claimOutlets.set(claim.id, new Set(rows.keys()));
    for (const [outlet, row] of rows) {
      matrix.push({ claimId: claim.id, outlet, articleIds: [...row.articleIds], via: [...row.via] });
    }
  }

  const quotes = items.quotes;
  const unique: SourceComparison['unique'] = [];
  let carried: Set<Quote> | undefined;
  if (outlets.length > 1) {
    /** Claims carried by one source only, by that source. */
    const onlyBy = new Map<string, string[]>();
    for (const [id, carriers] of claimOutlets) {
      if (carriers.size !== 1) continue;
      const [outlet] = carriers;
      const list = onlyBy.get(outlet as string) ?? [];
      list.push(id);
      onlyBy.set(outlet as string, list);
    }
    const narrowed = within && story.articleIds.every((id) => within.articleIds.has(id));
    const compared = narrowed ? quotes.filter((q) => within.carried.has(q)) : quotes;
    const sourceOf = (q: Quote) => outletOf.get(q.articleId);
    carried = quotesCarriedElsewhere(compared, sourceOf, SAME_QUOTE, input.memo?.quoteWords);
    const quotesBy = new Map<string, string[]>();
    for (const q of quotes) {
      const outlet = outletOf.get(q.articleId);
      if (outlet === undefined || carried.has(q)) continue;
      const list = quotesBy.get(outlet) ?? [];
      list.push(q.id);
      quotesBy.set(outlet, list);
    }
    for (const outlet of outlets) {
      const claimIds = onlyBy.get(outlet) ?? [];
      const quoteIds = quotesBy.get(outlet) ?? [];
      if (claimIds.length > 0 || quoteIds.length > 0) unique.push({ outlet, claimIds, quoteIds });
    }
  }

  const comparison: SourceComparison = {
    storyId: story.id,
    matrix,
    unique,
    numbers: findNumericDivergences(items.numbers, articles, {
      ...(input.eventOf ? { eventOf: input.eventOf } : {}),
      ...(input.memo ? { contexts: input.memo.numberContexts } : {}),
    }),
    divergences: factualDivergences(items.events, inStory),
  };
  return carried ? { comparison, carried: { articleIds: storyIds, carried } } : { comparison };
}
