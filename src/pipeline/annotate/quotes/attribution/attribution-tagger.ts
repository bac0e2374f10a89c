/**
 * The attribution tagger (docs/decisions/0043): a sequence tagger over each sentence's tokens that
 * marks source (SRC), cue (CUE) and content (CNT) spans, trained on PolNeAR (`npm run
 * train:attribution`), the weights in attribution-model.bin, read once on first use. Features: the
 * words around the token, shape, word clusters (the entity tagger's, learned from unlabelled news),
 * whether the token stands inside quotation marks, its place in the sentence, how often PolNeAR's
 * annotators marked the word as (part of) a cue, where the token stands from the sentence's likeliest
 * cue word (how far, which side, which word, a comma between), and which of the three roles the
 * sentence has shown so far (a content follows its cue; "X said" puts the source first).
 */
import { readFileSync } from 'node:fs';
import type { Range } from '../../../../core/span.ts';
import { tokenize } from '../../../segment/segment.ts';
import { f1, f2, f3, g1, g2, g3, hashString } from '../../../tagger/hash.ts';
import { LabelSet, type TaggedSpan, type TaggerSpec, tagDocument } from '../../../tagger/sequence.ts';
import { decodeWeights, type WeightsFormat, type WeightTable } from '../../../tagger/weights.ts';
import { type WordFacts, wordFacts } from '../../entities/ner/word-facts.ts';
import cueData from './attribution-cues.json' with { type: 'json' };

export const ATTRIBUTION_TYPES = ['SRC', 'CUE', 'CNT'] as const;
export type AttributionRole = (typeof ATTRIBUTION_TYPES)[number];
export const ATTRIBUTION_LABELS = new LabelSet<AttributionRole>(ATTRIBUTION_TYPES);

/** Bumped whenever a template changes (the weights must be retrained). */
export const ATTRIBUTION_FEATURE_VERSION = 3;

/**
 * Per-word cue shares (lower case → share of the word's occurrences inside a cue) the cue features
 * read: the shipped attribution-cues.json, or, while training, the shares the trainer computed from
 * its own training split (`useCueRates`).
 */
let cueRates: ReadonlyMap<string, number> = new Map(Object.entries(cueData.rates));
export function useCueRates(rates: Readonly<Record<string, number>>): void {
  cueRates = new Map(Object.entries(rates));
}

/** The cue shares in use (lower case → share). */
export const cueRateTable = (): ReadonlyMap<string, number> => cueRates;

/** The cue share of a word (any case; the shares are kept in lower case); 0 for a word never or rarely inside a cue. */
export function cueShare(word: string): number {
  return cueRates.get(word.toLowerCase()) ?? 0;
}

/** A cue share in five bands: none, < 0.05, < 0.2, < 0.5, ≥ 0.5. */
const cueBand = (rate: number): number =>
  rate <= 0 ? 0 : rate < 0.05 ? 1 : rate < 0.2 ? 2 : rate < 0.5 ? 3 : 4;

/** 1 when a comma stands between token i and the sentence's likeliest cue word, else 0. */
export function commaBetween(s: AttributionSentence, i: number): number {
  if (s.cueAt < 0 || i === s.cueAt) return 0;
  return s.commas[Math.max(i, s.cueAt)]! - s.commas[Math.min(i, s.cueAt) + 1]! > 0 ? 1 : 0;
}

/** Signed distance from the sentence's likeliest cue word, in bands (0: the sentence has none). */
export function fromCue(i: number, cue: number): number {
  if (cue < 0) return 0;
  const d = i - cue;
  const a = Math.abs(d);
  const band = a <= 1 ? 0 : a <= 2 ? 1 : a <= 4 ? 2 : a <= 8 ? 3 : a <= 16 ? 4 : 5;
  return d === 0 ? 1 : d > 0 ? 2 + band : 8 + band;
}

