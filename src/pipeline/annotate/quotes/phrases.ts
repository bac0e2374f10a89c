import type { Token } from '../../segment/segment.ts';
import {
  ADJUNCT_OPENERS,
  AUX,
  BELIEF_CUES,
  NOT_IN_SOURCE,
  PRONOUNS,
  SOURCE_HEADS,
  SPEECH_CUES,
  TELL_CUES,
  TIME_WORDS,
} from './lexicon.ts';

/** A stretch of the article text: offsets and the text they cover. */
export interface Piece {
  start: number;
  end: number;
  text: string;
}

/** Inclusive token index range. */
export interface TokenRange {
  first: number;
  last: number;
}

/**
 * A token's text in lower case. The rules ask it of the same tokens many times (each cue candidate,
 * each source scan): the last one asked at each place (its offset modulo `LOW_SLOTS`) is kept, the
 * same string each time, so that the lexicon sets do not hash a new string at every question.
 */
export function low(t: Token | undefined): string {
  if (t === undefined) return '';
  const k = t.start & (LOW_SLOTS - 1);
  if (lowTokens[k] === t) return lowTexts[k]!;
  const lower = t.text.toLowerCase();
  lowTokens[k] = t;
  lowTexts[k] = lower;
  return lower;
}
const LOW_SLOTS = 1024;
const lowTokens: (Token | undefined)[] = new Array<Token | undefined>(LOW_SLOTS).fill(undefined);
const lowTexts: string[] = new Array<string>(LOW_SLOTS).fill('');
export const isCap = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text);
const isWord = (t: Token | undefined): boolean => t !== undefined && t.kind !== 'punct';

export function pieceOf(text: string, tokens: readonly Token[], r: TokenRange): Piece {
  const start = tokens[r.first]!.start;
  const end = tokens[r.last]!.end;
  return { start, end, text: text.slice(start, end) };
}

export function isSpeechCue(t: Token | undefined): boolean {
  return SPEECH_CUES.has(low(t));
}

export function isAnyCue(t: Token | undefined): boolean {
  return SPEECH_CUES.has(low(t)) || BELIEF_CUES.has(low(t));
}

