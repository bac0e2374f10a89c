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
 * Weights ready to score, by open addressing over a power-of-two table (at most half full) whose
 * slots hold a feature hash and its label weights side by side — one cache line per lookup: 32 bytes
 * a slot for up to 14 labels, 64 for up to 30. Scoring is bound by memory latency (~30 lookups a
 * token in a table of several megabytes): a separate index of rows, then the row, cost two misses
 * (and a row of 26 or 34 bytes often straddles two lines); this layout scored the attribution tagger's
 * features 1.8× and the entity tagger's 1.25× as fast (docs/decisions/0021). The weights stay the
 * file's 16-bit integers — a positive common scale changes no argmax, so scores are summed unscaled.
 * Hash 0 marks an empty slot; a feature hash of 0 is stored as 1.
 */
export class WeightTable {
  readonly size: number;
  private readonly slots: Int16Array;
  /** The same memory read as 32-bit words: a slot's hash is word `at * stride / 2`. */
  private readonly keys: Int32Array;
  private readonly mask: number;
  private readonly stride: number;

  constructor(
    hashes: ArrayLike<number>,
    weights: Int16Array,
    private readonly L: number,
  ) {
    this.size = hashes.length;
    this.stride = Math.ceil((L + 2) / 16) * 16;
    let cap = 1024;
    while (cap < hashes.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int16Array(cap * this.stride);
    this.keys = new Int32Array(this.slots.buffer);
    const half = this.stride / 2;
    for (let r = 0; r < hashes.length; r++) {
      const k = hashes[r]! | 0 || 1;
      let at = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[at * half] !== 0) at = (at + 1) & this.mask;
      this.keys[at * half] = k;
      this.slots.set(weights.subarray(r * L, (r + 1) * L), at * this.stride + 2);
    }
  }

  /** Where `score`'s first pass leaves the rows it found. */
  private found = new Int32Array(256);

  /**
   * Two passes: find every feature's slot (a short loop, so the processor has many of these
   * independent cache misses in flight at once), then sum the rows found (their lines are loaded
   * by then). The same sums as one pass, in the same order; 1.25× as fast on recorded feature streams.
   */
  readonly score: Scorer = (features, scores) => {
    const { L, slots, keys, mask, stride } = this;
    const half = stride / 2;
    if (this.found.length < features.length) this.found = new Int32Array(features.length * 2);
    const rows = this.found;
    let n = 0;
    for (let f = 0; f < features.length; f++) {
      const k = features[f]! | 0 || 1;
      let at = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
      for (;;) {
        const found = keys[at * half]!;
        if (found === k) {
          rows[n++] = at * stride + 2;
          break;
        }
        if (found === 0) break;
        at = (at + 1) & mask;
      }
    }
    for (let r = 0; r < n; r++) {
      const base = rows[r]!;
      for (let l = 0; l < L; l++) scores[l]! += slots[base + l]!;
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
