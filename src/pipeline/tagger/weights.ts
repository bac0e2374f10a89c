/**
 * Trained tagger weights: a table keyed by feature hash, stored gzipped (docs/decisions/0021) and
 * read once by the tagger that owns the file.
 *
 * File layout (before gzip), little-endian: "SNER", u32 format version, u32 feature version, u32
 * label count L, u32 row count n, f32 scale; n u32 feature hashes in ascending order; n×L i16
 * weights (value = i16 × scale).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Scorer } from './sequence.ts';

const FORMAT_VERSION = 1;
const MAGIC = 0x52454e53; // "SNER" little-endian

/**
 * Feature hash → row, by open addressing over a power-of-two table of (key, row) pairs side by side
 * (keys 0 = empty; a hash of 0 is stored as 1). Several times faster than a Map for the ~40 lookups
 * each token makes, and one cache line per probe.
 */
class RowTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(hashes: ArrayLike<number>) {
    let cap = 1024;
    while (cap < hashes.length * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (let r = 0; r < hashes.length; r++) {
      const k = hashes[r]! | 0 || 1;
      let at = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
      while (this.slots[at * 2] !== 0) at = (at + 1) & this.mask;
      this.slots[at * 2] = k;
      this.slots[at * 2 + 1] = r;
    }
  }
  get(hash: number): number {
    const k = hash | 0 || 1;
    let at = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const found = this.slots[at * 2]!;
      if (found === k) return this.slots[at * 2 + 1]!;
      if (found === 0) return -1;
      at = (at + 1) & this.mask;
    }
  }
}

/**
 * Weights ready to score: one row of label weights per known feature hash, kept as the file's
 * 16-bit integers — a positive common scale changes no argmax, so scores are summed unscaled.
 */
export class WeightTable {
  private readonly table: RowTable;
  readonly size: number;
  constructor(
    hashes: ArrayLike<number>,
    private readonly weights: Int16Array,
    private readonly L: number,
  ) {
    this.table = new RowTable(hashes);
    this.size = hashes.length;
  }

  readonly score: Scorer = (features, scores) => {
    const L = this.L;
    const w = this.weights;
    for (let f = 0; f < features.length; f++) {
      const r = this.table.get(features[f]!);
      if (r < 0) continue;
      const base = r * L;
      for (let l = 0; l < L; l++) scores[l]! += w[base + l]!;
    }
  };
}

/** What a weights file must match: its feature version and label count, and how to remake it. */
export interface WeightsFormat {
  featureVersion: number;
  labels: number;
  /** Named in errors: "ner-model.bin". */
  file: string;
  trainCommand: string;
}

/** Serialize averaged weights (hash → one weight per label), keeping rows whose largest |weight| ≥ `prune`. */
export function encodeWeights(
  weights: Map<number, Float64Array>,
  prune: number,
  format: WeightsFormat,
): Buffer {
  const L = format.labels;
  const kept = [...weights.entries()]
    .filter(([, w]) => w.some((x) => Math.abs(x) >= prune))
    .sort((a, b) => a[0] - b[0]);
  let max = 0;
  for (const [, w] of kept) for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? max / 32767 : 1;
  const n = kept.length;
  const buf = Buffer.alloc(24 + n * 4 + n * L * 2);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(FORMAT_VERSION, 4);
  buf.writeUInt32LE(format.featureVersion, 8);
  buf.writeUInt32LE(L, 12);
  buf.writeUInt32LE(n, 16);
  buf.writeFloatLE(scale, 20);
  kept.forEach(([h, w], r) => {
    buf.writeUInt32LE(h, 24 + r * 4);
    for (let l = 0; l < L; l++) buf.writeInt16LE(Math.round(w[l]! / scale), 24 + n * 4 + (r * L + l) * 2);
  });
  return gzipSync(buf, { level: 9 });
}

/** Read weights written by `encodeWeights`; throws, naming the command to run, when they do not fit. */
export function decodeWeights(gz: Buffer, format: WeightsFormat): WeightTable {
  let buf: Buffer;
  try {
    buf = gunzipSync(gz);
  } catch {
    throw new Error(`${format.file} is not a gzipped tagger model: run \`${format.trainCommand}\``);
  }
  if (buf.length < 24 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== FORMAT_VERSION) {
    throw new Error(`${format.file} is not a tagger model of this version: run \`${format.trainCommand}\``);
  }
  if (buf.readUInt32LE(8) !== format.featureVersion || buf.readUInt32LE(12) !== format.labels) {
    throw new Error(`${format.file} was trained on other features: run \`${format.trainCommand}\``);
  }
  const n = buf.readUInt32LE(16);
  const L = format.labels;
  const hashes = new Uint32Array(n);
  for (let r = 0; r < n; r++) hashes[r] = buf.readUInt32LE(24 + r * 4);
  const from = buf.byteOffset + 24 + n * 4;
  const weights = new Int16Array(buf.buffer.slice(from, from + n * L * 2));
  return new WeightTable(hashes, weights, L);
}
