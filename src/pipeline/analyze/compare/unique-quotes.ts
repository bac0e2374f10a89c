import type { Quote } from '../../../core/quote.ts';
import { words } from './source-label.ts';

/** Quotes with the same word set (a quote carried verbatim by many reports), and their sources. */
interface SameWords {
  set: Set<string>;
  members: number[];
  sources: Set<string | undefined>;
  carried: number;
}

/** A quote's word set and its sorted form, with the text they were found in. */
export type QuoteWords = Map<Quote, { text: string; set: Set<string>; signature: string }>;

/** The quote's word set, from `known` when it holds it for the same text (it is filled as found). */
function wordSet(q: Quote, known: QuoteWords | undefined): { set: Set<string>; signature: string } {
  const text = q.content.text;
  let found = known?.get(q);
  if (!found || found.text !== text) {
    const set = new Set(words(text));
    found = { text, set, signature: [...set].sort().join(' ') };
    known?.set(q, found);
  }
  return found;
}

/**
 * Which quotes some other source also carries: a quote is carried twice when another source's quote
 * has word-set Jaccard similarity at least `threshold` with it. Exhaustive in effect but not in cost:
 * quotes with the same word set are compared once, as one group, and candidate pairs of groups come
 * from prefix filtering (words ordered rarest first; two sets with Jaccard ≥ t share a word within the
 * first |x| − ⌈t·|x|⌉ + 1 of each); every candidate pair is checked exactly.
 */
export function quotesCarriedElsewhere(
  quotes: Quote[],
  sourceOf: (q: Quote) => string | undefined,
  threshold: number,
  /** Word sets of quotes found by earlier calls (a storyline's, read again for its events). */
  known?: QuoteWords,
): Set<Quote> {
  const sources = quotes.map(sourceOf);
  const groups: SameWords[] = [];
  const bySignature = new Map<string, SameWords>();
  quotes.forEach((q, i) => {
    const { set, signature } = wordSet(q, known);
    let group = bySignature.get(signature);
    if (!group) {
      group = { set, members: [], sources: new Set(), carried: 0 };
      bySignature.set(signature, group);
      groups.push(group);
    }
    group.members.push(i);
    group.sources.add(sources[i]);
  });

  const carried = new Set<Quote>();
  /** Mark the quotes of `g` that `h` carries from another source. */
  const against = (g: SameWords, h: SameWords): void => {
    if (g.carried === g.members.length) return;
    const [only] = h.sources;
    for (const i of g.members) {
      const q = quotes[i] as Quote;
      if (carried.has(q) || (h.sources.size === 1 && sources[i] === only)) continue;
      carried.add(q);
      g.carried += 1;
    }
  };
  // The same word set (Jaccard 1, also for two empty sets) from two sources or more.
  for (const g of groups) if (g.sources.size > 1) against(g, g);

  // Words numbered in order of first appearance, with the number of groups that have each.
  const indexOf = new Map<string, number>();
  const vocabulary: string[] = [];
  const df: number[] = [];
  const indices = groups.map((g) => {
    const ks = new Int32Array(g.set.size);
    let at = 0;
    for (const w of g.set) {
      let k = indexOf.get(w);
      if (k === undefined) {
        k = vocabulary.push(w) - 1;
        indexOf.set(w, k);
        df.push(0);
      }
      df[k] = (df[k] as number) + 1;
      ks[at++] = k;
    }
    return ks;
  });
  // Each word's place when ordered rarest first, then by its UTF-16 code units (a total order: the
  // words are distinct), so that a set is ordered as numbers and two ordered sets are intersected by
  // merging them.
  const byCount = new Map<number, string[]>();
  vocabulary.forEach((w, k) => {
    const list = byCount.get(df[k] as number);
    if (list) list.push(w);
    else byCount.set(df[k] as number, [w]);
  });
  const rankOf = new Int32Array(vocabulary.length);
  let next = 0;
  for (const count of [...byCount.keys()].sort((a, b) => a - b)) {
    for (const w of (byCount.get(count) as string[]).sort()) rankOf[indexOf.get(w) as number] = next++;
  }
  const ranked = indices.map((ks) => {
    for (let at = 0; at < ks.length; at++) ks[at] = rankOf[ks[at] as number] as number;
    return ks.sort();
  });
  const postings = new Map<number, number[]>();
  groups.forEach((g, gi) => {
    if (g.set.size === 0) return;
    const own = ranked[gi] as Int32Array;
    const prefix = own.subarray(0, g.set.size - Math.ceil(threshold * g.set.size) + 1);
    const candidates = new Set<number>();
    for (const w of prefix) for (const hi of postings.get(w) ?? []) candidates.add(hi);
    for (const hi of candidates) {
      const h = groups[hi] as SameWords;
      if (g.carried === g.members.length && h.carried === h.members.length) continue;
      // Jaccard is at most the smaller size over the larger (as computed, too: division rounds
      // monotonically), so sets too different in size are not intersected.
      const other = ranked[hi] as Int32Array;
      const sizes = Math.min(own.length, other.length) / Math.max(own.length, other.length);
      if (sizes < threshold || jaccard(own, other) < threshold) continue;
      against(g, h);
      against(h, g);
    }
    for (const w of prefix) {
      const list = postings.get(w);
      if (list) list.push(gi);
      else postings.set(w, [gi]);
    }
  });
  return carried;
}

/** Jaccard similarity of two non-empty sets given as sorted distinct numbers (as `setJaccard`). */
function jaccard(x: Int32Array, y: Int32Array): number {
  let both = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      both++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return both / (x.length + y.length - both);
}
