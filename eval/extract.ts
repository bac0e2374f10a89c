/**
 * Score HTML main-text extraction on a folder laid out like the article-extraction-benchmark:
 *   npm run eval:extract -- <dir> [--worst N] [--only sitrep|readability] [--titles FILE] [--json]
 * Prints precision/recall/F1 for Sitrep's extractHtml (body and body+title) and for
 * @mozilla/readability alone, next to the published reference figures. `--json` adds a last line
 * with the scores (`sitrep.body.f1`, `sitrep.title_body.f1`, `readability.f1`, …; eval/lib/metric-summary.ts).
 * `--titles FILE` also scores Sitrep's titles against hand-made headline gold for some of the pages
 * (eval/lib/title-gold.ts, e.g. test/fixtures/titles/scrapinghub-100.json): `sitrep.title_gold.exact`.
 */
import { describeError, isSitrepError, SitrepError } from '../src/core/errors.ts';
import { extractHtml } from '../src/pipeline/extract/html/extract-html.ts';
import { extractionProblems } from '../src/pipeline/extract/html/extraction-invariants.ts';
import {
  type ExtractionCase,
  loadExtractionDataset,
  normaliseTitle,
  readCaseHtml,
} from './lib/extraction-dataset.ts';
import { type Metrics, metricSummaryLine, prfMetrics } from './lib/metric-summary.ts';
import { readabilityText } from './lib/readability-baseline.ts';
import {
  aggregateScores,
  precisionOf,
  recallOf,
  type ShingleScores,
  shingleMatch,
  type TpFpFn,
} from './lib/shingle-metric.ts';
import { loadTitleGold, scoreTitleGold } from './lib/title-gold.ts';

/** Published on the article-extraction benchmark (the `extraction/` set) only, and labelled so under any other set. */
const REFERENCES: Array<[string, ShingleScores | { precision: number; recall: number; f1: number }]> = [
  ['trafilatura 2.0 (published*)', { precision: 0.938, recall: 0.978, f1: 0.958 }],
  ['Readability.js 0.6 (published*)', { precision: 0.914, recall: 0.982, f1: 0.947 }],
];

interface Args {
  dir: string | undefined;
  worst: number;
  only: string | undefined;
  titles: string | undefined;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: undefined, worst: 0, only: undefined, titles: undefined, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--worst') args.worst = Number(argv[++i] ?? '10');
    else if (arg === '--only') args.only = argv[++i];
    else if (arg === '--titles') args.titles = argv[++i] ?? '';
    else if (arg === '--json') args.json = true;
    else if (!arg.startsWith('--')) args.dir = arg;
  }
  return args;
}

interface Scored {
  item: ExtractionCase;
  body: TpFpFn;
  withTitle: TpFpFn;
  failure?: string;
  problems?: string[];
  title?: string;
}

function scoreSitrep(cases: ExtractionCase[]): Scored[] {
  return cases.map((item) => {
    try {
      const extraction = extractHtml(readCaseHtml(item), {}, { url: item.url });
      return {
        item,
        body: shingleMatch(item.articleBody, extraction.text.slice(extraction.bodyStart)),
        withTitle: shingleMatch(item.articleBody, extraction.text),
        problems: extractionProblems(extraction),
        ...(extraction.metadata.title ? { title: extraction.metadata.title } : {}),
      };
    } catch (error) {
      if (!isSitrepError(error)) throw error;
      const empty = shingleMatch(item.articleBody, '');
      return { item, body: empty, withTitle: empty, failure: describeError(error) };
    }
  });
}

