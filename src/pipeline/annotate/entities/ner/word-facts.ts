/**
 * What the trained taggers (entities, attribution) read of a word whatever its context — its folded
 * form, shape, word clusters and their hashes — computed once per distinct word and shared by both
 * (a bounded cache: words repeat, so most lookups are hits).
 */
import { hashString } from '../../../tagger/hash.ts';
import type { WordScores } from '../../../tagger/sequence.ts';
import { type CaseCounts, caseCounts, normalize, shapeOf } from './features.ts';
import { clusterOf } from './word-clusters.ts';

export interface WordFacts {
  /** Lower case, digits as 0, typographic quotes and dashes folded (`normalize`). */
  norm: string;
  hNorm: number;
  /** The word as written. */
  hWord: number;
  hShape: number;
  /** The last three characters of `norm`. */
  hSuffix: number;
  /** The word's coarse and fine cluster, or a fixed "unknown" hash. */
  hCoarse: number;
  hFine: number;
  cap: 0 | 1;
  /** No capital letter anywhere in the word (punctuation and digits included). */
  uncased: 0 | 1;
  /** Starts with a lower-case letter. */
  lowerInitial: boolean;
  /**
   * The longest lexicon phrase starting with `norm` (its `maxLenByFirst`), memoised for the lexicon
   * `gazOf` by the entity tagger (undefined until first asked).
   */
  gazOf: object | undefined;
  gazMax: number;
  /** The lexicon's trie node of `norm` (its `trie`), memoised with `gazMax`. */
  gazNode: object | undefined;
  /** Does the entity tagger settle the word in prose (bit 1), in a headline (bit 2); -1 until asked. */
  settles: number;
  /** The entity tagger's word-feature scores (its `WordScores`, tagger/sequence.ts). */
  scoresOf: WordScores | undefined;
  scores: Float64Array | undefined;
  /** What the sentence-casing test reads of the word. */
  counts: CaseCounts;
}

const H_UNKNOWN = hashString('?');
const CACHE_LIMIT = 100_000;
const cache = new Map<string, WordFacts>();

export function wordFacts(w: string): WordFacts {
  let f = cache.get(w);
  if (f) return f;
  const norm = normalize(w);
  const c = clusterOf(w);
  const counts = caseCounts(w);
  const c0 = w.charCodeAt(0);
  let ascii = true;
  for (let k = 0; k < w.length && ascii; k++) ascii = w.charCodeAt(k) < 128;
  f = {
    norm,
    hNorm: hashString(norm),
    hWord: hashString(w),
    hShape: hashString(shapeOf(w)),
    hSuffix: hashString(norm.slice(-3)),
    hCoarse: c ? c.coarse + 1 : H_UNKNOWN,
    hFine: c ? c.fine + 0x10000 : H_UNKNOWN,
    cap: counts.capped ? 1 : 0,
    // An ASCII word is uncased when it has no A-Z (`counts.upper`); it starts lower-case at a-z.
    uncased: (ascii ? counts.upper === 0 : w.toLowerCase() === w) ? 1 : 0,
    lowerInitial: c0 < 128 ? c0 >= 97 && c0 <= 122 : /^\p{Ll}/u.test(w),
    gazOf: undefined,
    gazMax: 0,
    gazNode: undefined,
    settles: -1,
    scoresOf: undefined,
    scores: undefined,
    counts,
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(w, f);
  return f;
}
