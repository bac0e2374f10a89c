/**
 * Worker-thread entry of `ServerJobs` (server-jobs.ts): the server's analysis and its uploads run
 * here, on a store connection of their own, so the server's event loop only answers requests. An
 * analysis is sent back in parts (analysis-transfer.ts), each after the server acknowledged the one
 * before, so that deserializing it never holds the server's event loop for long.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { describeError, isSitrepError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import type { AnalysisPart } from './analysis-transfer.ts';
import type { ArticleStages } from './article-phase.ts';
import type { IngestReport } from './ingest.ts';
import type { UploadOptions } from './ingest-upload.ts';
import { openStore } from './open-store.ts';
import { JOB_THREAD_NICE } from './server-jobs.ts';

/** Upload options a thread can be sent (no functions: no injected DNS lookup). */
export type JobUploadOptions = Omit<UploadOptions, 'now' | 'lookup'>;

export type JobRequest =
  | {
      job: number;
      kind: 'analyze';
      db: string;
      threads: number;
      /** A module whose `stages` export replaces per-article stages (tests inject slow or failing ones). */
      stagesModule?: string;
    }
  | { job: number; kind: 'ingest'; db: string; body: string; options: JobUploadOptions }
  | { job: number; kind: 'ack' }
  | { job: number; kind: 'close' };

export type JobReply =
  | { job: number; kind: 'part'; part: AnalysisPart }
  | { job: number; kind: 'done'; report?: IngestReport }
  | { job: number; kind: 'failed'; error: { code: string; message: string } };

const port = parentPort;
if (!port) throw new Error('job-worker.ts runs as a worker thread of ServerJobs, not on its own');

// On Linux each thread has its own nice value (the calling thread's is what `setPriority(n)` sets):
// this thread yields the CPU to the server's event loop whenever both want it (nice 10 weighs about a
// tenth of nice 0). Elsewhere it would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(JOB_THREAD_NICE);
  } catch {
    // not allowed here: the thread runs at the server's priority
  }
}

let opened: Promise<Store> | undefined;
const acks = new Map<number, () => void>();

async function analyze(store: Store, request: Extract<JobRequest, { kind: 'analyze' }>): Promise<void> {
  const stages = request.stagesModule
    ? ((await import(request.stagesModule)) as { stages: Partial<ArticleStages> }).stages
    : undefined;
  // Imported when first needed: an ingest thread never loads the analysis's models, nor the reverse.
  const { analyzeStore } = await import('./analysis.ts');
  const { analysisParts } = await import('./analysis-transfer.ts');
  const analysis = await analyzeStore(store, {
    now: () => new Date(),
    threads: request.threads,
    ...(stages ? { stages } : {}),
  });
  for (const part of analysisParts(analysis)) {
    const acknowledged = new Promise<void>((resolve) => acks.set(request.job, resolve));
    port!.postMessage({ job: request.job, kind: 'part', part } satisfies JobReply);
    await acknowledged;
  }
  port!.postMessage({ job: request.job, kind: 'done' } satisfies JobReply);
}

port.on('message', async (request: JobRequest) => {
  if (request.kind === 'ack') {
    acks.get(request.job)?.();
    return;
  }
  if (request.kind === 'close') {
    await (await opened?.catch(() => undefined))?.close();
    port.close();
    return;
  }
  try {
    opened ??= openStore({ db: request.db, mustExist: true });
    const store = await opened;
    if (request.kind === 'analyze') {
      await analyze(store, request);
    } else {
      const { ingestUploadBody } = await import('./ingest-upload.ts');
      const report = await ingestUploadBody(store, request.body, {
        ...request.options,
        now: () => new Date(),
      });
      port.postMessage({ job: request.job, kind: 'done', report } satisfies JobReply);
    }
  } catch (error) {
    const code = isSitrepError(error) ? error.code : 'INTERNAL';
    port.postMessage({ job: request.job, kind: 'failed', error: { code, message: describeError(error) } });
  } finally {
    acks.delete(request.job);
  }
});
