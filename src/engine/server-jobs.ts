/**
 * The server's heavy work on worker threads (docs/decisions/0080, finding 4): analyses run one at a
 * time on an analysis thread and uploads one at a time on an ingest thread, each started when first
 * needed and ended after a minute without work (`ThreadSlot`). Both open their own connection to the store: SQLite in WAL
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

/** The nice value of the job threads on Linux (job-worker.ts): the event loop comes first. */
export const JOB_THREAD_NICE = 10;

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
  /** A thread without a job for this long ends (default 60 s); the next job starts a new one. */
  idleMs?: number;
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

  /** Run one job; an analysis's parts go to `assembler`. */
  run(
    request: DistributiveOmit<JobRequest, 'job'>,
    assembler?: AnalysisAssembler,
  ): Promise<Extract<JobReply, { kind: 'done' }>> {
    if (this.stopped) return Promise.reject(new SitrepError('INTERNAL', this.stopped));
    const job = this.nextJob++;
    return new Promise((resolve, reject) => {
      this.running.set(job, { resolve, reject, ...(assembler ? { assembler } : {}) });
      this.worker.postMessage({ ...request, job } as JobRequest);
    });
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

/**
 * One kind of job on one thread, one job at a time: the thread is started for the first job, kept
 * for the next ones (loading the pipeline's models takes seconds), and ended after `idleMs` without
 * a job, which gives its memory back. A thread that stopped is replaced at the next job.
 */
class ThreadSlot {
  private thread: JobThread | undefined;
  private idle: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly what: string,
    private readonly idleMs: number,
  ) {}

  run<T>(body: (thread: JobThread) => Promise<T>): Promise<T> {
    const job = this.queue.then(async () => {
      if (this.closed) throw new SitrepError('INTERNAL', 'the server is shutting down');
      clearTimeout(this.idle);
      if (!this.thread?.alive) this.thread = new JobThread(this.what);
      try {
        return await body(this.thread);
      } finally {
        this.idle = setTimeout(() => void this.stop(), this.idleMs);
        this.idle.unref();
      }
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.close();
  }

  /** Shutdown: a running job fails now. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idle);
    const thread = this.thread;
    this.thread = undefined;
    await thread?.kill();
  }
}

/** Threads for a store opened from `db`; undefined for an in-memory store (nothing to share). */
export function serverJobsFor(options: ServerJobsOptions): ServerJobs | undefined {
  if (options.db === ':memory:' || options.db === '') return undefined;
  return startServerJobs(options);
}

export function startServerJobs(options: ServerJobsOptions): ServerJobs {
  const threads = options.analysisThreads ?? Math.max(0, availableParallelism() - 2);
  const idleMs = options.idleMs ?? 60_000;
  const analysis = new ThreadSlot('analysis', idleMs);
  const uploads = new ThreadSlot('ingest', idleMs);
  return {
    analyze: () =>
      analysis.run(async (thread) => {
        const assembler = new AnalysisAssembler();
        await thread.run(
          {
            kind: 'analyze',
            db: options.db,
            threads,
            ...(options.stagesModule ? { stagesModule: options.stagesModule } : {}),
          },
          assembler,
        );
        return assembler.result();
      }),
    ingest: (body, uploadOptions) =>
      uploads.run(async (thread) => {
        const reply = await thread.run({ kind: 'ingest', db: options.db, body, options: uploadOptions });
        if (!reply.report) throw new SitrepError('INTERNAL', 'the ingest thread sent no report');
        return reply.report;
      }),
    close: async () => {
      await Promise.all([analysis.close(), uploads.close()]);
    },
  };
}