function f1Of(m: TpFpFn): number {
  const p = precisionOf(m);
  const r = recallOf(m);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function row(name: string, s: { precision: number; recall: number; f1: number }): string {
  return `${name.padEnd(34)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(7)}`;
}

/** Score Sitrep's titles against a hand-made headline gold file; print the misses. */
function reportTitleGold(path: string, sitrep: Scored[], metrics: Metrics): void {
  if (sitrep.length === 0) {
    throw new SitrepError('USAGE', '--titles scores Sitrep; it cannot be used with --only readability.');
  }
  const score = scoreTitleGold(loadTitleGold(path), new Map(sitrep.map((s) => [s.item.id, s.title])), path);
  metrics['sitrep.title_gold.pages'] = score.pages;
  metrics['sitrep.title_gold.exact'] = score.exact / score.pages;
  console.log(
    `\ntitles against ${path}: ${score.exact} of ${score.pages} exact (${((100 * score.exact) / score.pages).toFixed(1)} %, case, punctuation and spacing aside)`,
  );
  for (const m of score.misses)
    console.log(`  ${m.id}: "${m.extracted ?? ''}" (gold ${JSON.stringify(m.gold)})`);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.titles === '') throw new SitrepError('USAGE', '--titles needs the path of a title gold file.');
  const cases = loadExtractionDataset(args.dir);
  const rows: Array<[string, { precision: number; recall: number; f1: number }]> = [];
  const metrics: Metrics = { pages: cases.length };
  let sitrep: Scored[] = [];
  let titleReport = '';
  let wrongTitles: Scored[] = [];
  if (args.only !== 'readability') {
    sitrep = scoreSitrep(cases);
    const body = aggregateScores(sitrep.map((s) => s.body));
    const withTitle = aggregateScores(sitrep.map((s) => s.withTitle));
    rows.push([`Sitrep extractHtml (body)`, body]);
    rows.push([`Sitrep extractHtml (title + body)`, withTitle]);
    Object.assign(metrics, prfMetrics('sitrep.body', body), prfMetrics('sitrep.title_body', withTitle));
    metrics['sitrep.failures'] = sitrep.filter((s) => s.failure).length;
    const titled = sitrep.filter((s) => s.item.title !== undefined);
    if (titled.length > 0) {
      const exact = titled.filter((s) => normaliseTitle(s.title ?? '') === normaliseTitle(s.item.title!));
      metrics['sitrep.title.exact'] = exact.length / titled.length;
      // Gold headlines cut off at a word (the page's own headline goes on) are listed apart.
      const cut = titled.filter(
        (s) =>
          !exact.includes(s) &&
          `${normaliseTitle(s.title ?? '')} `.startsWith(`${normaliseTitle(s.item.title!)} `),
      );
      metrics['sitrep.title.exact_or_cut_gold'] = (exact.length + cut.length) / titled.length;
      titleReport =
        `titles: ${exact.length} of ${titled.length} exact (${((100 * exact.length) / titled.length).toFixed(1)} %, case, punctuation and spacing aside); ` +
        `${cut.length} more where the gold is the extracted headline cut off at a word`;
      wrongTitles = titled.filter((s) => !exact.includes(s));
    }
  }
  if (args.only !== 'sitrep') {
    const readability = aggregateScores(
      cases.map((item) => shingleMatch(item.articleBody, readabilityText(readCaseHtml(item)))),
    );
    rows.push(['@mozilla/readability (same DOM)', readability]);
    Object.assign(metrics, prfMetrics('readability', readability));
  }
  rows.push(...REFERENCES);
  console.log(`Extraction benchmark: ${cases.length} pages from ${args.dir}`);
  console.log(
    `${'extractor'.padEnd(34)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}`,
  );
  for (const [name, scores] of rows) console.log(row(name, scores));
  console.log('* published on the 181-page article-extraction benchmark (extraction/), not measured here');
  if (titleReport) {
    console.log(`\n${titleReport}`);
    for (const s of wrongTitles.slice(0, args.worst > 0 ? args.worst : 10))
      console.log(`  ${s.item.id}: "${s.title ?? ''}" (gold "${s.item.title}")`);
  }
  if (args.titles !== undefined) reportTitleGold(args.titles, sitrep, metrics);
  const failures = sitrep.filter((s) => s.failure);
  if (failures.length > 0) {
    console.log(`\n${failures.length} page(s) gave no text:`);
    for (const f of failures) console.log(`  ${f.item.id}: ${f.failure}`);
  }
  const unsound = sitrep.filter((s) => s.problems && s.problems.length > 0);
  if (unsound.length > 0) {
    console.log(`\n${unsound.length} page(s) broke the offset invariants:`);
    for (const s of unsound) console.log(`  ${s.item.id}: ${s.problems!.join('; ')}`);
    process.exitCode = 1;
  }
  if (args.worst > 0 && sitrep.length > 0) {
    console.log(`\nWorst ${args.worst} pages for Sitrep (body):`);
    const worst = [...sitrep].sort((a, b) => f1Of(a.body) - f1Of(b.body)).slice(0, args.worst);
    for (const s of worst) {
      const p = precisionOf(s.body).toFixed(2);
      const r = recallOf(s.body).toFixed(2);
      console.log(`  F1 ${f1Of(s.body).toFixed(3)} P ${p} R ${r}  ${s.item.id.slice(0, 12)}  ${s.item.url}`);
    }
  }
  if (args.json) console.log(metricSummaryLine('eval:extract', metrics));
}

try {
  main();
} catch (error) {
  console.error(`eval:extract: ${describeError(error)}`);
  process.exitCode = isSitrepError(error) && error.code === 'USAGE' ? 2 : 1;
}
