/**
 * `tokenHashes`'s 17 features (attribution-tagger.ts) regrouped for the decoder (role-decoder.ts) by
 * what they read, so that most of a token's score is summed from rows kept per distinct word instead
 * of 17 lookups in a table of several megabytes:
 * - 13 read one word of the five around the token (the token itself, with its quotation state; the
 *   word before or after; two before or after): summed once per word into `WORD_ROWS` rows;
 * - one reads the distance from the likeliest cue with the token's coarse cluster: a row per
 *   (distance band, coarse cluster);
 * - three read two or three words (`contextHashes`): looked up per token.
 * Weights are integers, so the sums are those of the 17 lookups whatever their grouping.
 */
import { g1, g2, g3, hashString } from '../../../tagger/hash.ts';
import type { AttributionSentence, WordLook } from './attribution-tagger.ts';

/** Rows per word: itself outside, inside and on quotation marks; before; after; two before; two after. */
export const WORD_ROWS = 7;
export const ROW_BEFORE = 3;
export const ROW_AFTER = 4;
export const ROW_TWO_BEFORE = 5;
export const ROW_TWO_AFTER = 6;

/** The hashes of the words before the sentence and after it (`at` of attribution-tagger.ts). */
export const H_BOS = hashString('<s>') | 0;
export const H_EOS = hashString('</s>') | 0;

type Hashes = Pick<WordLook, 'hNorm' | 'hShape' | 'hCoarse' | 'hFine' | 'hSuffix'>;

/** A word standing for the sentence's boundary: every hash is the boundary's. */
export const boundaryWord = (h: number): Hashes => ({
  hNorm: h,
  hShape: h,
  hCoarse: h,
  hFine: h,
  hSuffix: h,
});

/**
 * The features of row `row` of a word (as `tokenHashes` writes them), pushed to `out`: for the rows of
 * the word itself (its quotation state, 0–2), only those that read the quotation state — the other
 * five (`ownFeatures`) are the same in the three rows.
 */
export function wordRowFeatures(w: Hashes, row: number, out: number[]): void {
  switch (row) {
    case ROW_BEFORE:
      out.push(g1(2, w.hNorm), g1(11, w.hFine));
      return;
    case ROW_AFTER:
      out.push(g1(3, w.hNorm), g1(12, w.hFine));
      return;
    case ROW_TWO_BEFORE:
      out.push(g1(4, w.hNorm));
      return;
    case ROW_TWO_AFTER:
      out.push(g1(5, w.hNorm));
      return;
    default:
      out.push(g2(17, w.hNorm, row), g2(18, w.hFine, row));
  }
}

/** The features of the word itself that do not read its quotation state (in each of its rows 0–2). */
export function ownFeatures(w: Hashes, out: number[]): void {
  out.push(g1(1, w.hNorm), g1(8, w.hShape), g1(9, w.hCoarse), g1(10, w.hFine), g1(16, w.hSuffix));
}

/** Rows of a word that hold `ownFeatures` too. */
export const OWN_ROWS = 3;

/** The feature of the distance band from the likeliest cue (`fromCue`) with a coarse cluster. */
export const cueCoarseFeature = (fromCue: number, hCoarse: number): number => g2(21, fromCue, hCoarse);

/** Distance bands `fromCue` returns. */
export const CUE_BANDS = 14;

/** How many features `contextHashes` writes a token. */
export const CONTEXT_FEATURES = 3;

/** The features of token i that read two or three words (the word pairs, the coarse triple), from `o`. */
export function contextHashes(s: AttributionSentence, i: number, out: Int32Array, o: number): void {
  const { hNorm, hCoarse } = s;
  const n = s.words.length;
  const w = hNorm[i]!;
  const prev = i > 0 ? hNorm[i - 1]! : H_BOS;
  const next = i + 1 < n ? hNorm[i + 1]! : H_EOS;
  out[o] = g2(6, prev, w);
  out[o + 1] = g2(7, w, next);
  out[o + 2] = g3(13, i > 0 ? hCoarse[i - 1]! : H_BOS, hCoarse[i]!, i + 1 < n ? hCoarse[i + 1]! : H_EOS);
}

/** The label features that read the label before the token with its word (`wordStateHashes`' first two). */
export const afterLabelFeatures = (p1: number, hNorm: number, hFine: number, out: number[]): void => {
  out.push(g2(42, p1, hNorm), g2(43, p1, hFine));
};

/** …that read the roles before the token with its word (`wordStateHashes`' last two). */
export const afterRolesFeatures = (mask: number, hNorm: number, hFine: number, out: number[]): void => {
  out.push(g2(45, mask, hNorm), g2(46, mask, hFine));
};
