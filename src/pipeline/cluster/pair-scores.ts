import type { WeightedTerm } from './article-profile.ts';

/** Thresholds and weights of the pair decisions (see docs/decisions/0010). */
export interface ClusterOptions {
  /** Event edge when the event score reaches this. */
  eventThreshold: number;
  /** Storyline edge when the cosine reaches this… */
  storylineThreshold: number;
  /** …or the cosine over proper-noun terms and entities alone reaches this. */
  storylineProperThreshold: number;
  /** Near duplicate when the MinHash Jaccard estimate of word 4-shingles reaches this. */
  nearDuplicate: number;
  /** Days apart (beyond date uncertainty) within which two articles can share an event at full score. */
  eventDays: number;
  /** Days apart beyond which two articles never share an event. */
  eventMaxDays: number;
  /** Days apart beyond which two articles never share a storyline. */
  storylineMaxDays: number;
  /** Bonus when both articles cite the same outlet. */
  citationBonus: number;
  /** Bonus per shared passage-reuse key, and its ceiling. */
  reuseBonus: number;
  reuseBonusMax: number;
  /** A near-duplicate bucket stops yielding candidates past this size. */
  bucketCap: number;
  /** A term-band bucket stops past this size (two top terms that many articles share are common vocabulary). */
  termBucketCap: number;
  /** A proper-noun anchor bucket stops past this size (a name that common no longer singles out a story). */
  anchorBucketCap: number;
  /** A sentence-reuse bucket stops past this size (a sentence in that many articles is boilerplate). */
  reuseBucketCap: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  eventThreshold: 0.42,
  storylineThreshold: 0.2,
  storylineProperThreshold: 0.4,
  nearDuplicate: 0.7,
  eventDays: 3,
  eventMaxDays: 14,
  storylineMaxDays: 400,
  citationBonus: 0.1,
  reuseBonus: 0.05,
  reuseBonusMax: 0.3,
  bucketCap: 500,
  termBucketCap: 100,
  anchorBucketCap: 20,
  reuseBucketCap: 50,
};

/** Days between two dated articles beyond their date uncertainty; undefined when either is undated. */
export function dayGap(
  a: { day?: number; dayTolerance?: number },
  b: { day?: number; dayTolerance?: number },
): number | undefined {
  if (a.day === undefined || b.day === undefined) return undefined;
  return Math.max(0, Math.abs(a.day - b.day) - (a.dayTolerance ?? 0) - (b.dayTolerance ?? 0));
}

/** 1 within `eventDays`, falling linearly to 0 at `eventMaxDays`; 1 when either date is unknown. */
export function eventTimeFactor(gap: number | undefined, options: ClusterOptions): number {
  if (gap === undefined || gap <= options.eventDays) return 1;
  if (gap >= options.eventMaxDays) return 0;
  return 1 - (gap - options.eventDays) / (options.eventMaxDays - options.eventDays);
}

/** Smoothed inverse document frequency. */
export function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/** A term list re-weighted by IDF and re-normalised (still sorted by term). */
export function weightByIdf(
  terms: readonly WeightedTerm[],
  dfOf: (term: string) => number,
  n: number,
): WeightedTerm[] {
  const out: WeightedTerm[] = terms.map(([t, w]) => [t, w * idf(dfOf(t), n)]);
  const norm = Math.hypot(...out.map((t) => t[1])) || 1;
  for (const t of out) t[1] /= norm;
  return out;
}

/** Cosine restricted to the given terms (proper nouns, entities): both sides re-normalised. */
export function restrictedCosine(
  a: readonly WeightedTerm[],
  b: readonly WeightedTerm[],
  keep: (t: string) => boolean,
): number {
  const fa = a.filter(([t]) => keep(t));
  const fb = b.filter(([t]) => keep(t));
  const na = Math.hypot(...fa.map((t) => t[1]));
  const nb = Math.hypot(...fb.map((t) => t[1]));
  if (na === 0 || nb === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < fa.length && j < fb.length) {
    const x = fa[i]!;
    const y = fb[j]!;
    if (x[0] === y[0]) {
      dot += x[1] * y[1];
      i += 1;
      j += 1;
    } else if (x[0] < y[0]) i += 1;
    else j += 1;
  }
  return dot / (na * nb);
}

/** Number of values two sorted-unique lists share. */
export function sharedCount(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  const set = new Set<number | string>(a);
  let n = 0;
  for (const x of b) if (set.has(x)) n += 1;
  return n;
}
