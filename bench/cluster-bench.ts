/**
 * Dedupe + clustering throughput on a synthetic 100,000-article corpus (bench/cluster-corpus-generator.ts):
 *   tsx bench/cluster-bench.ts [count] [--threads N]
 * The corpus is generated first (not timed) and held in memory as UTF-8; each batch is decoded when
 * it is added (timed). Then, timed:
 *  1. dedupe + clustering: the articles in publication order, 1,000 per batch, into a ClusterIndex.
 *     `--threads 0`: `index.add(batch)` on the main thread alone (the path `sitrep analyze` takes).
 *     `--threads N` (default: cores − 1): `addInBatches` — records of batch k + 1 built by N worker
 *     threads (and a share by the main thread) while the main thread links batch k; wall time
 *     includes every wait.
 *  2. reuse verification: each batch's passage-reuse candidates (but pairs of two duplicates, which
 *     `sitrep analyze` skips too) verified by alignment on the main thread; sentence features of the
 *     last 5,000 articles met are cached between batches.
 *  3. building every story at the end.
 * Prints articles/s (wall) and process CPU time, total times, peak memory (maxRSS, whole process
 * incl. the corpus and the workers; with `node --expose-gc`, also the live data after a full GC),
 * the wall cost per added article of the batches ending at ~10k and at ~count (flat = candidate
 * retrieval, not all pairs), and B-cubed P/R/F1 of events and storylines against the synthetic
 * labels. Progress goes to stderr every 10,000.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bcubed } from '../eval/lib/cluster-metrics.ts';
import type { ClusterInput } from '../src/core/story.ts';
import { addInBatches } from '../src/engine/add-in-batches.ts';
import { defaultRecordThreads } from '../src/engine/record-pool.ts';
import { ClusterIndex, type ClusterUpdate } from '../src/pipeline/cluster/cluster-index.ts';
import { findTextReuse, SentenceFeatureCache } from '../src/pipeline/dedupe/find-text-reuse.ts';
import { documentPool, generateCorpus, type SyntheticArticle } from './cluster-corpus-generator.ts';

const CHUNK = 1000;
/** Articles whose sentence features stay cached between batches during reuse verification. */
const REUSE_CACHE = 5000;

const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

/** The generated corpus in memory: texts as UTF-8, everything else as small fields. */
class Corpus {
  private readonly texts: Buffer[] = [];
  private readonly meta: Array<Omit<ClusterInput, 'text'>> = [];
  private readonly event: string[] = [];
  private readonly storyline: string[] = [];
  private readonly numbers = new Map<string, number>();
  bytes = 0;

  get size(): number {
    return this.texts.length;
  }

  push({ input, event, storyline }: SyntheticArticle): void {
    const { text, ...meta } = input;
    this.numbers.set(input.id, this.texts.length);
    this.texts.push(Buffer.from(text, 'utf8'));
    this.bytes += this.texts[this.texts.length - 1]!.length;
    this.meta.push(meta);
    this.event.push(event);
    this.storyline.push(storyline);
  }

  number(id: string): number {
    return this.numbers.get(id)!;
  }

  input(n: number): ClusterInput {
    return { ...this.meta[n]!, text: this.texts[n]!.toString('utf8') };
  }

  inputs(from: number, to: number): ClusterInput[] {
    const out: ClusterInput[] = [];
    for (let n = from; n < to; n++) out.push(this.input(n));
    return out;
  }

  labels(kind: 'event' | 'storyline'): Map<string, string> {
    const of = kind === 'event' ? this.event : this.storyline;
    return new Map(this.meta.map((m, n) => [m.id, of[n]!]));
  }

  distinct(kind: 'event' | 'storyline'): number {
    return new Set(kind === 'event' ? this.event : this.storyline).size;
  }
}

