/**
 * The PolNeAR-standard attribution measures (Newell, Margolin & Ruths 2018, "An Attribution Relations
 * Corpus for Political News", LREC; the PARC 3.0 / BBC Citron convention): content, cue and source
 * spans, each exact and overlapping, next to the content figures of quotes-score.ts.
 *
 * Span rules, the same for every role:
 * - Both sides are normalised with `normalizeSpan` (surrounding spaces, quote marks, , . ; : dashes, a
 *   leading "that "); a span that normalises to nothing is kept as it is (a bare ":" cue).
 * - A discontinuous brat span (`a b;c d`) is the union of its pieces. **Exact**: the prediction equals
 *   the whole extent (first piece's start, last piece's end). **Overlap** (as for content in
 *   quotes-score.ts): the characters the prediction shares with the pieces are ≥ 50% of the longer of
 *   the two (the prediction, or the pieces' total length), or the match is exact.
 *   (Content exact keeps its older rule from quotes-score.ts: the whole extent or any one piece.)
 *
 * Measures (each over all attributions and over direct quotes only — gold direct as decided in
 * eval/quotes.ts, predicted direct = `PredictedQuote.direct`):
 * - **Content** exact / overlap P/R/F1: the existing `all.exact.*`, `all.overlap.*`, `direct.*` figures.
 * - **Cue** exact / overlap P/R/F1: the distinct predicted cue spans (a prediction without a cue span
 *   contributes none; two predictions sharing one cue — a quote split around "he said" — count once)
 *   against the distinct gold cue spans, paired one to one (`pairOneToOne`: heaviest shared-character
 *   pairs first). Independent of content, as Citron scores cues.
 * - **Content pairing** (for the source measures): `contentPairing` of quotes-score.ts — every
 *   (prediction, gold) pair whose contents overlap (rule above) is a candidate; candidates are taken by
 *   most shared content characters first (ties: earlier prediction, then earlier gold), each prediction
 *   and each gold at most once (greedy, not a global optimum). An unpaired prediction lying ≥ 50% inside
 *   a paired gold (a further piece of a split quote) is ignored, as for content.
 * - **Source** exact / overlap P/R/F1: a prediction with a source span (`speaker.span`) that is not
 *   ignored is a TP when it is paired and its source matches the paired gold's Source span, else a FP
 *   (unpaired, or paired with a gold that has no source or another source). FN = gold attributions with
 *   a Source span − TP. Predictions without a source span are neither TP nor FP.
 * - **Source on matched** (the issue's target, "source exact ≥ 0.80 on matched attributions"): over the
 *   content pairs whose gold has a Source span, the share whose predicted source matches exactly /
 *   overlaps (a prediction without a source span counts as a miss). Its numerator is the source exact
 *   TP count. It equals `speaker.exact` but for discontinuous gold sources (normalised per piece here,
 *   as one envelope there); `speaker.overlap` counts any shared character, this one ≥ 50%.
 *
 * `--json` names (fractions; prefix `all` or `direct`): `<p>.cue.exact.{precision,recall,f1}`,
 * `<p>.cue.overlap.*`, `<p>.source.exact.*`, `<p>.source.overlap.*`, `<p>.source.matched.exact`,
 * `<p>.source.matched.overlap` and the count `<p>.source.matched.pairs`.
 */
import { type Metrics, prfMetrics } from './metric-summary.ts';
import type { GoldDoc, GoldSpan } from './quotes-gold.ts';
import {
  type Counts,
  contentPairing,
  interAll,
  len,
  normalizeSpan,
  type PredictedQuote,
  type PreparedSpan,
  pairOneToOne,
  prepareSpan,
  prf,
  type QuoteScores,
  same,
} from './quotes-score.ts';

export interface RoleCounts {
  exact: Counts;
  overlap: Counts;
}

export interface PolnearCounts {
  cue: RoleCounts;
  source: RoleCounts;
  /** Content pairs whose gold has a source, and how many of those the predicted source matches. */
  matched: { pairs: number; exact: number; overlap: number };
}

type SpanTest = (pred: GoldSpan, gold: PreparedSpan) => boolean;

export const spanExact: SpanTest = (pred, gold) => same(pred, gold.env);
export const spanOverlap: SpanTest = (pred, gold) =>
  interAll(pred, gold.pieces) >= 0.5 * Math.max(len(pred), gold.size) || spanExact(pred, gold);

function normalizeRole(text: string, span: GoldSpan): GoldSpan {
  const n = normalizeSpan(text, span);
  return len(n) > 0 ? n : span;
}

const key = (pieces: GoldSpan[]): string => pieces.map((p) => `${p.start}-${p.end}`).join(';');

function distinctBy<T>(items: T[], keyOf: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const t of items) if (!seen.has(keyOf(t))) seen.set(keyOf(t), t);
  return [...seen.values()];
}

