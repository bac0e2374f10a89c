/**
 * The subject phrase before a cue, for learned attributions whose source the tagger left unmarked
 * (docs/decisions/0043, third version).
 */
import type { Range } from '../../../core/span.ts';

/** Capitalised words that open a sentence or clause, not a name: "As", "Although", "But". */
export const SENTENCE_OPENERS =
  /^(?:(?:As|Although|Though|But|And|When|While|If|In|On|At|After|Before|Since|Because|Yet|So|Then|Still|Also|However|Meanwhile)[^\S\n]+)+/;

/**
 * A source for a learned attribution that has none yet, the last resort: the words just before its cue,
 * back to the sentence's start, a comma or a conjunction — "Republicans weren't too concerned about
 * …", "Scholars have long debated …", "it issued a policy paper welcoming …" — when they read as a
 * subject: up to four words; no preposition, article or object pronoun at their start; no auxiliary,
 * modal or -ing word among them ("he could | not explain", "adding that the phrase | suggests"); no
 * sentence opener ("After", "But"); one lower-case word only as a subject pronoun or a plural
 * ("officials"); not the "it" of "it was reported that …"; and no coordination ("Blinken and Park"):
 * the tagger should mark those, as `subjectBefore` leaves them too.
 */
export function phraseBefore(text: string, sentences: readonly Range[], cue: Range): Range | undefined {
  const own = sentences.find((x) => x.start <= cue.start && cue.start < x.end);
  if (!own) return undefined;
  const before = text.slice(own.start, cue.start);
  const m = JUST_BEFORE.exec(before);
  if (!m?.[1]) return undefined;
  const phrase = m[1].trim();
  // After "and" with no comma, the phrase is one of a coordination ("Blinken and | Park").
  if (/(?<!,)[^\S\n]+and[^\S\n]+$/.test(before.slice(0, before.length - m[1].length))) return undefined;
  if (NOT_A_SUBJECT.test(phrase) || SENTENCE_OPENERS.test(`${phrase} `)) return undefined;
  const words = phrase.split(/[^\S\n]+/);
  if (words.some((w) => VERBAL.test(w))) return undefined;
  // One lower-case word: a pronoun or a plural ("Republicans", "officials"), not an adjective ("vague").
  if (
    words.length === 1 &&
    /^\p{Ll}/u.test(phrase) &&
    !/^(?:he|she|they|we|it|all|you|i)$|[^s]s$/u.test(phrase)
  )
    return undefined;
  // Not the "it" of "it was reported that …", "it seems …".
  if (/^it$/i.test(phrase) && EXPLETIVE_CUE.test(text.slice(cue.start, cue.end))) return undefined;
  const start = own.start + before.length - m[1].length;
  return { start, end: start + phrase.length };
}
/** Up to four words before the cue, after the sentence's start, a comma or bracket, or a conjunction. */
const CONJUNCTION = '(?:that|and|but|because|while|when|if|as|so|although|though|since|after|before)';
const JUST_BEFORE = new RegExp(
  String.raw`(?:^|[,;:(—–]\s*|\b${CONJUNCTION}\s+)((?:(?!${CONJUNCTION}\b)[\p{L}\p{N}][\p{L}\p{N}.’'-]*[^\S\n]+){1,4})$`,
  'u',
);
const EXPLETIVE_CUE = /^(?:is|was|’s|'s|has|had|seems|appears|would|will|may|might|could|remains)\b/i;
const VERBAL =
  /^(?:could|would|will|should|may|might|can|must|have|has|had|be|is|are|was|were|to|than|that|\p{L}+ing)$/iu;
const NOT_A_SUBJECT =
  /^(?:to|of|in|on|at|for|with|by|from|about|the|a|an|him|her|them|us|me|it's|not|also|just|then|there|here)\b|\b(?:the|a|an|of|to|in|on|at|for|with|by|and|or)$|\band\b/i;
