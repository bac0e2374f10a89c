/**
 * Event triggers from PETRARCH-2's CAMEO verb patterns (data/cameo-verbs.json, compiled by
 * scripts/compile-event-verbs.ts), matched over the words of a sentence (docs/decisions/0030-events.md,
 * "Verb patterns"): each dictionary verb in its inflections (regular ones made here, irregular ones
 * from the dictionary), then the most specific pattern of its block whose words stand in order after
 * the verb (within ten words, not across a clause break) and before it (within five), words compared
 * by stem and synset; the code of that pattern, or of the bare verb, mapped to PLOVER. A verb used
 * as a noun ("the attack", "a protest") is left to the ontology's noun triggers.
 */

import { agentCode } from './agents.ts';
import data from './data/cameo-verbs.json' with { type: 'json' };
import type { CompiledPattern, CompiledVerb } from './verb-dictionary.ts';

export interface VerbMatch {
  /** Offsets into the sentence. */
  start: number;
  end: number;
  text: string;
  verb: string;
  code: string;
  category: string;
  mode?: string;
  context?: string;
  /** The pattern states the negation itself ("WILL NOT *", "&NEGATVAUXVRB *"): its code is the negated act. */
  negated?: boolean;
  /** No pattern of the verb's block matched: the bare verb's code. */
  bare?: boolean;
}

interface Word {
  w: string;
  /** The word's stem (plural -s, -es, -ies undone). */
  s: string;
  start: number;
  end: number;
}

/** A compiled verb dictionary with the PLOVER class of its codes ([category, mode, context]). */
export interface VerbDictionary {
  plover: Record<string, [string, string, string]>;
  synsets: Record<string, string[]>;
  verbs: CompiledVerb[];
  blocks: CompiledPattern[][];
}

/** The shipped dictionary: PETRARCH-2's CAMEO.2.0 mapped to PLOVER. */
export const CAMEO_VERBS = data as unknown as VerbDictionary;

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

interface Entry {
  verb: CompiledVerb;
  rest: string[];
}

const indexes = new WeakMap<VerbDictionary, Map<string, Entry[]>>();

function verbIndex(dict: VerbDictionary): Map<string, Entry[]> {
  const cached = indexes.get(dict);
  if (cached) return cached;
  const index = new Map<string, Entry[]>();
  indexes.set(dict, index);
  const seen = new Set<string>();
  for (const v of dict.verbs) {
    const [head = '', ...rest] = v.verb.split(' ');
    // A stated form carries its own words: "wire tapped" (+WIRE_TAP {+WIRE_TAPPED}), "brought".
    const forms: string[][] = [
      ...inflections(head).map((f) => [f, ...rest]),
      ...(v.forms ?? []).map((f) => f.replace(/\+/g, '').split(' ').filter(Boolean)),
    ];
    for (const [form = '', ...formRest] of forms) {
      const key = `${form}|${formRest.join(' ')}|${v.block}`;
      if (!form || seen.has(key)) continue;
      seen.add(key);
      index.set(form, [...(index.get(form) ?? []), { verb: v, rest: formRest }]);
    }
  }
  return index;
}

const stem = (w: string) => w.replace(/(?:ies|es|s)$/, (m) => (m === 'ies' ? 'y' : ''));

/** Each synset's members as word stems, made once per dictionary. */
const synsetStems = new WeakMap<VerbDictionary, Map<string, string[][]>>();

function membersOf(dict: VerbDictionary, name: string): string[][] {
  let byName = synsetStems.get(dict);
  if (!byName) {
    byName = new Map();
    synsetStems.set(dict, byName);
  }
  let members = byName.get(name);
  if (!members) {
    members = (dict.synsets[name] ?? []).map((m) => m.split(' ').map(stem));
    byName.set(name, members);
  }
  return members;
}

const stems = new Map<string, string>();
function stemOf(p: string): string {
  let st = stems.get(p);
  if (st === undefined) {
    st = stem(p);
    stems.set(p, st);
  }
  return st;
}

function matchesWord(dict: VerbDictionary, pattern: string, words: Word[], at: number): number {
  // % marks a compound actor ("Gondor and Osgiliath agree"): without a parse, its "and".
  if (pattern === '%') return words[at]?.w === 'and' ? 1 : 0;
  if (pattern.startsWith('&')) {
    for (const parts of membersOf(dict, pattern.slice(1)))
      if (parts.every((p, k) => words[at + k]?.s === p)) return parts.length;
    return 0;
  }
  return words[at]?.w === pattern || words[at]?.s === stemOf(pattern) ? 1 : 0;
}

/** Every pattern word (a synset: one of its members' first word) has its stem in `near`. */
function plainWordsNear(dict: VerbDictionary, seq: string[], near: Set<string>): boolean {
  for (const p of seq) {
    if (p === '%') {
      if (!near.has('and')) return false;
    } else if (p.startsWith('&')) {
      if (!membersOf(dict, p.slice(1)).some((m) => near.has(m[0] ?? ''))) return false;
    } else if (!near.has(stemOf(p))) return false;
  }
  return true;
}

