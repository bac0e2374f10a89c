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
