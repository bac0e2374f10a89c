/**
 * The tokenizer's scan (`tokenize` in segment.ts), one token at a time and without building a string
 * or a match per token: a token is its offsets and kind. ASCII text is read character by character,
 * following the token pattern below exactly; at any character outside ASCII the pattern itself takes
 * over for that token, so the tokens are those of the pattern everywhere.
 */
import type { Range } from '../../core/span.ts';

export type TokenKind = 'word' | 'number' | 'punct';

/**
 * Numbers ("1,500.5", "40%"), words (hyphenated, with apostrophes, dotted initialisms) and single
 * punctuation characters. Shared by every scan: `lastIndex` is set before each use.
 */
const TOKEN =
  /(\p{N}+(?:[.,]\p{N}+)*%?)|(\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{N}]+)*\.?)|([^\s\p{L}\p{N}])/gu;

/** Abbreviations after which a period does not end a sentence (lower-cased, without the dot). */
export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'amb',
  'supt',
  'insp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'no',
  'nos',
  'vol',
  'vs',
  'v',
  'etc',
  'al',
  'approx',
  'est',
  'dept',
  'univ',
  'inc',
  'ltd',
  'co',
  'corp',
  'fig',
  'p',
  'pp',
  'ca',
  'cf',
  'mt',
  'ft',
]);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlnum = (c: number): boolean => isDigit(c) || isAsciiLetter(c);

/** The end of a run of ASCII letters and digits from i; -1 at a character outside ASCII. */
function alnumRun(text: string, i: number, limit: number): number {
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isAsciiAlnum(c)) i++;
    else if (c >= 128) return -1;
    else break;
  }
  return i;
}

/** The end of a run of ASCII digits from i; -1 at a character outside ASCII. */
function digitRun(text: string, i: number, limit: number): number {
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) i++;
    else if (c >= 128) return -1;
    else break;
  }
  return i;
}

/** `\p{N}+(?:[.,]\p{N}+)*%?` from the digit at p: its end, or -1 where ASCII does not decide it. */
function numberEnd(text: string, p: number, limit: number): number {
  let i = digitRun(text, p + 1, limit);
  while (i >= 0 && i < limit) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 44) {
      if (i + 1 >= limit) return i;
      const d = text.charCodeAt(i + 1);
      if (d >= 128) return -1;
      if (!isDigit(d)) return i;
      i = digitRun(text, i + 2, limit);
      continue;
    }
    if (c === 37) return i + 1;
    return c >= 128 ? -1 : i;
  }
  return i;
}

/**
 * `\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{N}]+)*\.?` from the letter at p: its end, or -1 where
 * ASCII does not decide it. Every part after the first is greedy and optional: the longest reading.
 */
function wordEnd(text: string, p: number, limit: number): number {
  let i = alnumRun(text, p + 1, limit);
  while (i >= 0 && i < limit) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 45 || c === 46) {
      if (i + 1 >= limit) return c === 46 ? i + 1 : i;
      const d = text.charCodeAt(i + 1);
      if (d >= 128) return -1;
      if (!isAsciiAlnum(d)) return c === 46 ? i + 1 : i;
      i = alnumRun(text, i + 2, limit);
      continue;
    }
    return c >= 128 ? -1 : i;
  }
  return i;
}

const DOTTED = /\p{L}\.\p{L}/u;

/**
 * The tokens of a range of a text, one `next()` at a time: `start`, `end` and `kind` then hold the
 * token found. A word's trailing dot is its own punctuation token unless the word is a dotted
 * initialism ("U.S.") or a known abbreviation.
 */
export class TokenScanner {
  start = 0;
  end = 0;
  kind: TokenKind = 'punct';
  private text = '';
  private pos = 0;
  private limit = 0;
  /** The text up to the range's end, for the pattern (made on first need). */
  private upTo: string | undefined;

  reset(text: string, range: Range): this {
    this.text = text;
    this.pos = range.start;
    this.limit = range.end;
    this.upTo = undefined;
    return this;
  }

  next(): boolean {
    const { text, limit } = this;
    let p = this.pos;
    for (; p < limit; p++) {
      const c = text.charCodeAt(p);
      if (c !== 32 && (c < 9 || c > 13)) break;
    }
    if (p >= limit) {
      this.pos = p;
      return false;
    }
    const c = text.charCodeAt(p);
    if (c >= 128) return this.byPattern(p);
    let kind: TokenKind = 'punct';
    let end = p + 1;
    if (isDigit(c)) {
      kind = 'number';
      end = numberEnd(text, p, limit);
    } else if (isAsciiLetter(c)) {
      kind = 'word';
      end = wordEnd(text, p, limit);
    }
    if (end < 0) return this.byPattern(p);
    if (kind === 'word' && text.charCodeAt(end - 1) === 46 && this.dropsDot(text.slice(p, end))) end -= 1;
    this.start = p;
    this.end = end;
    this.kind = kind;
    this.pos = end;
    return true;
  }

  /** Does a word ending in a dot give the dot back (not an initialism, not an abbreviation)? */
  private dropsDot(value: string): boolean {
    return !DOTTED.test(value) && !ABBREVIATIONS.has(value.slice(0, -1).toLowerCase());
  }

  /** The next token by the pattern itself, from p (the original reading of any text). */
  private byPattern(p: number): boolean {
    this.upTo ??= this.text.slice(0, this.limit);
    TOKEN.lastIndex = p;
    const m = TOKEN.exec(this.upTo);
    if (m === null) {
      this.pos = this.limit;
      return false;
    }
    const kind: TokenKind = m[1] ? 'number' : m[2] ? 'word' : 'punct';
    let length = m[0].length;
    if (kind === 'word' && m[0].endsWith('.') && this.dropsDot(m[0])) length -= 1;
    this.start = m.index;
    this.end = m.index + length;
    this.kind = kind;
    this.pos = this.end;
    return true;
  }
}
