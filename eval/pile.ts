/**
 * Score stories on a labelled pile, end to end, the way a user meets it:
 *   npm run eval:pile -- <pile.jsonl> <labels.json> [--dump-cluster FILE] [--show N] [--json]
 * Ingests the pile (Sitrep's JSON-lines ingest format) into a fresh SQLite store through the CLI's
 * ingest code path, analyzes it (`analyzeStore`, as `sitrep analyze` does), and prints storyline and
 * event B-cubed P/R/F1 over the labelled articles — overall and per part of the pile (the first path
 * segment of each url: duc2007, ecb, wikiref…) — the largest storyline beside the largest labelled
 * topic, end-to-end articles/s and peak RSS. `labels.json` maps url → {"label": event key or null,
 * "storyline": topic key or null}; see ../shared/eval-data/pile-dev/README.md.
 * `--dump-cluster FILE` writes the clustering inputs the analysis used (with their gold labels) in
 * eval:cluster's JSON-lines format, for iterating on clustering without re-running the pipeline.
 * `--json` prints the figures as a metric summary on the last line (eval/lib/metric-summary.ts), which
 * `npm run eval:floors` reads.
 * `--arrivals spread|newest` scores the stories of an incremental analysis instead: the pile without
 * ~100 arrivals (eval/lib/pile-arrivals.ts) ingested and analysed, then the arrivals ingested and the
 * store analysed again, as a user adding a day's articles to an analysed store does; the scores are
 * those of the second analysis, to compare with the one-pass scores.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '../src/core/analysis.ts';
import { analyzeStore } from '../src/engine/analysis.ts';
import { type IngestReport, ingest } from '../src/engine/ingest.ts';
import { openStore } from '../src/engine/open-store.ts';
import { type Metrics, metricSummaryLine, prfMetrics } from './lib/metric-summary.ts';
import { ARRIVAL_KINDS, type ArrivalKind, arrivals } from './lib/pile-arrivals.ts';
import { type PileLabels, parsePileLabels, scorePile } from './lib/pile-score.ts';

const args = process.argv.slice(2);
const optionValue = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const valued = new Set(['--dump-cluster', '--show', '--arrivals']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
const [pilePath, labelsPath] = positional;
if (!pilePath || !labelsPath) {
  console.error(
    'usage: npm run eval:pile -- <pile.jsonl> <labels.json> [--arrivals spread|newest] [--dump-cluster FILE] [--show N] [--json]',
  );
  process.exit(2);
}
const arrivalKind = optionValue('--arrivals');
if (arrivalKind !== undefined && !(ARRIVAL_KINDS as readonly string[]).includes(arrivalKind)) {
  console.error(`--arrivals: expected one of ${ARRIVAL_KINDS.join(', ')}, got ${arrivalKind}`);
  process.exit(2);
}
const labels: PileLabels = parsePileLabels(readFileSync(labelsPath, 'utf8'), labelsPath);
/** Each input file to ingest in turn, with the url of each of its lines (1-based), if any. */
interface Step {
  file: string;
  urlByLine: Map<number, string>;
}
const urlOfLine = (line: string): string | undefined => {
  const url = (JSON.parse(line) as { url?: unknown }).url;
  return typeof url === 'string' ? url : undefined;
};
/** The lines of a file as a step: its urls by line number. */
const stepOf = (file: string, lines: readonly string[]): Step => {
  const urlByLine = new Map<number, string>();
  lines.forEach((line, n) => {
    const url = line.trim() === '' ? undefined : urlOfLine(line);
    if (url) urlByLine.set(n + 1, url);
  });
  return { file, urlByLine };
};

