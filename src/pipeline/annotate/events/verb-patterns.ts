/**
 * Event triggers from PETRARCH-2's CAMEO verb patterns (data/cameo-verbs.json, compiled by
 * scripts/compile-event-verbs.ts), matched over the words of a sentence (docs/decisions/0030-events.md,
 * "Verb patterns"): each dictionary verb in its inflections (regular ones made here, irregular ones
 * from the dictionary), then the most specific pattern of its block whose words stand in order after
 * the verb (within ten words, not across a clause break) and before it (within five), words compared
 * by stem and synset; the code of that pattern, or of the bare verb, mapped to PLOVER. A verb used
 * as a noun ("the attack", "a protest") is left to the ontology's noun triggers.
 */

import data from './data/cameo-verbs.json' with { type: 'json' };
import { CLAUSE_WORD, infinitiveOf, MODAL, NEGATION, verbal, type Word, wordsOf } from './verb-reading.ts';
import {
  codesPloverAny,
  type Entries,
  type Entry,
  firstMatch,
  type PatternSite,
  preparedBlock,
  synsetTable,
  type VerbDictionary,
  verbFilter,
  verbIndex,
  vocabularyOf,
} from './verb-tables.ts';

export { inflections, usedAsVerb } from './verb-reading.ts';
export type { VerbDictionary } from './verb-tables.ts';

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

/** The shipped dictionary: PETRARCH-2's CAMEO.2.0 mapped to PLOVER. */
export const CAMEO_VERBS = data as unknown as VerbDictionary;

const COORDINATOR = /^(?:and|or|but)$/;
/** matchVerbPatterns' marks per word (not reentrant: it calls nothing that calls it). */
let scratch = new Uint8Array(256);
const PUNCTUATION = /[,;:"“”()—]|--/;
const VERB_GROUP =
  /^(?:will|would|could|can|may|might|must|should|has|have|had|also|soon|then|not|now|later)$|ly$/;

/**
 * Does the phrase of the verb at `i` end at word `to`, where another verb's phrase starts (news mode)? A
 * coordinated verb ("expand the arsenal and heighten tensions", "has begun or will soon begin") or a
 * verb in -ing right after it ("begin giving weapons"): its pattern words are not the first verb's.
 */
function nextVerb(
  words: Word[],
  to: number,
  i: number,
  idx: Map<string, Entry[]>,
  sentence: string,
): boolean {
  const w = words[to]?.w ?? '';
  if (to === i + 1 && w.endsWith('ing') && idx.has(w)) return true;
  if (!COORDINATOR.test(w)) return false;
  for (let k = to + 1; k <= to + 4 && k < words.length; k += 1) {
    const x = words[k]?.w ?? '';
    if (idx.has(x) && verbal(words, k, sentence)) return true;
    if (!VERB_GROUP.test(x)) return false;
  }
  return false;
}

/**
 * The dictionary's verb events of one sentence, left to right. With `all`, also the verbs whose code
 * has no PLOVER category (CAMEO 01, 02; category ''): a coded verb all the same.
 */
export function matchVerbPatterns(
  sentence: string,
  dict: VerbDictionary = CAMEO_VERBS,
  all = false,
  news = false,
): VerbMatch[] {
  const words = wordsOf(sentence);
  const out: VerbMatch[] = [];
  const idx = verbIndex(dict);
  const filter = verbFilter(dict);
  const vocabulary = vocabularyOf(dict);
  // Two marks per word, found once per sentence (0: not yet known; 1: no; 2: yes), in a buffer kept
  // between calls: at k, is there a clause break before word k (breakBefore); at n + k, is word k's
  // stem one the patterns ask for (vocabularyOf)?
  const n = words.length;
  if (scratch.length < 2 * n) scratch = new Uint8Array(4 * n);
  scratch.fill(0, 0, 2 * n);
  const marks = scratch;
  let governor = -1;
  // Does a clause break stand before word k: a clause word, or punctuation in the gap before it?
  const breakBefore = (k: number): boolean => {
    let b = marks[k]!;
    if (b === 0) {
      const from = words[k - 1]?.end ?? 0;
      const to = words[k]?.start ?? 0;
      // A single space (the usual gap) holds no punctuation.
      const punctuated =
        !(to - from === 1 && sentence.charCodeAt(from) === 32) && PUNCTUATION.test(sentence.slice(from, to));
      b = CLAUSE_WORD.test(words[k]?.w ?? '') || punctuated ? 2 : 1;
      marks[k] = b;
    }
    return b === 2;
  };
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!.w;
    const entries: Entries | undefined = filter.mayHave(w) ? idx.get(w) : undefined;
    if (!entries || !verbal(words, i, sentence)) continue;
    const complement = infinitiveOf(words, i, governor, sentence);
    governor = i;
    if (complement) continue;
    // A verb whose block codes nothing PLOVER has ("said" 010) is no event unless `all` asks for it.
    if (!all && !codesPloverAny(dict, entries)) continue;
    // The phrase the verb governs: up to ten words, not across punctuation nor into a clause of its
    // own ("said that …", "which …"), as PETRARCH reads a pattern inside the verb's phrase.
    let to = i + 1;
    while (
      to < words.length &&
      to <= i + 10 &&
      !breakBefore(to) &&
      !(news && nextVerb(words, to, i, idx, sentence))
    )
      to += 1;
    let best: { score: number; code: string; entry: Entry; end: number; negated?: boolean } | undefined;
    // A quick reject: a pattern's plain words must all be among the stems around the verb.
    let near: Set<string> | undefined;
    byEntry: for (const entry of entries) {
      for (let k = 0; k < entry.rest.length; k += 1)
        if (words[i + 1 + k]?.w !== entry.rest[k]) continue byEntry;
      const after = i + 1 + entry.rest.length;
      if (!best) best = { score: 0, code: entry.verb.code, entry, end: after - 1 };
      const block = preparedBlock(dict, entry.verb.block);
      // No pattern of the block is more specific than the best found: none can replace it.
      if (block.maxScore <= best.score) continue;
      if (!near) {
        near = new Set<string>();
        for (let k = Math.max(0, i - 5); k < to; k += 1) {
          const s = words[k]!.s;
          if (marks[n + k] === 0) marks[n + k] = vocabulary.has(s) ? 2 : 1;
          if (marks[n + k] === 2) near.add(s);
        }
      }
      // The block's patterns whose first plain word stands near the verb are tried most specific
      // first (block order among equals), and the first that matches is the best: that is the
      // matching one first in that order, found list by list (each in that order) without merging them.
      const at: PatternSite = {
        dict,
        words,
        i,
        after,
        to,
        near,
        table: synsetTable(dict),
        marked: false,
        floor: best.score,
      };
      let top = firstMatch(block.rest, undefined, at);
      for (const w of near) {
        const ps = block.byWord.get(w);
        if (ps) top = firstMatch(ps, top, at);
      }
      if (top)
        best = {
          score: top.score,
          code: top.code,
          entry,
          end: after - 1,
          negated: top.pre.some((p) => NEGATION.test(p)),
        };
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
