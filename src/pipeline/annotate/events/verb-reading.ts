/**
 * How a word of a sentence is read (docs/decisions/0030-events.md, "Verb patterns" and "On real news"):
 * is a dictionary verb used as a verb, or as a noun ("the attack", "terrorist attacks", "took control"),
 * or as an infinitive that is the content of the verb before it ("urged Y to help")? No parse: the
 * words around it decide.
 */
import { agentCode } from './agents.ts';
import { isLetter } from './word-filter.ts';

export interface Word {
  w: string;
  /** The word's stem (plural -s, -es, -ies undone). */
  s: string;
  start: number;
  end: number;
}

export const stem = (w: string): string =>
  !w.endsWith('s')
    ? w
    : w.endsWith('ies')
      ? `${w.slice(0, -3)}y`
      : w.endsWith('es')
        ? w.slice(0, -2)
        : w.slice(0, -1);

/** Words before a noun, not a verb ("the attack", "more shells", "its protest"). */
const NOUN_BEFORE =
  /^(?:the|a|an|its|their|his|her|this|that|these|those|our|your|my|any|no|new|first|further|joint|more|most|many|much|some|several|multiple|various|numerous|few|fewer|less|other|such|each|every|both|all|[0-9]+)$/;
/** A preposition before a word other than a gerund makes it a noun ("for talks", "of shells"). */
const PREPOSITION =
  /^(?:of|for|with|in|on|at|by|from|about|against|into|over|under|after|before|during|without|between|among|amid|despite)$/;

/** Participles used as prepositions ("according to", "following the talks"). */
const FUNCTION_WORD =
  /^(?:according|meaning|regarding|concerning|following|including|during|given|provided|pending|considering|excluding|barring)$/;
export const AUXILIARY =
  /^(?:has|have|had|is|are|was|were|be|been|being|will|would|can|could|may|might|must|should|do|does|did)$/;

/** Is the dictionary verb at `i` used as a verb? Not after a determiner, nor (unless a gerund) after a preposition. */
export function verbal(words: Word[], i: number, sentence: string): boolean {
  const prev = words[i - 1]?.w ?? '';
  const w = words[i];
  if (!w || NOUN_BEFORE.test(prev)) return false;
  if (PREPOSITION.test(prev) && !w.w.endsWith('ing')) return false;
  if (FUNCTION_WORD.test(w.w)) return false;
  // After an auxiliary, a verb is never in -s form: "has contingency plans", "are no threats".
  if (/[^s]s$/.test(w.w) && words.slice(Math.max(0, i - 3), i).some((x) => AUXILIARY.test(x.w))) return false;
  // An adjective after a degree adverb: "very close", "too late".
  if (DEGREE.test(prev)) return false;
  // After a possessive: "Trump's campaign", "Thursday's sentencing" (not "he's", "it's").
  if (/['’]s$/.test(prev) && !/^(?:he|she|it|that|there|what|who|here|where|let)['’]s$/.test(prev))
    return false;
  if (nounPhraseHead(words, i, sentence) || pluralNoun(words, i, sentence) || objectNoun(words, i))
    return false;
  // A capitalized word inside the sentence is a name ("Rush", "Post"), not a verb.
  return i === 0 || !/^[A-Z]/.test(sentence.slice(w.start, w.start + 1));
}

const DETERMINER =
  /^(?:the|a|an|its|their|his|her|this|these|those|our|your|my|any|no|some|several|each|every)$/;
/** Past forms that look bare: "the new mayor left". */
const IRREGULAR_PAST =
  /^(?:met|left|sent|held|led|took|gave|made|went|came|saw|told|said|fought|won|lost|struck|shot|hit|set|put|cut|bought|brought|sought|thought|began|broke|spoke|stood|drew|threw|withdrew|kept|paid|bid|fled|flew|rose|ran|sold|spent|swore|wrote|chose|forgave|forbade|overran|overthrew|undertook|upheld)$/;
