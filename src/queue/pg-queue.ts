/**
 * Sitrep's job queue on PostgreSQL: graphile-worker (docs/decisions/0090) for jobs, retries with
 * backoff, job keys and LISTEN/NOTIFY wake-ups, and the fleet's own tables (fleet-tables.ts) for
 * what graphile-worker leaves to its user: which workers are alive, and releasing the jobs of one that
 * died (graphile-worker alone frees a dead worker's jobs only after four hours).
 */
import type { WorkerUtils } from 'graphile-worker';
import type pg from 'pg';
import { SitrepError } from '../core/errors.ts';
import { FLEET_SCHEMA, migrateFleetTables } from './fleet-tables.ts';

/** graphile-worker's schema in the store's database. */
export const QUEUE_SCHEMA = 'sitrep_queue';

export interface JobSpec {
  /** Replaces a queued job with the same key (graphile-worker's job_key, mode replace). */
  key?: string;
  /** Lower runs first (graphile-worker's priority). */
  priority?: number;
  /** Delay before the job may run, in milliseconds. */
  delayMs?: number;
  maxAttempts?: number;
}

export interface TaskDepth {
  task: string;
  queued: number;
  running: number;
  /** Jobs that used up their attempts: failed for good, kept with their last error. */
  failed: number;
  /** Jobs waiting for a retry after a failure. */
  retrying: number;
}

export interface FailedJob {
  task: string;
  key: string | null;
  attempts: number;
  error: string;
}

export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  beatAt: string;
  alive: boolean;
}

export interface RecentRate {
  task: string;
  ok: number;
  failed: number;
  meanMs: number;
}

/** Timings of the heartbeat and of declaring a worker dead (shorter in tests). */
export interface Liveness {
  beatMs: number;
  /** A worker whose heartbeat is older than this is dead: its jobs are released. */
  staleMs: number;
}

/**
 * graphile-worker, loaded when a queue is first opened (every CLI command would otherwise pay its
 * import), with a logger that keeps its lines out of the CLI's output (failures go to the job log).
 */
export async function graphile() {
  const module = await import('graphile-worker');
  return { ...module, quietLogger: new module.Logger(() => () => undefined) };
}

export const DEFAULT_LIVENESS: Liveness = { beatMs: 2000, staleMs: 15_000 };

export class PgQueue {
  readonly pool: pg.Pool;
  readonly utils: WorkerUtils;
  readonly connectionString: string;

  private constructor(connectionString: string, pool: pg.Pool, utils: WorkerUtils) {
    this.connectionString = connectionString;
    this.pool = pool;
    this.utils = utils;
  }

  /** Connect and create the queue's and the fleet's tables when missing. */
  static async open(
    connectionString: string,
    config: pg.PoolConfig = { connectionString },
  ): Promise<PgQueue> {
    const { default: driver } = await import('pg');
    const pool = new driver.Pool({ max: 6, application_name: 'sitrep-queue', ...config });
    // A connection that dies is dropped by the pool (and the worker's next query fails the job).
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    try {
      const { makeWorkerUtils, quietLogger } = await graphile();
      const utils = await makeWorkerUtils({ pgPool: pool, schema: QUEUE_SCHEMA, logger: quietLogger });
      await utils.migrate();
      await migrateFleetTables(pool);
      return new PgQueue(connectionString, pool, utils);
    } catch (cause) {
      await pool.end().catch(() => undefined);
      throw new SitrepError('STORE_FAILED', `cannot open the job queue: ${(cause as Error).message}`, {
        cause,
      });
    }
  }

  async add(task: string, payload: unknown, spec: JobSpec = {}): Promise<void> {
    await this.utils.addJob(task, payload as object, {
      ...(spec.key ? { jobKey: spec.key, jobKeyMode: 'replace' as const } : {}),
      ...(spec.priority !== undefined ? { priority: spec.priority } : {}),
      ...(spec.delayMs ? { runAt: new Date(Date.now() + spec.delayMs) } : {}),
      ...(spec.maxAttempts ? { maxAttempts: spec.maxAttempts } : {}),
    });
  }

