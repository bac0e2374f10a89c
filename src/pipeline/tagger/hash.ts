/**
 * Feature hashing for the trained taggers: 32-bit FNV-1a for strings, MurmurHash-style mixing to
 * combine a template number with hashed values — no string is built per feature.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a hash of a string. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Mix one more 32-bit value into a running hash (MurmurHash2's step). */
const step = (h: number, x: number): number => {
  const k = Math.imul(x, 0x5bd1e995);
  return Math.imul(h, 0x5bd1e995) ^ Math.imul(k ^ (k >>> 24), 0x5bd1e995);
};

/** MurmurHash3's finaliser: every input bit reaches every output bit (a signed 32-bit result). */
const finish = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
};

/**
 * The feature of template t with one, two or three hashed values, as a signed 32-bit integer: V8
 * keeps these as small integers, where the unsigned form is a double half the time (the attribution
 * tagger computes 24 a token; these ran 2–8× as fast in a micro-benchmark). Same bits as `f1`–`f3`.
 */
export const g1 = (t: number, a: number): number => finish(step(t + 0x9747b28c, a));
export const g2 = (t: number, a: number, b: number): number => finish(step(step(t + 0x9747b28c, a), b));
export const g3 = (t: number, a: number, b: number, c: number): number =>
  finish(step(step(step(t + 0x9747b28c, a), b), c));

/** The same features unsigned (the form the weights files store). */
export const f1 = (t: number, a: number): number => g1(t, a) >>> 0;
export const f2 = (t: number, a: number, b: number): number => g2(t, a, b) >>> 0;
export const f3 = (t: number, a: number, b: number, c: number): number => g3(t, a, b, c) >>> 0;

const H_BOS = hashString('<s>');
const H_EOS = hashString('</s>');

/** The hash at position i of a per-token array, or the sentence-boundary hash outside it. */
export const hashAt = (a: Uint32Array, i: number): number => (i < 0 ? H_BOS : i >= a.length ? H_EOS : a[i]!);