const DEGREE = /^(?:very|too|so|quite|rather|fairly|extremely)$/;
/** Words that end a noun phrase read backwards: a verb could follow them. */
const NOT_IN_NOUN_PHRASE = /^(?:and|or|but|to|not|never|also|then|that|which|who|n't|t)$/;

/**
 * The last word of a noun phrase, not a verb: a bare form (no -s, -ed, -ing) after a determiner and at
 * most two lower-case modifiers ("a 12-year break", "a brief private visit"), or after an "anti-"/"pro-"
 * modifier ("an anti- Gondor parade"). A verb after a singular noun would take -s or -ed.
 */
function nounPhraseHead(words: Word[], i: number, sentence: string): boolean {
  const w = words[i];
  if (!w || /(?:[^s]s|ed|ing)$/.test(w.w) || IRREGULAR_PAST.test(w.w)) return false;
  // After an adjective: "financial aid", "temporary shelter", "military attack".
  const prev = words[i - 1];
  if (
    prev &&
    /(?:al|ic|ive|ous|ary|ful)$/.test(prev.w) &&
    LOWER.test(sentence.slice(prev.start, prev.start + 1))
  )
    return true;
  if (words.slice(Math.max(0, i - 2), i).some((x) => /^(?:anti|pro)(?:-|$)/.test(x.w))) return true;
  for (let j = i - 1; j >= Math.max(0, i - 3); j -= 1) {
    const x = words[j];
    if (!x) return false;
    if (j < i - 1 && DETERMINER.test(x.w)) return true;
    if (
      NOT_IN_NOUN_PHRASE.test(x.w) ||
      AUXILIARY.test(x.w) ||
      PREPOSITION.test(x.w) ||
      /[^s]s$|ed$/.test(x.w) ||
      /[,;:"“”()—]/.test(sentence.slice(x.end, words[j + 1]?.start ?? x.end))
    )
      return false;
  }
  return false;
}

const LOWER = /^[a-z]/;
/** Words before an -s form that make it a subject's verb: pronouns, adverbs ("it also warns"). */
const SUBJECT_BEFORE =
  /^(?:he|she|it|who|which|that|also|still|now|often|again|just|never|always|reportedly|repeatedly|then|only|even)$|ly$/;

/**
 * An -s form that is a plural noun ("terrorist attacks", "weapons plans", "the new sanctions"): after an
 * adjective or a plural, or after a determiner and lower-case modifiers — an -s verb follows its subject.
 */
function pluralNoun(words: Word[], i: number, sentence: string): boolean {
  const w = words[i];
  const prev = words[i - 1];
  if (!w || !prev || !/[^s]s$/.test(w.w) || SUBJECT_BEFORE.test(prev.w)) return false;
  // After a capitalized demonym: "Yemeni pirates", "British planes" (not "Iran warns").
  if (!LOWER.test(sentence.slice(prev.start, prev.start + 1)))
    return /(?:ese|ish|ian|ean|ican|i|ch)$/.test(prev.w) && i > 1;
  if (AUXILIARY.test(prev.w) || NOT_IN_NOUN_PHRASE.test(prev.w) || PREPOSITION.test(prev.w)) return false;
  if (/(?:al|ic|ive|ous|ary|ist|ed)$/.test(prev.w) || /[^s'’]s$/.test(prev.w))
    return !/^(?:its|this|his|us|as|was|is|has|does)$/.test(prev.w);
  for (let j = i - 1; j >= Math.max(0, i - 3); j -= 1) {
    const x = words[j]?.w ?? '';
    // "the government condemns": a singular role or sector word is the verb's subject.
    if (DETERMINER.test(x)) return j < i - 1 && agentCode(prev.w) === undefined;
    if (AUXILIARY.test(x) || NOT_IN_NOUN_PHRASE.test(x) || PREPOSITION.test(x)) return false;
  }
  return false;
}

/** A bare form right after a past verb is its object ("took control", "made progress"), not a verb. */
function objectNoun(words: Word[], i: number): boolean {
  const w = words[i]?.w ?? '';
  const prev = words[i - 1]?.w ?? '';
  if (/(?:[^s]s|ed|ing)$/.test(w) || IRREGULAR_PAST.test(w) || /^(?:helped|made|let|had|did)$/.test(prev))
    return false;
  return (
    (IRREGULAR_PAST.test(prev) ||
      (/ed$/.test(prev) && !/^(?:need|feed|speed|proceed|succeed|exceed|red|bed|shed)$/.test(prev))) &&
    !AUXILIARY.test(prev)
  );
}

/**
 * Is the word at `offset` of `sentence` used as a verb, and an event of its own (not "the attack",
 * "their meeting", "during a visit", "a pleasant place to visit")?
 */
export function usedAsVerb(sentence: string, offset: number): boolean {
  const words = wordsOf(sentence);
  const i = words.findIndex((w) => w.start === offset);
  return i >= 0 && verbal(words, i, sentence) && !infinitiveOf(words, i, -1, sentence);
}

/**
 * "X urged Y to help", "called on Y to be allowed", "abandoned efforts to stop", "a pleasant place to
 * visit": an infinitive is the content of the verb before it in its clause (or of the noun it
 * follows), not an event of its own.
 */
export function infinitiveOf(words: Word[], i: number, governor: number, sentence: string): boolean {
  const to =
    words[i - 1]?.w === 'to' ? i - 1 : words[i - 1]?.w === 'be' && words[i - 2]?.w === 'to' ? i - 2 : -1;
  if (to < 0) return false;
  if (governor >= 0 && governor < to) {
    const between = words.slice(governor + 1, to);
    const gapText = sentence.slice(words[governor]?.end ?? 0, words[to]?.start ?? 0);
    if (!between.some((x) => CLAUSE_WORD.test(x.w)) && !/[,;:"“”()—]|--/.test(gapText)) return true;
  }
  // After a noun phrase: "a … place to visit" (not "is about to", "are able to").
  for (let j = to - 1; j >= Math.max(0, to - 4); j -= 1) {
    const x = words[j]?.w ?? '';
    if (j < to - 1 && DETERMINER.test(x)) return true;
    if (
      AUXILIARY.test(x) ||
      NOT_IN_NOUN_PHRASE.test(x) ||
      PREPOSITION.test(x) ||
      /^(?:about|able|going|used|ought)$/.test(x)
    )
      return false;
  }
  return false;
}

export const NEGATION = /^(?:not|never|n't|neither|nor|&NEG\w*)$/;
export const MODAL = /^(?:should|would|could|might|must|will|can|may|shall)$/;
export const CLAUSE_WORD =
  /^(?:that|which|who|whom|whose|because|while|although|though|if|when|whereas|unless)$/;
/**
 * The words of a sentence: the matches of /[A-Za-z][A-Za-z'’-]*\/g (a letter, then letters,
 * apostrophes and hyphens), found by reading the characters once.
 */
export function wordsOf(sentence: string): Word[] {
  const out: Word[] = [];
  const n = sentence.length;
  for (let i = 0; i < n; ) {
    if (!isLetter(sentence.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let j = i + 1;
    for (; j < n; j += 1) {
      const c = sentence.charCodeAt(j);
      if (!(isLetter(c) || c === 39 || c === 0x2019 || c === 45)) break;
    }
    const w = sentence.slice(i, j).toLowerCase();
    out.push({ w, s: stem(w), start: i, end: j });
    i = j;
  }
  return out;
}

const VOWEL = /[aeiou]/;

/** Regular inflections of a verb: -s/-es/-ies, -ed/-d/-ied, -ing (with the e dropped), doubled final consonant. */
export function inflections(lemma: string): string[] {
  const out = new Set([lemma]);
  const last = lemma.at(-1) ?? '';
  const prev = lemma.at(-2) ?? '';
  if (/(?:s|x|z|ch|sh)$/.test(lemma)) out.add(`${lemma}es`);
  else if (last === 'y' && !VOWEL.test(prev)) out.add(`${lemma.slice(0, -1)}ies`);
  else out.add(`${lemma}s`);
  if (last === 'e') {
    out.add(`${lemma}d`);
    out.add(`${lemma.slice(0, -1)}ing`);
  } else {
    out.add(last === 'y' && !VOWEL.test(prev) ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`);
    out.add(`${lemma}ing`);
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(lemma)) {
      out.add(`${lemma}${last}ed`);
      out.add(`${lemma}${last}ing`);
    }
  }
  return [...out];
}
