/**
 * Induce the entity tagger's word clusters (src/pipeline/annotate/entities/ner/word-clusters.ts):
 *   npm run train:word-clusters -- [--out src/pipeline/annotate/entities/ner/word-clusters.bin]
 *       [--fine 1024] [--coarse 64] [--min-count 3] [--max-vocab 80000] [--iterations 40] <input>...
 * Inputs are files or directories of unlabelled text, read in place and never copied (the eval data
 * under /work/shared/eval-data may not be redistributed): *.jsonl (the `title` and `text` of each
 * record), *.txt prose (brat standoff texts), CoNLL files (first column only, recognised by their
 * -DOCSTART- line; the labels are not read), TREC SGML documents (DUC: <HEADLINE> and <TEXT>),
 * TimeML *.tml (<TITLE> and <TEXT>, tags stripped) and ground-truth *.json ({id: {articleBody}}).
 * Prose is split with the project's segmenter and tokenizer; tokens are folded with `foldWord` (a cut
 * possessive becomes its own "'s" token, as in CoNLL text) and sentences of 6+ tokens seen before
 * are skipped (the pile repeats DUC and PolNeAR articles).
 *
 * Clusters: the exchange algorithm (scripts/word-clusters-exchange.ts) maximising the
 * class-bigram likelihood, over the words seen `--min-count` times (the rest share one fixed class;
 * sentence boundaries are a token with a fixed class of their own). The fine classes are then
 * clustered themselves by the same algorithm into the coarse classes, so each coarse class is a
 * union of fine ones. Deterministic: round-robin start by frequency rank, words visited by rank.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { encodeWordClusters, foldWord } from '../src/pipeline/annotate/entities/ner/word-clusters.ts';
import { segment, tokenize } from '../src/pipeline/segment/segment.ts';
import {
  type Clustering,
  emissionTerm,
  exchange,
  type Graph,
  graphOf,
  xlogxTable,
} from './word-clusters-exchange.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const inputs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (inputs.length === 0) {
  console.error(
    'usage: npx tsx scripts/train-word-clusters.ts [--out FILE] [--fine N] [--coarse N] <input>...',
  );
  process.exit(2);
}
const OUT = option('--out', 'src/pipeline/annotate/entities/ner/word-clusters.bin');
const FINE = Number(option('--fine', '1024'));
const COARSE = Number(option('--coarse', '64'));
const MIN_COUNT = Number(option('--min-count', '3'));
const MAX_VOCAB = Number(option('--max-vocab', '80000'));
const ITERATIONS = Number(option('--iterations', '40'));
const started = performance.now();
const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

// ---- Corpus: a stream of provisional word ids, -1 between sentences --------------------------------

const idOf = new Map<string, number>();
const words: string[] = [];
let stream = new Int32Array(1 << 20);
let length = 0;
const seen = new Set<string>();
const stats = { docs: 0, sentences: 0, duplicates: 0 };

function emit(id: number): void {
  if (length === stream.length) {
    const grown = new Int32Array(stream.length * 2);
    grown.set(stream);
    stream = grown;
  }
  stream[length++] = id;
}

/** One sentence of raw tokens: folded, the cut possessive emitted as "'s", repeats of long sentences skipped. */
function addSentence(raw: readonly string[]): void {
  const toks: string[] = [];
  for (const r of raw) {
    const w = foldWord(r);
    toks.push(w);
    if (w.length < r.length) toks.push("'s");
  }
  if (toks.length === 0) return;
  if (toks.length >= 6) {
    const key = toks.join(' ');
    if (seen.has(key)) {
      stats.duplicates += 1;
      return;
    }
    seen.add(key);
  }
  stats.sentences += 1;
  for (const w of toks) {
    let id = idOf.get(w);
    if (id === undefined) {
      id = words.length;
      idOf.set(w, id);
      words.push(w);
    }
    emit(id);
  }
  emit(-1);
}

