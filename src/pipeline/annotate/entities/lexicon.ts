import countriesEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { EntityType } from '../../../core/entity.ts';
import countriesData from './data/countries.json' with { type: 'json' };
import facilitiesData from './data/facilities.json' with { type: 'json' };
import organizationsData from './data/organizations.json' with { type: 'json' };
import otherData from './data/other.json' with { type: 'json' };
import peopleData from './data/people.json' with { type: 'json' };
import placesData from './data/places.json' with { type: 'json' };
import { FACILITY_HEADS, FAMILY_FIRST_SURNAMES, NON_NAME_WORDS, TITLES } from './data/words.ts';
import { sentenceTokens } from './tokens.ts';

/** An entry of data/{people,organizations,facilities,other,places}.json. */
interface NamedEntry {
  name: string;
  variants?: string[];
  /** People: surnames safe on their own anywhere. */
  short?: string[];
  source: string;
}

/** An entry of data/countries.json. */
interface CountryEntry {
  code: string;
  name?: string;
  aliases?: string[];
  capital?: string;
  demonyms?: string[];
  source: string;
}

/** What a gazetteer phrase stands for. */
export interface LexEntry {
  canonical: string;
  type: EntityType;
  /** 'capital': a national capital (metonymy candidate, `country` set); 'demonym': adjective or people noun. */
  kind: 'name' | 'capital' | 'demonym';
  /** For capitals and demonyms: the country's canonical name. */
  country?: string;
}

/** One phrase of the gazetteer: its tokens as written (for the case check) and what it means. */
export interface Phrase {
  tokens: string[];
  /** Which tokens carry a possessive inside the phrase ("People's Liberation Army"). */
  possessive: boolean[];
  entry: LexEntry;
}

/**
 * The phrases as a trie over their keys' tokens: `phrases.get(a b c)` is the node reached by a, b,
 * c from the root (one small map a step instead of a lookup of every joined prefix in the big map).
 */
export interface PhraseNode {
  phrase: Phrase | undefined;
  next: Map<string, PhraseNode> | undefined;
}

export interface Lexicon {
  /** Phrases by their lower-cased token sequence joined with a space. */
  phrases: Map<string, Phrase>;
  /** The same phrases by their first token (a key's first word), each a trie node. */
  trie: Map<string, PhraseNode>;
  /** Longest phrase length (in tokens) by lower-cased first token. */
  maxLenByFirst: Map<string, number>;
  /** Titles as lower-cased token sequences joined with a space, and the longest title length. */
  titles: Set<string>;
  /** The first word of every title, lower-cased (a cheap test before looking titles up). */
  titleFirstWords: Set<string>;
  maxTitleLen: number;
  facilityHeads: Set<string>;
  familyFirst: Set<string>;
  nonNames: Set<string>;
  /** Canonical names of the persons in the lexicon whose family name is written first. */
  familyFirstPeople: Set<string>;
}

const words = (block: string, sep: RegExp): string[] =>
  block
    .split(sep)
    .map((w) => w.trim())
    .filter((w) => w !== '');

/** Tokens of a phrase, the way the annotator tokenizes text (possessive cut off and flagged). */
export function phraseTokens(phrase: string): string[] {
  return sentenceTokens(phrase, { start: 0, end: phrase.length }).map((t) => t.text);
}

export const keyOf = (tokens: string[]): string => tokens.join(' ').toLowerCase().replace(/’/g, "'");

function phraseTrie(phrases: Map<string, Phrase>): Map<string, PhraseNode> {
  const root = new Map<string, PhraseNode>();
  for (const [key, phrase] of phrases) {
    const words = key.split(' ');
    let level = root;
    for (let k = 0; ; k++) {
      let node = level.get(words[k]!);
      if (!node) {
        node = { phrase: undefined, next: undefined };
        level.set(words[k]!, node);
      }
      if (k === words.length - 1) {
        node.phrase = phrase;
        break;
      }
      node.next ??= new Map();
      level = node.next;
    }
  }
  return root;
}

/**
 * The phrases starting at a word whose trie node is `node`, by length: `out[len]` is the phrase of
 * `len` words (`words(1)`, `words(2)`… the following words' keys) or undefined, for len ≤ max.
 * The same as looking each joined key up in `phrases`.
 */
export function phrasesFrom(
  node: PhraseNode | undefined,
  max: number,
  word: (j: number) => string,
  out: Array<Phrase | undefined>,
): Array<Phrase | undefined> {
  out.length = max + 1;
  out.fill(undefined);
  let depth = 1;
  while (node && depth <= max) {
    out[depth] = node.phrase;
    if (depth === max) break;
    node = node.next?.get(word(depth));
    depth++;
  }
  return out;
}

