/** Thresholds and weights of the pair decisions (see docs/decisions/0010). */
export interface ClusterOptions {
  /** Event edge when the event score reaches this. */
  eventThreshold: number;
  /** Storyline edge when the cosine reaches this… */
  storylineThreshold: number;
  /** …or the cosine over proper-noun terms and entities alone reaches this; */
  storylineProperThreshold: number;
  /** either way only when the two share at least this many proper-noun/entity terms. */
  storylineMinShared: number;
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
  /** Candidates scored per added article at most: those sharing the most bucket keys (then the newest). */
  candidateCap: number;
  /** Passage-reuse candidates reported per added article at most (most shared sentence keys first). */
  reuseCandidateCap: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  eventThreshold: 0.42,
  storylineThreshold: 0.2,
  storylineProperThreshold: 0.4,
  storylineMinShared: 2,
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
  candidateCap: 60,
  reuseCandidateCap: 16,
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

/**
 * An article's IDF-weighted terms for pair scoring: term ids ascending, their weights (L2-normalised)
 * and whether each is a proper noun or entity. Integer merge joins, no strings: it runs per candidate.
 */
export interface IdVector {
  ids: Int32Array;
  w: Float64Array;
  proper: Uint8Array;
}

/** Cosine of two id vectors. */
export function idCosine(a: IdVector, b: IdVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.w[i++]! * b.w[j++]!;
    else if (x < y) i += 1;
    else j += 1;
  }
  return dot;
}

/**
 * Cosine restricted to proper-noun and entity terms (a term counts when either side flags it), both
 * sides re-normalised, and how many such terms the two share. One merge pass, no allocation.
 */
export function properOverlap(a: IdVector, b: IdVector): { cosine: number; shared: number } {
  let na = 0;
  let nb = 0;
  let dot = 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  const la = a.ids.length;
  const lb = b.ids.length;
  while (i < la || j < lb) {
    const x = i < la ? a.ids[i]! : 0x7fffffff;
    const y = j < lb ? b.ids[j]! : 0x7fffffff;
    if (x === y) {
      if (a.proper[i] || b.proper[j]) {
        na += a.w[i]! * a.w[i]!;
        nb += b.w[j]! * b.w[j]!;
        dot += a.w[i]! * b.w[j]!;
        shared += 1;
      }
      i += 1;
      j += 1;
    } else if (x < y) {
      if (a.proper[i]) na += a.w[i]! * a.w[i]!;
      i += 1;
    } else {
      if (b.proper[j]) nb += b.w[j]! * b.w[j]!;
      j += 1;
    }
  }
  if (na === 0 || nb === 0) return { cosine: 0, shared: 0 };
  return { cosine: dot / Math.sqrt(na * nb), shared };
}

/** Number of values two sorted-unique lists share. */
export function sharedCount(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  const set = new Set<number | string>(a);
  let n = 0;
  for (const x of b) if (set.has(x)) n += 1;
  return n;
}
