import type { Range } from '../../core/span.ts';
import { memoByText } from './memo-by-text.ts';
import { ABBREVIATIONS, type TokenKind, TokenScanner } from './token-scan.ts';

export interface Sentence extends Range {
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

export interface Segmentation {
  paragraphs: Range[];
  sentences: Sentence[];
}

export const SEGMENTER_VERSION = '1';

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

/** Paragraphs: runs of text separated by blank lines (the clean text joins blocks with "\n\n"). */
export function splitParagraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /\n[ \t\u00a0]*\n/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    if (end > start) out.push({ start, end });
  };
  for (const match of text.matchAll(re)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return out;
}

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? '')) i -= 1;
  return text.slice(i, dot);
}

/** Words that commonly open a sentence: after an ambiguous "U.S." they mark a sentence end. */
const SENTENCE_OPENERS = new Set([
  'The',
  'A',
  'An',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'In',
  'But',
  'And',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'On',
  'At',
  'As',
  'If',
  'When',
  'While',
  'After',
  'Before',
  'Still',
  'However',
  'Meanwhile',
  'Earlier',
]);

/** Is the period at `dot` the end of a sentence, judging by the word before it and what follows? */
export function periodEnds(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  const following = text.slice(next).trimStart();
  const first = following[0] ?? '';
  if (first === '') return true;
  if (/\p{L}\.\p{L}/u.test(word)) {
    // A dotted initialism ("U.S.", "p.m."): an end only when a typical sentence opener follows.
    const nextWord = /^[\p{L}]+/u.exec(following)?.[0] ?? '';
    return SENTENCE_OPENERS.has(nextWord);
  }
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // A single capital letter is an initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(word)) return false;
  return /[\p{Lu}\p{N}"“‘'([–—-]/u.test(first);
}

/** Sentences of one paragraph, as ranges of the full text. */
function splitSentencesIn(text: string, range: Range, paragraph: number, out: Sentence[]): void {
  let start = range.start;
  let i = range.start;
  while (i < range.end) {
    const ch = text[i] ?? '';
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let j = i + 1;
      while (j < range.end && /[.!?…]/.test(text[j] ?? '')) j += 1;
      while (j < range.end && CLOSERS.has(text[j] ?? '')) j += 1;
      const atSpace = j >= range.end || /\s/.test(text[j] ?? '');
      const ends = atSpace && (ch !== '.' || periodEnds(text, i, j));
      if (ends) {
        const end = j;
        if (end > start) out.push({ start, end, paragraph });
        while (j < range.end && /\s/.test(text[j] ?? '')) j += 1;
        start = j;
        i = j;
        continue;
      }
      i = j;
      continue;
    }
    i += 1;
  }
  let end = range.end;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  if (end > start) out.push({ start, end, paragraph });
}

function segmentText(text: string): Segmentation {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, index) => {
    splitSentencesIn(text, p, index, sentences);
  });
  for (const r of [...paragraphs, ...sentences]) Object.freeze(r);
  return Object.freeze({
    paragraphs: Object.freeze(paragraphs),
    sentences: Object.freeze(sentences),
  }) as Segmentation;
}

/**
 * The segment stage: paragraphs and sentences with offsets into the clean text. Memoised over the
 * last texts segmented (every annotator segments the article it works on); the result is frozen.
 */
export const segment: (text: string) => Segmentation = memoByText(segmentText, 64);

export interface Token extends Range {
  text: string;
  kind: TokenKind;
}

const TOKEN =
  /(\p{N}+(?:[.,]\p{N}+)*%?)|(\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{N}]+)*\.?)|([^\s\p{L}\p{N}])/gu;

/**
 * Word, number and punctuation tokens with offsets (hyphenated and apostrophe words kept whole): the
 * matches of `TOKEN` from the range's start, read by token-scan.ts (by hand where they are ASCII).
 */
export function tokenize(text: string, range: Range = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const scan = new TokenScanner().reset(text, range);
  while (scan.next()) {
    const { start, end, kind } = scan;
    tokens.push({ start, end, text: text.slice(start, end), kind });
  }
  return tokens;
}

/** `tokenize` by the regular expression alone (the reference its tests compare it with). */
export function tokenizeByPattern(text: string, range: Range = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  re.lastIndex = range.start;
  const slice = text.slice(0, range.end);
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    let value = m[0];
    const kind: Token['kind'] = m[1] ? 'number' : m[2] ? 'word' : 'punct';
    if (
      kind === 'word' &&
      value.endsWith('.') &&
      !/\p{L}\.\p{L}/u.test(value) &&
      !ABBREVIATIONS.has(value.slice(0, -1).toLowerCase())
    ) {
      value = value.slice(0, -1);
      re.lastIndex = m.index + value.length;
    }
    tokens.push({ start: m.index, end: m.index + value.length, text: value, kind });
  }
  return tokens;
}

/** The text whose ranges' tokens `tokensOf` holds, and those tokens by range. */
let tokensText: string | undefined;
let tokensByRange = new Map<number, readonly Token[]>();

/**
 * `tokenize` of a range, kept for the last text asked about: several annotators of one article read
 * the same sentences' tokens (the quotes stage's rules and its tagger). The tokens are shared: read-only.
 */
export function tokensOf(text: string, range: Range): readonly Token[] {
  if (text.length >= 0x200000) return tokenize(text, range);
  if (text !== tokensText) {
    tokensText = text;
    tokensByRange = new Map();
  }
  // Exact as a double: offsets are below 2^21.
  const key = range.start * 0x100000000 + range.end;
  let tokens = tokensByRange.get(key);
  if (!tokens) {
    tokens = tokenize(text, range);
    tokensByRange.set(key, tokens);
  }
  return tokens;
}
