/**
 * Features of the entity tagger (docs/decisions/0021). Every feature is a 32-bit hash of a template
 * number and its values (src/pipeline/tagger/hash.ts), computed without building strings: the tagger
 * looks each hash up in its weight table. Templates follow Ratinov & Roth (2009) — the words around
 * the token, its shape, affixes, the labels already predicted, the casing of the whole sentence,
 * gazetteer membership, word clusters learned from unlabelled news, and two document-level cues (the
 * label this word got earlier in the document; whether the word also appears in lower case there).
 * Changing a template changes the hashes: bump FEATURE_VERSION and retrain (`npm run train:ner`).
 */

import * as hash from '../../../tagger/hash.ts';
import type { WordFacts } from './word-facts.ts';

const { hashString } = hash;
/**
 * Local bindings of the hash functions: the templates call them ~30 times a token, and a call
 * through an imported binding costs a property read on the module (an accessor once transpiled).
 */
const at = hash.hashAt;
const f1 = hash.f1;
const f2 = hash.f2;
const f3 = hash.f3;

export { hashString };

export const FEATURE_VERSION = 2;

/** How the sentence is cased: 'U' shouted (mostly capitals), 'T' title case (a headline), 'N' prose. */
export type SentenceCase = 'U' | 'T' | 'N';

/** One sentence prepared for tagging: per-token strings and the hashes the templates read. */
export interface PreparedSentence {
  words: string[];
  /** Lower case, digits as 0, typographic quotes and dashes folded. */
  norm: string[];
  /** Hashes of: the normalized word, the word as written, its shape, its gazetteer tag ("" or
   * "B-<type>" / "I-<type>" of the longest lexicon phrase covering it), its coarse and fine word
   * cluster (a fixed "unknown" hash when the word has none). */
  hNorm: Uint32Array;
  hWord: Uint32Array;
  hShape: Uint32Array;
  hGaz: Uint32Array;
  hCoarse: Uint32Array;
  hFine: Uint32Array;
  /** Is the word capitalized; is it covered by a gazetteer phrase? */
  cap: Uint8Array;
  inGaz: Uint8Array;
  /**
   * Tokens the decoder settles as outside any entity, without scoring, when the token before is
   * outside too (inference only; docs/decisions/0021): see `settledOutside` in ner-tagger.ts.
   */
  settled: Uint8Array;
  /** Does the word start with a lower-case letter (for the document's `lowerSeen`)? */
  lowerInitial: Uint8Array;
  /** Each word's facts (word-facts.ts): one object per distinct word, where caches keep what they read. */
  facts: readonly WordFacts[];
  casing: SentenceCase;
}

/** Document-wide facts the templates read: which words occur in lower case; labels given so far. */
export interface DocumentContext {
  /** Normalized forms of the words seen starting with a lower-case letter anywhere in the document. */
  lowerSeen: Set<string>;
  /** The entity type the tagger last gave a word (normalized form) in this document. */
  history: Map<string, string>;
}

const CASING: Record<SentenceCase, number> = { U: 1, T: 2, N: 3 };

/** Fold a token: lower case, digits to 0, curly quotes and long dashes to their ASCII forms. */
const NEEDS_NORMALIZE = /[0-9‘’`“”«»–—]/;

export function normalize(word: string): string {
  if (!NEEDS_NORMALIZE.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .replace(/[0-9]/g, '0')
    .replace(/[‘’`]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[–—]/g, '--');
}

/** The word's character classes with runs collapsed ("Washington" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d"). */
export function shapeOf(word: string): string {
  // An ASCII word's shape from its char codes (the same classes as below, no string per character).
  let ascii = true;
  for (let k = 0; k < word.length && ascii; k++) ascii = word.charCodeAt(k) < 128;
  if (ascii) {
    const codes: number[] = [];
    let prev = -1;
    for (let k = 0; k < word.length && codes.length < 8; k++) {
      const code = word.charCodeAt(k);
      const c =
        code >= 48 && code <= 57
          ? 100
          : code >= 65 && code <= 90
            ? 88
            : code >= 97 && code <= 122
              ? 120
              : code;
      if (c !== prev) codes.push(c);
      prev = c;
    }
    return String.fromCharCode(...codes);
  }
  let out = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    const code = ch.charCodeAt(0);
    if (code >= 48 && code <= 57) c = 'd';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code < 128) c = ch;
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 8) break;
  }
  return out;
}

/** What `sentenceCase` reads of a word: its letters, its capitals, its length, its first character. */
export interface CaseCounts {
  /** Letters and capital letters, counted per UTF-16 unit as `toLowerCase`/`toUpperCase` see them. */
  letters: number;
  upper: number;
  /** Does the word start with a letter; is that letter a capital? */
  isWord: boolean;
  capped: boolean;
  length: number;
}

/** A word's case counts (computed once per distinct word: word-facts.ts keeps them). */
export function caseCounts(w: string): CaseCounts {
  const first = w[0] ?? '';
  const c0 = w.charCodeAt(0);
  let letters = 0;
  let upper = 0;
  // ASCII first, without building a string per character: A-Z is upper case, a-z lower, the rest neither.
  let k = 0;
  for (; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 128) break;
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  for (const ch of k === 0 ? w : w.slice(k)) {
    if (ch.toLowerCase() !== ch) {
      upper++;
      letters++;
    } else if (ch.toUpperCase() !== ch) letters++;
  }
  return {
    letters,
    upper,
    // An ASCII first character is a letter when A-Z or a-z, a capital when A-Z.
    isWord: c0 < 128 ? (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) : /\p{L}/u.test(first),
    capped: c0 < 128 ? c0 >= 65 && c0 <= 90 : capitalized(w),
    length: w.length,
  };
}

