/**
 * Dedupe + clustering throughput on a synthetic 100,000-article corpus (bench/cluster-corpus-generator.ts):
 *   tsx bench/cluster-bench.ts [count]
 * Adds the articles in publication order, 1,000 per `add`, then verifies each batch's passage-reuse
 * candidates by alignment (against the last 20,000 texts kept). Prints articles/s for dedupe +
 * clustering (wall, and per process-CPU second, since the machine may be shared) and overall incl.
 * reuse verification, total times, peak memory (maxRSS), the cost per added article of the batches
 * ending at ~10k and at ~100k (flat = candidate retrieval, not all pairs), and B-cubed P/R/F1 of
 * events and storylines against the synthetic labels. Progress goes to stderr every 10,000.
 */
import { pathToFileURL } from 'node:url';
import { bcubed } from '../eval/lib/cluster-metrics.ts';
import type { ClusterInput } from '../src/core/story.ts';
import { ClusterIndex } from '../src/pipeline/cluster/cluster-index.ts';
import { findTextReuse } from '../src/pipeline/dedupe/find-text-reuse.ts';
import { documentPool, generateCorpus } from './cluster-corpus-generator.ts';

const CHUNK = 1000;
const WINDOW = 20_000;

export async function benchCluster(count = 100_000): Promise<void> {
  const pool = documentPool();
  const index = new ClusterIndex();
  const events = new Map<string, string>();
  const lines = new Map<string, string>();
  const recent = new Map<string, ClusterInput>();
  const chunkCost: Array<{ at: number; addMs: number; allMs: number }> = [];
  let clusterMs = 0;
  let clusterCpuMs = 0;
  let reuseMs = 0;
  let generateMs = 0;
  let reuseLinks = 0;
  let reusePairs = 0;
  let duplicateLinks = 0;
  let chunk: ClusterInput[] = [];
  const flush = () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const update = index.add(chunk);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    clusterCpuMs += (c1.user + c1.system) / 1000;
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
    chunkCost.push({ at: index.size, addMs: (t1 - t0) / chunk.length, allMs: (t2 - t0) / chunk.length });
    if (index.size % 10_000 === 0) {
      const rss = process.memoryUsage().rss / 2 ** 20;
      process.stderr.write(
        `  … ${index.size} articles, ${(clusterMs / 1000).toFixed(0)} s clustering, rss ${rss.toFixed(0)} MiB\n`,
      );
    }
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
  // The batches that end within 10 % below n (e.g. 9k–10k and 90k–100k), per added article.
  const costAt = (n: number, key: 'addMs' | 'allMs') => {
    const near = chunkCost.filter((c) => c.at > n * 0.9 && c.at <= n);
    return near.reduce((s, c) => s + c[key], 0) / Math.max(1, near.length);
  };
  const totalMs = clusterMs + reuseMs;
  const ev = bcubed(assign(eventStories), events);
  const ln = bcubed(assign(lineStories), lines);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    `cluster bench: ${count} synthetic articles from ${pool.length} real documents (${pool.flat().length} paragraphs) (generation ${(generateMs / 1000).toFixed(1)} s, not counted)`,
  );
  const rate = (ms: number) => Math.round(count / (ms / 1000));
  console.log(
    `  dedupe + clustering: ${(clusterMs / 1000).toFixed(1)} s → ${rate(clusterMs)} articles/s (target ≥ 1,000); process CPU time ${(clusterCpuMs / 1000).toFixed(1)} s → ${rate(clusterCpuMs)} articles/s per CPU second`,
  );
  console.log(
    `  reuse verification: ${(reuseMs / 1000).toFixed(1)} s (${reusePairs} candidate pairs, ${reuseLinks} links)`,
  );
  console.log(
    `  overall incl. reuse verification: ${(totalMs / 1000).toFixed(1)} s → ${rate(totalMs)} articles/s; building all stories at the end: ${(storiesMs / 1000).toFixed(1)} s`,
  );
  const big = `~${Math.round(count / 1000)}k`;
  console.log(
    `  ms per added article (batches of ${CHUNK}), dedupe + clustering: ${costAt(10_000, 'addMs').toFixed(3)} at ~10k, ${costAt(count, 'addMs').toFixed(3)} at ${big}; overall: ${costAt(10_000, 'allMs').toFixed(3)} at ~10k, ${costAt(count, 'allMs').toFixed(3)} at ${big}`,
  );
  console.log(`  peak memory (maxRSS): ${maxRssMiB.toFixed(0)} MiB (target < 2,048)`);
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
