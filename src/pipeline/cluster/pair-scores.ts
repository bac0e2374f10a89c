/** Thresholds and weights of the pair decisions (see docs/decisions/0010). */
export interface ClusterOptions {
  /**
   * Events are average-link clusters of the event-weight graph: two groups merge while the mean
   * event weight over all their member pairs (missing pairs count 0) reaches this.
   */
  eventThreshold: number;
  /**
   * The event weight of a pair is multiplied by this when each article's most distinctive name (its
   * highest-weighted proper-noun/entity term) is missing from the other: reports of one happening
   * name its main actor; two similar happenings (two arrests, two deaths of Watergate figures) do not
   * share theirs.
   */
  eventLeadPenalty: number;
  /** Storylines are average-link clusters of events over the storyline weights, merged down to this. */
  storylineThreshold: number;
  /** …and the cosine of the two groups' summed vectors must reach this (0: no such condition). */
  storylineCentroidMin: number;
  /**
   * …and, when both groups hold at least `storylineCohesionMinSize` articles, their mean cross cosine
   * must reach this share of the geometric mean of their own mean pair cosines (0: no such condition).
   */
  storylineCohesionRatio: number;
  storylineCohesionMinSize: number;
  /**
   * …and a merge into a storyline of n > `storylineSoftSize` articles needs a mean of
   * storylineThreshold × (n / storylineSoftSize) ^ `storylineSizePower` (0: no such condition).
   */
  storylineSoftSize: number;
  storylineSizePower: number;
  /** In the storyline weight, the cosine over proper-noun/entity terms counts this much… */
  storylineProperWeight: number;
  /** …and only when the two share at least this many proper-noun/entity terms. */
  storylineMinShared: number;
  /** A compared pair is kept as an edge when either weight reaches this (below it counts as 0). */
  edgeFloor: number;
  /**
   * A touched component up to this many articles is re-clustered whole (the result is then a function
   * of the articles, not of their order); a larger one only in the storylines the new articles touch.
   */
  componentLimit: number;
  /** Near duplicate when the MinHash Jaccard estimate of word 4-shingles reaches this. */
  nearDuplicate: number;
  /** Days apart (beyond date uncertainty) within which two articles can share an event at full score. */
  eventDays: number;
  /** Days apart beyond which two articles never share an event. */
  eventMaxDays: number;
  /** Days apart beyond which a pair adds nothing to a storyline (its weight is 0). */
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
  eventThreshold: 0.2,
  eventLeadPenalty: 0.6,
  storylineThreshold: 0.08,
  storylineCentroidMin: 0.22,
  storylineCohesionRatio: 0.47,
  storylineCohesionMinSize: 5,
  storylineSoftSize: 40,
  storylineSizePower: 2,
  storylineProperWeight: 0.5,
  storylineMinShared: 2,
  edgeFloor: 0.05,
  componentLimit: 200,
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
  /** The article's most distinctive name: its proper-noun/entity term of highest weight (−1: none). */
  lead: number;
}

/**
 * A record's terms re-weighted by IDF (`df` by term id, over `n` articles) and L2-normalised, with its
 * lead name: the proper-noun/entity term of highest weight, ties by term text (term ids follow arrival
 * order, so they must not decide).
 */
