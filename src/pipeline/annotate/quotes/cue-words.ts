/**
 * Does a sentence hold a likely cue word? The quotes stage asks it of every sentence before the
 * attribution tagger reads it (extract-quotes.ts). The words are the runs of letters and apostrophes
 * of the lower-cased sentence; the answer is that of splitting the sentence and looking each word up
 * (`slowReaches`), found by one pass over the characters that hashes each word as it goes and looks
 * up only the words whose hash is one of the likely cues' (a sentence with other characters than
 * ASCII and common typographic marks takes the slow way).
 */
import { cueRateTable, cueShare } from './attribution/attribution-tagger.ts';

/** Does a word of the sentence (but those of `skip`, in lower case) have a cue share of `min` or more? */
export function reaches(sentence: string, min: number, skip?: ReadonlySet<string>): boolean {
  const filter = filterFor(min);
  if (!filter) return slowReaches(sentence, min, skip);
  let h = FNV_OFFSET;
  let from = -1;
  const n = sentence.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? sentence.charCodeAt(i) : 32;
    let lower = -1;
    if (c >= 65 && c <= 90) lower = c + 32;
    else if ((c >= 97 && c <= 122) || c === 39 || c === 0x2019) lower = c;
    else if (c >= 128 && !SEPARATORS.has(c)) return slowReaches(sentence, min, skip);
    if (lower >= 0) {
      if (from < 0) {
        from = i;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ lower, FNV_PRIME);
    } else if (from >= 0) {
      if (filter[h & MASK] === 1) {
        const word = sentence.slice(from, i).toLowerCase();
        if (cueShare(word) >= min && !skip?.has(word)) return true;
      }
      from = -1;
    }
  }
  return false;
}

/** `reaches` by splitting the sentence. */
export function slowReaches(sentence: string, min: number, skip?: ReadonlySet<string>): boolean {
  for (const word of sentence.toLowerCase().split(/[^\p{L}'’]+/u))
    if (cueShare(word) >= min && !skip?.has(word)) return true;
  return false;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const MASK = (1 << 14) - 1;
/** Characters beyond ASCII that are neither letters nor apostrophes and lower-case to themselves. */
const SEPARATORS = new Set([0xa0, 0x2013, 0x2014, 0x2018, 0x201c, 0x201d, 0x2022, 0x2026]);

/** The cue-share table the filters were made for, and per share, the hashes of the words at or above it. */
let filtersOf: ReadonlyMap<string, number> | undefined;
const filters = new Map<number, Uint8Array | undefined>();

/** Which hashes (masked) a word at `min` or above can have; undefined: the slow way (an empty word counts). */
function filterFor(min: number): Uint8Array | undefined {
  const rates = cueRateTable();
  if (rates !== filtersOf) {
    filters.clear();
    filtersOf = rates;
  }
  if (filters.has(min)) return filters.get(min);
  let filter: Uint8Array | undefined = new Uint8Array(MASK + 1);
  for (const [word, rate] of rates) {
    if (rate < min) continue;
    if (word === '') filter = undefined;
    if (!filter) break;
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    filter[h & MASK] = 1;
  }
  filters.set(min, filter);
  return filter;
}

/**
 * A test for a range of the text: may one of its tokens be one of `words` (lower case) in any case?
 * False only when none can be: every such token is a run of ASCII letters bounded by other characters
 * or the range's ends (the tokenizer keeps adjacent letters in one token), so a range none of whose
 * letter runs hashes as one of the words holds none. A range with a character beyond ASCII and the
 * common typographic marks may hold one (lower-casing some letters gives ASCII ones): true. All true
 * when a word is not of ASCII letters alone.
 */
export function tokenTest(words: Iterable<string>): (text: string, start: number, end: number) => boolean {
  const filter = new Uint8Array(MASK + 1);
  for (const word of words) {
    if (!/^[a-z]+$/.test(word)) return () => true;
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    filter[h & MASK] = 1;
  }
  return (text, start, end) => mayHold(filter, text, start, Math.min(end, text.length));
}

function mayHold(filter: Uint8Array, text: string, start: number, end: number): boolean {
  let h = FNV_OFFSET;
  let inRun = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 32;
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) {
      if (!inRun) {
        inRun = true;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ lower, FNV_PRIME);
      continue;
    }
    if (c >= 128 && !SEPARATORS.has(c) && c !== 0x2019) return true;
    if (inRun && filter[h & MASK] === 1) return true;
    inRun = false;
  }
  return false;
}