  /** Many jobs in one statement per 500; a keyed job replaces a queued one with its key. */
  async addMany(
    jobs: { task: string; payload: unknown; key?: string; priority?: number; maxAttempts?: number }[],
  ): Promise<void> {
    for (let i = 0; i < jobs.length; i += 500) {
      await this.utils.addJobs(
        jobs.slice(i, i + 500).map((j) => ({
          identifier: j.task,
          payload: j.payload as object,
          ...(j.key ? { jobKey: j.key } : {}),
          ...(j.priority !== undefined ? { priority: j.priority } : {}),
          ...(j.maxAttempts ? { maxAttempts: j.maxAttempts } : {}),
        })),
      );
    }
  }

  async depth(): Promise<TaskDepth[]> {
    const { rows } = await this.pool.query<{
      task: string;
      queued: string;
      running: string;
      failed: string;
      retrying: string;
    }>(
      `SELECT task_identifier AS task,
              count(*) FILTER (WHERE locked_at IS NULL AND attempts = 0) AS queued,
              count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
              count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts) AS failed,
              count(*) FILTER (WHERE locked_at IS NULL AND attempts > 0 AND attempts < max_attempts) AS retrying
         FROM ${QUEUE_SCHEMA}.jobs GROUP BY task_identifier ORDER BY task_identifier`,
    );
    return rows.map((r) => ({
      task: r.task,
      queued: Number(r.queued),
      running: Number(r.running),
      failed: Number(r.failed),
      retrying: Number(r.retrying),
    }));
  }

  /** Jobs that failed for good: permanent failures from the job log, then jobs out of attempts. */
  async failures(limit = 20): Promise<FailedJob[]> {
    const permanent = await this.pool.query<{ task: string; key: string | null; error: string | null }>(
      `SELECT task, job_key AS key, error FROM ${FLEET_SCHEMA}.job_log WHERE permanent ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    const exhausted = await this.exhausted(limit);
    return [
      ...permanent.rows.map((r) => ({ task: r.task, key: r.key, attempts: 1, error: r.error ?? '' })),
      ...exhausted,
    ].slice(0, limit);
  }

  /** Record a permanent failure of one item of a job (the job itself goes on). */
  async logFailure(task: string, workerId: string, key: string, error: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${FLEET_SCHEMA}.job_log (task, worker, job_key, ok, permanent, ms, error) VALUES ($1, $2, $3, false, true, 0, $4)`,
      [task, workerId, key, error],
    );
  }

  /** Permanent failures in the job log. */
  async permanentFailures(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${FLEET_SCHEMA}.job_log WHERE permanent`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async exhausted(limit: number): Promise<FailedJob[]> {
    const { rows } = await this.pool.query<{
      task: string;
      key: string | null;
      attempts: number;
      error: string | null;
    }>(
      `SELECT task_identifier AS task, key, attempts, last_error AS error
         FROM ${QUEUE_SCHEMA}.jobs WHERE locked_at IS NULL AND attempts >= max_attempts
        ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ ...r, error: r.error ?? '' }));
  }

  async workers(staleMs = DEFAULT_LIVENESS.staleMs): Promise<WorkerRow[]> {
    const { rows } = await this.pool.query<{
      id: string;
      host: string;
      pid: number;
      started_at: Date;
      beat_at: Date;
      alive: boolean;
    }>(
      `SELECT id, host, pid, started_at, beat_at, beat_at > now() - make_interval(secs => $1::float8 / 1000) AS alive
         FROM ${FLEET_SCHEMA}.workers ORDER BY started_at, id`,
      [staleMs],
    );
    return rows.map((r) => ({
      id: r.id,
      host: r.host,
      pid: r.pid,
      startedAt: r.started_at.toISOString(),
      beatAt: r.beat_at.toISOString(),
      alive: r.alive,
    }));
  }

  /** Jobs finished in the last `seconds`, per task. */
  async rates(seconds = 60): Promise<RecentRate[]> {
    const { rows } = await this.pool.query<{ task: string; ok: string; failed: string; mean: number | null }>(
      `SELECT task, count(*) FILTER (WHERE ok) AS ok, count(*) FILTER (WHERE NOT ok) AS failed, avg(ms)::float8 AS mean
         FROM ${FLEET_SCHEMA}.job_log WHERE finished_at > now() - make_interval(secs => $1)
        GROUP BY task ORDER BY task`,
      [seconds],
    );
    return rows.map((r) => ({
      task: r.task,
      ok: Number(r.ok),
      failed: Number(r.failed),
      meanMs: r.mean ?? 0,
    }));
  }

  async close(): Promise<void> {
    await this.utils.release();
    await this.pool.end();
  }
}
