/**
 * The feature hashes of `tagger/hash.ts` (`f1`, `f2`, `f3`: the same bits), as signed 32-bit integers.
 * Those return unsigned values (`>>> 0`), which V8 keeps as doubles (outside its small-integer
 * range half the time): the attribution tagger computes 24 a token, and these ran 2–8× as fast in a
 * micro-benchmark. `feature-hash.test.ts` checks the two agree.
 */
const M = 0x5bd1e995;
const SEED = 0x9747b28c;

const mix = (h: number, x: number): number => {
  const k = Math.imul(x, M);
  return Math.imul(h, M) ^ Math.imul(k ^ (k >>> 24), M);
};

const finish = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
};

export const g1 = (t: number, a: number): number => finish(mix((t + SEED) | 0, a));
export const g2 = (t: number, a: number, b: number): number => finish(mix(mix((t + SEED) | 0, a), b));
export const g3 = (t: number, a: number, b: number, c: number): number =>
  finish(mix(mix(mix((t + SEED) | 0, a), b), c));
