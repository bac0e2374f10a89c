/**
 * The server's heavy work on worker threads (docs/decisions/0080, finding 4): each analysis runs on a
 * thread of its own, started for it and ended after it (its memory goes with it), and uploads run one
 * at a time on a long-lived ingest thread. Both open their own connection to the store: SQLite in WAL
 * mode lets them write while the server reads, and PostgreSQL is a server anyway. An in-memory SQLite
 * store cannot be shared with a thread: `serverJobsFor` says so by returning undefined.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Analysis } from '../core/analysis.ts';
import { type ErrorCode, SitrepError } from '../core/errors.ts';
import { AnalysisAssembler } from './analysis-transfer.ts';
import type { IngestReport } from './ingest.ts';
import type { JobReply, JobRequest, JobUploadOptions } from './job-worker.ts';
import { startWorker } from './start-worker.ts';

export interface ServerJobs {
  /** The analysis of the whole store, computed on a worker thread. */
  analyze: () => Promise<Analysis>;
  /** `POST /api/ingest`'s body (JSON text), parsed, extracted and stored on the ingest thread. */
  ingest: (body: string, options: JobUploadOptions) => Promise<IngestReport>;
  /** Stop the threads (a running job fails). */
  close: () => Promise<void>;
}

export interface ServerJobsOptions {
  /** The store's SQLite path or PostgreSQL URL, opened again by each thread. */
  db: string;
  /**
   * Worker threads of the analysis's own article pool. Default: one per core beyond two, so that on
   * two cores the analysis takes one and the server's event loop keeps the other.
   */
  analysisThreads?: number;
  /** A module exporting `stages` that replace per-article stages (tests only). */
  stagesModule?: string;
}

interface Running {
  resolve: (reply: Extract<JobReply, { kind: 'done' }>) => void;
  reject: (error: Error) => void;
  assembler?: AnalysisAssembler;
}

/** One worker thread running job-worker.ts; a job that is running when the thread stops fails. */
class JobThread {
  private readonly worker: Worker;
  private readonly running = new Map<number, Running>();
  private nextJob = 0;
  private stopped: string | undefined;
  private readonly exited: Promise<void>;

  constructor(what: string) {
    this.worker = startWorker(import.meta.url, 'job-worker');
    this.worker.on('message', (reply: JobReply) => this.settle(reply));
    this.worker.on('error', (error) => this.stop(`the ${what} thread failed: ${error.message}`));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.stop(`the ${what} thread stopped (exit code ${code})`);
        resolve();
      }),
    );
  }

  get alive(): boolean {
    return this.stopped === undefined;
  }

  run(
    request: DistributiveOmit<JobRequest, 'job'>,
    assemble = false,
  ): Promise<Extract<JobReply, { kind: 'done' }>> {
    if (this.stopped) return Promise.reject(new SitrepError('INTERNAL', this.stopped));
    const job = this.nextJob++;
    return new Promise((resolve, reject) => {
      this.running.set(job, { resolve, reject, ...(assemble ? { assembler: new AnalysisAssembler() } : {}) });
      this.worker.postMessage({ ...request, job } as JobRequest);
    });
  }

  assembled(job: number): AnalysisAssembler | undefined {
    return this.running.get(job)?.assembler;
  }

  /** Ask the thread to close its store and end; terminate it if it has not within 5 s. */
  async close(): Promise<void> {
    if (this.alive) this.worker.postMessage({ job: -1, kind: 'close' } satisfies JobRequest);
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  /** End the thread now (shutdown): a running job fails. */
  async kill(): Promise<void> {
    await this.worker.terminate();
    await this.exited;
  }

  private settle(reply: JobReply): void {
    const running = this.running.get(reply.job);
    if (!running) return;
    if (reply.kind === 'part') {
      running.assembler?.add(reply.part);
      // Acknowledge on the next turn of the event loop: requests waiting for it are served first.
      setImmediate(
        () => this.alive && this.worker.postMessage({ job: reply.job, kind: 'ack' } satisfies JobRequest),
      );
      return;
    }
    this.running.delete(reply.job);
    if (reply.kind === 'done') running.resolve(reply);
    else running.reject(new SitrepError(reply.error.code as ErrorCode, reply.error.message));
  }

  private stop(message: string): void {
    if (this.stopped) return;
    this.stopped = message;
    for (const running of this.running.values()) running.reject(new SitrepError('INTERNAL', message));
    this.running.clear();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Threads for a store opened from `db`; undefined for an in-memory store (nothing to share). */
export function serverJobsFor(options: ServerJobsOptions): ServerJobs | undefined {
  if (options.db === ':memory:' || options.db === '') return undefined;
  return startServerJobs(options);
}

export function startServerJobs(options: ServerJobsOptions): ServerJobs {
  const threads = options.analysisThreads ?? Math.max(0, availableParallelism() - 2);
  let ingestThread: JobThread | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const analyses = new Set<JobThread>();
  let closed = false;

  const analyze = async (): Promise<Analysis> => {
    if (closed) throw new SitrepError('INTERNAL', 'the server is shutting down');
    const thread = new JobThread('analysis');
    analyses.add(thread);
    try {
      // The job id is 0: the first job of a fresh thread.
      const reply = thread.run(
        {
          kind: 'analyze',
          db: options.db,
          threads,
          ...(options.stagesModule ? { stagesModule: options.stagesModule } : {}),
        },
        true,
      );
      const assembler = thread.assembled(0);
      await reply;
      if (!assembler) throw new SitrepError('INTERNAL', 'the analysis thread sent no analysis');
      return assembler.result();
    } finally {
      analyses.delete(thread);
      await thread.close();
    }
  };

  const ingest = (body: string, uploadOptions: JobUploadOptions): Promise<IngestReport> => {
    const job = queue.then(async () => {
      if (closed) throw new SitrepError('INTERNAL', 'the server is shutting down');
      if (!ingestThread?.alive) ingestThread = new JobThread('ingest');
      const reply = await ingestThread.run({ kind: 'ingest', db: options.db, body, options: uploadOptions });
      if (!reply.report) throw new SitrepError('INTERNAL', 'the ingest thread sent no report');
      return reply.report;
    });
    queue = job.catch(() => undefined);
    return job;
  };

  return {
    analyze,
    ingest,
    close: async () => {
      closed = true;
      await Promise.all([...[...analyses].map((t) => t.kill()), ingestThread?.close()]);
    },
  };
}
