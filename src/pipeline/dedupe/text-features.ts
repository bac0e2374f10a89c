import { languagePack } from '../language/language-pack.ts';
/**
 * Text features shared by deduplication and clustering: word tokens with offsets, 32-bit hashes,
 * a stopword list. Everything here is a pure function of its input (no corpus statistics), so the
 * decisions built on it do not depend on which other articles were seen first.
 */

export interface WordToken {
  /** Lower-cased, apostrophes and diacritics kept as they are. */
  word: string;
  start: number;
  end: number;
  /** Capitalised and not the first word of a sentence: a proper-noun hint. */
  proper: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Is the UTF-16 unit at `i` part of a word ([\p{L}\p{N}])? ASCII is decided by code; others by regex. */
function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // A surrogate pair is tested as one code point, as the /u regex does.
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  return LETTER_OR_DIGIT.test(text[i]!);
}

/**
 * Visit the maximal runs of letters and digits in `text[start, end)` as [from, to) (a run that
 * starts inside the range may end past it). A hand-written scan (ASCII decided by character code) —
 * the hot path of dedupe and clustering — equal to matching /[\p{L}\p{N}]+/gu.
 */
export function scanWords(
  text: string,
  start: number,
  end: number,
  visit: (from: number, to: number) => void,
): void {
  const n = text.length;
  let i = start;
  while (i < end) {
    if (!isWordUnit(text, i)) {
      i += 1;
      continue;
    }
    const from = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        if (!isWordUnit(text, i)) break;
        i += 2;
        continue;
      }
      if (!isWordUnit(text, i)) break;
      i += 1;
    }
    visit(from, i);
  }
}

/**
 * Word tokens of `text[start, end)` ("U.S." → "u", "s"; "it’s" → "it", "s"): maximal runs of
 * letters and digits (`scanWords`), lower-cased, with offsets and a proper-noun hint.
 */
export function wordTokens(text: string, start = 0, end = text.length): WordToken[] {
  const out: WordToken[] = [];
  scanWords(text, start, end, (from, to) => {
    const raw = text.slice(from, to);
    const first = raw.charCodeAt(0);
    const upper = first >= 65 && first <= 90 ? true : first > 127 && raw[0] !== raw[0]!.toLowerCase();
    out.push({
      word: raw.toLowerCase(),
      start: from,
      end: Math.min(to, end),
      proper: upper && !sentenceInitial(text, from),
    });
  });
  return out;
}

/** The lower-cased words of `text[start, end)` alone: `wordTokens(…).map((t) => t.word)` without the objects. */
export function lowerWords(text: string, start = 0, end = text.length): string[] {
  const out: string[] = [];
  scanWords(text, start, end, (from, to) => {
    out.push(text.slice(from, to).toLowerCase());
  });
  return out;
}

/** Is the word at `index` the first of a sentence or paragraph (so its capital says nothing)? */
function sentenceInitial(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0) {
    const c = text[i]!;
    if (c === '\n') return true;
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '‘' || c === "'" || c === '(') {
      i -= 1;
      continue;
    }
    return c === '.' || c === '!' || c === '?' || c === ':' || c === '—' || c === '-';
  }
  return true;
}

/** murmur3 finaliser: a good 32-bit mix. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed: a stable unsigned 32-bit hash of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Hashes of the word n-grams of a token list (order kept, duplicates kept). */
export function shingleHashes(words: readonly string[], n: number): number[] {
  const out: number[] = [];
  if (words.length < n) {
    if (words.length > 0) out.push(hash32(words.join(' ')));
    return out;
  }
  const hashes = words.map(hash32);
  for (let i = 0; i + n <= words.length; i++) {
    let h = 0x9747b28c;
    for (let j = i; j < i + n; j++) h = mix32(h ^ hashes[j]!) + j - i;
    out.push(mix32(h));
  }
  return out;
}

/** Text with typography and whitespace normalised: what "the same clean text" compares. */
export function normaliseForExact(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Is this UTF-16 code unit JavaScript whitespace (`\s`, what `trim` removes)? */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `hash32(normaliseForExact(text))` in one pass, without building the normalised string. */
export function exactHash(text: string): number {
  const s = text.normalize('NFC');
  let h = 0x811c9dc5;
  let started = false;
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      h = Math.imul(h ^ 32, 0x01000193);
      pendingSpace = false;
    }
    started = true;
    if (c === 0x2018 || c === 0x2019 || c === 0x60 || c === 0xb4) c = 39;
    else if (c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e) c = 34;
    else if (c >= 0x2010 && c <= 0x2014) c = 45;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return mix32(h);
}

/**
 * Function words plus the reporting vocabulary every news article shares ("said", "officials",
 * "according"): they say nothing about which happening an article is about.
 */
export const STOPWORDS: ReadonlySet<string> = languagePack().stopwords;

/** The tokens (from `wordTokens` of the whole text) that lie inside [start, end): a binary search. */
export function tokensIn(tokens: readonly WordToken[], start: number, end: number): WordToken[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let stop = lo;
  while (stop < tokens.length && tokens[stop]!.end <= end) stop += 1;
  return tokens.slice(lo, stop);
}
