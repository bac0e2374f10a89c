/**
 * The exchange algorithm for word clustering (Kneser & Ney 1993; Martin, Liermann & Ney 1998), used by
 * scripts/train-word-clusters.ts: move each unit (a word, or a class of words) to the class that most
 * raises the class-bigram log-likelihood Σ N(c,d) log N(c,d) − Σ N(c) log N(c) − Σ N(d) log N(d), until
 * few units move. A dense class × class count matrix (and its transpose, for contiguous column reads)
 * and per-unit class counts of its left and right neighbours make one move cost O(classes × the
 * classes its neighbours fall in). Deterministic: round-robin start by frequency rank, no randomness.
 */

/** Bigram counts between units, as adjacency lists both ways. */
export interface Graph {
  units: number;
  outStart: Int32Array;
  outTo: Int32Array;
  outCount: Int32Array;
  inStart: Int32Array;
  inFrom: Int32Array;
  inCount: Int32Array;
  total: number;
}

/** Build a graph from sorted, distinct bigram keys (left * units + right) and their counts. */
export function graphOf(units: number, keys: Float64Array, counts: Int32Array): Graph {
  const n = keys.length;
  const outStart = new Int32Array(units + 1);
  const inStart = new Int32Array(units + 1);
  for (let k = 0; k < n; k++) {
    outStart[Math.floor(keys[k]! / units) + 1]! += 1;
    inStart[(keys[k]! % units) + 1]! += 1;
  }
  for (let u = 0; u < units; u++) {
    outStart[u + 1]! += outStart[u]!;
    inStart[u + 1]! += inStart[u]!;
  }
  const outTo = new Int32Array(n);
  const outCount = new Int32Array(n);
  const inFrom = new Int32Array(n);
  const inCount = new Int32Array(n);
  const inFill = inStart.slice(0, units);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const left = Math.floor(keys[k]! / units);
    const right = keys[k]! % units;
    outTo[k] = right;
    outCount[k] = counts[k]!;
    const j = inFill[right]!++;
    inFrom[j] = left;
    inCount[j] = counts[k]!;
    total += counts[k]!;
  }
  return { units, outStart, outTo, outCount, inStart, inFrom, inCount, total };
}

/** x log x for every integer up to `n`. */
export function xlogxTable(n: number): Float64Array {
  const t = new Float64Array(n + 1);
  for (let x = 1; x <= n; x++) t[x] = x * Math.log(x);
  return t;
}

/** Σ n log n over the units' counts (as the right element of a bigram): the likelihood's emission part. */
export function emissionTerm(g: Graph, xlogx: Float64Array): number {
  let f = 0;
  for (let u = 0; u < g.units; u++) {
    let n = 0;
    for (let k = g.inStart[u]!; k < g.inStart[u + 1]!; k++) n += g.inCount[k]!;
    f += xlogx[n]!;
  }
  return f;
}

export interface ExchangeOptions {
  /** Movable classes. */
  classes: number;
  /** `fixed[u]` ≥ 0 pins unit u to class `classes + fixed[u]`; −1 for a movable unit. */
  fixed: Int32Array;
  /** Number of fixed classes. */
  fixedClasses: number;
  /** The movable units, by descending frequency: the start (round-robin) and the visiting order. */
  order: readonly number[];
  /** At most this many passes; fewer once under 0.1% of the units move in a pass. */
  iterations: number;
  /** x log x table covering the graph's total count (`xlogxTable`). */
  xlogx: Float64Array;
  /** Σ n log n over the words' counts, to report the likelihood per word bigram. */
  emission: number;
  /** Called at the start and after each pass with the log-likelihood per bigram and the units moved. */
  report: (iteration: number, logLikelihood: number, moved: number) => void;
}

export interface Clustering {
  /** The class of every unit. */
  cls: Int32Array;
  /** Class-bigram counts, K × K (K = classes + fixed classes): `N[c * K + d]`. */
  N: Int32Array;
}

