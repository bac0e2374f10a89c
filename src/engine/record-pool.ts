/**
 * Cluster records built on worker threads. Building an article's record (segmentation, tokens,
 * profile, MinHash, citations) is half the cost of adding it to a `ClusterIndex` and depends on the
 * article alone, so it runs in parallel with the index linking the previous batch:
 *
 *   const pool = new RecordPool();
 *   let next = pool.build(batches[0]);
 *   for (let k = 0; k < batches.length; k++) {
 *     const records = await next;
 *     if (k + 1 < batches.length) next = pool.build(batches[k + 1]);
 *     index.addRecords(records); // the worker builds batch k + 1 meanwhile
 *   }
 *   await pool.close();
 *
 * `addInBatches` runs this loop and also lets the main thread build a share of each batch. The
 * records are those `articleRecord` returns on the main thread (tested), so the index ends up the
 * same. See docs/decisions/0011.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { SitrepError } from '../core/errors.ts';
import type { ClusterInput } from '../core/story.ts';
import type { ArticleRecord } from '../pipeline/cluster/article-record.ts';
import type { RecordReply, RecordRequest } from './record-worker.ts';
import { startWorker } from './start-worker.ts';

interface Pending {
  resolve: (built: { records: ArticleRecord[]; ms: number }) => void;
  reject: (error: Error) => void;
}

/** Workers to start by default: one per core but the one the caller keeps for itself (at least 1). */
export function defaultRecordThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class RecordPool {
  readonly threads: number;
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextJob = 0;
  private failure?: Error;
  private closed = false;

  constructor(threads = defaultRecordThreads()) {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new SitrepError('USAGE', `record threads must be a whole number ≥ 1, got ${threads}`);
    }
    this.threads = threads;
    for (let i = 0; i < threads; i++) {
      const worker = startWorker(import.meta.url, 'record-worker');
      worker.on('message', (reply: RecordReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(`a record worker failed: ${error.message}`));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(`a record worker stopped unexpectedly (exit code ${code})`);
      });
      this.workers.push(worker);
    }
  }

  /** Records of `inputs`, in their order, built across the workers (one contiguous slice each). */
  async build(inputs: readonly ClusterInput[]): Promise<ArticleRecord[]> {
    return (await this.timedBuild(inputs)).records;
  }

  /** `build`, plus the longest time a worker spent building its slice (ms, excluding transfer). */
  async timedBuild(inputs: readonly ClusterInput[]): Promise<{ records: ArticleRecord[]; ms: number }> {
    if (this.closed) throw new SitrepError('INTERNAL', 'the record pool is closed');
    if (this.failure) throw this.failure;
    if (inputs.length === 0) return { records: [], ms: 0 };
    const size = Math.ceil(inputs.length / this.threads);
    const parts: Promise<{ records: ArticleRecord[]; ms: number }>[] = [];
    for (let w = 0; w * size < inputs.length; w++) {
      const job = this.nextJob++;
      const slice = inputs.slice(w * size, (w + 1) * size);
      parts.push(
        new Promise((resolve, reject) => {
          this.pending.set(job, { resolve, reject });
          this.workers[w]!.postMessage({ job, inputs: slice } satisfies RecordRequest);
        }),
      );
    }
    const built = await Promise.all(parts);
    return { records: built.flatMap((b) => b.records), ms: Math.max(...built.map((b) => b.ms)) };
  }

  /** Stop the workers (pending builds are rejected). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values())
      p.reject(new SitrepError('INTERNAL', 'the record pool was closed'));
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(reply: RecordReply): void {
    const p = this.pending.get(reply.job);
    if (!p) return;
    this.pending.delete(reply.job);
    if ('error' in reply)
      p.reject(new SitrepError('INTERNAL', `building cluster records failed: ${reply.error}`));
    else p.resolve({ records: reply.records, ms: reply.ms });
  }

  private fail(message: string): void {
    this.failure ??= new SitrepError('INTERNAL', message);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}