function buildLexicon(): Lexicon {
  const phrases = new Map<string, Phrase>();
  const maxLenByFirst = new Map<string, number>();
  const add = (text: string, entry: LexEntry): void => {
    const toks = sentenceTokens(text, { start: 0, end: text.length });
    const tokens = toks.map((t) => t.text);
    if (tokens.length === 0) return;
    const key = keyOf(tokens);
    if (phrases.has(key)) return; // the first (most specific list) wins
    phrases.set(key, { tokens, possessive: toks.map((t) => t.possessive), entry });
    const first = tokens[0]!.toLowerCase();
    maxLenByFirst.set(first, Math.max(maxLenByFirst.get(first) ?? 0, tokens.length));
  };
  const addAll = (names: string[], entry: LexEntry): void => {
    for (const name of names) add(name, entry);
  };
  const familyFirst = new Set(words(FAMILY_FIRST_SURNAMES, /\s+/));
  const familyFirstPeople = new Set<string>();
  // People, organisations, facilities and other named things (data/*.json: each entry with its source).
  for (const p of peopleData.entries as NamedEntry[]) {
    const entry: LexEntry = { canonical: p.name, type: 'person', kind: 'name' };
    addAll([p.name, ...(p.variants ?? []), ...(p.short ?? [])], entry);
    if (familyFirst.has(p.name.split(' ')[0] ?? '')) familyFirstPeople.add(p.name);
  }
  for (const [data, type] of [
    [organizationsData, 'organization'],
    [facilitiesData, 'facility'],
    [otherData, 'other'],
  ] as const) {
    for (const e of data.entries as NamedEntry[]) {
      addAll([e.name, ...(e.variants ?? [])], { canonical: e.name, type, kind: 'name' });
    }
  }
  // Countries: the package's English names plus our aliases; capitals; demonyms.
  const official = countriesEn.countries as Record<string, string | string[]>;
  const capitals: Array<[string, string]> = [];
  const demonyms: Array<[string, string]> = [];
  for (const c of countriesData.entries as CountryEntry[]) {
    const names = ([] as string[]).concat(official[c.code] ?? []);
    const canonical = c.name || names[0] || c.code;
    const entry: LexEntry = { canonical, type: 'country', kind: 'name' };
    addAll([canonical, ...(c.aliases ?? []), ...names.filter((n) => !n.includes(','))], entry);
    if (c.capital) capitals.push([c.capital, canonical]);
    for (const d of c.demonyms ?? []) demonyms.push([d, canonical]);
  }
  for (const [capital, country] of capitals) {
    add(capital, { canonical: capital, type: 'place', kind: 'capital', country });
  }
  for (const [demonym, country] of demonyms) {
    add(demonym, { canonical: country, type: 'country', kind: 'demonym', country });
  }
  for (const d of countriesData.groupDemonyms)
    add(d.name, { canonical: d.name, type: 'other', kind: 'demonym' });
  for (const e of placesData.entries as NamedEntry[]) {
    addAll([e.name, ...(e.variants ?? [])], { canonical: e.name, type: 'place', kind: 'name' });
  }
  const titleList = words(TITLES, /,/).map((t) => keyOf(phraseTokens(t)));
  return {
    phrases,
    trie: phraseTrie(phrases),
    maxLenByFirst,
    titles: new Set(titleList),
    titleFirstWords: new Set(titleList.map((t) => t.split(' ')[0]!)),
    maxTitleLen: Math.max(...titleList.map((t) => t.split(' ').length)),
    facilityHeads: new Set(words(FACILITY_HEADS, /,/).map((h) => h.toLowerCase())),
    familyFirst,
    nonNames: new Set(words(NON_NAME_WORDS, /\s+/)),
    familyFirstPeople,
  };
}

let cached: Lexicon | undefined;

/** The lexicon, built once from the data modules (pure: the data never changes at run time). */
/**
 * Every way the gazetteer writes a country — canonical and official names, aliases, and the capital
 * that stands for its government — with the country's code: for folding names that differ in wording
 * only (claim matching).
 */
export function countryNameForms(): Array<[form: string, code: string]> {
  const official = countriesEn.countries as Record<string, string | string[]>;
  const out: Array<[string, string]> = [];
  for (const c of countriesData.entries as CountryEntry[]) {
    const names = ([] as string[]).concat(official[c.code] ?? []).filter((n) => !n.includes(','));
    for (const form of new Set([c.name ?? '', ...names, ...(c.aliases ?? []), c.capital ?? '']))
      if (form !== '') out.push([form, c.code]);
  }
  return out;
}

export function lexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
