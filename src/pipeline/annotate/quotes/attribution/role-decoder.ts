/**
 * Inference for the attribution tagger, built for memory latency (docs/decisions/0043, sixth
 * version). The shared decoder (`tagger/sequence.ts`) looks up a token's 33 features one after the
 * other in a table of several megabytes, each lookup a likely cache miss. Here:
 * - 13 of the 17 label-independent features that read words read one word each: their weights are
 *   summed once per distinct word into rows (word-rows.ts, token-rows.ts), and a token's score adds
 *   the rows of the five words around it; one more reads the coarse cluster with the distance from
 *   the cue (a row per cluster and band);
 * - the three that read two or three words are hashed for every token of a sentence first, then
 *   their slots found in one tight loop (the loads are independent, so the processor overlaps their
 *   misses);
 * - those over few values are read from dense tables built once: `stateFeatures` (label history and
 *   quotation state, 14 × 14 × 8 × 3 values), `positionFeatures`, `cueDistanceFeatures`, and
 *   `cueWordFeature` per cue word;
 * - the four that read the history with the word (`wordStateHashes`) are rows of the word too, one
 *   per label before it and one per set of roles before it, summed on first use.
 * Weights are 16-bit integers summed exactly, so the labels are those of `tagDocument` with the same
 * weights (the tests compare the two; on all 2,906 pile-dev articles' sentences too).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Range } from '../../../../core/span.ts';
import { tokensOf } from '../../../segment/segment.ts';
import type { WeightsFormat } from '../../../tagger/weights.ts';
import {
  ATTRIBUTION_FORMAT,
  ATTRIBUTION_LABELS,
  ATTRIBUTION_MODEL_URL,
  type AttributionSentence,
  commaBetween,
  cueDistanceFeatures,
  cueSide,
  cueWordFeature,
  fromCue,
  positionFeatures,
  positionOf,
  prepareAttributionSentence,
  ROLE_BIT,
  type RoleSpan,
  roleRanges,
  stateFeatures,
  type WordLook,
} from './attribution-tagger.ts';
import { addRows, bestOfFour } from './label-rows.ts';
import {
  CONTEXT_FEATURES,
  CUE_BANDS,
  contextHashes,
  ROW_AFTER,
  ROW_BEFORE,
  ROW_TWO_AFTER,
  ROW_TWO_BEFORE,
  WORD_ROWS,
} from './token-rows.ts';
import { WordRows } from './word-rows.ts';

/** The layout of `encodeWeights` (src/pipeline/tagger/weights.ts): "SNER", format version 1. */
const MAGIC = 0x52454e53;
const FORMAT_VERSION = 1;

/** An open-addressing table of 32-byte slots (hash, then up to 14 label weights), at most half full. */
class SlotTable {
  readonly slots: Int16Array;
  readonly keys: Int32Array;
  readonly mask: number;

  constructor(hashes: Uint32Array, weights: Int16Array, L: number) {
    let cap = 1024;
    while (cap < hashes.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int16Array(cap * 16);
    this.keys = new Int32Array(this.slots.buffer);
    for (let r = 0; r < hashes.length; r++) {
      const k = hashes[r]! | 0 || 1;
      let at = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[at * 8] !== 0) at = (at + 1) & this.mask;
      this.keys[at * 8] = k;
      this.slots.set(weights.subarray(r * L, (r + 1) * L), at * 16 + 2);
    }
  }

  /** The index of a feature's first weight in `slots`, or −1 when the table does not hold it. */
  find(feature: number): number {
    const k = feature | 0 || 1;
    const { keys, mask } = this;
    let at = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const found = keys[at * 8]!;
      if (found === k) return at * 16 + 2;
      if (found === 0) return -1;
      at = (at + 1) & mask;
    }
  }
}

/** Label history values: −1 (before the sentence) … L−1, stored at +1. */
const stateIndex = (p2: number, p1: number, mask: number, q: number, L: number): number =>
  (((p2 + 1) * (L + 1) + (p1 + 1)) * 8 + mask) * 3 + q;

export class RoleDecoder {
  private readonly table: SlotTable;
  private readonly L: number;
  /** Summed weights of `stateFeatures` for each (p2, p1, roles, quotation state), L per entry. */
  private readonly state: Int32Array;
  /** …of `positionFeatures` for each (quotation state, quoted, position, cue band). */
  private readonly position: Int32Array;
  /** …of `cueDistanceFeatures` for each (distance band, the cue's band, quotation state). */
  private readonly distance: Int32Array;
  /** …of `cueWordFeature` for each (side, comma), by the cue word's hash (few words are a cue). */
  private readonly cueWords = new Map<number, Int32Array>();
  /** Each token's word-pair and coarse-triple features (`contextHashes`), and their slots. */
  private features = new Int32Array(0);
  private found = new Int32Array(0);
  private tokenScores = new Int32Array(0);
  /** The sentence `prepare` fills (its arrays reused), and the word id of each of its tokens. */
  private sentence: AttributionSentence | undefined;
  private ids = new Int32Array(0);
  private cursor = 0;
  private readonly words: WordRows;
  private readonly look = (w: string): WordLook => {
    const e = this.words.look(w);
    this.ids[this.cursor++] = e.id;
    return e;
  };
  private readonly scratch: number[] = [];

