/**
 * The entity tagger (docs/decisions/0021): CoNLL's four types over BILOU labels, the feature
 * templates of features.ts, document memory (the type a word got earlier in the article), and the
 * shipped weights in ner-model.bin (`npm run train:ner`), read once on first use.
 */
import { readFileSync } from 'node:fs';
import {
  LabelSet,
  type TaggedSpan,
  type TaggerSpec,
  tagDocument,
  type WordPart,
  WordScores,
} from '../../../tagger/sequence.ts';
import { decodeWeights, type WeightsFormat, type WeightTable } from '../../../tagger/weights.ts';
import type { Lexicon, Phrase, PhraseNode } from '../lexicon.ts';
import {
  CONTEXT_PART,
  type DocumentContext,
  FEATURE_VERSION,
  hashString,
  labelFeatures,
  type PreparedSentence,
  sentenceCase,
  tokenFeatures,
  WORD_PART,
} from './features.ts';
import { type WordFacts, wordFacts } from './word-facts.ts';

/** CoNLL's four types, in the order of the label table. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];
export const NER_LABELS = new LabelSet<NerType>(NER_TYPES);

/** The word's facts with the lexicon's memo (longest phrase, trie node) filled in for `lex`. */
function gazFacts(f: WordFacts, lex: Lexicon): WordFacts {
  if (f.gazOf !== lex) {
    f.gazMax = lex.maxLenByFirst.get(f.norm) ?? 0;
    f.gazNode = lex.trie.get(f.norm);
    f.gazOf = lex;
  }
  return f;
}

const H_NONE = hashString('');
/** Hashes of the gazetteer tags "B-<kind>" and "I-<kind>" by kind (a few dozen kinds). */
const gazHashes = new Map<string, [begin: number, inside: number]>();
const gazHash = (kind: string): [number, number] => {
  let h = gazHashes.get(kind);
  if (h === undefined) {
    h = [hashString(`B-${kind}`), hashString(`I-${kind}`)];
    gazHashes.set(kind, h);
  }
  return h;
};

/**
 * Each token's gazetteer tag, as its hash into `hGaz` (H_NONE: none) and 1 in `inGaz` when tagged:
 * "B-<kind>" / "I-<kind>" of the longest lexicon phrase starting at each position, left to right
 * (kind: the entry's type, or "demonym"). The phrase is found by walking the lexicon's trie.
 */
function gazetteerTags(
  facts: WordFacts[],
  norm: string[],
  lex: Lexicon | undefined,
  hGaz: Uint32Array,
  inGaz: Uint8Array,
): void {
  hGaz.fill(H_NONE);
  if (!lex) return;
  let i = 0;
  while (i < norm.length) {
    const f = gazFacts(facts[i]!, lex);
    const max = Math.min(f.gazMax, norm.length - i);
    // The longest phrase of at most `max` words: the deepest node with a phrase on the path.
    let node = f.gazNode as PhraseNode | undefined;
    let matched = 0;
    let phrase: Phrase | undefined;
    for (let d = 1; node !== undefined && d <= max; d++) {
      if (node.phrase) {
        matched = d;
        phrase = node.phrase;
      }
      if (d === max) break;
      node = node.next?.get(norm[i + d]!);
    }
    if (phrase) {
      const [begin, inside] = gazHash(phrase.entry.kind === 'demonym' ? 'demonym' : phrase.entry.type);
      for (let j = 0; j < matched; j++) {
        hGaz[i + j] = j === 0 ? begin : inside;
        inGaz[i + j] = 1;
      }
    }
    i += matched || 1;
  }
}

/**
 * The prepared sentences' arrays are views carved from shared blocks: a typed array of more than 64
 * bytes allocated on its own gets a buffer outside the heap, ten a sentence, each costing an
 * allocation and the collector's bookkeeping. A block is never reused: a fresh one is zeroed and
 * a full one is left to the views still holding it.
 */
const BLOCK = 1 << 16;
let block = new ArrayBuffer(BLOCK);
let used = 0;
function carve(bytes: number): number {
  const size = (bytes + 7) & ~7;
  if (used + size > BLOCK) {
    block = new ArrayBuffer(Math.max(BLOCK, size));
    used = 0;
  }
  used += size;
  return used - size;
}
// carve() first: it may start a new block.
const words32 = (n: number): Uint32Array => {
  const at = carve(n * 4);
  return new Uint32Array(block, at, n);
};
const bytes = (n: number): Uint8Array => {
  const at = carve(n);
  return new Uint8Array(block, at, n);
};

/** Prepare one sentence's words for the feature templates. */
export function prepareSentence(
  words: string[],
  lex: Lexicon | undefined,
  facts: WordFacts[] = words.map(wordFacts),
): PreparedSentence {
  const n = words.length;
  const norm = facts.map((f) => f.norm);
  const s: PreparedSentence = {
    words,
    norm,
    hNorm: words32(n),
    hWord: words32(n),
    hShape: words32(n),
    hGaz: words32(n),
    hCoarse: words32(n),
    hFine: words32(n),
    cap: bytes(n),
    inGaz: bytes(n),
    settled: bytes(n),
    lowerInitial: bytes(n),
    facts,
    casing: sentenceCase(facts.map((f) => f.counts)),
  };
  gazetteerTags(facts, norm, lex, s.hGaz, s.inGaz);
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    s.hNorm[i] = f.hNorm;
    s.hWord[i] = f.hWord;
    s.hShape[i] = f.hShape;
    s.cap[i] = f.cap;
    s.hCoarse[i] = f.hCoarse;
    s.hFine[i] = f.hFine;
    // Whether the word settles in prose (bit 1) and in a headline (bit 2), memoised on its facts.
    if (f.settles < 0) {
      const w = words[i]!;
      f.settles =
        (settledOutside(w, f.uncased, f.norm, 'N') ? 1 : 0) |
        (settledOutside(w, f.uncased, f.norm, 'T') ? 2 : 0);
    }
    s.settled[i] = s.casing === 'N' ? f.settles & 1 : s.casing === 'T' ? (f.settles >> 1) & 1 : 0;
    s.lowerInitial[i] = f.lowerInitial ? 1 : 0;
  }
  return s;
}

