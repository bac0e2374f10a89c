/**
 * The tables the verb-pattern matcher (verb-patterns.ts) reads, made once per dictionary: the verb
 * forms by word (regular inflections made here), a word filter before them, each block's patterns
 * prepared and sorted, the synsets' members by stem and by number, whether a verb can code PLOVER.
 * Split from verb-patterns.ts, which keeps the matching itself.
 */
import type { CompiledPattern, CompiledVerb } from './verb-dictionary.ts';
import { inflections, stem, type Word } from './verb-reading.ts';
import { WordFilter } from './word-filter.ts';

/** A compiled verb dictionary with the PLOVER class of its codes ([category, mode, context]). */
export interface VerbDictionary {
  plover: Record<string, [string, string, string]>;
  synsets: Record<string, string[]>;
  verbs: CompiledVerb[];
  blocks: CompiledPattern[][];
}

export interface Entry {
  verb: CompiledVerb;
  rest: string[];
  /** codesPlover(dict, verb), found on first use. */
  plover?: boolean;
}

/** A form's entries; `plover`: does any of them code a PLOVER category (found on first use)? */
export type Entries = Entry[] & { plover?: boolean };

const indexes = new WeakMap<VerbDictionary, Map<string, Entry[]>>();
/** The verb index's forms as a WordFilter (most words are no form of a verb). */
const filters = new WeakMap<VerbDictionary, WordFilter>();

export function verbFilter(dict: VerbDictionary): WordFilter {
  let filter = filters.get(dict);
  if (!filter) {
    filter = new WordFilter(verbIndex(dict).keys());
    filters.set(dict, filter);
  }
  return filter;
}

export function verbIndex(dict: VerbDictionary): Map<string, Entry[]> {
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
export function preparedBlock(dict: VerbDictionary, block: number): PreparedBlock {
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
export function codesPloverAny(dict: VerbDictionary, entries: Entries): boolean {
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
export function synsetTable(dict: VerbDictionary): SynsetTable {
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
export function vocabularyOf(dict: VerbDictionary): Set<string> {
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
export interface PatternSite {
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
export function firstMatch(
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
