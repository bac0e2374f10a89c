/**
 * Train the plain-text boilerplate model (logistic regression over block-features.ts):
 *   npm run train:text-blocks -- <benchmark dir>... [--out src/pipeline/extract/text/block-model.json]
 * Each dir is laid out like ../shared/eval-data/extraction-more/cleaneval-final: ground-truth.json
 * (id → articleBody) and text/<id>.txt (the page flattened to one block per paragraph). A block's label
 * is 1 when most of its word 4-grams (or, for short blocks, its words in order) occur in the gold body.
 * Full-batch gradient descent on standardised features with L2, fixed epochs: deterministic. The
 * threshold is chosen by 5-fold cross-validation by page (the model applied after the rules, as the
 * extractor applies it), maximising the mean of the sets' body F1; the cross-validated scores are printed
 * and written with the weights. Provenance: docs/decisions/0004-plain-text-boilerplate.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateScores, shingleMatch, shingles, tokenize } from '../eval/lib/shingle-metric.ts';
import { BLOCK_FEATURES, blockFeatures } from '../src/pipeline/extract/text/block-features.ts';
import { isProseSentence, looksLikeFlattenedPage } from '../src/pipeline/extract/text/block-model.ts';
import { extractPlainText } from '../src/pipeline/extract/text/extract-text.ts';
import { splitBlocks } from '../src/pipeline/extract/text/split-blocks.ts';

interface Page {
  set: number;
  gold: string;
  text: string;
  features: number[][];
  labels: number[];
  /** Blocks the rules keep in the body, by index, with their text and whether the model may drop them. */
  ruleBody: { index: number; text: string; guarded: boolean }[];
}

const args = process.argv.slice(2);
const out = args.includes('--out')
  ? args[args.indexOf('--out') + 1]!
  : 'src/pipeline/extract/text/block-model.json';
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
if (dirs.length === 0) {
  console.error('usage: npm run train:text-blocks -- <benchmark dir>... [--out FILE]');
  process.exit(2);
}

function label(blockText: string, goldShingles: Map<string, number>, goldFlat: string): number {
  const t = tokenize(blockText);
  if (t.length === 0) return 0;
  if (t.length < 6) return ` ${goldFlat} `.includes(` ${t.join(' ')} `) ? 1 : 0;
  const own = shingles(blockText);
  let hit = 0;
  let all = 0;
  for (const [s, c] of own) {
    all += c;
    if (goldShingles.has(s)) hit += c;
  }
  return all > 0 && hit / all >= 0.5 ? 1 : 0;
}

const pages: Page[] = [];
dirs.forEach((dir, set) => {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  for (const id of Object.keys(truth).sort()) {
    const text = readFileSync(join(dir, 'text', `${id}.txt`), 'utf8');
    const gold = truth[id]!.articleBody;
    const blocks = splitBlocks(text);
    if (blocks.length === 0) continue;
    const goldShingles = shingles(gold);
    const goldFlat = tokenize(gold).join(' ');
    let ruleBody: Page['ruleBody'] = [];
    try {
      // The rules alone, as the extractor applies them before the model.
      const x = extractPlainText(text, {}, { blockModel: false });
      const byStart = new Map(blocks.map((b) => [b.start, b.index]));
      const after = x.kept.find((k) => k.kind === 'title');
      const standfirst = x.kept.find(
        (k) => k.kind !== 'title' && (blocks[byStart.get(k.rawStart) ?? -1]?.words ?? 0) >= 8,
      );
      ruleBody = x.kept
        .filter((k) => k.kind !== 'title')
        .flatMap((k) => {
          const index = byStart.get(k.rawStart);
          if (index === undefined) return [];
          const b = blocks[index]!;
          // As the extractor: short texts untouched; prose sentences and the standfirst never removed.
          const guarded =
            !looksLikeFlattenedPage(blocks) ||
            isProseSentence(b.flat, b.words) ||
            (after !== undefined && k === standfirst);
          return [{ index, text: x.text.slice(k.start, k.end), guarded }];
        });
    } catch {
      ruleBody = [];
    }
    pages.push({
      set,
      gold,
      text,
      features: blockFeatures(blocks),
      labels: blocks.map((b) => label(b.text, goldShingles, goldFlat)),
      ruleBody,
    });
  }
});

const dims = BLOCK_FEATURES.length;