const dir = mkdtempSync(join(tmpdir(), 'sitrep-pile-'));
const started = performance.now();
try {
  const all = readFileSync(pilePath, 'utf8').split('\n');
  let steps: Step[];
  if (arrivalKind === undefined) steps = [stepOf(pilePath, all)];
  else {
    const lines = all.filter((l) => l.trim() !== '');
    const later = arrivals(lines, arrivalKind as ArrivalKind);
    const parts = [lines.filter((_, i) => !later(i)), lines.filter((_, i) => later(i))];
    steps = parts.map((part, k) => {
      const file = join(dir, `part-${k}.jsonl`);
      writeFileSync(file, part.join('\n'));
      return stepOf(file, part);
    });
  }
  const store = await openStore({ db: join(dir, 'pile.db'), mustExist: false });
  try {
    const urlOf = new Map<string, string>();
    const report = { items: [] as IngestReport['items'], counts: { failed: 0 } };
    let ingestMs = 0;
    let analysis: Analysis | undefined;
    let reanalysisMs = 0;
    for (const step of steps) {
      const before = performance.now();
      const stepReport = await ingest(store, [step.file], { now: () => new Date() });
      ingestMs += performance.now() - before;
      report.items.push(...stepReport.items);
      report.counts.failed += stepReport.counts.failed;
      for (const item of stepReport.items) {
        const line = /#line:(\d+)$/.exec(item.where);
        const url = line ? step.urlByLine.get(Number(line[1])) : undefined;
        if (item.articleId && url) urlOf.set(item.articleId, url);
      }
      const analysing = performance.now();
      analysis = await analyzeStore(store, { now: () => new Date() });
      reanalysisMs = performance.now() - analysing;
    }
    if (!analysis) throw new Error('nothing was analysed');
    const seconds = (performance.now() - started) / 1000;
    const ingested = started + ingestMs;
    if (arrivalKind !== undefined)
      console.log(
        `arrivals (${arrivalKind}): ${steps[1]!.urlByLine.size} items added to an analysed store of the others; ` +
          `scores of the re-analysis (${(reanalysisMs / 1000).toFixed(1)} s)`,
      );
    const result = scorePile(analysis.stories, urlOf, labels);
    const fmt = (x: { precision: number; recall: number; f1: number }) =>
      `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;
    console.log(
      `${pilePath}: ${report.items.length} items, ${report.counts.failed} failed; ` +
        `${analysis.articles.length} articles analyzed, ${result.labelled} labelled`,
    );
    console.log(`storylines (${result.storylines} in all) vs storyline, B-cubed over labelled articles`);
    console.log(`  all        ${fmt(result.storyline)}`);
    for (const [part, s] of Object.entries(result.storylineByPart))
      console.log(`  ${part.padEnd(10)} ${fmt(s)}`);
    console.log(`events (${result.events} in all) vs label, B-cubed over articles with an event label`);
    console.log(`  all        ${fmt(result.event)}`);
    for (const [part, s] of Object.entries(result.eventByPart)) console.log(`  ${part.padEnd(10)} ${fmt(s)}`);
    console.log(
      `largest storyline: ${result.largestStoryline.size} articles (${result.largestStoryline.labelled} labelled) ` +
        `"${result.largestStoryline.title.slice(0, 80)}"; largest labelled topic: ${result.largestTopic} ` +
        `(ratio ${(result.largestStoryline.size / result.largestTopic).toFixed(2)})`,
    );
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `end to end: ${seconds.toFixed(1)} s (ingest ${((ingested - started) / 1000).toFixed(1)} s), ` +
        `${(analysis.articles.length / seconds).toFixed(1)} articles/s, peak RSS ${rss.toFixed(0)} MiB`,
    );
    const show = Number(optionValue('--show') ?? 0);
    if (show > 0) {
      const big = analysis.stories
        .filter((s) => s.kind === 'storyline')
        .sort((a, b) => b.articleIds.length - a.articleIds.length)
        .slice(0, show);
      for (const s of big) {
        const counts = new Map<string, number>();
        for (const id of s.articleIds) {
          const url = urlOf.get(id);
          const key = (url && labels.get(url)?.storyline) ?? 'unlabelled';
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const mix = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}:${n}`);
        console.log(`  ${s.articleIds.length}  "${s.title.slice(0, 70)}"  ${mix.join(' ')}`);
      }
    }
    const dump = optionValue('--dump-cluster');
    if (dump) {
      // One entry per mention, as the analysis hands them to clustering (the profile counts them).
      const entitiesOf = new Map<string, string[]>();
      for (const e of analysis.entities) {
        for (const m of e.mentions) {
          const list = entitiesOf.get(m.articleId) ?? [];
          list.push(m.entityId ?? m.text);
          entitiesOf.set(m.articleId, list);
        }
      }
      const byId = new Map(analysis.articles.map((a) => [a.id, a]));
      const rows = (await store.allArticles()).map((a) => {
        const url = urlOf.get(a.id);
        const gold = url ? labels.get(url) : undefined;
        const published = byId.get(a.id)?.publishedAt;
        return JSON.stringify({
          id: a.id,
          text: a.text,
          bodyStart: a.bodyStart,
          ...(a.title ? { title: a.title } : {}),
          ...(a.outlet ? { outlet: a.outlet } : {}),
          ...(published ? { publishedAt: published } : {}),
          entities: [...(entitiesOf.get(a.id) ?? [])],
          label: gold?.label ?? `none:${a.id}`,
          ...(gold?.storyline ? { storyline: gold.storyline } : {}),
          ...(url ? { url } : {}),
        });
      });
      writeFileSync(dump, `${rows.join('\n')}\n`);
      console.log(`wrote ${rows.length} clustering inputs to ${dump}`);
    }
    if (args.includes('--json')) {
      const parts: Metrics = {};
      for (const [part, x] of Object.entries(result.storylineByPart))
        Object.assign(parts, prfMetrics(`storyline.${part}`, x));
      for (const [part, x] of Object.entries(result.eventByPart))
        Object.assign(parts, prfMetrics(`event.${part}`, x));
      console.log(
        metricSummaryLine('eval:pile', {
          ...prfMetrics('storyline', result.storyline),
          ...prfMetrics('event', result.event),
          ...parts,
          largestStoryline: result.largestStoryline.size,
          largestTopic: result.largestTopic,
          articlesPerSecond: analysis.articles.length / seconds,
          peakRssMiB: rss,
        }),
      );
    }
  } finally {
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
