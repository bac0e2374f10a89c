import type { Range } from '../../../core/span.ts';
import { tokenize } from '../../segment/segment.ts';

/** A token of a sentence, with the shape features the patterns use. */
export interface Tok extends Range {
  /** The token text without a trailing possessive ("Putin" for "Putin’s"). */
  text: string;
  lower: string;
  kind: 'word' | 'number' | 'punct';
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper-case. */
  allCaps: boolean;
  /** The token carried a possessive "’s" / "'s" (or the next token is one, in pre-tokenized text). */
  possessive: boolean;
}

const POSSESSIVE = /['’]s$/;

/** Tokens of a range of the text; the possessive "’s" is cut off its word and flagged. */
export function sentenceTokens(text: string, range: Range): Tok[] {
  const out: Tok[] = [];
  for (const t of tokenize(text, range)) {
    let value = t.text;
    let end = t.end;
    let possessive = false;
    if (t.kind === 'word' && value.length > 2 && POSSESSIVE.test(value)) {
      value = value.slice(0, -2);
      end -= 2;
      possessive = true;
    }
    // CoNLL-style text writes the possessive as its own token: flag the word before it.
    if (
      t.kind === 'punct' &&
      (value === "'" || value === '’') &&
      text.slice(t.end, t.end + 2).match(/^s\b/)
    ) {
      const prev = out[out.length - 1];
      if (prev) prev.possessive = true;
    }
    const first = value[0] ?? '';
    const letters = value.replace(/[^\p{L}]/gu, '');
    out.push({
      start: t.start,
      end,
      text: value,
      lower: value.toLowerCase().replace(/’/g, "'"),
      kind: t.kind,
      cap: /\p{Lu}/u.test(first),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
      possessive,
    });
  }
  return out;
}

const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'but',
  'by',
  'with',
  'from',
  'as',
  'is',
  'are',
  'was',
  'be',
  'into',
  'off',
  'up',
  'out',
  'over',
  'after',
  'than',
  'its',
  'vs',
  'v',
]);

/**
 * A headline or shouted line ("North Korea Deploys Troops To Russia", "SOCCER - JAPAN GET LUCKY WIN"):
 * capitalization says nothing there, so only the gazetteer and title patterns apply.
 */
export function isHeadline(toks: Tok[]): boolean {
  const ws = toks.filter((t) => t.kind === 'word');
  if (ws.length < 3) return ws.length > 0 && ws.every((t) => t.allCaps) && ws.some((t) => t.text.length > 4);
  const letters = ws.map((t) => t.text).join('');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (upper / Math.max(1, letters.replace(/[^\p{L}]/gu, '').length) > 0.8) return true;
  const content = ws.filter((t) => !FUNCTION_WORDS.has(t.lower));
  if (content.length < 4) return false;
  return content.filter((t) => t.cap).length / content.length >= 0.8;
}

/** Index of the first word token of the sentence (after opening quotes and dashes), or -1. */
export function firstWordIndex(toks: Tok[]): number {
  return toks.findIndex((t) => t.kind !== 'punct');
}