/** One sentence prepared for the templates. */
export interface AttributionSentence {
  words: string[];
  hNorm: Int32Array;
  hShape: Int32Array;
  hCoarse: Int32Array;
  hFine: Int32Array;
  hSuffix: Int32Array;
  /** 1 inside quotation marks, 2 on a quotation mark, 0 outside. */
  quote: Uint8Array;
  /** Does the sentence hold a quotation mark at all? */
  quoted: boolean;
  /** Each token's cue share band (`cueBand`). */
  cue: Uint8Array;
  /** The token with the highest cue share (−1: no token has one ≥ 0.2). */
  cueAt: number;
  /** How many commas precede each token in the sentence (a comma between a token and the cue). */
  commas: Uint16Array;
  /** Decoding state: the roles (bits) the labels chosen so far hold. */
  roles: number;
}

const QUOTE_MARKS = new Set(['"', '“', '”', '„', '«', '»']);

/** What the templates read of a word whatever its context: its hashes and its cue share. */
export interface WordLook extends Pick<WordFacts, 'hNorm' | 'hShape' | 'hSuffix' | 'hCoarse' | 'hFine'> {
  share: number;
}

/**
 * A sentence prepared for the templates. The decoder passes `into`, a sentence whose arrays it
 * reuses when they are long enough (the arrays may be longer than the sentence), and `look`, which
 * stands for `wordFacts` and `cueShare` (its per-word cache).
 */
export function prepareAttributionSentence(
  words: string[],
  into?: AttributionSentence,
  look?: (w: string) => WordLook,
): AttributionSentence {
  const n = words.length;
  const fits = into !== undefined && into.hNorm.length >= n;
  const size = into ? Math.max(n, 2 * into.hNorm.length) : n;
  const s: AttributionSentence = fits
    ? into
    : {
        words,
        hNorm: new Int32Array(size),
        hShape: new Int32Array(size),
        hCoarse: new Int32Array(size),
        hFine: new Int32Array(size),
        hSuffix: new Int32Array(size),
        quote: new Uint8Array(size),
        quoted: false,
        cue: new Uint8Array(size),
        cueAt: -1,
        commas: new Uint16Array(size),
        roles: 0,
      };
  s.words = words;
  s.quoted = false;
  s.cueAt = -1;
  s.roles = 0;
  let inside = false;
  let best = 0.2;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    s.commas[i] = (i > 0 ? s.commas[i - 1]! : 0) + (i > 0 && words[i - 1] === ',' ? 1 : 0);
    const f = look ? look(w) : wordFacts(w);
    const rate = look ? (f as WordLook).share : cueShare(w);
    s.cue[i] = cueBand(rate);
    if (rate > best) {
      best = rate;
      s.cueAt = i;
    }
    s.hNorm[i] = f.hNorm;
    s.hShape[i] = f.hShape;
    s.hSuffix[i] = f.hSuffix;
    s.hCoarse[i] = f.hCoarse;
    s.hFine[i] = f.hFine;
    // Every mark is one character: a longer word is none, and is not hashed for the set.
    if (w.length === 1 && QUOTE_MARKS.has(w)) {
      s.quoted = true;
      s.quote[i] = 2;
      // A closing curly mark closes; an opening one opens; a straight mark toggles.
      inside = w === '”' || w === '»' ? false : w === '“' || w === '«' || w === '„' ? true : !inside;
    } else s.quote[i] = inside ? 1 : 0;
  }
  return s;
}

const H_BOS = hashString('<s>') | 0;
const H_EOS = hashString('</s>') | 0;
/** The hash at position i of a per-token array of n, or the sentence-boundary hash outside it (`hashAt`). */
const at = (a: Int32Array, i: number, n: number): number => (i < 0 ? H_BOS : i >= n ? H_EOS : a[i]!);

/** How many features `tokenHashes` writes a token. */
export const TOKEN_FEATURES = 17;

/**
 * The label-independent features of token i that read its words (`TOKEN_FEATURES` of them), written
 * to `out` from `o`; those over few values are `positionFeatures`, `cueDistanceFeatures` and
 * `cueWordFeature`, which the decoder reads from dense tables.
 */