  constructor(gz: Buffer, format: WeightsFormat) {
    const buf = gunzipSync(gz);
    if (buf.length < 24 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== FORMAT_VERSION)
      throw new Error(`${format.file} is not a tagger model of this version: run \`${format.trainCommand}\``);
    if (buf.readUInt32LE(8) !== format.featureVersion || buf.readUInt32LE(12) !== format.labels)
      throw new Error(`${format.file} was trained on other features: run \`${format.trainCommand}\``);
    const n = buf.readUInt32LE(16);
    const L = format.labels;
    if (L !== 13) throw new Error(`${format.file}: the decoder is written for 13 labels (sum), not ${L}`);
    const hashes = new Uint32Array(n);
    for (let r = 0; r < n; r++) hashes[r] = buf.readUInt32LE(24 + r * 4);
    const from = buf.byteOffset + 24 + n * 4;
    this.table = new SlotTable(hashes, new Int16Array(buf.buffer.slice(from, from + n * L * 2)), L);
    this.L = L;
    this.state = new Int32Array((L + 1) * (L + 1) * 8 * 3 * L);
    for (let p2 = -1; p2 < L; p2++)
      for (let p1 = -1; p1 < L; p1++)
        for (let mask = 0; mask < 8; mask++)
          for (let q = 0; q < 3; q++) {
            this.scratch.length = 0;
            stateFeatures(p1, p2, mask, q, this.scratch);
            this.add(this.scratch, this.state, stateIndex(p2, p1, mask, q, L) * L);
          }
    this.position = this.dense([3, 2, 5, 5], ([q, quoted, position, band], out) =>
      positionFeatures(q!, quoted!, position!, band!, out),
    );
    this.distance = this.dense([14, 5, 3], ([fc, band, q], out) => cueDistanceFeatures(fc!, band!, q!, out));
    this.words = new WordRows(L, (f, into, o) => this.add(f, into, o));
  }

  /** The summed weights of `features` for every combination of values below `sizes`, L per entry. */
  private dense(sizes: number[], features: (values: number[], out: number[]) => void): Int32Array {
    const count = sizes.reduce((a, b) => a * b, 1);
    const table = new Int32Array(count * this.L);
    for (let e = 0; e < count; e++) {
      const values: number[] = [];
      let rest = e;
      for (let d = sizes.length - 1; d >= 0; d--) {
        values[d] = rest % sizes[d]!;
        rest = Math.floor(rest / sizes[d]!);
      }
      this.scratch.length = 0;
      features(values, this.scratch);
      this.add(this.scratch, table, e * this.L);
    }
    return table;
  }

  /** Adds the weights of `features` into `into` at `offset`. */
  private add(features: readonly number[], into: Int32Array, offset: number): void {
    const { slots } = this.table;
    for (const f of features) {
      const base = this.table.find(f);
      if (base < 0) continue;
      for (let l = 0; l < this.L; l++) into[offset + l]! += slots[base + l]!;
    }
  }

  /** The slot of each of `count` features from `from` into `found` (−1: absent), loads overlapping. */
  private probe(features: Int32Array, from: number, count: number, found: Int32Array): void {
    const { keys, mask } = this.table;
    for (let j = from; j < from + count; j++) {
      const k = features[j]! | 0 || 1;
      let at = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
      let slot = keys[at * 8]!;
      while (slot !== k && slot !== 0) {
        at = (at + 1) & mask;
        slot = keys[at * 8]!;
      }
      found[j] = slot === 0 ? -1 : at * 16 + 2;
    }
  }

  /** The rows of `cueWordFeature` of the cue word `hCue` (0: none) for each (side, comma). */
  private cueWordRows(hCue: number): Int32Array {
    let rows = this.cueWords.get(hCue);
    if (rows) return rows;
    rows = new Int32Array(8 * this.L);
    for (let side = 0; side < 4; side++)
      for (let comma = 0; comma < 2; comma++) {
        this.scratch.length = 0;
        this.scratch.push(cueWordFeature(hCue, side, comma));
        this.add(this.scratch, rows, (side * 2 + comma) * this.L);
      }
    if (this.cueWords.size >= 10_000) this.cueWords.clear();
    this.cueWords.set(hCue, rows);
    return rows;
  }