/** Exchange clustering of the graph's units (see ExchangeOptions). */
export function exchange(g: Graph, options: ExchangeOptions): Clustering {
  const { classes: C, fixed, order } = options;
  const K = C + options.fixedClasses;
  const cls = new Int32Array(g.units);
  for (let u = 0; u < g.units; u++) if (fixed[u]! >= 0) cls[u] = C + fixed[u]!;
  order.forEach((u, rank) => {
    cls[u] = rank % C;
  });
  const N = new Int32Array(K * K); // N[c * K + d]: bigrams (class c, class d)
  const NT = new Int32Array(K * K); // the transpose
  const outM = new Float64Array(K);
  const inM = new Float64Array(K);
  for (let u = 0; u < g.units; u++) {
    for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
      const c = cls[u]!;
      const d = cls[g.outTo[k]!]!;
      N[c * K + d]! += g.outCount[k]!;
      NT[d * K + c]! += g.outCount[k]!;
      outM[c]! += g.outCount[k]!;
      inM[d]! += g.outCount[k]!;
    }
  }
  const T = options.xlogx;
  const objective = (): number => {
    let f = 0;
    for (let i = 0; i < K * K; i++) f += T[N[i]!]!;
    for (let c = 0; c < K; c++) f -= T[outM[c]!]! + T[inM[c]!]!;
    return f;
  };
  const report = (iteration: number, moved: number): void =>
    options.report(iteration, (objective() + options.emission) / g.total, moved);
  report(0, 0);
  const lc = new Int32Array(K);
  const rc = new Int32Array(K);
  const left: number[] = [];
  const right: number[] = [];
  const gain = new Float64Array(C);
  const move = (c: number, sign: number, self: number, out: number, inn: number): void => {
    for (const k of left) {
      N[k * K + c]! += sign * lc[k]!;
      NT[c * K + k]! += sign * lc[k]!;
    }
    for (const k of right) {
      N[c * K + k]! += sign * rc[k]!;
      NT[k * K + c]! += sign * rc[k]!;
    }
    N[c * K + c]! += sign * self;
    NT[c * K + c]! += sign * self;
    outM[c]! += sign * out;
    inM[c]! += sign * inn;
  };
  for (let iter = 1; iter <= options.iterations; iter++) {
    let moved = 0;
    for (const u of order) {
      let self = 0;
      let inn = 0;
      let out = 0;
      for (let k = g.inStart[u]!; k < g.inStart[u + 1]!; k++) {
        const v = g.inFrom[k]!;
        const n = g.inCount[k]!;
        inn += n;
        if (v === u) self += n;
        else {
          const c = cls[v]!;
          if (lc[c] === 0) left.push(c);
          lc[c]! += n;
        }
      }
      for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
        const v = g.outTo[k]!;
        const n = g.outCount[k]!;
        out += n;
        if (v !== u) {
          const c = cls[v]!;
          if (rc[c] === 0) right.push(c);
          rc[c]! += n;
        }
      }
      const from = cls[u]!;
      move(from, -1, self, out, inn);
      for (let b = 0; b < C; b++)
        gain[b] = T[outM[b]!]! - T[outM[b]! + out]! + T[inM[b]!]! - T[inM[b]! + inn]!;
      for (const k of left) {
        const l = lc[k]!;
        const row = k * K;
        for (let b = 0; b < C; b++) {
          const n = N[row + b]!;
          gain[b]! += T[n + l]! - T[n]!;
        }
      }
      for (const k of right) {
        const r = rc[k]!;
        const row = k * K;
        for (let b = 0; b < C; b++) {
          const n = NT[row + b]!;
          gain[b]! += T[n + r]! - T[n]!;
        }
      }
      // The diagonal cell (b, b) gets the left, right and self counts together, not one by one.
      const fixDiagonal = (b: number): void => {
        const n = N[b * K + b]!;
        const l = lc[b]!;
        const r = rc[b]!;
        gain[b]! += T[n + l + r + self]! - T[n + l]! - T[n + r]! + T[n]!;
      };
      if (self > 0) for (let b = 0; b < C; b++) fixDiagonal(b);
      else {
        for (const b of left) if (b < C) fixDiagonal(b);
        for (const b of right) if (b < C && lc[b] === 0) fixDiagonal(b);
      }
      let best = from;
      for (let b = 0; b < C; b++) if (gain[b]! > gain[best]! + 1e-9) best = b;
      if (best !== from) moved += 1;
      cls[u] = best;
      move(best, 1, self, out, inn);
      for (const k of left) lc[k] = 0;
      for (const k of right) rc[k] = 0;
      left.length = 0;
      right.length = 0;
    }
    report(iter, moved);
    if (moved < 0.001 * order.length) break;
  }
  return { cls, N };
}