export function tokenHashes(s: AttributionSentence, i: number, out: Int32Array, o: number): void {
  const { hNorm, hFine, hCoarse } = s;
  const n = s.words.length;
  const w = hNorm[i]!;
  const prev = at(hNorm, i - 1, n);
  const next = at(hNorm, i + 1, n);
  const fine = hFine[i]!;
  const coarse = hCoarse[i]!;
  const q = s.quote[i]!;
  out[o] = g1(1, w);
  out[o + 1] = g1(2, prev);
  out[o + 2] = g1(3, next);
  out[o + 3] = g1(4, at(hNorm, i - 2, n));
  out[o + 4] = g1(5, at(hNorm, i + 2, n));
  out[o + 5] = g2(6, prev, w);
  out[o + 6] = g2(7, w, next);
  out[o + 7] = g1(8, s.hShape[i]!);
  out[o + 8] = g1(9, coarse);
  out[o + 9] = g1(10, fine);
  out[o + 10] = g1(11, at(hFine, i - 1, n));
  out[o + 11] = g1(12, at(hFine, i + 1, n));
  out[o + 12] = g3(13, at(hCoarse, i - 1, n), coarse, at(hCoarse, i + 1, n));
  out[o + 13] = g1(16, s.hSuffix[i]!);
  out[o + 14] = g2(17, w, q);
  out[o + 15] = g2(18, fine, q);
  out[o + 16] = g2(21, fromCue(i, s.cueAt), coarse);
}

/** Token i's place in the sentence: 0 first, then 1–4 by quarter. */
export const positionOf = (i: number, n: number): number =>
  i === 0 ? 0 : Math.min(4, 1 + Math.floor((4 * i) / n));

/** The bias, the quotation state, the place in the sentence and the word's cue band (4 features). */
export function positionFeatures(
  q: number,
  quoted: number,
  position: number,
  band: number,
  out: number[],
): void {
  out.push(f1(0, 0), f2(14, q, quoted), f2(15, position, q), f1(19, band));
}

/** The signed distance band from the likeliest cue (`fromCue`), with that cue's band, and with q. */
export function cueDistanceFeatures(fc: number, cueBand: number, q: number, out: number[]): void {
  out.push(f2(20, fc, cueBand), f2(22, fc, q));
}

/**
 * Which cue word it is, and on which side of it the token stands (0: no cue; 1 before, 2 on it, 3
 * after), a comma between or not ("…, according to X": the source after; "X said": before).
 */
export const cueWordFeature = (cueWord: number, side: number, comma: number): number =>
  f3(23, cueWord, side, comma);

/** Token i's side of the likeliest cue, as `cueWordFeature` reads it. */
export const cueSide = (s: AttributionSentence, i: number): number =>
  s.cueAt < 0 ? 0 : Math.sign(i - s.cueAt) + 2;

const oneToken = new Int32Array(TOKEN_FEATURES);
function tokenFeatures(s: AttributionSentence, i: number, _ctx: unknown, out: number[]): void {
  tokenHashes(s, i, oneToken, 0);
  for (let k = 0; k < TOKEN_FEATURES; k++) out.push(oneToken[k]! >>> 0);
  const q = s.quote[i]!;
  positionFeatures(q, s.quoted ? 1 : 0, positionOf(i, s.words.length), s.cue[i]!, out);
  cueDistanceFeatures(fromCue(i, s.cueAt), s.cueAt < 0 ? 0 : s.cue[s.cueAt]!, q, out);
  out.push(cueWordFeature(s.cueAt < 0 ? 0 : s.hNorm[s.cueAt]! >>> 0, cueSide(s, i), commaBetween(s, i)));
}

/** The role bit of each label: SRC 1, CUE 2, CNT 4 (O 0). */
export const ROLE_BIT = ATTRIBUTION_LABELS.labels.map((_, l) =>
  l === 0 ? 0 : 1 << ATTRIBUTION_TYPES.indexOf(ATTRIBUTION_LABELS.typeOf(l)),
);

/**
 * The label features that read only the label history and the token's quotation state — few values,
 * so the decoder (`role-decoder.ts`) reads their scores from a dense table.
 */
export function stateFeatures(p1: number, p2: number, mask: number, q: number, out: number[]): void {
  out.push(f1(40, p1), f2(41, p2, p1), f1(44, mask), f2(47, p1, mask), f3(48, p1, mask, q));
}

