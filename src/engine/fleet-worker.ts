/**
 * `sitrep worker`: one process of the fleet (docs/decisions/0090). It takes three kinds of job from
 * the PostgreSQL queue:
 * - `sitrep_ingest`: extract one queued document and store it (as `ingest` does), then ask for an
 *   analysis (a keyed job, so a burst of ingests asks once, `analyzeDelayMs` after the last);
 * - `sitrep_analyze`: the analysis of the store under the store's analysis lock (ANALYSIS_LOCK, a
 *   PostgreSQL advisory lock), so that no two processes — workers, the CLI, the API server — make two
 *   versions of a story at once; when another holds it the job is queued again for later. This
 *   worker coordinates, and the per-article and story work is spread over the fleet (fleet-driver.ts). Results are the stored per-article and per-story
 *   records of `analyzeStore`, which the API and the CLI read;
 * - `sitrep_chunk`: a piece of another worker's analysis.
 * A job that fails for a reason that may pass (the database) is retried with backoff by the queue; an
 * item that cannot be ingested (bad input) fails at once and for good, with its reason in the job log.
 */
import type { Analysis } from '../core/analysis.ts';
import { type FleetWorker, type QueueTaskContext, startFleetWorker } from '../queue/fleet-worker-runtime.ts';
import { DEFAULT_LIVENESS, type Liveness, PgQueue } from '../queue/pg-queue.ts';
import { poolConfig } from '../store/postgres/pg-client.ts';
import type { Store } from '../store/store.ts';
import { ANALYSIS_LOCK, analyzeStore } from './analysis.ts';
import { storeArticleFacts } from './analysis-records.ts';
import { ARTICLE_STAGES } from './article-phase.ts';
import { CHUNK_TASK, FLEET_FROM, runOnFleet, workOnChunk } from './fleet-driver.ts';
import { INGEST_TASK, type IngestJob, type IngestJobItem } from './fleet-ingest.ts';
import { type IngestStatus, ingestDocument } from './ingest.ts';
import { openStore } from './open-store.ts';
import type { StageTimer } from './stage-timer.ts';

export const ANALYZE_TASK = 'sitrep_analyze';
/** The key of the pending analysis job: one is queued however many ingests ask for it. */
export const ANALYZE_KEY = 'sitrep-analyze';

/** Thrown by a task for a failure that a retry cannot mend: the job is not retried. */
export class PermanentJobFailure extends Error {}

export interface SitrepWorkerOptions {
  /** The store's PostgreSQL URL (the queue lives in the same database). */
  db: string;
  /** Jobs at once in this process (default 1). */
  concurrency?: number;
  liveness?: Liveness;
  /** Wait this long after the last ingested article before analysing (default 2000 ms). */
  analyzeDelayMs?: number;
  now?: () => Date;
  /** Called when this worker starts an analysis (it holds the analysis lock from here to onAnalysis). */
  onAnalysisStart?: () => void;
  /** Receives each analysis this worker made (tests, the CLI's progress). */
  onAnalysis?: (analysis: Analysis) => void;
  /** Receives the analysis steps' times of each analysis this worker coordinates (benchmarks). */
  timer?: StageTimer;
  /** Jobs of fewer articles than this run on the coordinator alone (default FLEET_FROM; tests: 1). */
  fleetFrom?: number;
}

export interface SitrepWorker {
  id: string;
  queue: PgQueue;
  store: Store;
  stop(): Promise<void>;
  promise: Promise<void>;
}