function cueCounts(doc: GoldDoc, predicted: PredictedQuote[], ok: SpanTest): Counts {
  const preds = distinctBy(
    predicted.flatMap((p) => (p.cue ? [normalizeRole(doc.text, p.cue)] : [])),
    (s) => key([s]),
  );
  const golds = distinctBy(
    doc.quotes.flatMap((q) => (q.cue && q.cue.length > 0 ? [prepareSpan(doc.text, q.cue)] : [])),
    (g) => key(g.pieces),
  );
  const tp = pairOneToOne(preds, golds, ok).size;
  return { tp, fp: preds.length - tp, fn: golds.length - tp };
}

/** Score one document's cue and source spans (see the header for the definitions). */
export function scorePolnear(doc: GoldDoc, predicted: PredictedQuote[]): PolnearCounts {
  const { pairs, ignored } = contentPairing(doc, predicted);
  const goldSources = doc.quotes.map((q) =>
    q.speaker && q.speaker.length > 0 ? prepareSpan(doc.text, q.speaker) : undefined,
  );
  const withSource = goldSources.filter((g) => g !== undefined).length;
  const source = (ok: SpanTest): Counts => {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    predicted.forEach((p, i) => {
      if (!p.speaker || ignored.has(i)) return;
      const j = pairs.get(i);
      const gold = j === undefined ? undefined : goldSources[j];
      if (gold && ok(normalizeRole(doc.text, p.speaker), gold)) c.tp += 1;
      else c.fp += 1;
    });
    c.fn = withSource - c.tp;
    return c;
  };
  const matched = { pairs: 0, exact: 0, overlap: 0 };
  for (const [i, j] of pairs) {
    const gold = goldSources[j];
    if (!gold) continue;
    matched.pairs += 1;
    const p = predicted[i]!.speaker;
    if (!p) continue;
    const span = normalizeRole(doc.text, p);
    if (spanExact(span, gold)) matched.exact += 1;
    if (spanOverlap(span, gold)) matched.overlap += 1;
  }
  return {
    cue: { exact: cueCounts(doc, predicted, spanExact), overlap: cueCounts(doc, predicted, spanOverlap) },
    source: { exact: source(spanExact), overlap: source(spanOverlap) },
    matched,
  };
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function emptyPolnear(): PolnearCounts {
  return {
    cue: { exact: zero(), overlap: zero() },
    source: { exact: zero(), overlap: zero() },
    matched: { pairs: 0, exact: 0, overlap: 0 },
  };
}

export function addPolnear(into: PolnearCounts, s: PolnearCounts): PolnearCounts {
  for (const role of ['cue', 'source'] as const)
    for (const k of ['exact', 'overlap'] as const)
      for (const c of ['tp', 'fp', 'fn'] as const) into[role][k][c] += s[role][k][c];
  for (const k of ['pairs', 'exact', 'overlap'] as const) into.matched[k] += s.matched[k];
  return into;
}

/** The new `--json` metrics under `prefix` (`all` or `direct`); shares are NaN (dropped) without pairs. */
export function polnearMetrics(prefix: string, s: PolnearCounts): Metrics {
  const m = s.matched;
  return {
    ...prfMetrics(`${prefix}.cue.exact`, prf(s.cue.exact)),
    ...prfMetrics(`${prefix}.cue.overlap`, prf(s.cue.overlap)),
    ...prfMetrics(`${prefix}.source.exact`, prf(s.source.exact)),
    ...prfMetrics(`${prefix}.source.overlap`, prf(s.source.overlap)),
    [`${prefix}.source.matched.exact`]: m.pairs === 0 ? Number.NaN : m.exact / m.pairs,
    [`${prefix}.source.matched.overlap`]: m.pairs === 0 ? Number.NaN : m.overlap / m.pairs,
    [`${prefix}.source.matched.pairs`]: m.pairs,
  };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const prfText = (c: Counts): string => {
  const s = prf(c);
  return `P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}`;
};

/** The printed lines of one scope: content, cue and source (exact | overlap), and source on matched pairs. */
export function polnearLines(scope: string, content: QuoteScores, s: PolnearCounts): string[] {
  const row = (what: string, r: RoleCounts) =>
    `${scope.padEnd(7)}${what.padEnd(8)}exact ${prfText(r.exact)} | overlap ${prfText(r.overlap)}`;
  const m = s.matched;
  const share = (n: number) => (m.pairs === 0 ? '  n/a' : pct(n / m.pairs));
  return [
    row('content', content),
    row('cue', s.cue),
    row('source', s.source),
    `${scope.padEnd(7)}source on ${m.pairs} matched pairs with a gold source: exact ${share(m.exact)} overlap ${share(m.overlap)}`,
  ];
}
