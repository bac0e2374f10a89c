/**
 * `sitrep ingest --queue`: the inputs are read and cut into documents here, as by `ingest`, each raw
 * input is stored once, and each document becomes an ingest job for the fleet (fleet-worker.ts) keyed
 * by its identity, so that queueing the same item twice before a worker takes it leaves one job.
 */
import type { RawInput, SourceDocument } from '../core/article.ts';
import { describeError, SitrepError } from '../core/errors.ts';
import type { PgQueue } from '../queue/pg-queue.ts';
import type { Store } from '../store/store.ts';
import { forEachDocument, type IngestItem, type IngestOptions } from './ingest.ts';

export const INGEST_TASK = 'sitrep_ingest';

/** What an ingest job carries: the document, where it came from, and its raw input's key and source. */
export interface IngestJob {
  doc: SourceDocument;
  where: string;
  raw: Omit<RawInput, 'bytes'>;
}

export interface QueueReport {
  queued: number;
  /** Items that could not be read or cut out, and duplicates of an earlier item of the run. */
  items: IngestItem[];
  counts: { queued: number; duplicate: number; failed: number };
}

/** Jobs are added in batches of this many (one statement each). */
const BATCH = 200;

export async function enqueueIngest(
  store: Store,
  queue: PgQueue,
  specs: string[],
  options: IngestOptions,
): Promise<QueueReport> {
  const report: QueueReport = { queued: 0, items: [], counts: { queued: 0, duplicate: 0, failed: 0 } };
  const record = (item: IngestItem) => {
    report.items.push(item);
    if (item.status === 'duplicate') report.counts.duplicate += 1;
    else report.counts.failed += 1;
  };
  const storedRaw = new Set<string>();
  let batch: { job: IngestJob; where: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const jobs = batch;
    batch = [];
    const spec = ({ job }: { job: IngestJob }) => ({
      task: INGEST_TASK,
      payload: job,
      key: `ingest:${job.doc.identity}`,
    });
    try {
      await queue.addMany(jobs.map(spec));
      report.counts.queued += jobs.length;
    } catch {
      // One item the queue refuses (PostgreSQL's JSON cannot hold a NUL character) fails alone.
      for (const job of jobs) {
        try {
          await queue.addMany([spec(job)]);
          report.counts.queued += 1;
        } catch (error) {
          record(failed(job.where, error));
        }
      }
    }
  };
  await forEachDocument(specs, options, record, async (raw, doc, where) => {
    if (!storedRaw.has(raw.sha256)) {
      try {
        await store.putRawInput(raw);
      } catch (error) {
        record(failed(where, error));
        return;
      }
      storedRaw.add(raw.sha256);
    }
    const { bytes: _bytes, ...rawMeta } = raw;
    batch.push({ job: { doc, where, raw: rawMeta }, where });
    if (batch.length >= BATCH) await flush();
  });
  await flush();
  report.queued = report.counts.queued;
  return report;
}

function failed(where: string, error: unknown): IngestItem {
  const e =
    error instanceof SitrepError
      ? error
      : new SitrepError('STORE_FAILED', `cannot queue the item: ${describeError(error)}`, { cause: error });
  return { status: 'failed', where, error: { code: e.code, message: e.message } };
}
