/**
 * Dedupe + clustering throughput on a synthetic 100,000-article corpus (bench/cluster-corpus-generator.ts):
 *   tsx bench/cluster-bench.ts [count]
 * Adds the articles in publication order, 1,000 per `add`, and prints articles/s, total time, peak
 * memory (maxRSS), the cost per added article around 10k and around 100k (flat = candidate retrieval,
 * not all pairs), B-cubed F1 of events and storylines against the synthetic labels, and how many
 * passage-reuse candidates were verified by alignment (against the last 20,000 texts kept).
 */
import { pathToFileURL } from 'node:url';
import { bcubed } from '../eval/lib/cluster-metrics.ts';
import type { ClusterInput } from '../src/core/story.ts';
import { ClusterIndex } from '../src/pipeline/cluster/cluster-index.ts';
import { findTextReuse } from '../src/pipeline/dedupe/find-text-reuse.ts';
import { generateCorpus, paragraphPool } from './cluster-corpus-generator.ts';

const CHUNK = 1000;
const WINDOW = 20_000;

export async function benchCluster(count = 100_000): Promise<void> {
  const pool = paragraphPool();
  const index = new ClusterIndex();
  const events = new Map<string, string>();
  const lines = new Map<string, string>();
  const recent = new Map<string, ClusterInput>();
  const chunkCost: Array<{ at: number; msPerArticle: number }> = [];
  let clusterMs = 0;
  let reuseMs = 0;
  let generateMs = 0;
  let reuseLinks = 0;
  let reusePairs = 0;
  let duplicateLinks = 0;
  let chunk: ClusterInput[] = [];
  const flush = () => {
    const t0 = performance.now();
    const update = index.add(chunk);
    const t1 = performance.now();
    for (const input of chunk) recent.set(input.id, input);
    while (recent.size > WINDOW) recent.delete(recent.keys().next().value!);
    const pairs = update.reuseCandidates
      .map(([a, b]) => [recent.get(a), recent.get(b)] as const)
      .filter((p): p is readonly [ClusterInput, ClusterInput] => p[0] !== undefined && p[1] !== undefined);
    reusePairs += pairs.length;
    reuseLinks += findTextReuse(pairs).length;
    duplicateLinks += update.duplicates.length;
    const t2 = performance.now();
    clusterMs += t1 - t0;
    reuseMs += t2 - t1;
    chunkCost.push({ at: index.size, msPerArticle: (t2 - t0) / chunk.length });
    chunk = [];
  };
  let g0 = performance.now();
  for (const article of generateCorpus(count, 42, pool)) {
    events.set(article.input.id, article.event);
    lines.set(article.input.id, article.storyline);
    chunk.push(article.input);
    if (chunk.length === CHUNK) {
      generateMs += performance.now() - g0;
      flush();
      g0 = performance.now();
    }
  }
  generateMs += performance.now() - g0;
  if (chunk.length > 0) flush();
  const t3 = performance.now();
  const eventStories = index.events();
  const lineStories = index.storylines();
  const storiesMs = performance.now() - t3;
  const assign = (stories: { id: string; articleIds: string[] }[]) =>
    new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));
  const costAt = (n: number) => {
    const near = chunkCost.filter((c) => c.at > n * 0.9 && c.at <= n);
    return near.reduce((s, c) => s + c.msPerArticle, 0) / Math.max(1, near.length);
  };
  const totalMs = clusterMs + reuseMs;
  const ev = bcubed(assign(eventStories), events);
  const ln = bcubed(assign(lineStories), lines);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    `cluster bench: ${count} synthetic articles from ${pool.length} real paragraphs (generation ${(generateMs / 1000).toFixed(1)} s, not counted)`,
  );
  console.log(
    `  dedupe + clustering: ${(clusterMs / 1000).toFixed(1)} s; reuse verification: ${(reuseMs / 1000).toFixed(1)} s (${reusePairs} candidate pairs, ${reuseLinks} links)`,
  );
  console.log(
    `  total ${(totalMs / 1000).toFixed(1)} s → ${Math.round(count / (totalMs / 1000))} articles/s; building all stories: ${(storiesMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  cost per added article: ${costAt(10_000).toFixed(3)} ms at ~10k, ${costAt(count).toFixed(3)} ms at ~${count / 1000}k`,
  );
  console.log(`  peak memory (maxRSS): ${maxRssMiB.toFixed(0)} MiB`);
  console.log(
    `  ${eventStories.length} events (gold ${new Set(events.values()).size}), ${lineStories.length} storylines (gold ${new Set(lines.values()).size}), ${duplicateLinks} duplicate links reported`,
  );
  console.log(
    `  events B-cubed P ${ev.precision.toFixed(3)} R ${ev.recall.toFixed(3)} F1 ${ev.f1.toFixed(3)}`,
  );
  console.log(
    `  storylines B-cubed P ${ln.precision.toFixed(3)} R ${ln.recall.toFixed(3)} F1 ${ln.f1.toFixed(3)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchCluster(Number(process.argv[2] ?? 100_000));
}
