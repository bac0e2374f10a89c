/**
 * Full-pipeline throughput: the whole analysis (the composition the CLI and the server run) over a
 * synthetic corpus of real news paragraphs (bench/cluster-corpus-generator.ts), with each stage's
 * share of the time and the peak memory.
 *   tsx bench/pipeline-bench.ts [count]      (or benchPipeline(count) from bench/run.ts)
 */
import { pathToFileURL } from 'node:url';
import type { Article } from '../src/core/article.ts';
import { sha256Hex } from '../src/core/hash.ts';
import type { ClusterInput } from '../src/core/story.ts';
import { analyzeArticles } from '../src/engine/analyze-articles.ts';
import type { StageTimer } from '../src/engine/stage-timer.ts';
import { generateCorpus } from './cluster-corpus-generator.ts';

function toArticle(input: ClusterInput): Article {
  const article: Article = {
    id: input.id,
    identity: `bench:${input.id}`,
    rawSha256: sha256Hex(input.text),
    itemKey: '',
    contentSha256: sha256Hex(input.text),
    format: 'text',
    input: {},
    text: input.text,
    bodyStart: input.bodyStart,
    rawText: input.text,
    removed: [],
    kept: [],
    evidence: {},
    extractor: { name: 'bench', version: '1' },
    ingestedAt: '2026-01-01T00:00:00Z',
  };
  if (input.title) article.title = input.title;
  if (input.outlet) article.outlet = input.outlet;
  if (input.publishedAt) article.publishedAt = input.publishedAt;
  return article;
}

export async function benchPipeline(count = 10_000): Promise<void> {
  const articles = [...generateCorpus(count, 7)].map((a) => toArticle(a.input));
  const megabytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;
  console.log(`pipeline: ${articles.length} synthetic articles, ${megabytes.toFixed(1)} MB of text`);
  // Warm-up on a small slice so that lazy loading and JIT do not count.
  analyzeArticles(articles.slice(0, 50), { now: () => new Date() });
  const timer: StageTimer = new Map();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const analysis = analyzeArticles(articles, { now: () => new Date(), timer });
  const seconds = (performance.now() - started) / 1000;
  const total = [...timer.values()].reduce((a, b) => a + b, 0);
  console.log(
    `pipeline: ${(articles.length / seconds).toFixed(0)} articles/s, ${(megabytes / seconds).toFixed(2)} MB/s, ` +
      `${seconds.toFixed(1)} s total`,
  );
  console.log(
    `pipeline: found ${analysis.stories.length} stories, ${analysis.entities.length} entities, ${analysis.claims.length} claims, ${analysis.events.length} events`,
  );
  console.log('pipeline: share of time per stage');
  for (const [stage, ms] of [...timer].sort((a, b) => b[1] - a[1])) {
    console.log(
      `  ${stage.padEnd(10)} ${(ms / 1000).toFixed(2).padStart(8)} s  ${((100 * ms) / total).toFixed(1).padStart(5)} %`,
    );
  }
  // Time outside the timed stages: assembling the analysis (per-article records, links) and glue.
  const outside = seconds * 1000 - total;
  console.log(
    `  ${'(other)'.padEnd(10)} ${(outside / 1000).toFixed(2).padStart(8)} s  ${((100 * outside) / (seconds * 1000)).toFixed(1).padStart(5)} % of the total, outside the stages`,
  );
  console.log(
    `pipeline: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, heap now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB (was ${(heapBefore / 2 ** 20).toFixed(0)} MB before)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchPipeline(Number(process.argv[2] ?? 10_000));
}
