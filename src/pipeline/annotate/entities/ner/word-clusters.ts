/**
 * Distributional word clusters for the entity tagger, in the manner of the Brown clusters of
 * Ratinov & Roth (2009): every frequent word has a fine class and a coarse class (a union of fine
 * classes), induced by `scripts/train-word-clusters.ts` with the exchange algorithm on the
 * class-bigram likelihood. The table was learned from 4.3M tokens of unlabelled text in the public
 * development data the training script is given by path (the pile-dev articles — DUC 2007, ECB+,
 * WikiRef220, PolNeAR —, the PolNeAR train and dev texts, the DUC 2007 documents, the TimeBank/AQUAINT texts, the article bodies of the
 * extraction ground truths including CleanEval, and the words of the CoNLL-2003 English training and
 * development sets, never their labels). Those texts are not in the repository (their licences do
 * not allow it): only the derived word → class table ships, gzipped in word-clusters.bin beside this
 * module, and is read once, on first use.
 *
 * Words are looked up case-sensitively after `foldWord` (the folding used at training): typographic
 * quotes to ASCII, digits to 0, a trailing possessive "'s" cut off.
 *
 * File layout (UTF-8 text, gzipped): line 1 "sitrep-word-clusters <version>"; line 2 "<fine classes>
 * <coarse classes> <words>"; then one line per fine class, in fine-id order: "<coarse id>\t<word>
 * <word> ...", the class's words by descending training frequency. Fine ids are grouped by coarse id.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Version of the file layout; bumped when the layout or the folding changes. */
export const WORD_CLUSTERS_VERSION = 1;
const MAGIC = 'sitrep-word-clusters';

/** A word's classes: `fine` in [0, fine classes), `coarse` in [0, coarse classes). */
export interface WordCluster {
  readonly coarse: number;
  readonly fine: number;
}

/** The cluster table: class counts and the classes of each folded word. */
export interface WordClusterTable {
  readonly fineClasses: number;
  readonly coarseClasses: number;
  readonly words: ReadonlyMap<string, WordCluster>;
}

const POSSESSIVE = /'s$/;

/** The form words are clustered under: ‘’ → ', “” → ", digits → 0, trailing possessive 's cut (case kept). */
const NEEDS_FOLD = /[‘’“”0-9]|'s$/;

/** `NEEDS_FOLD`'s answer; for an ASCII word a digit or a final "'s" (the typographic quotes are not ASCII). */
function needsFold(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 128) return NEEDS_FOLD.test(word);
    if (c >= 48 && c <= 57) return true;
  }
  return word.endsWith("'s");
}

export function foldWord(word: string): string {
  if (!needsFold(word)) return word;
  const folded = word.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[0-9]/g, '0');
  return folded.length > 2 && POSSESSIVE.test(folded) ? folded.slice(0, -2) : folded;
}

/** Serialize a table: `fine[i]` lists the words of fine class i; `coarseOf[i]` is that class's coarse id. */
export function encodeWordClusters(
  fine: readonly (readonly string[])[],
  coarseOf: readonly number[],
): Buffer {
  const coarseClasses = Math.max(...coarseOf) + 1;
  const words = fine.reduce((n, ws) => n + ws.length, 0);
  const lines = [`${MAGIC} ${WORD_CLUSTERS_VERSION}`, `${fine.length} ${coarseClasses} ${words}`];
  fine.forEach((ws, i) => {
    if (ws.some((w) => /\s/.test(w) || w === ''))
      throw new Error(`fine class ${i} holds an empty or spaced word`);
    lines.push(`${coarseOf[i]}\t${ws.join(' ')}`);
  });
  return gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: 9 });
}

const bad = (why: string): Error =>
  new Error(
    `word-clusters.bin is not a word-cluster table of version ${WORD_CLUSTERS_VERSION} (${why}): ` +
      'run `npx tsx scripts/train-word-clusters.ts`',
  );

/** Read a table written by `encodeWordClusters`; throws when the bytes are of another format or version. */
export function decodeWordClusters(gz: Uint8Array): WordClusterTable {
  let text: string;
  try {
    text = gunzipSync(gz).toString('utf8');
  } catch {
    throw bad('not gzip');
  }
  const lines = text.split('\n');
  if (lines[0] !== `${MAGIC} ${WORD_CLUSTERS_VERSION}`)
    throw bad(`header ${JSON.stringify(lines[0]?.slice(0, 40))}`);
  const counts = (lines[1] ?? '').split(' ').map(Number);
  const [fineClasses = 0, coarseClasses = 0, wordCount = 0] = counts;
  if (counts.length !== 3 || !counts.every((n) => Number.isInteger(n) && n > 0))
    throw bad('bad class counts');
  if (lines.length !== fineClasses + 3 || lines[fineClasses + 2] !== '') throw bad('wrong number of classes');
  const words = new Map<string, WordCluster>();
  for (let fine = 0; fine < fineClasses; fine++) {
    const line = lines[fine + 2]!;
    const tab = line.indexOf('\t');
    const coarse = Number(line.slice(0, tab));
    if (tab < 1 || !Number.isInteger(coarse) || coarse < 0 || coarse >= coarseClasses)
      throw bad(`class ${fine}`);
    const cluster: WordCluster = Object.freeze({ coarse, fine });
    for (const w of line.slice(tab + 1).split(' ')) {
      if (w === '' || words.has(w)) throw bad(`class ${fine}: empty or repeated word`);
      words.set(w, cluster);
    }
  }
  if (words.size !== wordCount) throw bad(`${words.size} words, header says ${wordCount}`);
  return { fineClasses, coarseClasses, words };
}

/** Where the shipped table lives: beside this module. */
export const WORD_CLUSTERS_URL = new URL('./word-clusters.bin', import.meta.url);

let cached: WordClusterTable | undefined;

/** The shipped table, read on first use. */
export function wordClusterTable(): WordClusterTable {
  cached ??= decodeWordClusters(readFileSync(WORD_CLUSTERS_URL));
  return cached;
}

/** Folded word → its classes (exact, case-sensitive lookup of `foldWord` output). */
export function wordClusters(): ReadonlyMap<string, WordCluster> {
  return wordClusterTable().words;
}

/** The classes of a raw token (folded first); undefined for a word too rare to have been clustered. */
export function clusterOf(word: string): WordCluster | undefined {
  return wordClusterTable().words.get(foldWord(word));
}
