/**
 * A fleet worker (docs/decisions/0090): a heartbeat row, a graphile-worker runner for its tasks, a
 * job log entry per finished job, and a sweeper that releases what dead workers held.
 */
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import type { Runner, Task, WorkerEvents } from 'graphile-worker';
import { FLEET_SCHEMA } from './fleet-tables.ts';
import { DEFAULT_LIVENESS, graphile, type Liveness, type PgQueue, QUEUE_SCHEMA } from './pg-queue.ts';

export interface QueueTaskContext {
  /** This fleet worker's id (its heartbeat row). */
  workerId: string;
  attempt: number;
  maxAttempts: number;
  jobKey: string | null;
}

export type QueueTask = (payload: unknown, context: QueueTaskContext) => Promise<void>;

export interface FleetWorkerOptions {
  queue: PgQueue;
  tasks: Record<string, QueueTask>;
  /** Jobs run at once in this process (default 1: analysis work is CPU-bound). */
  concurrency?: number;
  liveness?: Liveness;
  /** graphile-worker's poll interval (ms); LISTEN/NOTIFY wakes workers sooner. */
  pollMs?: number;
  /**
   * Whether a task's error is permanent: such a job is logged as failed for good and not retried
   * (others are retried with backoff until their attempts run out).
   */
  permanent?: (error: unknown) => boolean;
}

export interface FleetWorker {
  id: string;
  /** Stop taking jobs, let running ones finish, leave the fleet. */
  stop(): Promise<void>;
  /** Settles when the worker stops. */
  promise: Promise<void>;
}

/**
 * Join the fleet: a heartbeat row, a graphile-worker runner for `tasks`, and a sweeper that releases
 * the jobs (and exchange chunks) of workers whose heartbeat stopped, so another worker retries them.
 */
export async function startFleetWorker(options: FleetWorkerOptions): Promise<FleetWorker> {
  const { queue } = options;
  const liveness = options.liveness ?? DEFAULT_LIVENESS;
  const id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  await queue.pool.query(`INSERT INTO ${FLEET_SCHEMA}.workers (id, host, pid) VALUES ($1, $2, $3)`, [
    id,
    hostname(),
    process.pid,
  ]);
  const taskList: Record<string, Task> = {};
  for (const [name, task] of Object.entries(options.tasks)) {
    taskList[name] = async (payload, helpers) => {
      const started = performance.now();
      const job = helpers.job;
      let error: unknown;
      try {
        await task(payload, {
          workerId: id,
          attempt: job.attempts,
          maxAttempts: job.max_attempts,
          jobKey: job.key,
        });
      } catch (cause) {
        error = cause;
      }
      const permanent = error !== undefined && (options.permanent?.(error) ?? false);
      await queue.pool
        .query(
          `INSERT INTO ${FLEET_SCHEMA}.job_log (task, worker, job_key, ok, permanent, ms, error)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            name,
            id,
            job.key,
            error === undefined,
            permanent,
            Math.round(performance.now() - started),
            error === undefined ? null : String((error as Error).message ?? error),
          ],
        )
        .catch(() => undefined);
      if (error !== undefined && !permanent) throw error;
    };
  }
  const queueWorkerIds: string[] = [];
  // An upsert: a worker whose event loop was held longer than `staleMs` was swept; it joins again.
  const beat = () =>
    queue.pool
      .query(
        `INSERT INTO ${FLEET_SCHEMA}.workers (id, host, pid, queue_worker_ids) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET beat_at = now(), queue_worker_ids = EXCLUDED.queue_worker_ids`,
        [id, hostname(), process.pid, queueWorkerIds],
      )
      .catch(() => undefined);
  // Listened to before the runner starts: its workers are created while `run` starts it.
  const events: WorkerEvents = new EventEmitter();
  // graphile-worker locks a job under its worker's id or its pool's: both are released for a dead worker.
  events.on('worker:create', ({ worker }) => {
    for (const queueId of [worker.workerId, worker.workerPool.id]) {
      if (!queueWorkerIds.includes(queueId)) queueWorkerIds.push(queueId);
    }
    void beat();
  });
  const { run, quietLogger } = await graphile();
  const runner: Runner = await run({
    events,
    pgPool: queue.pool,
    schema: QUEUE_SCHEMA,
    concurrency: options.concurrency ?? 1,
    noHandleSignals: true,
    pollInterval: options.pollMs ?? 1000,
    logger: quietLogger,
    taskList,
  });
  await beat();
  const beating = setInterval(() => void beat(), liveness.beatMs);
  const sweeping = setInterval(() => void sweepDeadWorkers(queue, liveness.staleMs), liveness.beatMs * 2);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      clearInterval(beating);
      clearInterval(sweeping);
      await runner.stop();
      await queue.pool
        .query(`DELETE FROM ${FLEET_SCHEMA}.workers WHERE id = $1`, [id])
        .catch(() => undefined);
    })();
    return stopped;
  };
  return { id, stop, promise: runner.promise };
}

/**
 * Release what dead workers held: their graphile-worker jobs are unlocked (to be retried), the
 * exchange chunks they were computing queued again, the chunks of analyses they coordinated removed,
 * their heartbeat rows removed. Any worker may run this; it is
 * idempotent.
 */
export async function sweepDeadWorkers(queue: PgQueue, staleMs: number): Promise<string[]> {
  try {
    const { rows } = await queue.pool.query<{ id: string; queue_worker_ids: string[] }>(
      `DELETE FROM ${FLEET_SCHEMA}.workers
        WHERE beat_at < now() - make_interval(secs => $1::float8 / 1000) RETURNING id, queue_worker_ids`,
      [staleMs],
    );
    if (rows.length === 0) return [];
    const queueIds = rows.flatMap((r) => r.queue_worker_ids);
    if (queueIds.length > 0) await queue.utils.forceUnlockWorkers(queueIds);
    const dead = rows.map((r) => r.id);
    await queue.pool.query(
      `UPDATE ${FLEET_SCHEMA}.chunks SET state = 'queued', claimed_by = NULL
        WHERE state = 'running' AND claimed_by = ANY($1)`,
      [dead],
    );
    // The runs a dead worker coordinated (ids `<worker>#<n>`): nobody waits for their chunks now.
    await queue.pool.query(`DELETE FROM ${FLEET_SCHEMA}.chunks WHERE split_part(run, '#', 1) = ANY($1)`, [
      dead,
    ]);
    return dead;
  } catch {
    return []; // the next sweep tries again
  }
}