/** Is the word a plausible head of a source phrase: a name, a pronoun, or a noun like "officials"? */
export function isSourceHead(t: Token | undefined): boolean {
  if (!isWord(t)) return false;
  const w = low(t).replace(/['’]s$/, '');
  if (PRONOUNS.has(w) || SOURCE_HEADS.has(w)) return true;
  return isCap(t) && !NOT_IN_SOURCE.has(w);
}

/**
 * The source phrase that ends just before the cue at `cue` (auxiliaries such as "have also" skipped),
 * scanning left no further than `floor`. Undefined when no short noun phrase with a source head is there.
 */
export function sourceBefore(tokens: readonly Token[], cue: number, floor: number): TokenRange | undefined {
  let j = cue - 1;
  while (j >= floor && AUX.has(low(tokens[j]))) j -= 1;
  const last = j;
  let count = 0;
  while (j >= floor) {
    const t = tokens[j]!;
    const w = low(t);
    if (t.kind === 'punct') {
      if (!(t.text === '-' && isWord(tokens[j - 1]))) break;
    } else if (w === 'and' || w === '&') {
      if (!(isCap(tokens[j - 1]) && isCap(tokens[j + 1]))) break;
    } else if (NOT_IN_SOURCE.has(w)) break;
    count += 1;
    if (count > 8) return undefined;
    j -= 1;
  }
  let first = j + 1;
  while (first <= last && ['of', 'for', 'in', 'at', 'on', 'to', 'and'].includes(low(tokens[first])))
    first += 1;
  if (first > last) return undefined;
  // "the announcer", "a spokeswoman for Clinton": a determiner makes any head a noun phrase.
  const determined = DETERMINERS.has(low(tokens[first])) && last > first;
  if (!isSourceHead(tokens[last]) && !(determined && /^\p{Ll}+$/u.test(tokens[last]!.text))) return undefined;
  if (isAnyCue(tokens[last]) && !SOURCE_HEADS.has(low(tokens[last]))) return undefined;
  return { first, last };
}

const DETERMINERS = new Set(
  'the a an one two three four five six seven eight nine ten some many several his her their its our this these'.split(
    ' ',
  ),
);

/** A source phrase starting at `from` and running to a comma, stop word or adjunct ("said Victor Cha, …"). */
export function sourceAfter(tokens: readonly Token[], from: number, limit: number): TokenRange | undefined {
  let j = from;
  while (j < limit) {
    const t = tokens[j]!;
    const w = low(t);
    // A hyphen inside a word, and the full stop of an initial ("Charles B. Rangel"), stay in the phrase.
    const initial = t.text === '.' && /^\p{Lu}$/u.test(tokens[j - 1]?.text ?? '') && isCap(tokens[j + 1]);
    if (t.kind === 'punct' && !(t.text === '-' && isWord(tokens[j + 1])) && !initial) break;
    if (j > from && (ADJUNCT_OPENERS.has(w) || NOT_IN_SOURCE.has(w) || TIME_WORDS.has(w))) break;
    if (j - from >= 8) return undefined;
    j += 1;
  }
  let last = j - 1;
  while (last >= from && ['of', 'for', 'the', 'and'].includes(low(tokens[last]))) last -= 1;
  if (last < from || !isSourceHead(tokens[last])) return undefined;
  return { first: from, last };
}

/** A run of capitalised words: an outlet or medium ("NBC News", "Politico Europe"). */
export function capitalRun(tokens: readonly Token[], from: number, limit: number): TokenRange | undefined {
  let j = from;
  if (low(tokens[j]) === 'the' && isCap(tokens[j + 1])) j += 1;
  while (j < limit && isCap(tokens[j]) && j - from < 5) j += 1;
  return j > from && isCap(tokens[j - 1]) ? { first: from, last: j - 1 } : undefined;
}

export interface Tail {
  via?: TokenRange;
  citing?: TokenRange;
  /** Index of the first token after the tail. */
  next: number;
}

/** A medium's name at `at` ("NBC News"), kept as the tail's `via`: the index after it, or `at`. */
function medium(tokens: readonly Token[], at: number, limit: number, tail: Tail): number {
  const run = capitalRun(tokens, at, limit);
  if (run === undefined) return at;
  tail.via = run;
  return run.last + 1;
}

/**
 * What may follow a cue before its content or the end: the medium ("told NBC News", "to Trade",
 * "in a statement to Politico Europe"), time words, ", according to CNN", ", citing the officials".
 */
export function parseTail(tokens: readonly Token[], cue: number, limit: number): Tail {
  const tail: Tail = { next: cue + 1 };
  let k = cue + 1;
  if (TELL_CUES.has(low(tokens[cue]))) {
    const after = medium(tokens, k, limit, tail);
    if (after === k && low(tokens[k]) === 'reporters') k += 1;
    else k = after;
  } else if (low(tokens[k]) === 'to' && isCap(tokens[k + 1])) {
    k = medium(tokens, k + 1, limit, tail);
  }
  for (let changed = true; changed && k < limit; ) {
    changed = false;
    const w = low(tokens[k]);
    if (w === 'in' && low(tokens[k + 1]) === 'a' && low(tokens[k + 2]) === 'statement') {
      k += 3;
      if (low(tokens[k]) === 'to') k = medium(tokens, k + 1, limit, tail);
      changed = true;
    } else if (TIME_WORDS.has(w) || (w === 'on' && TIME_WORDS.has(low(tokens[k + 1])))) {
      k += w === 'on' ? 2 : 1;
      changed = true;
    } else if (tokens[k]?.text === ',' && low(tokens[k + 1]) === 'according' && low(tokens[k + 2]) === 'to') {
      const run = sourceAfter(tokens, k + 3, limit);
      if (run) {
        tail.via = run;
        k = run.last + 1;
        changed = true;
      }
    } else if (tokens[k]?.text === ',' && low(tokens[k + 1]) === 'citing') {
      const run = sourceAfter(tokens, k + 2, limit);
      if (run) {
        tail.citing = run;
        k = run.last + 1;
        changed = true;
      }
    }
  }
  tail.next = k;
  return tail;
}

/** Does the attribution end here: nothing left, end punctuation, or an adjunct ("of the exchanges")? */
export function endsAttribution(tokens: readonly Token[], k: number, limit: number): boolean {
  if (k >= limit) return true;
  const t = tokens[k]!;
  if (t.kind === 'punct') return /^[.!?…;:,)\]"”’]$/.test(t.text);
  return ADJUNCT_OPENERS.has(low(t));
}

/** Does a clause start here (the content of "X said [that] …")? Returns the content's first token. */
export function clauseStart(
  tokens: readonly Token[],
  k: number,
  limit: number,
  loose = false,
): number | undefined {
  if (k >= limit) return undefined;
  if (low(tokens[k]) === 'that') return k + 1 < limit ? k + 1 : undefined;
  const t = tokens[k]!;
  if (t.kind === 'punct') {
    return /^[:,]$/.test(t.text) && k + 1 < limit ? clauseStart(tokens, k + 1, limit, loose) : undefined;
  }
  const w = low(t);
  if (t.kind === 'number') return k;
  if (
    loose &&
    /^\p{Ll}/u.test(t.text) &&
    !ADJUNCT_OPENERS.has(w) &&
    !TIME_WORDS.has(w) &&
    !NOT_IN_SOURCE.has(w)
  ) {
    return k;
  }
  if (isCap(t) && !TIME_WORDS.has(w) && !ADJUNCT_OPENERS.has(w)) return k;
  if (['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'these', 'those', 'there', 'some'].includes(w))
    return k;
  if (PRONOUNS.has(w)) return k;
  return undefined;
}
