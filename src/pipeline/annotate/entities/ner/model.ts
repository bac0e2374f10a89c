/**
 * The trained entity tagger: a weight table keyed by feature hash, stored gzipped in ner-model.bin
 * (docs/decisions/0021; `npm run train:ner` writes it) and loaded once, on first use.
 *
 * File layout (before gzip), little-endian: "SNER", u32 format version, u32 feature version, u32
 * label count L, u32 row count n, f32 scale; n u32 feature hashes in ascending order; n×L i16
 * weights (value = i16 × scale).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Lexicon } from '../lexicon.ts';
import {
  decodeSentence,
  documentContext,
  LABELS,
  prepareSentence,
  type Scorer,
  spansOf,
  type TaggedSpan,
} from './decode.ts';
import { FEATURE_VERSION } from './features.ts';

const FORMAT_VERSION = 1;
const MAGIC = 0x52454e53; // "SNER" little-endian

/**
 * Feature hash → row, by open addressing over a power-of-two table (keys 0 = empty; a hash of 0 is
 * stored as 1). Several times faster than a Map for the ~35 lookups each token makes.
 */
class RowTable {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  constructor(hashes: ArrayLike<number>) {
    let cap = 1024;
    while (cap < hashes.length * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
    for (let r = 0; r < hashes.length; r++) {
      const k = hashes[r]! >>> 0 || 1;
      let at = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[at] !== 0) at = (at + 1) & this.mask;
      this.keys[at] = k;
      this.rows[at] = r;
    }
  }
  get(hash: number): number {
    const k = hash >>> 0 || 1;
    let at = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const found = this.keys[at]!;
      if (found === k) return this.rows[at]!;
      if (found === 0) return -1;
      at = (at + 1) & this.mask;
    }
  }
}

export class NerModel {
  private readonly L = LABELS.length;
  private readonly table: RowTable;
  constructor(
    hashes: ArrayLike<number>,
    private readonly weights: Float32Array,
  ) {
    this.table = new RowTable(hashes);
    this.size = hashes.length;
  }

  /** Number of features with weights. */
  readonly size: number;

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

  /** Tag a document given as sentences of words; the entities of each sentence, in token indices. */
  tagDocument(sentences: string[][], lex: Lexicon | undefined): TaggedSpan[][] {
    const doc = documentContext(sentences);
    return sentences.map((words) => spansOf(decodeSentence(prepareSentence(words, lex), doc, this.score)));
  }
}

/** Serialize averaged weights (hash → one weight per label), keeping rows whose largest |weight| ≥ `prune`. */
export function encodeModel(weights: Map<number, Float64Array>, prune: number): Buffer {
  const L = LABELS.length;
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
  buf.writeUInt32LE(FEATURE_VERSION, 8);
  buf.writeUInt32LE(L, 12);
  buf.writeUInt32LE(n, 16);
  buf.writeFloatLE(scale, 20);
  kept.forEach(([h, w], r) => {
    buf.writeUInt32LE(h, 24 + r * 4);
    for (let l = 0; l < L; l++) buf.writeInt16LE(Math.round(w[l]! / scale), 24 + n * 4 + (r * L + l) * 2);
  });
  return gzipSync(buf, { level: 9 });
}

/** Read a model written by `encodeModel`; throws when the file is of another format or feature set. */
export function decodeModel(gz: Buffer): NerModel {
  const buf = gunzipSync(gz);
  if (buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== FORMAT_VERSION) {
    throw new Error('ner-model.bin is not an entity-tagger model of this version: run `npm run train:ner`');
  }
  if (buf.readUInt32LE(8) !== FEATURE_VERSION || buf.readUInt32LE(12) !== LABELS.length) {
    throw new Error('ner-model.bin was trained on other features: run `npm run train:ner`');
  }
  const n = buf.readUInt32LE(16);
  const scale = buf.readFloatLE(20);
  const L = LABELS.length;
  const hashes = new Uint32Array(n);
  for (let r = 0; r < n; r++) hashes[r] = buf.readUInt32LE(24 + r * 4);
  const q = new Int16Array(
    buf.buffer.slice(buf.byteOffset + 24 + n * 4, buf.byteOffset + 24 + n * 4 + n * L * 2),
  );
  const weights = new Float32Array(n * L);
  for (let k = 0; k < weights.length; k++) weights[k] = q[k]! * scale;
  return new NerModel(hashes, weights);
}

/** Where the shipped model lives: beside this module (and beside the bundle in dist/). */
export const NER_MODEL_URL = new URL('./ner-model.bin', import.meta.url);

let cached: NerModel | undefined;

/** The shipped model, read on first use. */
export function nerModel(): NerModel {
  cached ??= decodeModel(readFileSync(NER_MODEL_URL));
  return cached;
}
