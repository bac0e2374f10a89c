/**
 * Train the entity tagger (docs/decisions/0021):
 *   npm run train:ner -- <train.conll> <dev.conll> [--epochs 15] [--seed 1] [--prune 0.02]
 *                        [--out src/pipeline/annotate/entities/ner/ner-model.bin] [--no-gazetteer]
 * CoNLL input: one token per line, the tag (IOB1 or BIO) in the last column, blank lines between
 * sentences, -DOCSTART- between documents. Deterministic for a given seed; prints each epoch's
 * development F1 and keeps the best epoch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicon } from '../src/pipeline/annotate/entities/lexicon.ts';
import { NER_FORMAT, type NerType, nerSpec } from '../src/pipeline/annotate/entities/ner/ner-tagger.ts';
import { evaluate, pruned, type TrainingDocument, trainTagger } from '../src/pipeline/tagger/perceptron.ts';
import type { TaggedSpan } from '../src/pipeline/tagger/sequence.ts';
import { encodeWeights } from '../src/pipeline/tagger/weights.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const [trainPath, devPath] = positional;
if (!trainPath || !devPath) {
  console.error(
    'usage: npm run train:ner -- <train.conll> <dev.conll> [--epochs N] [--seed N] [--prune X] [--out FILE]',
  );
  process.exit(2);
}

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** CoNLL documents as words and gold spans (IOB1 or BIO: an entity starts at B- or at a change of type). */
function readConll(path: string): TrainingDocument<NerType>[] {
  const docs: TrainingDocument<NerType>[] = [];
  let doc: TrainingDocument<NerType> = { sentences: [] };
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (words.length === 0) return;
    const gold: TaggedSpan<NerType>[] = [];
    let prev = 'O';
    tags.forEach((tag, i) => {
      const type = tag === 'O' ? 'O' : tag.slice(2);
      if (type !== 'O' && !TYPES.has(type)) throw new Error(`${path}: unknown entity type ${tag}`);
      const begins = type !== 'O' && (tag.startsWith('B-') || type !== prev);
      if (begins) gold.push({ start: i, end: i + 1, type: type as NerType });
      else if (type !== 'O') gold[gold.length - 1]!.end = i + 1;
      prev = type;
    });
    doc.sentences.push({ words, gold });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const t = line.trim();
    if (t.startsWith('-DOCSTART-')) {
      endSentence();
      if (doc.sentences.length > 0) docs.push(doc);
      doc = { sentences: [] };
    } else if (t === '') endSentence();
    else {
      const cols = t.split(/\s+/);
      words.push(cols[0]!);
      tags.push(cols[cols.length - 1]!);
    }
  }
  endSentence();
  if (doc.sentences.length > 0) docs.push(doc);
  return docs;
}

const train = readConll(trainPath);
const dev = readConll(devPath);
const lex = args.includes('--no-gazetteer') ? undefined : lexicon();
const started = performance.now();
const spec = nerSpec(lex);
const result = trainTagger(spec, train, dev, {
  epochs: Number(option('--epochs', '15')),
  seed: Number(option('--seed', '1')),
  onEpoch: (epoch, f1) =>
    console.log(
      `epoch ${epoch}: dev F1 ${(100 * f1).toFixed(2)} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    ),
});
const prune = Number(option('--prune', '0.02'));
// How much each pruning level costs on dev, and how many rows it keeps.
for (const level of [0.5, 1, 2, 4]) {
  const kept = pruned(result.weights, level);
  console.log(
    `prune |w| < ${level}: ${kept.size} rows, dev F1 ${(100 * evaluate(spec, kept, dev).f1).toFixed(2)}`,
  );
}
const out = option('--out', 'src/pipeline/annotate/entities/ner/ner-model.bin');
const bytes = encodeWeights(result.weights, prune, NER_FORMAT);
writeFileSync(out, bytes);
const kept = pruned(result.weights, prune);
const check = evaluate(spec, kept, dev);
console.log(
  `best epoch ${result.bestEpoch}: dev F1 ${(100 * result.devF1).toFixed(2)}; kept ${kept.size} of ${result.weights.size} features (|w| ≥ ${prune}), pruned dev F1 ${(100 * check.f1).toFixed(2)}; wrote ${out} (${(bytes.length / 1024).toFixed(0)} KiB)`,
);
