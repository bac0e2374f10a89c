/**
 * Score quote extraction against gold:
 *   npm run eval:quotes -- <gold.jsonl | folder of .jsonl | PolNeAR folder with text/ + attributions/> [--direct-only] [--worst N] [--json]
 * Prints content precision/recall/F1 (exact after boundary normalisation, and ≥50% overlap) and
 * speaker accuracy on matched quotes, next to a published anchor on a different corpus. `--json` adds
 * a last line with the scores as fractions (`all.overlap.f1`, `direct.exact.f1`, `speaker.exact`, …;
 * eval/lib/metric-summary.ts).
 * A "PolNeAR measures" block adds, over all attributions and direct quotes, cue and source spans
 * (exact and ≥50% overlap P/R/F1) and source exact/overlap on content-matched pairs; their `--json`
 * names are `all.cue.exact.f1`, `all.source.exact.f1`, `all.source.matched.exact`, `direct.cue.overlap.f1`,
 * … (definitions: eval/lib/quotes-polnear-measures.ts).
 */
import { annotateEntities } from '../src/pipeline/annotate/entities/annotate-entities.ts';
import { extractQuotes } from '../src/pipeline/annotate/quotes/extract-quotes.ts';
import { type Metrics, metricSummaryLine, prfMetrics } from './lib/metric-summary.ts';
import { type GoldDoc, loadGold } from './lib/quotes-gold.ts';
import {
  addPolnear,
  emptyPolnear,
  type PolnearCounts,
  polnearLines,
  polnearMetrics,
  scorePolnear,
} from './lib/quotes-polnear-measures.ts';
import {
  addScores,
  directSubset,
  emptyScores,
  type PredictedQuote,
  prf,
  type QuoteScores,
  scoreDocument,
} from './lib/quotes-score.ts';

const ANCHOR =
  'BBC Citron on PARC 3.0 (published, different corpus): content exact F1 56.7, overlap F1 83.2, source exact 82.0';

function predict(doc: GoldDoc): PredictedQuote[] {
  // With the entity stage's mentions, as the pipeline runs it.
  const entities = annotateEntities(doc.id, doc.text);
  return extractQuotes(doc.id, doc.text, { entities }).map((q) => ({
    content: { start: q.content.start, end: q.content.end },
    speaker: q.speaker.span ? { start: q.speaker.span.start, end: q.speaker.span.end } : undefined,
    speakerName: q.speaker.text,
    cue: q.cueSpan ? { start: q.cueSpan.start, end: q.cueSpan.end } : undefined,
    direct: q.direct,
  }));
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function line(name: string, s: QuoteScores): string {
  const e = prf(s.exact);
  const o = prf(s.overlap);
  return `${name.padEnd(10)} exact P ${pct(e.precision)} R ${pct(e.recall)} F1 ${pct(e.f1)} | overlap P ${pct(o.precision)} R ${pct(o.recall)} F1 ${pct(o.f1)}`;
}

function summary(
  s: QuoteScores,
  direct: QuoteScores,
  documents: number,
  polnear: { all: PolnearCounts; direct: PolnearCounts },
): Metrics {
  const sp = s.speaker;
  return {
    documents,
    ...prfMetrics('all.exact', prf(s.exact)),
    ...prfMetrics('all.overlap', prf(s.overlap)),
    ...prfMetrics('direct.exact', prf(direct.exact)),
    ...prfMetrics('direct.overlap', prf(direct.overlap)),
    // Speaker accuracies are left out (not 0) when no matched quote has a gold source.
    'speaker.exact': sp.pairs === 0 ? Number.NaN : sp.exact / sp.pairs,
    'speaker.overlap': sp.pairs === 0 ? Number.NaN : sp.overlap / sp.pairs,
    ...polnearMetrics('all', polnear.all),
    ...polnearMetrics('direct', polnear.direct),
  };
}

function main(argv: string[]): void {
  const path = argv.find((a) => !a.startsWith('--'));
  const worstAt = argv.indexOf('--worst');
  const worst = worstAt >= 0 ? Number(argv[worstAt + 1] ?? '5') : 0;
  const directOnly = argv.includes('--direct-only');
  if (!path) {
    console.error('usage: npm run eval:quotes -- <gold.jsonl | dir> [--direct-only] [--worst N]');
    process.exit(2);
  }
  const docs = loadGold(path);
  const total = emptyScores();
  const direct = emptyScores();
  const polnear = { all: emptyPolnear(), direct: emptyPolnear() };
  const perDoc: [string, QuoteScores][] = [];
  const started = performance.now();
  for (const doc of docs) {
    const preds = predict(doc);
    const s = scoreDocument(doc, preds);
    addScores(total, s);
    perDoc.push([doc.id, s]);
    const sub = directSubset(doc, preds);
    addScores(direct, scoreDocument(sub.doc, sub.predicted));
    addPolnear(polnear.all, scorePolnear(doc, preds));
    addPolnear(polnear.direct, scorePolnear(sub.doc, sub.predicted));
  }
  const ms = performance.now() - started;
  const golds = docs.reduce((n, d) => n + d.quotes.length, 0);
  console.log(`${path}: ${docs.length} documents, ${golds} gold quotes, ${Math.round(ms)} ms`);
  if (!directOnly) console.log(line('all', total));
  console.log(line('direct', direct));
  const sp = total.speaker;
  const r = (a: number, b: number) => (b === 0 ? '  n/a' : pct(a / b));
  console.log(
    `speaker on ${sp.pairs} overlap-matched quotes with a gold source: exact ${r(sp.exact, sp.pairs)} overlap ${r(sp.overlap, sp.pairs)}` +
      (sp.named > 0 ? ` | resolved name ${r(sp.nameCorrect, sp.named)} of ${sp.named}` : ''),
  );
  console.log(
    'PolNeAR measures (pairs: one-to-one by most shared content; overlap: ≥50% of the longer span)',
  );
  if (!directOnly) for (const l of polnearLines('all', total, polnear.all)) console.log(l);
  for (const l of polnearLines('direct', direct, polnear.direct)) console.log(l);
  console.log(`anchor: ${ANCHOR}`);
  if (worst > 0) {
    perDoc.sort((a, b) => prf(a[1].overlap).f1 - prf(b[1].overlap).f1);
    for (const [id, s] of perDoc.slice(0, worst)) console.log(line(id.slice(0, 40), s));
  }
  if (argv.includes('--json'))
    console.log(metricSummaryLine('eval:quotes', summary(total, direct, docs.length, polnear)));
}

main(process.argv.slice(2));
