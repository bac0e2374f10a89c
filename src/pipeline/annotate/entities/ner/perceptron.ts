/**
 * Averaged-perceptron training of the entity tagger (Collins 2002; greedy decoding with the labels
 * already chosen as history, as Ratinov & Roth 2009). Deterministic: documents are visited in an
 * order drawn from a seeded generator, and ties break by label order.
 */
import type { Lexicon } from '../lexicon.ts';
import {
  bilou as bilouOf,
  decodeSentence,
  documentContext,
  LABELS,
  prepareSentence,
  spansOf,
  type TaggedSpan,
} from './decode.ts';
import type { PreparedSentence } from './features.ts';

/** One training or development document: sentences of words with their gold entities. */
export interface NerDocument {
  sentences: Array<{ words: string[]; gold: TaggedSpan[] }>;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  lexicon?: Lexicon;
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
  private readonly L = LABELS.length;

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

/** Exact-span F1 of a weight table on documents (token spans, types must match). */
export function evaluate(
  weights: Map<number, Float64Array>,
  docs: NerDocument[],
  lexicon?: Lexicon,
): { f1: number; tp: number; fp: number; fn: number } {
  const L = LABELS.length;
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
    const ctx = documentContext(d.sentences.map((s) => s.words));
    for (const s of d.sentences) {
      const pred = spansOf(decodeSentence(prepareSentence(s.words, lexicon), ctx, score));
      const gold = new Set(s.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
      for (const p of pred) {
        if (gold.has(`${p.start}:${p.end}:${p.type}`)) tp++;
        else fp++;
      }
      fn += s.gold.length;
    }
  }
  fn -= tp;
  const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  return { f1, tp, fp, fn };
}

/** Train for `epochs` passes; keep the averaged weights of the best epoch on `dev`. */
export function trainTagger(train: NerDocument[], dev: NerDocument[], options: TrainOptions): TrainResult {
  const model = new Averaged();
  const random = rng(options.seed);
  const prepared: PreparedSentence[][] = train.map((d) =>
    d.sentences.map((s) => prepareSentence(s.words, options.lexicon)),
  );
  const golds = train.map((d) => d.sentences.map((s) => bilouOf(s.words.length, s.gold)));
  const order = train.map((_, i) => i);
  let best: TrainResult = { weights: new Map(), bestEpoch: 0, devF1: -1 };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const di of order) {
      const ctx = documentContext(train[di]!.sentences.map((s) => s.words));
      prepared[di]!.forEach((s, si) => {
        const gold = golds[di]![si]!;
        decodeSentence(s, ctx, model.score, (features, predicted, i) => {
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
    const { f1 } = evaluate(weights, dev, options.lexicon);
    options.onEpoch?.(epoch, f1);
    if (f1 > best.devF1) best = { weights, bestEpoch: epoch, devF1: f1 };
  }
  return best;
}
