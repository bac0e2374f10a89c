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
import type { CompiledPattern, CompiledVerb } from './verb-dictionary.ts';
import {
  CLAUSE_WORD,
  infinitiveOf,
  MODAL,
  NEGATION,
  stem,
  verbal,
  type Word,
  wordsOf,
} from './verb-reading.ts';
import { WordFilter } from './word-filter.ts';

export { usedAsVerb } from './verb-reading.ts';

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
  /** codesPlover(dict, verb), found on first use. */
  plover?: boolean;
}

/** A form's entries; `plover`: does any of them code a PLOVER category (found on first use)? */
type Entries = Entry[] & { plover?: boolean };

const indexes = new WeakMap<VerbDictionary, Map<string, Entry[]>>();
/** The verb index's forms as a WordFilter (most words are no form of a verb). */
const filters = new WeakMap<VerbDictionary, WordFilter>();

function verbFilter(dict: VerbDictionary): WordFilter {
  let filter = filters.get(dict);
  if (!filter) {
    filter = new WordFilter(verbIndex(dict).keys());
    filters.set(dict, filter);
  }
  return filter;
}

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

/** The first-word stems of a synset's members, by its pattern token ("&CURRENCY"), made once per dictionary. */
const synsetFirsts = new WeakMap<VerbDictionary, Map<string, string[]>>();
function firstStemsOf(dict: VerbDictionary, token: string): string[] {
  let byToken = synsetFirsts.get(dict);
  if (!byToken) {
    byToken = new Map();
    synsetFirsts.set(dict, byToken);
  }
  let firsts = byToken.get(token);
  if (!firsts) {
    firsts = [...new Set(membersOf(dict, token.slice(1)).map((m) => m[0] ?? ''))];
    byToken.set(token, firsts);
  }
  return firsts;
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

/**
 * A synset's members (membersOf) by their first stem, each list in member order: only those whose first
 * stem is the word's can match at it, and the first of them that does is the first member that does.
 */
const membersByFirst = new WeakMap<VerbDictionary, Map<string, Map<string, string[][]>>>();
function membersStartingWith(dict: VerbDictionary, token: string): Map<string, string[][]> {
  let byToken = membersByFirst.get(dict);
  if (!byToken) {
    byToken = new Map();
    membersByFirst.set(dict, byToken);
  }
  let byFirst = byToken.get(token);
  if (!byFirst) {
    byFirst = new Map();
    for (const parts of membersOf(dict, token.slice(1))) {
      const first = parts[0] ?? '';
      const list = byFirst.get(first);
      if (list) list.push(parts);
      else byFirst.set(first, [parts]);
    }
    byToken.set(token, byFirst);
  }
  return byFirst;
}

function matchesWord(dict: VerbDictionary, pattern: string, words: Word[], at: number): number {
  // % marks a compound actor ("Gondor and Osgiliath agree"): without a parse, its "and".
  if (pattern === '%') return words[at]?.w === 'and' ? 1 : 0;
  if (pattern.startsWith('&')) {
    const word = words[at];
    // Past the last word no member matches (a member has one word at least).
    if (!word) return 0;
    for (const parts of membersStartingWith(dict, pattern).get(word.s) ?? [])
      if (parts.every((p, k) => words[at + k]?.s === p)) return parts.length;
    return 0;
  }
  return words[at]?.w === pattern || words[at]?.s === stemOf(pattern) ? 1 : 0;
}

interface PreparedPattern {
  pre: string[];
  post: string[];
  code: string;
  score: number;
  /** The stems of its plain words, and its synset and % words: all must stand near the verb. */
  plain: string[];
  synsets: string[];
  /** Its synset and % words by number (synsetIdsOf). */
  synsetIds: number[];
  /** Its place in the block. */
  order: number;
}

/**
 * A block's patterns keyed by their first plain word's stem; those without plain words apart. Each
 * list most specific first, then in block order (the order the patterns are tried in).
 */
interface PreparedBlock {
  byWord: Map<string, PreparedPattern[]>;
  rest: PreparedPattern[];
  /** The most words a pattern of the block has (0: no pattern with words). */
  maxScore: number;
}

const bySpecificity = (a: PreparedPattern, b: PreparedPattern): number =>
  b.score - a.score || a.order - b.order;

const preparedBlocks = new WeakMap<VerbDictionary, PreparedBlock[]>();

/** A block's patterns with words, their plain words stemmed once, indexed by their first plain word. */
function preparedBlock(dict: VerbDictionary, block: number): PreparedBlock {
  let all = preparedBlocks.get(dict);
  if (!all) {
    all = [];
    preparedBlocks.set(dict, all);
  }
  let out = all[block];
  if (!out) {
    const built: PreparedBlock = { byWord: new Map(), rest: [], maxScore: 0 };
    (dict.blocks[block] ?? []).forEach(([pre, post, code], order) => {
      const words = [...pre, ...post];
      if (!words.length) return;
      const p: PreparedPattern = {
        pre,
        post,
        code,
        score: words.length,
        plain: words.filter((w) => w !== '%' && !w.startsWith('&')).map(stemOf),
        synsets: words.filter((w) => w === '%' || w.startsWith('&')),
        synsetIds: [],
        order,
      };
      p.synsetIds = synsetIdsOf(dict, p.synsets);
      built.maxScore = Math.max(built.maxScore, p.score);
      const key = p.plain[0];
      if (key === undefined) built.rest.push(p);
      else built.byWord.set(key, [...(built.byWord.get(key) ?? []), p]);
    });
    built.rest.sort(bySpecificity);
    for (const ps of built.byWord.values()) ps.sort(bySpecificity);
    out = built;
    all[block] = out;
  }
  return out;
}

const ploverBlocks = new WeakMap<VerbDictionary, Map<string, boolean>>();

/** Does the verb, bare or through a pattern of its block, give a code with a PLOVER category? */
function codesPlover(dict: VerbDictionary, verb: CompiledVerb): boolean {
  let byVerb = ploverBlocks.get(dict);
  if (!byVerb) {
    byVerb = new Map();
    ploverBlocks.set(dict, byVerb);
  }
  const key = `${verb.code}|${verb.block}`;
  let yes = byVerb.get(key);
  if (yes === undefined) {
    yes = verb.code in dict.plover || (dict.blocks[verb.block] ?? []).some(([, , c]) => c in dict.plover);
    byVerb.set(key, yes);
  }
  return yes;
}

/** Does any of a form's entries code a PLOVER category (codesPlover)? Kept on the entries. */
function codesPloverAny(dict: VerbDictionary, entries: Entries): boolean {
  if (entries.plover === undefined) {
    entries.plover = false;
    for (const e of entries) {
      e.plover ??= codesPlover(dict, e.verb);
      if (e.plover) {
        entries.plover = true;
        break;
      }
    }
  }
  return entries.plover;
}

/**
 * The synset tokens of a dictionary's patterns ("&CURRENCY") numbered, and for each stem the tokens
 * that have a member starting with it: the synsets a verb's nearby words can stand for are marked
 * once per verb (`marks[id] === stamp`), then each pattern's synsets are looked up by number.
 */
interface SynsetTable {
  ids: Map<string, number>;
  byStem: Map<string, number[]>;
  marks: Float64Array;
  stamp: number;
}

const synsetTables = new WeakMap<VerbDictionary, SynsetTable>();
function synsetTable(dict: VerbDictionary): SynsetTable {
  let table = synsetTables.get(dict);
  if (table) return table;
  const ids = new Map<string, number>();
  const byStem = new Map<string, number[]>();
  for (const block of dict.blocks)
    for (const [pre, post] of block)
      for (const token of [...pre, ...post]) {
        if (!token.startsWith('&') || ids.has(token)) continue;
        const id = ids.size;
        ids.set(token, id);
        for (const first of firstStemsOf(dict, token)) {
          const list = byStem.get(first);
          if (list) list.push(id);
          else byStem.set(first, [id]);
        }
      }
  table = { ids, byStem, marks: new Float64Array(ids.size), stamp: 0 };
  synsetTables.set(dict, table);
  return table;
}

/** A pattern's synset and % words: a synset's number, -1 for %. */
function synsetIdsOf(dict: VerbDictionary, words: string[]): number[] {
  const { ids } = synsetTable(dict);
  return words.map((w) => (w === '%' ? -1 : (ids.get(w) ?? -2)));
}

/**
 * Every synset word of a pattern has one of its members' first word among the stems near the verb
 * (a % word: "and" near it), given the synsets marked for this verb (markNear).
 */
function synsetsNear(ids: number[], table: SynsetTable, near: Set<string>): boolean {
  for (const id of ids) {
    if (id === -1) {
      if (!near.has('and')) return false;
    } else if (id < 0 || table.marks[id] !== table.stamp) return false;
  }
  return true;
}

/**
 * Every stem a verb's nearby words are looked for by: its patterns' plain words, their synsets' first
 * words, "and" (for %). A nearby word with another stem is never asked for, so it is left out of the
 * stems near a verb (the answers are the same).
 */
const vocabularies = new WeakMap<VerbDictionary, Set<string>>();
function vocabularyOf(dict: VerbDictionary): Set<string> {
  let vocabulary = vocabularies.get(dict);
  if (vocabulary) return vocabulary;
  vocabulary = new Set(['and']);
  for (const block of dict.blocks)
    for (const [pre, post] of block)
      for (const w of [...pre, ...post]) {
        if (w === '%') continue;
        if (w.startsWith('&')) for (const first of firstStemsOf(dict, w)) vocabulary.add(first);
        else vocabulary.add(stemOf(w));
      }
  vocabularies.set(dict, vocabulary);
  return vocabulary;
}

/** Mark the synsets whose members' first words stand near the verb (a new stamp: the old marks go). */
function markNear(table: SynsetTable, near: Set<string>): void {
  table.stamp += 1;
  for (const w of near) {
    const ids = table.byStem.get(w);
    if (ids) for (const id of ids) table.marks[id] = table.stamp;
  }
}

/** Where the patterns of a verb's block are tried: its words, the phrase after it, the stems near it. */
interface PatternSite {
  dict: VerbDictionary;
  words: Word[];
  /** The verb's word, the first word after its own words, the end of its phrase. */
  i: number;
  after: number;
  to: number;
  near: Set<string>;
  /** The synsets marked for this verb (markNear), once a pattern has synset words. */
  table: SynsetTable;
  marked: boolean;
  /** Only a pattern more specific than this can be the best. */
  floor: number;
}

/**
 * The first pattern of `list` (most specific first, then in block order) that matches at the verb,
 * if it comes before `top` in that order; else `top`.
 */
function firstMatch(
  list: PreparedPattern[],
  top: PreparedPattern | undefined,
  at: PatternSite,
): PreparedPattern | undefined {
  const { dict, words, i, near } = at;
  next: for (const p of list) {
    if (p.score <= at.floor) return top;
    if (top && (p.score < top.score || (p.score === top.score && p.order > top.order))) return top;
    for (const w of p.plain) if (!near.has(w)) continue next;
    if (p.synsetIds.length) {
      if (!at.marked) {
        markNear(at.table, near);
        at.marked = true;
      }
      if (!synsetsNear(p.synsetIds, at.table, near)) continue;
    }
    if (!inOrder(dict, p.post, words, at.after, at.to)) continue;
    if (p.pre.length && !inOrder(dict, p.pre, words, Math.max(0, i - 5), i)) continue;
    return p;
  }
  return top;
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