/** A document of prose: `` '' quotes made plain, then the project's sentences and tokens. */
function addProse(text: string): void {
  const clean = text.replace(/``|''/g, '"');
  stats.docs += 1;
  for (const s of segment(clean).sentences) addSentence(tokenize(clean, s).map((t) => t.text));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Markup removed: tags dropped, the five XML entities decoded, wire-service codes (&UR; &QL;) dropped. */
const stripMarkup = (s: string): string =>
  s.replace(/<[^>]*>/g, '').replace(/&(\w+);/g, (_, e: string) => ENTITIES[e] ?? ' ');
const element = (doc: string, tag: string): string =>
  [...doc.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!).join('\n\n');

/** TREC SGML (DUC): the headline and the text of each <DOC>; paragraphs at <P> or at an indented line. */
function addSgml(content: string): void {
  for (const [doc] of content.matchAll(/<DOC>[\s\S]*?<\/DOC>/g)) {
    const body = element(doc, 'TEXT')
      .replace(/<\/?P>/g, '\n\n')
      .replace(/\n[ \t]+(?=\S)/g, '\n\n');
    addProse(`${stripMarkup(element(doc, 'HEADLINE')).trim()}\n\n${stripMarkup(body)}`);
  }
}

/** CoNLL: the first column, sentences at blank lines; the tag columns are ignored. */
function addConll(content: string): void {
  let sentence: string[] = [];
  for (const line of content.split(/\r?\n/)) {
    const word = line.trim().split(/\s+/)[0] ?? '';
    if (word === '' || word === '-DOCSTART-') {
      if (word === '-DOCSTART-') stats.docs += 1;
      addSentence(sentence);
      sentence = [];
    } else sentence.push(word);
  }
  addSentence(sentence);
}

function addFile(path: string): void {
  const name = basename(path);
  if (name.endsWith('.ann') || name.endsWith('.md') || name.endsWith('.tsv') || name.endsWith('.sgml'))
    return;
  const content = readFileSync(path, 'utf8');
  if (name.endsWith('.jsonl')) {
    for (const line of content.split('\n')) {
      if (line.trim() === '') continue;
      const rec = JSON.parse(line) as { title?: unknown; text?: unknown };
      const parts = [rec.title, rec.text].filter((x): x is string => typeof x === 'string');
      addProse(parts.join('\n\n'));
    }
  } else if (name.endsWith('.json')) {
    const obj = JSON.parse(content) as Record<string, { articleBody?: unknown } | null>;
    for (const v of Object.values(obj)) {
      if (typeof v?.articleBody !== 'string') continue;
      // One block per line; the "URL: ..." line some bodies open with is not text.
      addProse(v.articleBody.replace(/^\ufeff?URL: .*$/m, '').replace(/\n/g, '\n\n'));
    }
  } else if (name.endsWith('.tml')) {
    addProse(`${stripMarkup(element(content, 'TITLE'))}\n\n${stripMarkup(element(content, 'TEXT'))}`);
  } else if (content.startsWith('-DOCSTART-')) addConll(content);
  else if (/^\s*<DOC>/.test(content)) addSgml(content);
  else if (name.endsWith('.txt')) addProse(content);
}

function addPath(path: string): void {
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) addPath(join(path, entry));
  else addFile(path);
}

for (const input of inputs) {
  const before = { ...stats, tokens: length - stats.sentences };
  addPath(input);
  const tokens = length - stats.sentences - before.tokens;
  console.log(
    `${input}: ${stats.docs - before.docs} documents, ${stats.sentences - before.sentences} sentences, ` +
      `${tokens} tokens (${stats.duplicates - before.duplicates} repeated sentences skipped)`,
  );
}

// ---- Vocabulary and bigram counts ------------------------------------------------------------------

const freq = new Int32Array(words.length);
for (let i = 0; i < length; i++) if (stream[i]! >= 0) freq[stream[i]!]! += 1;
const ranked = [...freq.keys()]
  .filter((id) => freq[id]! >= MIN_COUNT)
  .sort((a, b) => freq[b]! - freq[a]! || (words[a]! < words[b]! ? -1 : 1))
  .slice(0, MAX_VOCAB);
const V = ranked.length;
const BOUNDARY = V;
const RARE = V + 1;
const U = V + 2;
const unitOf = new Int32Array(words.length).fill(RARE);
ranked.forEach((id, u) => {
  unitOf[id] = u;
});
console.log(
  `${length - stats.sentences} tokens, ${stats.sentences} sentences, ${words.length} distinct words; ` +
    `vocabulary (count >= ${MIN_COUNT}) ${V} words covering ` +
    `${((100 * ranked.reduce((n, id) => n + freq[id]!, 0)) / (length - stats.sentences)).toFixed(2)}% of tokens (${seconds()})`,
);