/** The label features that read the label history with the word or fine cluster (4, from `o`). */
export function wordStateHashes(
  p1: number,
  mask: number,
  hNorm: number,
  hFine: number,
  out: Int32Array,
  o: number,
): void {
  out[o] = g2(42, p1, hNorm);
  out[o + 1] = g2(43, p1, hFine);
  out[o + 2] = g2(45, mask, hNorm);
  out[o + 3] = g2(46, mask, hFine);
}

const fourHashes = new Int32Array(4);
function wordStateFeatures(p1: number, mask: number, hNorm: number, hFine: number, out: number[]): void {
  wordStateHashes(p1, mask, hNorm, hFine, fourHashes, 0);
  for (let k = 0; k < 4; k++) out.push(fourHashes[k]! >>> 0);
}

/** The roles (bits) the labels before token i hold: "X said" puts the source first. */
function labelFeatures(
  p1: number,
  p2: number,
  s: AttributionSentence,
  i: number,
  out: number[],
  chosen: readonly number[],
): void {
  // Which roles the labels chosen so far hold, kept as decoding moves left to right.
  if (i === 0) s.roles = 0;
  else s.roles |= ROLE_BIT[chosen[i - 1]!]!;
  stateFeatures(p1, p2, s.roles, s.quote[i]!, out);
  wordStateFeatures(p1, s.roles, s.hNorm[i]!, s.hFine[i]!, out);
}

export const ATTRIBUTION_FORMAT: WeightsFormat = {
  featureVersion: ATTRIBUTION_FEATURE_VERSION,
  labels: ATTRIBUTION_LABELS.size,
  file: 'attribution-model.bin',
  trainCommand: 'npm run train:attribution',
};

export const ATTRIBUTION_SPEC: TaggerSpec<AttributionSentence, undefined, AttributionRole> = {
  labels: ATTRIBUTION_LABELS,
  featureVersion: ATTRIBUTION_FEATURE_VERSION,
  trainCommand: ATTRIBUTION_FORMAT.trainCommand,
  prepare: (words) => prepareAttributionSentence(words),
  context: () => undefined,
  length: (s) => s.words.length,
  tokenFeatures,
  labelFeatures,
};

/** Where the shipped weights live: beside this module (and beside the bundle in dist/). */
export const ATTRIBUTION_MODEL_URL = new URL('./attribution-model.bin', import.meta.url);

let cached: WeightTable | undefined;

export function attributionWeights(): WeightTable {
  cached ??= decodeWeights(readFileSync(ATTRIBUTION_MODEL_URL), ATTRIBUTION_FORMAT);
  return cached;
}

/** A role span in the text. */
export interface RoleSpan extends Range {
  role: AttributionRole;
}

/** The tokens of a sentence as the tagger reads them (the words the training script saw). */
export function sentenceWords(text: string, range: Range): { words: string[]; ranges: Range[] } {
  const tokens = tokenize(text, range);
  return { words: tokens.map((t) => t.text), ranges: tokens.map((t) => ({ start: t.start, end: t.end })) };
}

/** Token spans of a sentence as character ranges of the text. */
export function roleRanges(
  spans: readonly TaggedSpan<AttributionRole>[],
  ranges: readonly Range[],
): RoleSpan[] {
  return spans.map((sp) => ({ start: ranges[sp.start]!.start, end: ranges[sp.end - 1]!.end, role: sp.type }));
}

/**
 * The role spans of each sentence, as character ranges of the text, by the shared sequence tagger
 * (the reference the pipeline's decoder, `findRoles` of role-decoder.ts, is tested against).
 */
export function tagRoles(
  text: string,
  sentences: readonly Range[],
  weights = attributionWeights(),
): RoleSpan[][] {
  const tokenized = sentences.map((r) => sentenceWords(text, r));
  const tagged: TaggedSpan<AttributionRole>[][] = tagDocument(
    ATTRIBUTION_SPEC,
    weights.score,
    tokenized.map((t) => t.words),
  );
  return tagged.map((spans, si) => roleRanges(spans, tokenized[si]!.ranges));
}