/** Do `seq` words appear in order in words[from, to)? Returns how many matched (all or 0). */
function inOrder(dict: VerbDictionary, seq: string[], words: Word[], from: number, to: number): boolean {
  let at = from;
  for (const p of seq) {
    let found = false;
    for (; at < to; at += 1) {
      const n = matchesWord(dict, p, words, at);
      if (n) {
        at += n;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** Words before a noun, not a verb ("the attack", "more shells", "its protest"). */
const NOUN_BEFORE =
  /^(?:the|a|an|its|their|his|her|this|that|these|those|our|your|my|any|no|new|first|further|joint|more|most|many|much|some|several|few|fewer|less|other|such|each|every|both|all|[0-9]+)$/;
/** A preposition before a word other than a gerund makes it a noun ("for talks", "of shells"). */
const PREPOSITION =
  /^(?:of|for|with|in|on|at|by|from|about|against|into|over|under|after|before|during|without|between|among|amid|despite)$/;

/** Participles used as prepositions ("according to", "following the talks"). */
const FUNCTION_WORD =
  /^(?:according|meaning|regarding|concerning|following|including|during|given|provided|pending|considering|excluding|barring)$/;
const AUXILIARY =
  /^(?:has|have|had|is|are|was|were|be|been|being|will|would|can|could|may|might|must|should|do|does|did)$/;

/** Is the dictionary verb at `i` used as a verb? Not after a determiner, nor (unless a gerund) after a preposition. */
function verbal(words: Word[], i: number, sentence: string): boolean {
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
    return /(?:ese|ish|ian|ican|i|ch)$/.test(prev.w) && i > 1;
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
function infinitiveOf(words: Word[], i: number, governor: number, sentence: string): boolean {
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

const NEGATION = /^(?:not|never|n't|neither|nor|&NEG\w*)$/;
const MODAL = /^(?:should|would|could|might|must|will|can|may|shall)$/;
const CLAUSE_WORD = /^(?:that|which|who|whom|whose|because|while|although|though|if|when|whereas|unless)$/;
const WORD = /[A-Za-z][A-Za-z'’-]*/g;

function wordsOf(sentence: string): Word[] {
  return [...sentence.matchAll(WORD)].map((m) => {
    const w = (m[0] ?? '').toLowerCase();
    return { w, s: stem(w), start: m.index ?? 0, end: (m.index ?? 0) + (m[0] ?? '').length };
  });
}

/**
 * The dictionary's verb events of one sentence, left to right. With `all`, also the verbs whose code
 * has no PLOVER category (CAMEO 01, 02; category ''): a coded verb all the same.
 */
export function matchVerbPatterns(
  sentence: string,
  dict: VerbDictionary = CAMEO_VERBS,
  all = false,
): VerbMatch[] {
  const words = wordsOf(sentence);
  const out: VerbMatch[] = [];
  const idx = verbIndex(dict);
  let governor = -1;
  for (let i = 0; i < words.length; i += 1) {
    const entries = idx.get(words[i]?.w ?? '');
    if (!entries || !verbal(words, i, sentence)) continue;
    const complement = infinitiveOf(words, i, governor, sentence);
    governor = i;
    if (complement) continue;
    // The phrase the verb governs: up to ten words, not across punctuation nor into a clause of its
    // own ("said that …", "which …"), as PETRARCH reads a pattern inside the verb's phrase.
    let to = i + 1;
    while (
      to < words.length &&
      to <= i + 10 &&
      !CLAUSE_WORD.test(words[to]?.w ?? '') &&
      !/[,;:"“”()—]|--/.test(sentence.slice(words[to - 1]?.end ?? 0, words[to]?.start ?? 0))
    )
      to += 1;
    let best: { score: number; code: string; entry: Entry; end: number; negated?: boolean } | undefined;
    // A quick reject: a pattern's plain words must all be among the stems around the verb.
    const near = new Set(words.slice(Math.max(0, i - 5), to).map((x) => x.s));
    for (const entry of entries) {
      if (!entry.rest.every((r, k) => words[i + 1 + k]?.w === r)) continue;
      const after = i + 1 + entry.rest.length;
      if (!best) best = { score: 0, code: entry.verb.code, entry, end: after - 1 };
      for (const [pre, post, code] of dict.blocks[entry.verb.block] ?? []) {
        const score = pre.length + post.length;
        if (score <= best.score || (post.length === 0 && pre.length === 0)) continue;
        if (!plainWordsNear(dict, pre, near) || !plainWordsNear(dict, post, near)) continue;
        if (!inOrder(dict, post, words, after, to)) continue;
        if (pre.length && !inOrder(dict, pre, words, Math.max(0, i - 5), i)) continue;
        best = { score, code, entry, end: after - 1, negated: pre.some((p) => NEGATION.test(p)) };
      }
    }
    if (!best?.code) continue;
    // A modal ("should", "would") is an auxiliary: an event only through a pattern of its block.
    if (best.score === 0 && MODAL.test(words[i]?.w ?? '')) continue;
    const p = dict.plover[best.code] ?? (all ? ['', '', ''] : undefined);
    if (!p) continue;
    const start = words[i]?.start ?? 0;
    const end = words[best.end]?.end ?? start;
    out.push({
      start,
      end,
      text: sentence.slice(start, end),
      verb: best.entry.verb.verb,
      code: best.code,
      category: p[0],
      ...(p[1] ? { mode: p[1] } : {}),
      ...(p[2] && p[2] !== '#' ? { context: p[2] } : {}),
      ...(best.negated ? { negated: true } : {}),
      ...(best.score === 0 ? { bare: true } : {}),
    });
  }
  return out;
}
