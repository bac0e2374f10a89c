import type { NumberMention } from '../../../core/analysis.ts';
import type { EventRecord } from '../../../core/event.ts';
import type { Claim, Quote } from '../../../core/quote.ts';
import type { SourceArticle } from './source-label.ts';

/** Positions of a list's items by the articles they belong to. */
type ByArticle = Map<string, number[]>;

function indexBy<T>(items: T[], articleIdsOf: (item: T) => Iterable<string>): ByArticle {
  const index: ByArticle = new Map();
  items.forEach((item, at) => {
    for (const id of new Set(articleIdsOf(item))) {
      const list = index.get(id);
      if (list) list.push(at);
      else index.set(id, [at]);
    }
  });
  return index;
}

/**
 * Indexes over one list, built once per list (not once per story) and rebuilt if the list grows or
 * shrinks. The lists are the analysis' own and are not changed while stories are compared.
 */
const cache = new WeakMap<object, { length: number; index: ByArticle }>();

function cachedIndex<T>(items: T[], articleIdsOf: (item: T) => Iterable<string>): ByArticle {
  const hit = cache.get(items);
  if (hit && hit.length === items.length) return hit.index;
  const index = indexBy(items, articleIdsOf);
  cache.set(items, { length: items.length, index });
  return index;
}

/** The items of `items` that belong to any of `articleIds`, in their original order. */
function pick<T>(items: T[], index: ByArticle, articleIds: Iterable<string>): T[] {
  const positions = new Set<number>();
  for (const id of articleIds) for (const at of index.get(id) ?? []) positions.add(at);
  return [...positions].sort((a, b) => a - b).map((at) => items[at] as T);
}

export interface StoryItems {
  articles: SourceArticle[];
  claims: Claim[];
  quotes: Quote[];
  numbers: NumberMention[];
  events: EventRecord[];
}

/**
 * What a story needs of the analysis: its articles, and the claims, quotes, numbers and events with
 * at least one mention in them — looked up by article id instead of scanning every list per story.
 */
export function storyItems(articleIds: Iterable<string>, input: StoryItems): StoryItems {
  const ids = [...new Set(articleIds)];
  return {
    articles: pick(
      input.articles,
      cachedIndex(input.articles, (a) => [a.id]),
      ids,
    ),
    claims: pick(
      input.claims,
      cachedIndex(input.claims, (c) => c.mentions.map((m) => m.articleId)),
      ids,
    ),
    quotes: pick(
      input.quotes,
      cachedIndex(input.quotes, (q) => [q.articleId]),
      ids,
    ),
    numbers: pick(
      input.numbers,
      cachedIndex(input.numbers, (n) => [n.articleId]),
      ids,
    ),
    events: pick(
      input.events,
      cachedIndex(input.events, (e) => e.mentions.map((m) => m.articleId)),
      ids,
    ),
  };
}
