/**
 * Averaged-perceptron training of a sequence tagger (Collins 2002) with greedy decoding and the
 * labels already chosen as history (Ratinov & Roth 2009). Deterministic: documents are visited in an
 * order drawn from a seeded generator, and ties break by label order.
 */
import { decodeSentence, type TaggedSpan, type TaggerSpec } from './sequence.ts';

/** One training or development document: sentences of words with their gold spans. */
export interface TrainingDocument<T extends string = string> {
  sentences: Array<{ words: string[]; gold: TaggedSpan<T>[] }>;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged weights' score on the development documents. */
  onEpoch?: (epoch: number, devF1: number) => void;
}

export interface TrainResult {
  /** The averaged weights of the epoch that scored best on the development set. */
  weights: Map<number, Float64Array>;
  bestEpoch: number;
  devF1: number;
}

/** Mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  w: Float64Array;
  total: Float64Array;
  stamp: Float64Array;
}

class Averaged {
  readonly rows = new Map<number, Row>();
  clock = 0;
  constructor(private readonly L: number) {}

  score = (features: number[], scores: Float64Array): void => {
    for (const h of features) {
      const r = this.rows.get(h);
      if (!r) continue;
      for (let l = 0; l < this.L; l++) scores[l]! += r.w[l]!;
    }
  };

  update(features: number[], label: number, delta: number): void {
    for (const h of features) {
      let r = this.rows.get(h);
      if (!r) {
        r = { w: new Float64Array(this.L), total: new Float64Array(this.L), stamp: new Float64Array(this.L) };
        this.rows.set(h, r);
      }
      r.total[label]! += (this.clock - r.stamp[label]!) * r.w[label]!;
      r.stamp[label] = this.clock;
      r.w[label]! += delta;
    }
  }

  averaged(): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    const c = Math.max(1, this.clock);
    for (const [h, r] of this.rows) {
      const avg = new Float64Array(this.L);
      let any = false;
      for (let l = 0; l < this.L; l++) {
        avg[l] = (r.total[l]! + (c - r.stamp[l]!) * r.w[l]!) / c;
        if (avg[l] !== 0) any = true;
      }
      if (any) out.set(h, avg);
    }
    return out;
  }
}

/** The rows whose largest |weight| reaches `threshold` (what `encodeWeights` keeps). */
export function pruned(weights: Map<number, Float64Array>, threshold: number): Map<number, Float64Array> {
  return new Map([...weights].filter(([, w]) => w.some((x) => Math.abs(x) >= threshold)));
}

/** Exact-span F1 of a weight table on documents (token spans, types must match). */
export function evaluate<S, D, T extends string>(
  spec: TaggerSpec<S, D, T>,
  weights: Map<number, Float64Array>,
  docs: TrainingDocument<T>[],
): { f1: number; tp: number; fp: number; fn: number } {
  const L = spec.labels.size;
  const score = (features: number[], scores: Float64Array): void => {
    for (const h of features) {
      const w = weights.get(h);
      if (w) for (let l = 0; l < L; l++) scores[l]! += w[l]!;
    }
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const d of docs) {
    const prepared = d.sentences.map((s) => spec.prepare(s.words));
    const ctx = spec.context(prepared);
    d.sentences.forEach((s, si) => {
      const pred = spec.labels.spansOf(decodeSentence(spec, prepared[si]!, ctx, score));
      const gold = new Set(s.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
      for (const p of pred) {
        if (gold.has(`${p.start}:${p.end}:${p.type}`)) tp++;
        else fp++;
      }
      fn += s.gold.length;
    });
  }
  fn -= tp;
  const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  return { f1, tp, fp, fn };
}

/** Train for `epochs` passes; keep the averaged weights of the best epoch on `dev`. */
export function trainTagger<S, D, T extends string>(
  spec: TaggerSpec<S, D, T>,
  train: TrainingDocument<T>[],
  dev: TrainingDocument<T>[],
  options: TrainOptions,
): TrainResult {
  const model = new Averaged(spec.labels.size);
  const random = rng(options.seed);
  const prepared: S[][] = train.map((d) => d.sentences.map((s) => spec.prepare(s.words)));
  const golds = train.map((d) => d.sentences.map((s) => spec.labels.bilou(s.words.length, s.gold)));
  const order = train.map((_, i) => i);
  let best: TrainResult = { weights: new Map(), bestEpoch: 0, devF1: -1 };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const di of order) {
      const ctx = spec.context(prepared[di]!);
      prepared[di]!.forEach((s, si) => {
        const gold = golds[di]![si]!;
        decodeSentence(spec, s, ctx, model.score, (features, predicted, i) => {
          model.clock++;
          const g = gold[i]!;
          if (predicted !== g) {
            model.update(features, g, 1);
            model.update(features, predicted, -1);
          }
          return predicted;
        });
      });
    }
    const weights = model.averaged();
    const { f1 } = evaluate(spec, weights, dev);
    options.onEpoch?.(epoch, f1);
    if (f1 > best.devF1) best = { weights, bestEpoch: epoch, devF1: f1 };
  }
  return best;
}
