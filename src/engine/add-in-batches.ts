/**
 * Add batches of articles to a `ClusterIndex` using every core: while the main thread links batch
 * k (`index.addRecords`), worker threads build the records of batch k + 1. Linking is cheaper than
 * building records (about 0.3 vs 0.55 ms per article at 100k), so the main thread also builds a
 * share of the next batch itself after linking; the share adapts batch by batch to the measured
 * speeds, so that neither side waits for the other. The index ends up exactly as with `index.add`
 * of the same batches (records are a pure function of their article).
 */
import type { ClusterInput } from '../core/story.ts';
import { type ArticleRecord, articleRecord } from '../pipeline/cluster/article-record.ts';
import type { ClusterIndex, ClusterUpdate } from '../pipeline/cluster/cluster-index.ts';
import { RecordPool } from './record-pool.ts';

export interface AddInBatchesOptions {
  /** Worker threads building records (default: cores − 1, at least 1). */
  threads?: number;
  /** Called after each batch is linked, before the next is. */
  onBatch?: (update: ClusterUpdate, batch: readonly ClusterInput[]) => void | Promise<void>;
}

/** The share of a batch the workers build, kept away from the extremes so both speeds stay measured. */
const clampShare = (share: number) => Math.min(0.95, Math.max(0.3, share));

export async function addInBatches(
  index: ClusterIndex,
  batches: Iterable<readonly ClusterInput[]>,
  options: AddInBatchesOptions = {},
): Promise<void> {
  const pool = new RecordPool(options.threads);
  try {
    // ms per article: worker building (per worker), main building, main linking.
    let workerRate = 1;
    let mainRate = 1;
    let linkRate = 0.5;
    let share = 0.75;
    const start = (batch: readonly ClusterInput[]) => {
      const cut = Math.round(batch.length * share);
      const built = pool.timedBuild(batch.slice(0, cut));
      // Handled here so that a build abandoned by a failing caller (onBatch, the batches iterable)
      // is not reported as unhandled when the pool closes; awaiting it still throws.
      built.catch(() => undefined);
      return { batch, cut, built };
    };
    let next: ReturnType<typeof start> | undefined;
    let linking: { records: ArticleRecord[]; batch: readonly ClusterInput[] } | undefined;
    const iterator = batches[Symbol.iterator]();
    for (;;) {
      const item = iterator.next();
      const current = next;
      next = item.done ? undefined : start(item.value);
      if (linking) {
        const t0 = performance.now();
        const update = index.addRecords(linking.records);
        linkRate = (performance.now() - t0) / Math.max(1, linking.records.length);
        await options.onBatch?.(update, linking.batch);
        linking = undefined;
      }
      if (!current) {
        if (!next) break;
        continue;
      }
      const t1 = performance.now();
      const own = current.batch.slice(current.cut).map(articleRecord);
      if (own.length > 0) mainRate = (performance.now() - t1) / own.length;
      const { records, ms } = await current.built;
      if (current.cut > 0) workerRate = (ms * pool.threads) / current.cut;
      linking = { records: [...records, ...own], batch: current.batch };
      // Balance: workers (share × n × workerRate / threads) = main (link n + (1 − share) × n × mainRate).
      const perThread = workerRate / pool.threads;
      share = clampShare((linkRate + mainRate) / (perThread + mainRate));
    }
  } finally {
    await pool.close();
  }
}