function standardiser(train: Page[]) {
  const mean = new Array(dims).fill(0);
  const sq = new Array(dims).fill(0);
  let n = 0;
  for (const p of train)
    for (const f of p.features) {
      n++;
      f.forEach((v, d) => {
        mean[d] += v;
        sq[d] += v * v;
      });
    }
  const mu = mean.map((m) => m / n);
  const sd = sq.map((s, d) => Math.sqrt(Math.max(1e-9, s / n - mu[d]! ** 2)));
  mu[0] = 0;
  sd[0] = 1; // the bias stays 1
  return { mean: mu, scale: sd };
}

function fit(train: Page[]) {
  const { mean, scale } = standardiser(train);
  const rows: number[][] = [];
  const ys: number[] = [];
  for (const p of train)
    p.features.forEach((f, i) => {
      rows.push(f.map((v, d) => (v - mean[d]!) / scale[d]!));
      ys.push(p.labels[i]!);
    });
  const w = new Array(dims).fill(0);
  const lambda = 1e-3;
  for (let epoch = 0; epoch < 400; epoch++) {
    const grad = new Array(dims).fill(0);
    rows.forEach((x, i) => {
      const z = x.reduce((s, v, d) => s + v * w[d]!, 0);
      const err = 1 / (1 + Math.exp(-z)) - ys[i]!;
      x.forEach((v, d) => {
        grad[d] += err * v;
      });
    });
    for (let d = 0; d < dims; d++)
      w[d] -= 0.5 * (grad[d]! / rows.length + lambda * w[d]! * (d === 0 ? 0 : 1));
  }
  return { weights: w, mean, scale };
}

type Model = ReturnType<typeof fit>;
const prob = (m: Model, f: number[]) =>
  1 / (1 + Math.exp(-f.reduce((s, v, d) => s + ((v - m.mean[d]!) / m.scale[d]!) * m.weights[d]!, 0)));

const THRESHOLDS = [0, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

/** Body F1 per set when the rules' body is filtered by the model at each threshold. */
function scoreAt(m: Model, test: Page[], t: number) {
  return dirs.map((_, set) => {
    const inSet = test.filter((p) => p.set === set);
    return aggregateScores(
      inSet.map((p) => {
        const body = p.ruleBody
          .filter((b) => b.guarded || prob(m, p.features[b.index]!) >= t)
          .map((b) => b.text);
        return shingleMatch(p.gold, body.join('\n\n'));
      }),
    ).f1;
  });
}

const folds = 5;
const cv = THRESHOLDS.map(() => dirs.map(() => 0));
const weightOf = dirs.map((_, set) => pages.filter((p) => p.set === set).length);
for (let k = 0; k < folds; k++) {
  const train = pages.filter((_, i) => i % folds !== k);
  const test = pages.filter((_, i) => i % folds === k);
  const m = fit(train);
  THRESHOLDS.forEach((t, ti) => {
    scoreAt(m, test, t).forEach((f1, set) => {
      cv[ti]![set]! += (f1 * test.filter((p) => p.set === set).length) / weightOf[set]!;
    });
  });
}
for (const [ti, t] of THRESHOLDS.entries()) {
  const scores = cv[ti]!.map((f, s) => `${dirs[s]} ${f.toFixed(3)}`).join(', ');
  console.log(`threshold ${t.toFixed(2)}: cross-validated body F1 ${scores}`);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const best = THRESHOLDS.map((t, ti) => ({ t, score: mean(cv[ti]!) })).sort(
  (a, b) => b.score - a.score || a.t - b.t,
)[0]!;
const model = fit(pages);
writeFileSync(
  out,
  `${JSON.stringify(
    {
      about:
        'Plain-text boilerplate model: logistic regression over the block features of src/pipeline/extract/text/block-features.ts, trained by scripts/train-text-blocks.ts on the flattened CleanEval-final and CleanPortalEval development pages (docs/decisions/0004). Weights only; no data.',
      features: BLOCK_FEATURES,
      mean: model.mean.map((v) => Number(v.toFixed(6))),
      scale: model.scale.map((v) => Number(v.toFixed(6))),
      weights: model.weights.map((v) => Number(v.toFixed(6))),
      threshold: best.t,
      crossValidated: Object.fromEntries(
        dirs.map((d, s) => [d.split('/').at(-1), Number(cv[THRESHOLDS.indexOf(best.t)]![s]!.toFixed(4))]),
      ),
      rulesOnly: Object.fromEntries(dirs.map((d, s) => [d.split('/').at(-1), Number(cv[0]![s]!.toFixed(4))])),
    },
    null,
    2,
  )}\n`,
);
console.log(`chose threshold ${best.t}; wrote ${out}`);