/** Mostly capitals: shouted; most content words capitalized: a headline; else prose. */
export function sentenceCase(words: readonly CaseCounts[]): SentenceCase {
  let letters = 0;
  let upper = 0;
  let content = 0;
  let capped = 0;
  for (const w of words) {
    if (!w.isWord) continue;
    letters += w.letters;
    upper += w.upper;
    if (w.length > 3) {
      content++;
      if (w.capped) capped++;
    }
  }
  if (letters >= 4 && upper / letters > 0.75) return 'U';
  if (content >= 3 && capped / content >= 0.8) return 'T';
  return 'N';
}

/** A word is capitalized: its first letter is upper case. */
export const capitalized = (w: string): boolean => {
  const first = w[0] ?? '';
  return first.toLowerCase() !== first;
};

const PREFIX_T = 13;
const SUFFIX_T = 17;
const OPENERS = /^["'(`‘“-]+$/;

/** Which of a token's label-independent features to give: those that read only its word, the rest, or all. */
export const WORD_PART = 1;
export const CONTEXT_PART = 2;
const ALL_PARTS = WORD_PART | CONTEXT_PART;

/**
 * The label-independent features of token i, appended to `out` (hashes). The label-dependent ones
 * (previous labels) are added by the tagger as it decodes. `part` selects the features that read
 * nothing but the token's word (`WORD_PART`: scored once per word at inference), the others, or all —
 * always in the same order, the order training saw.
 */
export function tokenFeatures(
  s: PreparedSentence,
  i: number,
  doc: DocumentContext,
  out: number[],
  part = ALL_PARTS,
): void {
  const word = (part & WORD_PART) !== 0;
  const context = (part & CONTEXT_PART) !== 0;
  const lw = s.norm[i]!;
  const hw = s.hNorm[i]!;
  const sh = s.hShape[i]!;
  const cf = s.hFine[i]!;
  if (word) out.push(f1(0, 0), f1(1, hw), f1(2, s.hWord[i]!));
  let prev = 0;
  let next = 0;
  if (context) {
    prev = at(s.hNorm, i - 1);
    next = at(s.hNorm, i + 1);
    out.push(
      f1(3, prev),
      f1(4, next),
      f1(5, at(s.hNorm, i - 2)),
      f1(6, at(s.hNorm, i + 2)),
      f2(7, prev, hw),
      f2(8, hw, next),
    );
  }
  if (word) out.push(f1(9, sh));
  if (context) {
    const shPrev = at(s.hShape, i - 1);
    const shNext = at(s.hShape, i + 1);
    out.push(f2(10, shPrev, sh), f2(11, sh, shNext), f3(12, shPrev, sh, shNext));
  }
  if (word) {
    // Prefixes and suffixes of 1–4 characters, hashed as they grow.
    const len = lw.length;
    let hp = 0x811c9dc5;
    let hs = 0x811c9dc5;
    for (let k = 1; k <= 4 && k < len; k++) {
      hp = Math.imul(hp ^ lw.charCodeAt(k - 1), 0x01000193);
      hs = Math.imul(hs ^ lw.charCodeAt(len - k), 0x01000193);
      out.push(f1(PREFIX_T + k - 1, hp), f1(SUFFIX_T + k - 1, hs));
    }
  }
  if (context) {
    const casing = CASING[s.casing];
    const first = i === 0 || (i === 1 && OPENERS.test(s.words[0]!)) ? 1 : 2;
    out.push(f3(21, first, casing, sh), f2(22, casing, hw));
    const g = s.hGaz[i]!;
    out.push(f2(23, g, casing), f1(24, at(s.hGaz, i - 1)), f1(25, at(s.hGaz, i + 1)));
    if (s.inGaz[i]) out.push(f2(26, g, sh));
    const seen = doc.history.get(lw);
    out.push(f2(27, seen === undefined ? 0 : hashString(seen), casing));
    if (s.cap[i]) out.push(f3(28, doc.lowerSeen.has(lw) ? 1 : 2, first, casing));
    out.push(f2(29, prev, sh), f2(30, sh, next));
  }
  // Word clusters (distributional classes learned from unlabelled news): the word's and its neighbours'.
  if (word) out.push(f1(31, s.hCoarse[i]!), f1(32, cf));
  if (context) {
    out.push(
      f1(33, at(s.hCoarse, i - 1)),
      f1(34, at(s.hCoarse, i + 1)),
      f2(35, at(s.hFine, i - 1), cf),
      f2(36, cf, at(s.hFine, i + 1)),
    );
  }
  if (word) out.push(f2(37, cf, sh));
}

/** Hashes of the features that read the previously predicted labels (templates 40+); labels are indices. */
export function labelFeatures(p1: number, p2: number, s: PreparedSentence, i: number, out: number[]): void {
  out.push(f1(40, p1), f2(41, p2, p1), f2(42, p1, s.hNorm[i]!), f2(43, p1, s.hShape[i]!));
}
