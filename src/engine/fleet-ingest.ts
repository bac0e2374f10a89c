/**
 * `sitrep ingest --queue`: the inputs are read and cut into documents here, as by `ingest`, each raw
 * input is stored once, and the documents become ingest jobs for the fleet (fleet-worker.ts), a few
 * dozen each. A document queued twice is stored once: the second is unchanged when a worker gets to it.
 */
import type { RawInput, SourceDocument } from '../core/article.ts';
import { describeError, SitrepError } from '../core/errors.ts';
import type { PgQueue } from '../queue/pg-queue.ts';
import type { Store } from '../store/store.ts';
import { forEachDocument, type IngestItem, type IngestOptions } from './ingest.ts';

export const INGEST_TASK = 'sitrep_ingest';

/** One document of an ingest job: the document, where it came from, its raw input's key and source. */
export interface IngestJobItem {
  doc: SourceDocument;
  where: string;
  raw: Omit<RawInput, 'bytes'>;
}

/**
 * What an ingest job carries: up to `JOB_ITEMS` documents (about `JOB_BYTES` of content). One job per
 * document cost more in queue round trips than extracting it.
 */
export interface IngestJob {
  items: IngestJobItem[];
}

const JOB_ITEMS = 25;
const JOB_BYTES = 1024 * 1024;

export interface QueueReport {
  queued: number;
  /** Items that could not be read or cut out, and duplicates of an earlier item of the run. */
  items: IngestItem[];
  counts: { queued: number; duplicate: number; failed: number };
}

/** Jobs are added in batches of this many (one statement each). */
const BATCH = 20;

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
  /** Jobs ready to add, and the one being filled. */
  let jobs: IngestJob[] = [];
  let filling: IngestJob = { items: [] };
  let fillingBytes = 0;
  const spec = (job: IngestJob) => ({ task: INGEST_TASK, payload: job });
  const flush = async () => {
    const batch = jobs;
    jobs = [];
    if (batch.length === 0) return;
    try {
      await queue.addMany(batch.map(spec));
      report.counts.queued += batch.reduce((n, j) => n + j.items.length, 0);
    } catch {
      // An item the queue refuses (PostgreSQL's JSON cannot hold a NUL character) fails alone.
      for (const item of batch.flatMap((j) => j.items)) {
        try {
          await queue.addMany([spec({ items: [item] })]);
          report.counts.queued += 1;
        } catch (error) {
          record(failed(item.where, error));
        }
      }
    }
  };
  const close = () => {
    if (filling.items.length > 0) jobs.push(filling);
    filling = { items: [] };
    fillingBytes = 0;
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
    filling.items.push({ doc, where, raw: rawMeta });
    fillingBytes += doc.content.length;
    if (filling.items.length >= JOB_ITEMS || fillingBytes >= JOB_BYTES) close();
    if (jobs.length >= BATCH) await flush();
  });
  close();
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
