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
  const queuer = new IngestQueuer(store, queue);
  await forEachDocument(
    specs,
    options,
    (item) => queuer.record(item),
    (raw, doc, where) => queuer.add(raw, doc, where),
  );
  return queuer.finish();
}

/**
 * Documents to ingest jobs: each raw input stored once, documents gathered into jobs of up to
 * `JOB_ITEMS` (or `JOB_BYTES`), jobs added `BATCH` at a time. `finish` adds what is left.
 */
export class IngestQueuer {
  readonly report: QueueReport = { queued: 0, items: [], counts: { queued: 0, duplicate: 0, failed: 0 } };
  private readonly storedRaw = new Set<string>();
  private jobs: IngestJob[] = [];
  private filling: IngestJob = { items: [] };
  private fillingBytes = 0;

  constructor(
    private readonly store: Store,
    private readonly queue: PgQueue,
  ) {}

  /** An item that is not queued: a failure, or a duplicate of an earlier item. */
  record(item: IngestItem): void {
    this.report.items.push(item);
    if (item.status === 'duplicate') this.report.counts.duplicate += 1;
    else this.report.counts.failed += 1;
  }

  async add(raw: RawInput, doc: SourceDocument, where: string): Promise<void> {
    if (!this.storedRaw.has(raw.sha256)) {
      try {
        await this.store.putRawInput(raw);
      } catch (error) {
        this.record(failed(where, error));
        return;
      }
      this.storedRaw.add(raw.sha256);
    }
    const { bytes: _bytes, ...rawMeta } = raw;
    this.filling.items.push({ doc, where, raw: rawMeta });
    this.fillingBytes += doc.content.length;
    if (this.filling.items.length >= JOB_ITEMS || this.fillingBytes >= JOB_BYTES) this.close();
    if (this.jobs.length >= BATCH) await this.flush();
  }

  async finish(): Promise<QueueReport> {
    this.close();
    await this.flush();
    this.report.queued = this.report.counts.queued;
    return this.report;
  }

  private close(): void {
    if (this.filling.items.length > 0) this.jobs.push(this.filling);
    this.filling = { items: [] };
    this.fillingBytes = 0;
  }

  private async flush(): Promise<void> {
    const batch = this.jobs;
    this.jobs = [];
    if (batch.length === 0) return;
    const spec = (job: IngestJob) => ({ task: INGEST_TASK, payload: job });
    try {
      await this.queue.addMany(batch.map(spec));
      this.report.counts.queued += batch.reduce((n, j) => n + j.items.length, 0);
    } catch {
      // An item the queue refuses (PostgreSQL's JSON cannot hold a NUL character) fails alone.
      for (const item of batch.flatMap((j) => j.items)) {
        try {
          await this.queue.addMany([spec({ items: [item] })]);
          this.report.counts.queued += 1;
        } catch (error) {
          this.record(failed(item.where, error));
        }
      }
    }
  }
}

function failed(where: string, error: unknown): IngestItem {
  const e =
    error instanceof SitrepError
      ? error
      : new SitrepError('STORE_FAILED', `cannot queue the item: ${describeError(error)}`, { cause: error });
  return { status: 'failed', where, error: { code: e.code, message: e.message } };
}
