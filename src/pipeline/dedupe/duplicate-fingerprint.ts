import type { Range } from '../../core/span.ts';
import type { ClusterInput } from '../../core/story.ts';
import { bandKeys, minHash } from './minhash.ts';
import {
  exactHash,
  STOPWORDS,
  shingleHashes,
  tokensIn,
  type WordToken,
  wordTokens,
} from './text-features.ts';

/** What duplicate and reuse detection keep about one article (small, JSON-friendly). */
export interface DuplicateFingerprint {
  /** Hash of the whitespace- and typography-normalised text: equal means an exact duplicate. */
  exact: number;
  /** MinHash (64 permutations) of the article's word 4-shingles. */
  signature: number[];
  /** Candidate keys for passage reuse: 3 LSH bands (2 rows) of each sentence's word 3-shingle MinHash. */
  reuseKeys: number[];
}

export const NEAR_PERMUTATIONS = 64;
const SHINGLE = 4;
const SENTENCE_SHINGLE = 3;
const SENTENCE_MIN_WORDS = 8;
/** Reuse keys from at most this many sentences (the first ones), so long articles stay bounded. */
const SENTENCE_LIMIT = 60;
const STOP = STOPWORDS;

/** Fingerprint an article; `sentences` (from the segment stage) saves segmenting again. */
export function duplicateFingerprint(
  input: ClusterInput,
  sentences: readonly Range[],
  tokens: readonly WordToken[] = wordTokens(input.text),
): DuplicateFingerprint {
  const words = tokens.map((t) => t.word);
  const signature = minHash(shingleHashes(words, SHINGLE), NEAR_PERMUTATIONS);
  const reuseKeys: number[] = [];
  let used = 0;
  for (const s of sentences) {
    if (used >= SENTENCE_LIMIT) break;
    const sw = tokensIn(tokens, s.start, s.end).map((t) => t.word);
    let content = 0;
    for (const w of sw) if (!STOP.has(w)) content += 1;
    if (sw.length < SENTENCE_MIN_WORDS || content < 4) continue;
    used += 1;
    const sig = minHash(shingleHashes(sw, SENTENCE_SHINGLE), 6);
    for (const key of bandKeys(sig, 3, 2, 0x72657573)) reuseKeys.push(key);
  }
  return { exact: exactHash(input.text), signature, reuseKeys: [...new Set(reuseKeys)] };
}
