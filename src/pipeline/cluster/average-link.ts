/**
 * Average-link agglomerative clustering over a sparse similarity graph (UPGMA with missing edges
 * counted as 0): start from the given groups, repeatedly merge the two groups whose mean pairwise
 * similarity over all member pairs is highest, while it reaches `threshold`. A weak bridge — a few
 * similar pairs between two large groups — barely moves that mean, so it cannot chain stories the
 * way single link (connected components) does.
 *
 * The result depends only on the groups, the edges and their weights: ties are broken by each
 * group's `rank` (e.g. the rank of its smallest article id), never by input order.
 */
export interface AverageLinkInput {
  /** Initial groups: their sizes (member counts) and an order-free tie-break rank per group. */
  sizes: readonly number[];
  ranks: readonly number[];
  /** Edges between initial groups: [a, b, summed similarity of the member pairs]. a ≠ b. */
  edges: ReadonlyArray<readonly [number, number, number]>;
  threshold: number;
  /** Never merge into a group larger than this many members (default: no limit). */
  maxSize?: number;
}

interface Candidate {
  score: number;
  a: number;
  b: number;
  /** Versions of a and b when the candidate was pushed: stale once either group changed. */
  va: number;
  vb: number;
}

/** A binary max-heap on score, ties by the lower rank pair. */
class Heap {
  private readonly items: Candidate[] = [];
  constructor(private readonly before: (x: Candidate, y: Candidate) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  push(c: Candidate): void {
    const xs = this.items;
    xs.push(c);
    let i = xs.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(xs[i]!, xs[p]!)) break;
      [xs[i], xs[p]] = [xs[p]!, xs[i]!];
      i = p;
    }
  }
  pop(): Candidate | undefined {
    const xs = this.items;
    const top = xs[0];
    const last = xs.pop();
    if (xs.length > 0 && last) {
      xs[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < xs.length && this.before(xs[l]!, xs[m]!)) m = l;
        if (r < xs.length && this.before(xs[r]!, xs[m]!)) m = r;
        if (m === i) break;
        [xs[i], xs[m]] = [xs[m]!, xs[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Returns, for each initial group, the index of the final cluster it belongs to: the initial group
 * of the cluster with the lowest rank represents it.
 */
export function averageLink(input: AverageLinkInput): number[] {
  const n = input.sizes.length;
  const size = [...input.sizes];
  const rank = [...input.ranks];
  const version = new Array<number>(n).fill(0);
  const parent = Array.from({ length: n }, (_, i) => i);
  const adjacency: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  for (const [a, b, w] of input.edges) {
    if (a === b) continue;
    adjacency[a]!.set(b, (adjacency[a]!.get(b) ?? 0) + w);
    adjacency[b]!.set(a, (adjacency[b]!.get(a) ?? 0) + w);
  }
  const maxSize = input.maxSize ?? Number.POSITIVE_INFINITY;
  const lo = (c: Candidate) => Math.min(rank[c.a]!, rank[c.b]!);
  const hi = (c: Candidate) => Math.max(rank[c.a]!, rank[c.b]!);
  const heap = new Heap((x, y) =>
    x.score !== y.score ? x.score > y.score : lo(x) !== lo(y) ? lo(x) < lo(y) : hi(x) < hi(y),
  );
  const offer = (a: number, b: number, sum: number) => {
    const score = sum / (size[a]! * size[b]!);
    if (score >= input.threshold && size[a]! + size[b]! <= maxSize) {
      heap.push({ score, a, b, va: version[a]!, vb: version[b]! });
    }
  };
  for (let a = 0; a < n; a++) for (const [b, sum] of adjacency[a]!) if (a < b) offer(a, b, sum);
  while (heap.size > 0) {
    const c = heap.pop()!;
    if (c.va !== version[c.a] || c.vb !== version[c.b]) continue;
    // Keep the group with the lower rank; fold the other's adjacency into it.
    const [keep, gone] = rank[c.a]! < rank[c.b]! ? [c.a, c.b] : [c.b, c.a];
    parent[gone] = keep;
    size[keep]! += size[gone]!;
    version[keep]! += 1;
    version[gone]! += 1;
    const kept = adjacency[keep]!;
    kept.delete(gone);
    for (const [x, sum] of adjacency[gone]!) {
      if (x === keep) continue;
      kept.set(x, (kept.get(x) ?? 0) + sum);
      const other = adjacency[x]!;
      other.set(keep, (other.get(keep) ?? 0) + sum);
      other.delete(gone);
    }
    adjacency[gone] = new Map();
    for (const [x, sum] of kept) offer(keep, x, sum);
  }
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  return Array.from({ length: n }, (_, i) => find(i));
}

/** One starting group for `groupAverage`: its size, its summed unit vectors, and its dated span. */
export interface AverageGroup {
  size: number;
  rank: number;
  /** Σ of the members' L2-normalised term vectors (term id → weight). */
  sum: Map<number, number>;
  /** Earliest and latest day of the dated members, when any is dated. */
  days?: [number, number];
}

export function dot(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of small) {
    const x = large.get(k);
    if (x !== undefined) s += w * x;
  }
  return s;
}

const EMPTY = new Float64Array(0);
/** The dense buffer `DotAgainst` spreads vectors into, all zeros between uses. */
let scratch = EMPTY;

/**
 * `dot(fixed, other)` for many others against one fixed vector (a group's offers to its neighbours):
 * when the fixed vector is the larger, it is spread once into a dense array and each smaller other is
 * read against it, instead of a map lookup per term. The same products are added in the same order
 * (the smaller vector's insertion order) as `dot`, so the result is the same number: a term absent
 * from the fixed vector reads as 0 and is skipped, as is a present weight of 0, whose product (±0)
 * would not change the sum either.
 */
export class DotAgainst {
  private dense: Float64Array;
  private spread: Map<number, number> | undefined;

  /** `maxTerm`: the largest term id of the vectors it will see. */
  constructor(private readonly maxTerm: number) {
    this.dense = EMPTY;
  }

  dot(fixed: Map<number, number>, other: Map<number, number>): number {
    if (fixed.size <= other.size) return dot(fixed, other);
    if (this.spread !== fixed) {
      this.clear();
      // One zeroed buffer for every call (most components are small and never need it); each call
      // leaves it zeroed again (`clear`).
      if (scratch.length <= this.maxTerm)
        scratch = new Float64Array(Math.max(this.maxTerm + 1, 2 * scratch.length));
      this.dense = scratch;
      for (const [k, w] of fixed) this.dense[k] = w;
      this.spread = fixed;
    }
    const dense = this.dense;
    let s = 0;
    for (const [k, w] of other) {
      const x = dense[k]!;
      if (x !== 0) s += w * x;
    }
    return s;
  }

  /** Forget the spread vector (call before it changes). */
  clear(): void {
    if (!this.spread) return;
    for (const k of this.spread.keys()) this.dense[k] = 0;
    this.spread = undefined;
  }
}

/** Conditions a group-average merge must also meet (docs/decisions/0012). */
export interface GroupAverageLimits {
  /** The cosine of the two summed vectors (centroids) reaches this. */
  centroidMin: number;
  /**
   * When both groups hold at least `cohesionMinSize` members from two or more starting groups, their
   * mean cross cosine reaches this share of the geometric mean of their own cohesions (the mean
   * cosine over their member pairs from different starting groups): a merge may not dilute two
   * cohesive groups into one much looser than either (two stories on one issue stay apart).
   */
  cohesionRatio: number;
  cohesionMinSize: number;
  /**
   * A merge into a group of n > `softSize` members needs a mean of threshold × (n / softSize) ^
   * `sizePower` (0: no such condition): past the size of a story one can follow, only a group that
   * stays as tight grows further; a loose topic splits into its stories instead.
   */
  softSize?: number;
  sizePower?: number;
}

/**
 * Exact group-average (UPGMA) clustering on cosine: the mean cosine over all member pairs of two
 * groups is Σa·Σb / (|A|·|B|), so it is computed from the summed vectors, with no pair left out —
 * whether or not the candidate search compared it. Only groups joined by a candidate edge are
 * considered for a merge. Two groups whose dated spans lie more than `maxGapDays` apart never merge.
 * Returns each group's final representative (the lowest-ranked group of its cluster).
 */
export function groupAverage(
  groups: AverageGroup[],
  edges: ReadonlyArray<readonly [number, number]>,
  threshold: number,
  maxGapDays: number,
  /** Further conditions on a merge (each off at 0). */
  limits: GroupAverageLimits = { centroidMin: 0, cohesionRatio: 0, cohesionMinSize: 0 },
): number[] {
  const { centroidMin, cohesionRatio, cohesionMinSize, softSize = 0, sizePower = 0 } = limits;
  const n = groups.length;
  const version = new Array<number>(n).fill(0);
  const parent = Array.from({ length: n }, (_, i) => i);
  const adjacency: Array<Set<number>> = Array.from({ length: n }, () => new Set());
  for (const [a, b] of edges) {
    if (a === b) continue;
    adjacency[a]!.add(b);
    adjacency[b]!.add(a);
  }
  const rank = (x: number) => groups[x]!.rank;
  const tracked = centroidMin > 0 || cohesionRatio > 0;
  const normSq = tracked ? groups.map((g) => dot(g.sum, g.sum)) : [];
  // Mean cosine over a group's own member pairs: (|Σ|² − n) / (n (n − 1)) for unit vectors.
  // The starting groups (events, for storylines) are the units of cohesion: a group's cohesion is the
  // mean cosine over its pairs of members from *different* starting groups,
  // (|Σ|² − Σ_u |Σ_u|²) / (n² − Σ_u n_u²), so tight events do not make a storyline look tight.
  const unitSq = tracked ? [...normSq] : [];
  const unitN2 = groups.map((g) => g.size * g.size);
  const units = groups.map(() => 1);
  const cohesion = (x: number) => {
    const size = groups[x]!.size;
    return (normSq[x]! - unitSq[x]!) / (size * size - unitN2[x]!);
  };
  // Held to the condition: groups of two starting groups or more (a lone event has no spread of its
  // own to compare with) and at least `cohesionMinSize` members.
  const cohesive = (x: number) => units[x]! >= 2 && groups[x]!.size >= cohesionMinSize;
  const lo = (c: Candidate) => Math.min(rank(c.a), rank(c.b));
  const hi = (c: Candidate) => Math.max(rank(c.a), rank(c.b));
  const heap = new Heap((x, y) =>
    x.score !== y.score ? x.score > y.score : lo(x) !== lo(y) ? lo(x) < lo(y) : hi(x) < hi(y),
  );
  let maxTerm = 0;
  for (const g of groups) for (const k of g.sum.keys()) if (k > maxTerm) maxTerm = k;
  const against = new DotAgainst(maxTerm);
  const offer = (a: number, b: number) => {
    const ga = groups[a]!;
    const gb = groups[b]!;
    if (ga.days && gb.days) {
      const gap = Math.max(ga.days[0], gb.days[0]) - Math.min(ga.days[1], gb.days[1]);
      if (gap > maxGapDays) return;
    }
    const d = against.dot(ga.sum, gb.sum);
    const score = d / (ga.size * gb.size);
    if (centroidMin > 0 && d < centroidMin * Math.sqrt(normSq[a]! * normSq[b]!)) return;
    if (
      cohesionRatio > 0 &&
      cohesive(a) &&
      cohesive(b) &&
      score < cohesionRatio * Math.sqrt(Math.max(0, cohesion(a)) * Math.max(0, cohesion(b)))
    )
      return;
    // A merge that makes a group larger than `softSize` needs a mean that grows with the size.
    const merged = ga.size + gb.size;
    const need = softSize > 0 && merged > softSize ? threshold * (merged / softSize) ** sizePower : threshold;
    if (score >= need) heap.push({ score, a, b, va: version[a]!, vb: version[b]! });
  };
  try {
    for (let a = 0; a < n; a++) {
      // Visit neighbours in rank order, so float sums never depend on edge order.
      for (const b of [...adjacency[a]!].sort((x, y) => rank(x) - rank(y))) if (a < b) offer(a, b);
    }
    while (heap.size > 0) {
      const c = heap.pop()!;
      if (c.va !== version[c.a] || c.vb !== version[c.b]) continue;
      const [keep, gone] = rank(c.a) < rank(c.b) ? [c.a, c.b] : [c.b, c.a];
      parent[gone] = keep;
      version[keep]! += 1;
      version[gone]! += 1;
      const gk = groups[keep]!;
      const gg = groups[gone]!;
      // Both sums change below: neither may stay spread.
      against.clear();
      if (tracked) {
        normSq[keep] = normSq[keep]! + normSq[gone]! + 2 * dot(gk.sum, gg.sum);
        unitSq[keep]! += unitSq[gone]!;
      }
      unitN2[keep]! += unitN2[gone]!;
      units[keep]! += units[gone]!;
      gk.size += gg.size;
      for (const [k, w] of gg.sum) gk.sum.set(k, (gk.sum.get(k) ?? 0) + w);
      if (gg.days)
        gk.days = gk.days ? [Math.min(gk.days[0], gg.days[0]), Math.max(gk.days[1], gg.days[1])] : gg.days;
      gg.sum = new Map();
      for (const x of adjacency[gone]!) {
        if (x === keep) continue;
        adjacency[x]!.delete(gone);
        adjacency[x]!.add(keep);
        adjacency[keep]!.add(x);
      }
      adjacency[keep]!.delete(gone);
      adjacency[gone] = new Set();
      for (const x of [...adjacency[keep]!].sort((p, q) => rank(p) - rank(q))) offer(keep, x);
    }
  } finally {
    // The shared buffer is left zeroed for the next call.
    against.clear();
  }
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  return Array.from({ length: n }, (_, i) => find(i));
}
