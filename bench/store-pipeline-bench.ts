/**
 * The whole pipeline end to end through the store, on real text, the way `sitrep ingest` + `sitrep
 * analyze` meet it: JSON lines ingested into a fresh SQLite store, then `analyzeStore`.
 *
 *   tsx bench/store-pipeline-bench.ts pile <pile.jsonl>
 *     pile-dev (2,906 real articles of many stories): ingest, analysis and end-to-end articles/s, each
 *     stage's and store step's time, peak RSS, the --out folder's size and write time; then two
 *     incremental cases — the pile without ~100 items analysed, those items added, analysed again, as
 *     a share of the full analysis: every 29th item (spread over nearly every storyline) and the 100
 *     newest dated items (a day's arrivals); then the pile analysed from nothing on one thread and with
 *     the default worker threads (what this machine's cores give the analysis).
 *   tsx bench/store-pipeline-bench.ts scale 1000,5000,20000
 *     Corpora of those sizes made from real news documents (bench/cluster-corpus-generator.ts), each
 *     in a fresh store and a fresh process (after the same 200-article warm-up): per-article cost at
 *     each size and its ratio to the smallest, and that process's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARRIVAL_KINDS, arrivals } from '../eval/lib/pile-arrivals.ts';
import type { Analysis } from '../src/core/analysis.ts';
import { analyzeStore } from '../src/engine/analysis.ts';
import { defaultArticleThreads } from '../src/engine/article-pool.ts';
import { ingest } from '../src/engine/ingest.ts';
import { openStore } from '../src/engine/open-store.ts';
import { formatStageTimes, type StageTimer } from '../src/engine/stage-timer.ts';
import { writeAnalysisOutputs } from '../src/engine/write-outputs.ts';
import { renderBrief } from '../src/pipeline/report/render-brief.ts';
import { corpusJsonLine, generateCorpus } from './cluster-corpus-generator.ts';

const mib = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const seconds = (since: number) => (performance.now() - since) / 1000;
const breakdown = formatStageTimes;

interface Run {
  articles: number;
  ingestSeconds: number;
  analyzeSeconds: number;
  timer: StageTimer;
}

/** Ingest the files into the store and analyse every stored article. */
async function ingestAndAnalyze(
  db: string,
  files: string[],
  onAnalysis?: (analysis: Analysis) => void,
): Promise<Run> {
  const store = await openStore({ db, mustExist: false });
  try {
    let started = performance.now();
    const report = await ingest(store, files, { now: () => new Date(), maxStreamBytes: 2 ** 31 - 1 });
    if (report.counts.failed > 0) console.log(`  (${report.counts.failed} items failed to ingest)`);
    const ingestSeconds = seconds(started);
    const timer: StageTimer = new Map();
    started = performance.now();
    const analysis = await analyzeStore(store, { now: () => new Date(), timer });
    const analyzeSeconds = seconds(started);
    onAnalysis?.(analysis);
    return {
      articles: analysis.articles.length,
      ingestSeconds,
      analyzeSeconds,
      timer,
    };
  } finally {
    await store.close();
  }
}

/** Words of rendered text: whitespace-separated tokens holding a letter or a digit. */
const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The Markdown brief of the largest storyline and the pile's story index: words and render time. */
function briefSizes(analysis: Analysis): string {
  const largest = analysis.stories
    .filter((s) => s.kind === 'storyline')
    .sort((a, b) => b.articleIds.length - a.articleIds.length)[0];
  if (!largest) return '  no storyline to brief';
  let started = performance.now();
  const brief = renderBrief(analysis, { format: 'md', storyId: largest.id });
  const briefMs = performance.now() - started;
  started = performance.now();
  const index = renderBrief(analysis, { format: 'md', pile: true, top: 0 });
  const indexMs = performance.now() - started;
  return (
    `  brief of the largest storyline (${largest.articleIds.length} articles): ${wordsOf(brief)} words with its footnotes, ` +
    `${briefMs.toFixed(0)} ms (targets <= 2,500 words, < 2 s); story index: ${wordsOf(index)} words, ` +
    `${indexMs.toFixed(0)} ms (targets <= 5,000 words, < 2 s)`
  );
}

/** `--out`: the time to write the per-story output folder (docs/decisions/0014) and its size. */
function outputFolder(analysis: Analysis, out: string): string {
  const started = performance.now();
  writeAnalysisOutputs(analysis, out);
  const seconds = (performance.now() - started) / 1000;
  const bytes = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (sum, e) => sum + (e.isDirectory() ? bytes(join(dir, e.name)) : statSync(join(dir, e.name)).size),
      0,
    );
  const stories = readdirSync(join(out, 'stories')).length / 2;
  return `  --out folder: ${stories} storylines' files and briefs, ${(bytes(out) / 2 ** 20).toFixed(0)} MiB, written in ${seconds.toFixed(1)} s`;
}