  private grow(n: number): void {
    if (this.ids.length >= n) return;
    this.features = new Int32Array(n * 2 * CONTEXT_FEATURES);
    this.found = new Int32Array(n * 2 * CONTEXT_FEATURES);
    this.tokenScores = new Int32Array(n * 2 * this.L);
    this.ids = new Int32Array(n * 2);
  }

  /** A sentence prepared for `decode`: valid until the next call. */
  prepare(words: string[]): AttributionSentence {
    // The store is emptied between sentences, never while one is prepared (its ids would change).
    this.words.makeRoom(words.length);
    this.grow(words.length);
    this.cursor = 0;
    this.sentence = prepareAttributionSentence(words, this.sentence, this.look);
    return this.sentence;
  }

  /**
   * The labels of the sentence `prepare` returned last, greedy left to right (ties to the lower
   * label): each token's label-independent score from its words' rows, the dense tables and three
   * lookups, then per step the history's dense row and the word's rows after that history.
   */
  decode(s: AttributionSentence): number[] {
    const { L } = this;
    const per = CONTEXT_FEATURES;
    const n = s.words.length;
    const { features, found, tokenScores, ids } = this;
    const { rows, cueCoarse, coarseOf } = this.words;
    for (let i = 0; i < n; i++) contextHashes(s, i, features, i * per);
    this.probe(features, 0, n * per, found);
    const cueWord = this.cueWordRows(s.cueAt < 0 ? 0 : s.hNorm[s.cueAt]!);
    const quoted = s.quoted ? 1 : 0;
    const cueBand = s.cueAt < 0 ? 0 : s.cue[s.cueAt]!;
    const wr = WORD_ROWS * L;
    for (let i = 0; i < n; i++) {
      const q = s.quote[i]!;
      const fc = fromCue(i, s.cueAt);
      const a = (((q * 2 + quoted) * 5 + positionOf(i, n)) * 5 + s.cue[i]!) * L;
      const b = ((fc * 5 + cueBand) * 3 + q) * L;
      const c = (cueSide(s, i) * 2 + commaBetween(s, i)) * L;
      const self = ids[i]! * wr + q * L;
      const before = (i > 0 ? ids[i - 1]! : 0) * wr + ROW_BEFORE * L;
      const after = (i + 1 < n ? ids[i + 1]! : 1) * wr + ROW_AFTER * L;
      const twoBefore = (i > 1 ? ids[i - 2]! : 0) * wr + ROW_TWO_BEFORE * L;
      const twoAfter = (i + 2 < n ? ids[i + 2]! : 1) * wr + ROW_TWO_AFTER * L;
      const d = (coarseOf[ids[i]!]! * CUE_BANDS + fc) * L;
      for (let l = 0; l < L; l++)
        tokenScores[i * L + l] =
          this.position[a + l]! +
          this.distance[b + l]! +
          cueWord[c + l]! +
          rows[self + l]! +
          rows[before + l]! +
          rows[after + l]! +
          rows[twoBefore + l]! +
          rows[twoAfter + l]! +
          cueCoarse[d + l]!;
      addRows(this.table.slots, found, i * per, per, tokenScores, i * L);
    }
    const out: number[] = new Array<number>(n);
    let p1 = -1;
    let p2 = -1;
    let roles = 0;
    for (let i = 0; i < n; i++) {
      const st = stateIndex(p2, p1, roles, s.quote[i]!, L) * L;
      const h = this.words.afterLabel(ids[i]!, p1);
      const r = this.words.afterRoles(ids[i]!, roles);
      const best = bestOfFour(tokenScores, i * L, this.state, st, this.words.history, h, r);
      out[i] = best;
      roles |= ROLE_BIT[best]!;
      p2 = p1;
      p1 = best;
    }
    return out;
  }
}

let decoder: RoleDecoder | undefined;

/** The shipped weights, read once on first use. */
export function roleDecoder(): RoleDecoder {
  decoder ??= new RoleDecoder(readFileSync(ATTRIBUTION_MODEL_URL), ATTRIBUTION_FORMAT);
  return decoder;
}

/** The role spans of each sentence, as character ranges of the text (as `tagRoles`, faster). */
export function findRoles(text: string, sentences: readonly Range[], d = roleDecoder()): RoleSpan[][] {
  return sentences.map((r) => {
    // The tokens of `sentenceWords`, kept as they are: their offsets are the ranges.
    const tokens = tokensOf(text, r);
    const labels = d.decode(d.prepare(tokens.map((t) => t.text)));
    return roleRanges(ATTRIBUTION_LABELS.spansOf(labels), tokens);
  });
}
