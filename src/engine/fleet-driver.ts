/**
 * The composition's per-article and story jobs run across a fleet of worker processes
 * (docs/decisions/0090): the analysing worker (the coordinator) cuts a job into chunks as the thread
 * pool does (phase-jobs.ts), puts them in the chunk exchange with one queue job each to wake the
 * other workers, and claims chunks itself until none is queued; then it waits for the others' results.
 * A chunk whose worker died is queued again by the sweeper and claimed here; one that failed on a
 * worker is computed here. Results are joined in chunk order: the same as running the job inline.
 */
import { ChunkExchange } from '../queue/chunk-exchange.ts';
import { sweepDeadWorkers } from '../queue/fleet-worker-runtime.ts';
import type { Liveness, PgQueue } from '../queue/pg-queue.ts';
import type { ArticleStages } from './article-phase.ts';
import {
  CHUNKS_PER_THREAD,
  cutJob,
  jobArticles,
  type PhaseJob,
  type PhaseResults,
  runInline,
} from './phase-jobs.ts';
import type { StageTimer } from './stage-timer.ts';

/** The queue task that wakes a worker to claim one chunk. */
export const CHUNK_TASK = 'sitrep_chunk';

/** Chunks offered to each other worker at a time. */
const AHEAD = 2;

/** A job reading fewer articles than this is not worth the exchange's round trips. */
export const FLEET_FROM = 50;

export interface FleetContext {
  queue: PgQueue;
  /** The coordinating worker's id (its heartbeat row). */
  workerId: string;
  liveness: Liveness;
  /** Jobs of fewer articles run here alone (FLEET_FROM). */
  fleetFrom: number;
}

/** What a chunk holds and gives back through the exchange. */
export interface ChunkInput {
  job: PhaseJob;
}
export interface ChunkOutput {
  results: PhaseResults;
  timer: [string, number][];
}

let runs = 0;

/**
 * Run one job on the fleet (inline when no other worker is alive or the job is small). The other
 * workers are offered chunks from the front of the job, at most `AHEAD` each at a time; this
 * process computes from the back, from the chunks it holds (nothing to serialise), and takes back
 * any offered chunk no worker has claimed once it has nothing else to do.
 */
export async function runOnFleet(
  job: PhaseJob,
  fleet: FleetContext,
  stages: ArticleStages,
  timer: StageTimer | undefined,
): Promise<PhaseResults> {
  if (jobArticles(job) < fleet.fleetFrom) return runInline(job, stages, timer);
  const others = (await fleet.queue.workers(fleet.liveness.staleMs)).filter(
    (w) => w.alive && w.id !== fleet.workerId,
  ).length;
  if (others === 0) return runInline(job, stages, timer);
  const chunks = cutJob(job, CHUNKS_PER_THREAD * (others + 1));
  const exchange = new ChunkExchange(fleet.queue.pool);
  const run = `${fleet.workerId}#${++runs}`;
  const results: (PhaseResults | undefined)[] = new Array(chunks.length);
  let left = chunks.length;
  const settle = (i: number, value: PhaseResults) => {
    if (results[i] !== undefined) return;
    results[i] = value;
    left -= 1;
  };
  const inline = (i: number) => settle(i, runInline(chunks[i]!, stages, timer));
  /** Offered chunks not yet back: exchange id → chunk index. */
  const offered = new Map<string, number>();
  let front = 0;
  let back = chunks.length - 1;
  const offer = async () => {
    const want = Math.min(others * AHEAD - offered.size, back - front + 1);
    if (want <= 0) return;
    const picked = Array.from({ length: want }, (_, k) => front + k);
    front += want;
    const ids = await exchange.submit(
      run,
      picked.map((i): ChunkInput => ({ job: chunks[i]! })),
    );
    for (const [k, id] of ids.entries()) offered.set(id, picked[k]!);
    await fleet.queue.addMany(
      ids.map(() => ({ task: CHUNK_TASK, payload: { run }, priority: -10, maxAttempts: 3 })),
    );
  };
  const collect = async () => {
    for (const outcome of await exchange.finished([...offered.keys()])) {
      const i = offered.get(outcome.id)!;
      offered.delete(outcome.id);
      if ('output' in outcome) {
        const output = outcome.output as ChunkOutput;
        for (const [stage, ms] of output.timer) timer?.set(stage, (timer.get(stage) ?? 0) + ms);
        settle(i, output.results);
      } else {
        inline(i); // failed on a worker: computed here
      }
    }
  };
  let wake: (() => void) | undefined;
  const stopListening = await exchange.listen(() => wake?.());
  try {
    await offer();
    while (left > 0) {
      if (front <= back) {
        inline(back--);
        await collect();
        await offer();
        continue;
      }
      await collect();
      if (left === 0) break;
      // Nothing of our own left: take back what no worker claimed (the sweeper queues again what
      // dead workers held), else wait for a result.
      let took = false;
      for (const [id, i] of offered) {
        if (await exchange.takeBack(id, fleet.workerId)) {
          offered.delete(id);
          inline(i);
          took = true;
          break;
        }
      }
      if (took) continue;
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(resolve, 250);
        wake = () => {
          clearTimeout(timeout);
          resolve();
        };
      });
      wake = undefined;
      await sweepDeadWorkers(fleet.queue, fleet.liveness.staleMs);
    }
  } finally {
    await stopListening();
    await exchange.drop(run).catch(() => undefined);
  }
  return results.flat() as PhaseResults;
}

/** A worker's side: claim one queued chunk of `run`, compute it, store its result. */
export async function workOnChunk(
  queue: PgQueue,
  workerId: string,
  run: string,
  stages: ArticleStages,
): Promise<void> {
  const exchange = new ChunkExchange(queue.pool);
  const claimed = await exchange.claim(run, workerId);
  if (!claimed) return; // taken by the coordinator or another worker
  let output: ChunkOutput;
  try {
    const timer: StageTimer = new Map();
    const results = runInline((claimed.input as ChunkInput).job, stages, timer);
    output = { results, timer: [...timer] };
  } catch (error) {
    await exchange.fail(claimed.id, workerId, (error as Error).message ?? String(error));
    return;
  }
  await exchange.complete(claimed.id, workerId, output);
}
