/**
 * Train the attribution tagger (docs/decisions/0043):
 *   npm run train:attribution -- <train dir> <dev dir> [--epochs 12] [--seed 1] [--prune 2]
 *                                [--out src/pipeline/annotate/quotes/attribution/attribution-model.bin]
 *                                [--cues-out src/pipeline/annotate/quotes/attribution/attribution-cues.json]
 * Input: PolNeAR-style brat folders (text/<doc>.txt + attributions/<doc>.ann with Source, Cue and
 * Content spans), read through eval/lib/quotes-gold.ts. Each sentence of our segmenter becomes a
 * training sequence: a token takes the role of the attribution span it falls in — cue before source
 * before content where attributions nest (the content of one holds another's cue and source).
 * Deterministic for a seed; prints each epoch's development role-span F1 and keeps the best epoch.
 */
import { writeFileSync } from 'node:fs';
import { type GoldDoc, type GoldSpan, loadGold } from '../eval/lib/quotes-gold.ts';
import {
  ATTRIBUTION_FORMAT,
  ATTRIBUTION_SPEC,
  type AttributionRole,
  cueShare,
  sentenceWords,
  useCueRates,
} from '../src/pipeline/annotate/quotes/attribution/attribution-tagger.ts';
import { segment, tokenize } from '../src/pipeline/segment/segment.ts';
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
    'usage: npm run train:attribution -- <train dir> <dev dir> [--epochs N] [--seed N] [--prune X] [--out FILE]',
  );
  process.exit(2);
}

/** Lower wins where spans of several attributions cover one token. */
const PRIORITY: Record<AttributionRole, number> = { CUE: 0, SRC: 1, CNT: 2 };

/** A gold document as training sequences: per sentence, the words and the role spans. */
export function trainingDocument(doc: GoldDoc): TrainingDocument<AttributionRole> {
  const pieces: Array<{ span: GoldSpan; role: AttributionRole; owner: number }> = [];
  doc.quotes.forEach((q, owner) => {
    for (const span of q.content) pieces.push({ span, role: 'CNT', owner });
    for (const span of q.cue ?? []) pieces.push({ span, role: 'CUE', owner });
    for (const span of q.speaker ?? []) pieces.push({ span, role: 'SRC', owner });
  });
  return {
    sentences: segment(doc.text).sentences.map((range) => {
      const { words, ranges } = sentenceWords(doc.text, range);
      const role: Array<{ role: AttributionRole; owner: number } | undefined> = ranges.map((t) => {
        let best: { role: AttributionRole; owner: number } | undefined;
        for (const p of pieces) {
          if (t.start >= p.span.end || t.end <= p.span.start) continue;
          if (!best || PRIORITY[p.role] < PRIORITY[best.role]) best = { role: p.role, owner: p.owner };
        }
        return best;
      });
      const gold: TaggedSpan<AttributionRole>[] = [];
      role.forEach((r, i) => {
        if (!r) return;
        const prev = role[i - 1];
        const last = gold[gold.length - 1];
        if (prev && last && prev.role === r.role && prev.owner === r.owner && last.end === i)
          last.end = i + 1;
        else gold.push({ start: i, end: i + 1, type: r.role });
      });
      return { words, gold };
    }),
  };
}

const trainGold = loadGold(trainPath);

// The cue words: how often each word (lower case) is part of a cue when it occurs, over the words
// that are part of a cue at least 3 times. Learned attributions need a cue word this often a cue.
const cueUses = new Map<string, number>();
const uses = new Map<string, number>();
for (const doc of trainGold) {
  const inCue = new Uint8Array(doc.text.length);
  for (const q of doc.quotes) for (const c of q.cue ?? []) inCue.fill(1, c.start, c.end);
  for (const t of tokenize(doc.text)) {
    const w = t.text.toLowerCase();
    uses.set(w, (uses.get(w) ?? 0) + 1);
    if (inCue[t.start]) cueUses.set(w, (cueUses.get(w) ?? 0) + 1);
  }
}
const cueRates: Record<string, number> = Object.fromEntries(
  [...cueUses]
    .filter(([, n]) => n >= 3)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([w, n]) => [w, Math.round((1000 * n) / uses.get(w)!) / 1000]),
);
// The tagger's cue features read the shares of this training split.
useCueRates(cueRates);

// `--read-only`: train on the sentences the extractor lets the tagger read (a cue word with a share
// of at least 0.2), the distribution it meets at run time.
const readOnly = args.includes('--read-only');
const readable = (words: string[]): boolean => words.some((w) => cueShare(w) >= 0.2);
const train = trainGold
  .map(trainingDocument)
  .map((d) => (readOnly ? { sentences: d.sentences.filter((s) => readable(s.words)) } : d));
const dev = loadGold(devPath).map(trainingDocument);
const started = performance.now();
const result = trainTagger(ATTRIBUTION_SPEC, train, dev, {
  epochs: Number(option('--epochs', '12')),
  seed: Number(option('--seed', '1')),
  onEpoch: (epoch, f1) =>
    console.log(
      `epoch ${epoch}: dev role-span F1 ${(100 * f1).toFixed(2)} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    ),
});
const prune = Number(option('--prune', '2'));
// How much each pruning level costs on dev, and how many rows it keeps.
for (const level of [0.5, 1, 2, 4]) {
  const kept = pruned(result.weights, level);
  const f1 = evaluate(ATTRIBUTION_SPEC, kept, dev).f1;
  console.log(`prune |w| < ${level}: ${kept.size} rows, dev role-span F1 ${(100 * f1).toFixed(2)}`);
}
const out = option('--out', 'src/pipeline/annotate/quotes/attribution/attribution-model.bin');
const bytes = encodeWeights(result.weights, prune, ATTRIBUTION_FORMAT);
writeFileSync(out, bytes);
const kept = pruned(result.weights, prune);
const check = evaluate(ATTRIBUTION_SPEC, kept, dev);
console.log(
  `best epoch ${result.bestEpoch}: dev role-span F1 ${(100 * result.devF1).toFixed(2)}; kept ${kept.size} of ${result.weights.size} features (|w| ≥ ${prune}), pruned dev F1 ${(100 * check.f1).toFixed(2)}; wrote ${out} (${(bytes.length / 1024).toFixed(0)} KiB)`,
);

const cuesOut = option('--cues-out', 'src/pipeline/annotate/quotes/attribution/attribution-cues.json');
writeFileSync(
  cuesOut,
  `${JSON.stringify({ schema: 'sitrep/attribution-cues@1', source: "PolNeAR train: share of each word's occurrences inside a cue span (words inside a cue at least 3 times)", rates: cueRates }, null, 1)}\n`,
);
console.log(`wrote ${cuesOut} (${Object.keys(cueRates).length} cue words)`);