export function idfVector(
  a: { termIds: Int32Array; weights: Float64Array; proper: Uint8Array },
  df: readonly number[],
  n: number,
  termText: readonly string[],
): IdVector {
  const w = new Float64Array(a.weights.length);
  let sq = 0;
  for (let k = 0; k < w.length; k++) {
    w[k] = a.weights[k]! * idf(df[a.termIds[k]!]!, n);
    sq += w[k]! * w[k]!;
  }
  const norm = Math.sqrt(sq) || 1;
  for (let k = 0; k < w.length; k++) w[k]! /= norm;
  let lead = -1;
  let leadWeight = -1;
  for (let k = 0; k < w.length; k++) {
    if (!a.proper[k]) continue;
    const id = a.termIds[k]!;
    if (w[k]! > leadWeight || (w[k] === leadWeight && termText[id]! < termText[lead]!)) {
      leadWeight = w[k]!;
      lead = id;
    }
  }
  return { ids: a.termIds, w, proper: a.proper, lead };
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

/** Number of values two sorted-unique lists share. */
export function sharedCount(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  const set = new Set<number | string>(a);
  let n = 0;
  for (const x of b) if (set.has(x)) n += 1;
  return n;
}

/** What the index knows of a pair beyond its vectors. */
export interface PairFacts {
  day?: number;
  dayTolerance?: number;
  cites: readonly string[];
  outlet?: string;
}

/** The two weights of a pair (docs/decisions/0012): how much it says "one happening" and "one story". */
export interface PairWeights {
  event: number;
  storyline: number;
}

/**
 * Weights of pairs with an article added at or after `start`, by the pair's larger index then the
 * other: what one `addRecords` call weighed while linking, read again by its re-clustering with the
 * same document frequencies. Only linked pairs go in (two in three compared pairs are not).
 */
export class PairCache {
  private readonly byAdded: Array<Map<number, PairWeights>> = [];

  constructor(readonly start: number) {}

  get(i: number, j: number): PairWeights | undefined {
    return this.byAdded[Math.max(i, j) - this.start]?.get(Math.min(i, j));
  }

  set(i: number, j: number, weights: PairWeights): void {
    const added = Math.max(i, j) - this.start;
    if (added < 0) return;
    let map = this.byAdded[added];
    if (!map) {
      map = new Map();
      this.byAdded[added] = map;
    }
    map.set(Math.min(i, j), weights);
  }
}

/**
 * Event weight: the geometric mean of the cosine and the cosine over proper-noun/entity terms (two
 * reports of one happening share its words and its names; two similar happenings share the words but
 * not the names) — the plain cosine when either side has no such term — plus citation and reuse
 * bonuses, times the time factor. Storyline weight: within `storylineMaxDays`, the larger of the event
 * weight and, when the pair shares ≥ `storylineMinShared` names, max(cosine, proper cosine × weight).
 */
export function pairWeights(
  a: PairFacts,
  b: PairFacts,
  wa: IdVector,
  wb: IdVector,
  reuseKeys: number,
  o: ClusterOptions,
): PairWeights {
  const gap = dayGap(a, b);
  // One merge pass for the cosine and the proper-noun overlap (the same sums as idCosine and
  // properOverlap, in the same order): this runs for every candidate pair.
  let cos = 0;
  let na = 0;
  let nb = 0;
  let properDot = 0;
  let shared = 0;
  let leadA = false;
  let leadB = false;
  let i = 0;
  let j = 0;
  const la = wa.ids.length;
  const lb = wb.ids.length;
  while (i < la || j < lb) {
    const x = i < la ? wa.ids[i]! : 0x7fffffff;
    const y = j < lb ? wb.ids[j]! : 0x7fffffff;
    if (x === y) {
      const d = wa.w[i]! * wb.w[j]!;
      cos += d;
      if (x === wa.lead) leadA = true;
      if (x === wb.lead) leadB = true;
      if (wa.proper[i] || wb.proper[j]) {
        na += wa.w[i]! * wa.w[i]!;
        nb += wb.w[j]! * wb.w[j]!;
        properDot += d;
        shared += 1;
      }
      i += 1;
      j += 1;
    } else if (x < y) {
      if (wa.proper[i]) na += wa.w[i]! * wa.w[i]!;
      i += 1;
    } else {
      if (wb.proper[j]) nb += wb.w[j]! * wb.w[j]!;
      j += 1;
    }
  }
  const both = na !== 0 && nb !== 0;
  const proper = both ? { cosine: properDot / Math.sqrt(na * nb), shared } : { cosine: 0, shared: 0 };
  const cites =
    (b.outlet !== undefined && a.cites.includes(b.outlet)) ||
    (a.outlet !== undefined && b.cites.includes(a.outlet))
      ? 2 * o.citationBonus
      : a.cites.length > 0 && b.cites.length > 0 && sharedCount(a.cites, b.cites) > 0
        ? o.citationBonus
        : 0;
  const reuse = Math.min(o.reuseBonusMax, reuseKeys * o.reuseBonus);
  const base = both ? Math.sqrt(cos * proper.cosine) : cos;
  const leadsApart = wa.lead >= 0 && wb.lead >= 0 && !leadA && !leadB;
  const event = (base + cites + reuse) * eventTimeFactor(gap, o) * (leadsApart ? o.eventLeadPenalty : 1);
  if (gap !== undefined && gap > o.storylineMaxDays) return { event, storyline: 0 };
  const named =
    proper.shared >= o.storylineMinShared ? Math.max(cos, proper.cosine * o.storylineProperWeight) : 0;
  return { event, storyline: Math.max(event, named) };
}