/**
 * Particles that open a person's name in lower case ("de Blasio", "van Gogh", "bin Salman"): the
 * nobiliary and patronymic particles of European and Arabic names.
 */
const NAME_PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'de',
  'del',
  'della',
  'der',
  'di',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'nee',
  'van',
  'von',
]);

/**
 * A token the decoder may settle as O after an O without scoring it: in prose, a word with no
 * capital letter (punctuation and numbers included) but a name particle or "&" (inside "AT&T"); in a
 * headline, punctuation and numbers only; in a shouted sentence, none. On pile-dev this settles 77 %
 * of tokens and changes 41 of 1.83 million labels the full decode gives (docs/decisions/0021).
 */
function settledOutside(
  word: string,
  uncased: 0 | 1,
  norm: string,
  casing: PreparedSentence['casing'],
): boolean {
  if (casing === 'U' || uncased === 0 || word === '&') return false;
  if (casing === 'T') return !/^\p{L}/u.test(word);
  return !NAME_PARTICLES.has(norm);
}

/** A fresh document context over the document's words (which occur in lower case). */
export function documentContext(sentences: readonly PreparedSentence[]): DocumentContext {
  const lowerSeen = new Set<string>();
  for (const { words, norm, lowerInitial } of sentences) {
    for (let i = 1; i < words.length; i++) if (lowerInitial[i]) lowerSeen.add(norm[i]!);
  }
  return { lowerSeen, history: new Map() };
}

/**
 * The entity tagger's spec; the lexicon (when given) feeds the gazetteer templates. `factsOf` may
 * give a sentence's word facts already looked up (`wordFacts` of each word).
 */
export function nerSpec(
  lex: Lexicon | undefined,
  factsOf?: (words: string[]) => WordFacts[] | undefined,
): TaggerSpec<PreparedSentence, DocumentContext, NerType> {
  return {
    labels: NER_LABELS,
    featureVersion: FEATURE_VERSION,
    trainCommand: NER_FORMAT.trainCommand,
    prepare: (words) => prepareSentence(words, lex, factsOf?.(words)),
    context: documentContext,
    length: (s) => s.words.length,
    tokenFeatures,
    labelFeatures,
    // Remember the type each capitalized word of a predicted entity got, for the document template.
    afterSentence: (s, labels, ctx) => {
      for (let i = 0; i < labels.length; i++) {
        const l = labels[i]!;
        if (l !== 0 && s.cap[i]) ctx.history.set(s.norm[i]!, NER_LABELS.typeOf(l));
      }
    },
  };
}

export const NER_FORMAT: WeightsFormat = {
  featureVersion: FEATURE_VERSION,
  labels: NER_LABELS.size,
  file: 'ner-model.bin',
  trainCommand: 'npm run train:ner',
};

/** Where the shipped weights live: beside this module (and beside the bundle in dist/). */
export const NER_MODEL_URL = new URL('./ner-model.bin', import.meta.url);

let cached: WeightTable | undefined;

/** The shipped weights, read on first use. */
export function nerWeights(): WeightTable {
  cached ??= decodeWeights(readFileSync(NER_MODEL_URL), NER_FORMAT);
  return cached;
}

/** A local binding: called for every token scored (an imported one is a property read, an accessor once transpiled). */
const features = tokenFeatures;

/** The word features' scores under the shipped weights, shared by every document tagged. */
const wordPart: WordPart<PreparedSentence, DocumentContext> = {
  key: (s, i) => s.facts[i]!,
  wordFeatures: (s, i, out) => features(s, i, EMPTY_CONTEXT, out, WORD_PART),
  contextFeatures: (s, i, ctx, out) => features(s, i, ctx, out, CONTEXT_PART),
  cache: new WordScores(),
  settled: (s, i) => s.settled[i] === 1,
};
const EMPTY_CONTEXT: DocumentContext = { lowerSeen: new Set(), history: new Map() };

/**
 * Tag a document given as sentences of words with the shipped weights: the entities of each
 * sentence. `cacheWords: false` scores every feature of every token (the labels are the same).
 * `facts`, when given, holds each sentence's `wordFacts` (the caller may have them at hand).
 */
export function tagEntities(
  sentences: readonly string[][],
  lex: Lexicon | undefined,
  cacheWords = true,
  facts?: readonly WordFacts[][],
): TaggedSpan<NerType>[][] {
  const known = facts && new Map(sentences.map((w, si) => [w, facts[si]!]));
  const spec = nerSpec(lex, known && ((words) => known.get(words)));
  return tagDocument(spec, nerWeights().score, sentences, cacheWords ? wordPart : undefined);
}
