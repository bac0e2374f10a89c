import type { Quote } from '../../../core/quote.ts';
import { setJaccard, words } from './source-label.ts';

/** Quotes with the same word set (a quote carried verbatim by many reports), and their sources. */
interface SameWords {
  set: Set<string>;
  members: number[];
  sources: Set<string | undefined>;
  carried: number;
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
): Set<Quote> {
  const sources = quotes.map(sourceOf);
  const groups: SameWords[] = [];
  const bySignature = new Map<string, SameWords>();
  quotes.forEach((q, i) => {
    const set = new Set(words(q.content.text));
    const signature = [...set].sort().join(' ');
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

  const df = new Map<string, number>();
  for (const g of groups) for (const w of g.set) df.set(w, (df.get(w) ?? 0) + 1);
  const rarestFirst = (a: string, b: string): number =>
    (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const postings = new Map<string, SameWords[]>();
  for (const g of groups) {
    if (g.set.size === 0) continue;
    const prefix = [...g.set].sort(rarestFirst).slice(0, g.set.size - Math.ceil(threshold * g.set.size) + 1);
    const candidates = new Set<SameWords>();
    for (const w of prefix) for (const h of postings.get(w) ?? []) candidates.add(h);
    for (const h of candidates) {
      if (g.carried === g.members.length && h.carried === h.members.length) continue;
      if (setJaccard(g.set, h.set) < threshold) continue;
      against(g, h);
      against(h, g);
    }
    for (const w of prefix) {
      const list = postings.get(w);
      if (list) list.push(g);
      else postings.set(w, [g]);
    }
  }
  return carried;
}