async function benchPile(path: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-pile-'));
  try {
    let sizes = '';
    let outputs = '';
    const full = await ingestAndAnalyze(join(dir, 'full.db'), [path], (analysis) => {
      sizes = briefSizes(analysis);
      outputs = outputFolder(analysis, join(dir, 'out'));
    });
    const total = full.ingestSeconds + full.analyzeSeconds;
    console.log(`pile: ${full.articles} articles from ${path}`);
    console.log(
      `  end to end ${(full.articles / total).toFixed(0)} articles/s (${total.toFixed(1)} s): ` +
        `ingest ${(full.articles / full.ingestSeconds).toFixed(0)} articles/s, ` +
        `analysis ${(full.articles / full.analyzeSeconds).toFixed(0)} articles/s (targets 200 and 300)`,
    );
    console.log(`  analysis steps (s): ${breakdown(full.timer)}`);
    console.log(`  peak RSS ${mib()} MiB (target <= 1024)`);
    console.log(sizes);
    console.log(outputs);

    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    // Two ways ~100 articles arrive (eval/lib/pile-arrivals.ts): spread over the pile, the 100 newest.
    for (const kind of ARRIVAL_KINDS) await incremental(dir, kind, lines, arrivals(lines, kind));
    await threadYield(join(dir, 'full.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What worker threads give the analysis on this machine: the stored pile analysed again from nothing
 * (`fresh`: no cached record, no stored index) on the calling thread alone, then with the default
 * threads, as `sitrep analyze` runs it.
 */
async function threadYield(db: string): Promise<void> {
  const store = await openStore({ db });
  try {
    const timed = async (threads: number) => {
      const started = performance.now();
      await analyzeStore(store, { now: () => new Date(), fresh: true, threads });
      return seconds(started);
    };
    const threads = defaultArticleThreads();
    const one = await timed(0);
    const more = await timed(threads);
    console.log(
      `  threads: the pile analysed from nothing in ${one.toFixed(1)} s on one thread, ${more.toFixed(1)} s ` +
        `with ${threads} worker thread(s) beside it: ${(one / more).toFixed(2)}x one thread`,
    );
  } finally {
    await store.close();
  }
}

/** Analyse the pile without the picked items, add them, analyse again: the re-analysis's share. */
async function incremental(dir: string, label: string, lines: string[], picked: (i: number) => boolean) {
  const base = join(dir, `${label}-base.jsonl`);
  const added = join(dir, `${label}-added.jsonl`);
  writeFileSync(base, lines.filter((_, i) => !picked(i)).join('\n'));
  writeFileSync(added, lines.filter((_, i) => picked(i)).join('\n'));
  const db = join(dir, `${label}-incremental.db`);
  const first = await ingestAndAnalyze(db, [base]);
  const again = await ingestAndAnalyze(db, [added]);
  console.log(
    `  incremental (${label}): ${again.articles - first.articles} articles added to ${first.articles}; re-analysis ` +
      `${again.analyzeSeconds.toFixed(1)} s = ${((100 * again.analyzeSeconds) / first.analyzeSeconds).toFixed(0)} % ` +
      `of the full analysis (${first.analyzeSeconds.toFixed(1)} s; target <= 10 %)`,
  );
  console.log(`  re-analysis steps (s): ${breakdown(again.timer)}`);
}

interface ScaleRun {
  articles: number;
  ingestSeconds: number;
  analyzeSeconds: number;
  steps: string;
  /** The process's peak RSS, MiB: this corpus's run and the small warm-up before it. */
  peakMiB: number;
}

/**
 * One size in this process: a small unreported run first (lazy loading and JIT warm-up do not count
 * against the size), then the corpus; prints its figures as one JSON line.
 */
async function scaleOne(size: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-scale-'));
  try {
    let run: Run | undefined;
    for (const n of [200, size]) {
      const file = join(dir, `corpus-${n}.jsonl`);
      writeFileSync(file, [...generateCorpus(n, 11)].map(({ input }) => corpusJsonLine(input)).join('\n'));
      run = await ingestAndAnalyze(join(dir, `corpus-${n}.db`), [file]);
      rmSync(file);
    }
    const result: ScaleRun = {
      articles: run!.articles,
      ingestSeconds: run!.ingestSeconds,
      analyzeSeconds: run!.analyzeSeconds,
      steps: breakdown(run!.timer),
      peakMiB: Number(mib()),
    };
    console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each size in a fresh process (its own peak RSS: a process that analysed the smaller corpora first
 * keeps their fragmentation, which is not what a user analysing one corpus meets), with the same
 * warm-up before each; per-article cost against the smallest size.
 */
async function benchScale(sizes: number[]): Promise<void> {
  let smallest: number | undefined;
  for (const size of sizes) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, import.meta.filename, 'scale-one', String(size)],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(`scale: ${size} articles failed (exit ${child.status}): ${child.stdout.slice(-500)}`);
      process.exitCode = 1;
      return;
    }
    const run = JSON.parse(line) as ScaleRun;
    const perArticle = (1000 * (run.ingestSeconds + run.analyzeSeconds)) / run.articles;
    smallest ??= perArticle;
    console.log(
      `scale: ${run.articles} articles: ${perArticle.toFixed(2)} ms/article end to end ` +
        `(ingest ${run.ingestSeconds.toFixed(1)} s, analysis ${run.analyzeSeconds.toFixed(1)} s), ` +
        `${(perArticle / smallest).toFixed(2)}x the per-article cost at ${sizes[0]} (target <= 1.25x), ` +
        `peak RSS ${run.peakMiB} MiB (its own process; target <= 2048 at 20,000)`,
    );
    console.log(`  analysis steps (s): ${run.steps}`);
  }
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'pile' && arg) await benchPile(arg);
else if (mode === 'scale') await benchScale((arg ?? '1000,5000,20000').split(',').map(Number));
else if (mode === 'scale-one' && arg) await scaleOne(Number(arg));
else {
  console.error('usage: tsx bench/store-pipeline-bench.ts pile <pile.jsonl> | scale [1000,5000,20000]');
  process.exit(2);
}
