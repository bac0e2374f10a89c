/**
 * The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark):
 * tokens are `\w+` runs, a document is the multiset of its 4-token shingles, and each
 * document's TP/FP/FN are normalised by their sum so long pages do not weigh more.
 * Precision and recall are averaged over documents; F1 comes from the two averages.
 */

/** Python's Unicode `\w`: letters, digits and other numerics, and the underscore. */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export interface TpFpFn {
  tp: number;
  fp: number;
  fn: number;
}

export interface ShingleScores {
  precision: number;
  recall: number;
  f1: number;
  documents: number;
}

export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** Counts of n-token shingles; a text shorter than n tokens is one shingle (none when empty). */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised TP/FP/FN of one predicted text against its gold text. */
export function shingleMatch(truth: string, prediction: string, n = 4): TpFpFn {
  const gold = shingles(truth, n);
  const pred = shingles(prediction, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, goldCount] of gold) {
    const predCount = pred.get(key) ?? 0;
    tp += Math.min(goldCount, predCount);
    fn += Math.max(0, goldCount - predCount);
  }
  for (const [key, predCount] of pred) {
    fp += Math.max(0, predCount - (gold.get(key) ?? 0));
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Corpus scores: precision over documents with a prediction, recall over documents with gold text. */
export function aggregateScores(perDocument: TpFpFn[]): ShingleScores {
  const precision = mean(perDocument.filter((d) => d.tp + d.fp > 0).map(precisionOf));
  const recall = mean(perDocument.filter((d) => d.tp + d.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, documents: perDocument.length };
}
