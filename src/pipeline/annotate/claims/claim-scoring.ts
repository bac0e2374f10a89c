/**
 * The arithmetic of claim matching on integer feature ids. `similarity` returns exactly what
 * `claimSimilarity` (match-claims.ts) returns on the same features and weights: the same sums in the
 * same order. `ClusterProfile.bound` is a cheap upper bound of a cluster's average similarity, used to
 * skip clusters that cannot beat the best one found so far (which leaves the result unchanged).
 */

const NEGATION = /\b(not|no|never|neither|nor|n't|denied|denies)\b/i;

/** A mention's features (in their set order) with their weights, its number features, its polarity. */
export interface Prepared {
  ids: Int32Array;
  weights: Float64Array;
  /** The weights summed in order (what the similarity's running total holds after the first loop). */
  sum: number;
  /** Positions (in `ids`) of the number features. */
  numbers: number[];
  hasNumbers: boolean;
  negated: boolean;
}

export class FeatureSpace {
  private stamp: Int32Array;
  private position: Int32Array;
  private epoch = 0;
  private marked: Prepared | undefined;
  private hit = new Uint8Array(64);

  /**
   * Over features numbered 0 … size − 1, each with its weight and whether it is a number feature
   * (what `claimFeatures` marks with '#').
   */
  constructor(
    size: number,
    private readonly weightOf: Float64Array,
    private readonly isNumber: Uint8Array,
  ) {
    this.stamp = new Int32Array(Math.max(1, size));
    this.position = new Int32Array(Math.max(1, size));
  }

  /** A mention's features (ids in their set order) with their weights, its polarity from its text. */
  prepare(ids: Int32Array, text: string): Prepared {
    const weights = new Float64Array(ids.length);
    const numbers: number[] = [];
    let sum = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      const w = this.weightOf[id] as number;
      weights[k] = w;
      sum += w;
      if (this.isNumber[id] === 1) numbers.push(k);
    }
    return { ids, weights, sum, numbers, hasNumbers: numbers.length > 0, negated: NEGATION.test(text) };
  }

  /** Remember where `a`'s features sit, so that `b`'s can be looked up in constant time each. */
  private mark(a: Prepared): void {
    if (this.marked === a) return;
    this.marked = a;
    this.epoch += 1;
    if (this.hit.length < a.ids.length) this.hit = new Uint8Array(a.ids.length * 2);
    for (let k = 0; k < a.ids.length; k++) {
      const id = a.ids[k] as number;
      this.stamp[id] = this.epoch;
      this.position[id] = k;
    }
  }

  /** Weighted Dice overlap; 0 when numbers or polarity disagree (see `claimSimilarity`). */
  similarity(a: Prepared, b: Prepared): number {
    this.mark(a);
    const hit = this.hit;
    hit.fill(0, 0, a.ids.length);
    for (let k = 0; k < b.ids.length; k++) {
      const id = b.ids[k] as number;
      if (this.stamp[id] === this.epoch) hit[this.position[id] as number] = 1;
    }
    if (a.hasNumbers && b.hasNumbers && !a.numbers.some((k) => hit[k] === 1)) return 0;
    if (a.negated !== b.negated) return 0;
    let common = 0;
    let total = 0;
    for (let k = 0; k < a.ids.length; k++) {
      const w = a.weights[k] as number;
      total += w;
      if (hit[k] === 1) common += 2 * w;
    }
    for (let k = 0; k < b.weights.length; k++) total += b.weights[k] as number;
    return total === 0 ? 0 : common / total;
  }
}

/** What a cluster's scoring sample holds: how many members have each feature, the lightest total. */
export class ClusterProfile {
  private readonly counts = new Map<number, number>();
  /** Members in the sample, and the smallest total weight among them. */
  size = 0;
  minSum = Number.POSITIVE_INFINITY;

  add(m: Prepared): void {
    for (const id of m.ids) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    this.size += 1;
    this.minSum = Math.min(this.minSum, m.sum);
  }

  /**
   * An upper bound of the average similarity of `m` to the sample: each pair's overlap is at most
   * twice the weight of the features they share, and its total at least m's plus the lightest
   * member's. Infinity when that denominator is 0.
   */
  bound(m: Prepared): number {
    const denominator = this.size * (m.sum + this.minSum);
    if (!(denominator > 0)) return Number.POSITIVE_INFINITY;
    let shared = 0;
    for (let k = 0; k < m.ids.length; k++) {
      const count = this.counts.get(m.ids[k] as number);
      if (count !== undefined) shared += (m.weights[k] as number) * count;
    }
    return (2 * shared) / denominator;
  }
}
