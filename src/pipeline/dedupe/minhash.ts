import { mix32 } from './text-features.ts';

/** Per-permutation seeds, fixed so signatures are comparable across runs and machines. */
const SEEDS: number[] = Array.from({ length: 256 }, (_, i) =>
  mix32(0x5bd1e995 + Math.imul(i + 1, 0x9e3779b9)),
);

const SEED_ARRAY = Int32Array.from(SEEDS);

/**
 * MinHash signature of a set of 32-bit hashes: for each of `k` seeded permutations, the minimum.
 * The fraction of equal positions between two signatures estimates the Jaccard similarity.
 */
export function minHash(hashes: readonly number[], k: number): number[] {
  if (k > SEEDS.length) throw new Error(`minHash supports at most ${SEEDS.length} permutations`);
  const sig = new Uint32Array(k).fill(0xffffffff);
  // mix32 inlined: this loop runs k times per shingle and dominates fingerprinting.
  for (const h of hashes) {
    for (let i = 0; i < k; i++) {
      let v = h ^ SEED_ARRAY[i]!;
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v ^= v >>> 16;
      if (v >>> 0 < sig[i]!) sig[i] = v >>> 0;
    }
  }
  return Array.from(sig);
}

/** Fraction of equal positions: the MinHash estimate of Jaccard similarity. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same += 1;
  return same / n;
}

/**
 * LSH band keys: the signature cut into `bands` bands of `rows` values, each band hashed with its
 * index and a salt (so different key families never collide by design). Two sets share a key with
 * probability 1 − (1 − J^rows)^bands.
 */
export function bandKeys(sig: ArrayLike<number>, bands: number, rows: number, salt: number): number[] {
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = mix32(salt ^ Math.imul(b + 1, 0x27d4eb2d));
    for (let r = 0; r < rows; r++) h = mix32(h ^ (sig[b * rows + r] ?? 0));
    keys.push(h);
  }
  return keys;
}
