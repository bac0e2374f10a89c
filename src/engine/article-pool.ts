/**
 * The per-article phases on worker threads. Each phase is a pure function of one article (phase 2:
 * and its linked mentions), so a batch is cut into chunks that the workers and the calling thread
 * take in turn (`runShared`), and the results are joined in order — the same results as running them
 * all on one thread (tested). A worker that fails hands its share back to the calling thread: the pool
 * makes an analysis faster, never lets it fail. See docs/decisions/0013.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { PhaseReply, PhaseRequest } from './article-worker.ts';
import type { PhaseJob } from './phase-jobs.ts';
import { startWorker } from './start-worker.ts';

interface Pending {
  phase: PhaseJob['phase'];
  resolve: (reply: PhaseReply) => void;
}

/**
 * A worker's old-generation heap cap. A worker holds the models and one or two chunks' results; left
 * to V8's default (a share of the machine's memory) it let garbage pile up to several hundred MB
 * before collecting. Capped, pile-dev's peak RSS was 66–123 MB lower at the same speed (docs/decisions/0013).
 * A worker that runs out of memory stops; its chunks then run on the calling thread.
 */
const WORKER_OLD_SPACE_MB = 384;

/** Worker threads to start by default: one per core but the caller's own (0 on one core). */
export function defaultArticleThreads(): number {
  return Math.max(0, availableParallelism() - 1);
}

export class ArticlePool {
  readonly threads: number;
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextJob = 0;
  /** Jobs the workers completed, by phase (a failed one is run by the caller and not counted). */
  readonly served: Record<PhaseJob['phase'], number> = { facts: 0, annotations: 0, stories: 0 };
  private broken = false;

  constructor(threads = defaultArticleThreads()) {
    this.threads = threads;
    for (let i = 0; i < threads; i++) {
      const worker = startWorker(import.meta.url, 'article-worker', {
        maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB,
      });
      worker.on('message', (reply: PhaseReply) => this.settle(reply));
      worker.on('error', (error) => this.breakDown(error.message));
      worker.on('exit', (code) => this.breakDown(`a worker stopped (exit code ${code})`));
      this.workers.push(worker);
    }
  }

  /** Send one request to worker `w`; resolves with its reply, or an error reply if the pool breaks. */
  send(w: number, request: PhaseJob): Promise<PhaseReply> {
    const job = this.nextJob++;
    if (this.broken || !this.workers[w])
      return Promise.resolve({ job, error: 'the article pool is not running' });
    return new Promise((resolve) => {
      this.pending.set(job, { phase: request.phase, resolve });
      this.workers[w]!.postMessage({ ...request, job } as PhaseRequest);
    });
  }

  async close(): Promise<void> {
    this.broken = true;
    this.fail('the article pool was closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(reply: PhaseReply): void {
    const p = this.pending.get(reply.job);
    if (!p) return;
    this.pending.delete(reply.job);
    if (!('error' in reply)) this.served[p.phase] += 1;
    p.resolve(reply);
  }

  private breakDown(message: string): void {
    if (this.broken) return;
    this.broken = true;
    this.fail(message);
  }

  private fail(message: string): void {
    for (const [job, p] of this.pending) p.resolve({ job, error: message });
    this.pending.clear();
  }
}
