/**
 * Score plain-text extraction on the flattened twin of an extraction benchmark folder (`text/<id>.txt`:
 * every visible block of the page, one per paragraph — how many scrapers save pages):
 *   npm run eval:extract-text -- <dir> [--worst N] [--json]
 * Prints precision/recall/F1 (the benchmark's shingle metric) of the body Sitrep's plain-text
 * extractor keeps, beside keeping everything. A page on which the extractor fails (any error) counts
 * as an empty extraction and is listed; the run never stops on one page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, SitrepError } from '../src/core/errors.ts';
import { extractPlainText } from '../src/pipeline/extract/text/extract-text.ts';
import { loadExtractionDataset } from './lib/extraction-dataset.ts';
import { type Metrics, metricSummaryLine, prfMetrics } from './lib/metric-summary.ts';
import { aggregateScores, precisionOf, recallOf, shingleMatch, type TpFpFn } from './lib/shingle-metric.ts';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--worst');
const worst = args.includes('--worst') ? Number(args[args.indexOf('--worst') + 1] ?? '10') : 0;

function main(): void {
  const cases = loadExtractionDataset(dir);
  const scored: { id: string; body: TpFpFn; all: TpFpFn; failure?: string }[] = [];
  for (const item of cases) {
    const path = join(dir!, 'text', `${item.id}.txt`);
    if (!existsSync(path)) {
      throw new SitrepError('INPUT_MALFORMED', `${path} is missing: the folder needs a text/ twin of html/`);
    }
    const text = readFileSync(path, 'utf8');
    const all = shingleMatch(item.articleBody, text);
    try {
      const x = extractPlainText(text, {});
      scored.push({ id: item.id, body: shingleMatch(item.articleBody, x.text.slice(x.bodyStart)), all });
    } catch (error) {
      scored.push({
        id: item.id,
        body: shingleMatch(item.articleBody, ''),
        all,
        failure: describeError(error),
      });
    }
  }
  const body = aggregateScores(scored.map((s) => s.body));
  const all = aggregateScores(scored.map((s) => s.all));
  const row = (name: string, s: { precision: number; recall: number; f1: number }) =>
    `${name.padEnd(34)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(7)}`;
  console.log(`Plain-text extraction: ${cases.length} flattened pages from ${dir}/text`);
  console.log(
    `${'extractor'.padEnd(34)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}`,
  );
  console.log(row('Sitrep extractPlainText (body)', body));
  console.log(row('keep everything', all));
  const failed = scored.filter((s) => s.failure);
  if (failed.length > 0) {
    console.log(`\n${failed.length} page(s) gave no text:`);
    for (const f of failed) console.log(`  ${f.id}: ${f.failure}`);
  }
  if (worst > 0) {
    const f1 = (m: TpFpFn) => {
      const p = precisionOf(m);
      const r = recallOf(m);
      return p + r > 0 ? (2 * p * r) / (p + r) : 0;
    };
    console.log(`\nWorst ${worst} pages (body):`);
    for (const s of [...scored].sort((a, b) => f1(a.body) - f1(b.body)).slice(0, worst))
      console.log(
        `  F1 ${f1(s.body).toFixed(3)} P ${precisionOf(s.body).toFixed(2)} R ${recallOf(s.body).toFixed(2)}  ${s.id}`,
      );
  }
  if (args.includes('--json')) {
    const metrics: Metrics = {
      pages: cases.length,
      ...prfMetrics('sitrep.body', body),
      ...prfMetrics('all', all),
      'sitrep.failures': failed.length,
    };
    console.log(metricSummaryLine('eval:extract-text', metrics));
  }
}

try {
  main();
} catch (error) {
  console.error(`eval:extract-text: ${describeError(error)}`);
  process.exitCode = error instanceof SitrepError && error.code === 'USAGE' ? 2 : 1;
}