const pairKeys = new Float64Array(length);
let prev = BOUNDARY;
for (let i = 0; i < length; i++) {
  const id = stream[i]!;
  const u = id < 0 ? BOUNDARY : unitOf[id]!;
  pairKeys[i] = prev * U + u;
  prev = u;
}
pairKeys.sort();
const distinct: number[] = [];
const distinctCounts: number[] = [];
for (let i = 0; i < pairKeys.length; i++) {
  if (i > 0 && pairKeys[i] === pairKeys[i - 1]) distinctCounts[distinctCounts.length - 1]! += 1;
  else {
    distinct.push(pairKeys[i]!);
    distinctCounts.push(1);
  }
}
const wordGraph = graphOf(U, Float64Array.from(distinct), Int32Array.from(distinctCounts));
console.log(`${distinct.length} distinct bigrams (${seconds()})`);

// ---- Exchange: the words into fine classes, then the fine classes into coarse ones ------------------

const xlogx = xlogxTable(wordGraph.total);
const emission = emissionTerm(wordGraph, xlogx);
const reporter =
  (label: string, units: number) =>
  (iteration: number, ll: number, moved: number): void => {
    const what = iteration === 0 ? 'start' : `iteration ${iteration}, ${moved} of ${units} moved`;
    const ppl = Math.exp(-ll).toFixed(1);
    console.log(`${label} ${what}: log-likelihood/bigram ${ll.toFixed(4)}, perplexity ${ppl} (${seconds()})`);
  };
const run = (g: Graph, classes: number, fixed: Int32Array, order: number[], label: string): Clustering =>
  exchange(g, {
    classes,
    fixed,
    fixedClasses: 2,
    order,
    iterations: ITERATIONS,
    xlogx,
    emission,
    report: reporter(label, order.length),
  });
const fixedWords = new Int32Array(U).fill(-1);
fixedWords[BOUNDARY] = 0;
fixedWords[RARE] = 1;
const fine = run(wordGraph, FINE, fixedWords, [...Array(V).keys()], `fine (${FINE})`);

// Coarse: the fine classes (and the two fixed classes) are the units of a second exchange.
const K = FINE + 2;
const classKeys: number[] = [];
const classCounts: number[] = [];
for (let i = 0; i < K * K; i++) {
  if (fine.N[i]! > 0) {
    classKeys.push(i);
    classCounts.push(fine.N[i]!);
  }
}
const classGraph = graphOf(K, Float64Array.from(classKeys), Int32Array.from(classCounts));
const fixedClasses = new Int32Array(K).fill(-1);
fixedClasses[FINE] = 0;
fixedClasses[FINE + 1] = 1;
const classFreq = (c: number): number => fine.N.subarray(c * K, c * K + K).reduce((a, b) => a + b, 0);
const fineOrder = [...Array(FINE).keys()].filter((c) => classFreq(c) > 0);
fineOrder.sort((a, b) => classFreq(b) - classFreq(a) || a - b);
const coarse = run(classGraph, COARSE, fixedClasses, fineOrder, `coarse (${COARSE})`);

// ---- Table: coarse classes by frequency, fine ids grouped by coarse, words by frequency ------------

const coarseFreq = new Float64Array(COARSE);
for (const c of fineOrder) coarseFreq[coarse.cls[c]!]! += classFreq(c);
const coarseRank = [...Array(COARSE).keys()].filter((c) => coarseFreq[c]! > 0);
coarseRank.sort((a, b) => coarseFreq[b]! - coarseFreq[a]! || a - b);
const coarseId = new Int32Array(COARSE);
coarseRank.forEach((c, i) => {
  coarseId[c] = i;
});
const fineRank = [...fineOrder].sort((a, b) => coarseId[coarse.cls[a]!]! - coarseId[coarse.cls[b]!]!);
const members = new Map<number, string[]>(fineRank.map((c) => [c, []]));
for (let u = 0; u < V; u++) members.get(fine.cls[u]!)!.push(words[ranked[u]!]!);
const table = fineRank.map((c) => members.get(c)!);
const bytes = encodeWordClusters(
  table,
  fineRank.map((c) => coarseId[coarse.cls[c]!]!),
);
writeFileSync(OUT, bytes);
console.log(
  `wrote ${OUT}: ${V} words, ${fineRank.length} fine and ${coarseRank.length} coarse classes, ` +
    `${bytes.length} bytes (${seconds()})`,
);