/** Store one queued document: its status, 'retry' for a store failure, or a permanent failure's reason. */
async function ingestItem(
  store: Store,
  item: IngestJobItem,
  now: () => Date,
  present: Set<string>,
): Promise<IngestStatus | 'retry' | { failed: string }> {
  // The enqueuer stored the raw input first; without it the article would point at no bytes.
  if (!present.has(item.raw.sha256)) {
    if (!(await store.hasRawInput(item.raw.sha256))) {
      return { failed: `${item.where}: its raw input ${item.raw.sha256} is not in the store` };
    }
    present.add(item.raw.sha256);
  }
  // The article's first analysis phase is computed here too, in parallel across the fleet, and stored
  // where the analysis looks for it (a failure there only leaves it to the analysis).
  const result = await ingestDocument(
    store,
    { ...item.raw, bytes: new Uint8Array(0) },
    item.doc,
    item.where,
    { now },
    (article) => storeArticleFacts(store, article, now().toISOString()).catch(() => undefined),
  );
  if (result.status !== 'failed') return result.status;
  if (result.error?.code === 'STORE_FAILED') return 'retry';
  return { failed: `${item.where}: ${result.error?.message} [${result.error?.code}]` };
}

export async function startSitrepWorker(options: SitrepWorkerOptions): Promise<SitrepWorker> {
  const now = options.now ?? (() => new Date());
  const liveness = options.liveness ?? DEFAULT_LIVENESS;
  const store = await openStore({ db: options.db });
  let queue: PgQueue;
  try {
    queue = await PgQueue.open(options.db, poolConfig(options.db, { max: 6 }));
  } catch (error) {
    await store.close();
    throw error;
  }
  let workerId = '';
  const ingestTask = async (payload: unknown, context: QueueTaskContext) => {
    const items = (payload as Partial<IngestJob> | null)?.items;
    if (!Array.isArray(items)) throw new PermanentJobFailure('an ingest job without items: not retried');
    const retry: string[] = [];
    /** Raw inputs seen present: the items of one job mostly share one (a JSON-lines file, a feed). */
    const present = new Set<string>();
    let stored = 0;
    for (const item of items) {
      const outcome = await ingestItem(store, item, now, present);
      if (outcome === 'retry') retry.push(item.where);
      else if (typeof outcome === 'object') {
        // Bad input: this item fails for good, with its reason; the job's other items go on.
        await queue.logFailure(INGEST_TASK, context.workerId, item.where, outcome.failed);
      } else if (outcome !== 'unchanged') stored += 1;
    }
    if (stored > 0) {
      await queue.add(ANALYZE_TASK, {}, { key: ANALYZE_KEY, delayMs: options.analyzeDelayMs ?? 2000 });
    }
    // A store that failed may work on the next attempt: the job is retried (stored items are then unchanged).
    if (retry.length > 0) throw new Error(`could not store ${retry.length} item(s), first ${retry[0]}`);
  };
  const analyzeTask = async () => {
    const done = await store.withLock(
      ANALYSIS_LOCK,
      async () => {
        options.onAnalysisStart?.();
        const analysis = await analyzeStore(store, {
          now,
          threads: 0,
          lockHeld: true,
          ...(options.timer ? { timer: options.timer } : {}),
          runner: (job, timer) =>
            runOnFleet(
              job,
              { queue, workerId, liveness, fleetFrom: options.fleetFrom ?? FLEET_FROM },
              ARTICLE_STAGES,
              timer,
            ),
        });
        options.onAnalysis?.(analysis);
      },
      { wait: false },
    );
    // Another process is analysing (a worker, the CLI, the API server): this analysis runs after it
    // and sees what that one did not.
    if (!done.locked) {
      await queue.add(ANALYZE_TASK, {}, { key: ANALYZE_KEY, delayMs: options.analyzeDelayMs ?? 2000 });
    }
  };
  let worker: FleetWorker;
  try {
    worker = await startFleetWorker({
      queue,
      liveness,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      permanent: (error) => error instanceof PermanentJobFailure,
      tasks: {
        [INGEST_TASK]: ingestTask,
        [ANALYZE_TASK]: analyzeTask,
        [CHUNK_TASK]: async (payload) =>
          workOnChunk(queue, workerId, (payload as { run: string }).run, ARTICLE_STAGES),
      },
    });
  } catch (error) {
    await queue.close().catch(() => undefined);
    await store.close();
    throw error;
  }
  workerId = worker.id;
  return {
    id: worker.id,
    queue,
    store,
    promise: worker.promise,
    stop: async () => {
      await worker.stop();
      await queue.close();
      await store.close();
    },
  };
}