export async function benchCluster(count = 100_000, threads = defaultRecordThreads()): Promise<void> {
  const g0 = performance.now();
  const pool = documentPool();
  // The corpus is held compactly (texts as UTF-8 bytes, labels by article number) and each batch
  // is decoded when it is added (timed: a real run reads its texts from storage too).
  const corpus = new Corpus();
  for (const article of generateCorpus(count, 42, pool)) corpus.push(article);
  const generateMs = performance.now() - g0;
  const batches = function* () {
    for (let from = 0; from < corpus.size; from += CHUNK)
      yield corpus.inputs(from, Math.min(corpus.size, from + CHUNK));
  };

  // 1. Dedupe + clustering. Reuse candidates are kept as pairs of article numbers for step 2.
  const index = new ClusterIndex();
  const candidates: Int32Array[] = [];
  let duplicateLinks = 0;
  const batchMs: Array<{ at: number; ms: number; compared: number }> = [];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let last = t0;
  const done = (update: ClusterUpdate, size: number) => {
    // As `sitrep analyze` does: pairs of two duplicates are not verified.
    const duplicates = new Set(update.duplicates.flatMap((d) => [d.articleId, d.duplicateOf]));
    const kept = update.reuseCandidates.filter(([a, b]) => !(duplicates.has(a) && duplicates.has(b)));
    candidates.push(Int32Array.from(kept.flat(), (id) => corpus.number(id)));
    duplicateLinks += update.duplicates.length;
    const now = performance.now();
    batchMs.push({ at: index.size, ms: (now - last) / size, compared: update.compared / size });
    last = now;
    if (index.size % 10_000 === 0) {
      const rss = process.memoryUsage().rss / 2 ** 20;
      process.stderr.write(
        `  … ${index.size} articles, ${((now - t0) / 1000).toFixed(0)} s, rss ${rss.toFixed(0)} MiB\n`,
      );
    }
  };
  if (threads === 0) {
    // As `sitrep analyze` (engine/clusters.ts): the whole index's stories are read at the end.
    for (const batch of batches()) done(index.add(batch, { stories: false }), batch.length);
  } else {
    await addInBatches(index, batches(), { threads, onBatch: (update, batch) => done(update, batch.length) });
  }
  const clusterMs = performance.now() - t0;
  const clusterCpuMs = cpuMs(c0);

  // 2. Reuse verification, batch by batch, as `sitrep analyze` does after each add.
  let reusePairs = 0;
  let reuseLinks = 0;
  const features = new SentenceFeatureCache(REUSE_CACHE);
  const t1 = performance.now();
  for (const numbers of candidates) {
    const pairs: Array<readonly [ClusterInput, ClusterInput]> = [];
    for (let k = 0; k < numbers.length; k += 2)
      pairs.push([corpus.input(numbers[k]!), corpus.input(numbers[k + 1]!)]);
    reusePairs += pairs.length;
    reuseLinks += findTextReuse(pairs, undefined, features).length;
  }
  const reuseMs = performance.now() - t1;
  // The live data (index, corpus, feature cache) after a full collection, when gc is exposed.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const live = process.memoryUsage();

  // 3. Every story.
  const t2 = performance.now();
  const eventStories = index.events();
  const lineStories = index.storylines();
  const storiesMs = performance.now() - t2;

  const assign = (stories: { id: string; articleIds: string[] }[]) =>
    new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));
  // The batches that end within 10 % below n (e.g. 9k–10k and 90k–100k): wall ms, or candidate
  // pairs compared, per added article.
  const costAt = (n: number, key: 'ms' | 'compared' = 'ms') => {
    const near = batchMs.filter((c) => c.at > n * 0.9 && c.at <= n);
    return near.reduce((s, c) => s + c[key], 0) / Math.max(1, near.length);
  };
  const ev = bcubed(assign(eventStories), corpus.labels('event'));
  const ln = bcubed(assign(lineStories), corpus.labels('storyline'));
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const rate = (ms: number) => Math.round(count / (ms / 1000));
  const how =
    threads === 0
      ? 'main thread only (index.add)'
      : `records on ${threads} worker thread${threads === 1 ? '' : 's'} and the main thread, linking on the main thread (addInBatches)`;
  console.log(
    `cluster bench: ${count} synthetic articles (${(corpus.bytes / 2 ** 20).toFixed(0)} MiB of UTF-8 text, held in memory) from ${pool.length} real documents (${pool.flat().length} paragraphs); generation ${(generateMs / 1000).toFixed(1)} s, not counted`,
  );
  console.log(
    `  dedupe + clustering, ${how}: ${(clusterMs / 1000).toFixed(1)} s → ${rate(clusterMs)} articles/s (target ≥ 1,000); process CPU time (all threads) ${(clusterCpuMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  reuse verification: ${(reuseMs / 1000).toFixed(1)} s (${reusePairs} candidate pairs, ${reuseLinks} links)`,
  );
  console.log(
    `  overall incl. reuse verification: ${((clusterMs + reuseMs) / 1000).toFixed(1)} s → ${rate(clusterMs + reuseMs)} articles/s; building all stories at the end: ${(storiesMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  ms per added article (batches of ${CHUNK}), dedupe + clustering: ${costAt(10_000).toFixed(3)} at ~10k, ${costAt(count).toFixed(3)} at ~${Math.round(count / 1000)}k; candidate pairs compared per added article: ${costAt(10_000, 'compared').toFixed(1)} at ~10k, ${costAt(count, 'compared').toFixed(1)} at ~${Math.round(count / 1000)}k (cap ${index.options.candidateCap})`,
  );
  const heapCap = process.execArgv.find((a) => a.startsWith('--max-old-space-size'));
  console.log(
    `  peak memory (maxRSS): ${maxRssMiB.toFixed(0)} MiB (target < 2,048)${heapCap ? ` with ${heapCap}` : ', V8 heap not capped'}` +
      (gc
        ? `; live after a full GC at the end: JS heap ${(live.heapUsed / 2 ** 20).toFixed(0)} MiB + buffers ${(live.arrayBuffers / 2 ** 20).toFixed(0)} MiB (incl. the ${(corpus.bytes / 2 ** 20).toFixed(0)} MiB corpus)`
        : ''),
  );
  console.log(
    `  ${eventStories.length} events (gold ${corpus.distinct('event')}), ${lineStories.length} storylines (gold ${corpus.distinct('storyline')}), ${duplicateLinks} duplicate links reported`,
  );
  console.log(
    `  events B-cubed P ${ev.precision.toFixed(3)} R ${ev.recall.toFixed(3)} F1 ${ev.f1.toFixed(3)}`,
  );
  console.log(
    `  storylines B-cubed P ${ln.precision.toFixed(3)} R ${ln.recall.toFixed(3)} F1 ${ln.f1.toFixed(3)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { threads: { type: 'string' } },
  });
  const count = Number(positionals[0] ?? 100_000);
  const threads = values.threads === undefined ? defaultRecordThreads() : Number(values.threads);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(threads) || threads < 0) {
    console.error('usage: tsx bench/cluster-bench.ts [count ≥ 1] [--threads N ≥ 0]');
    process.exit(2);
  }
  await benchCluster(count, threads);
}
