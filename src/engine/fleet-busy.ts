/**
 * Is a fleet about to analyse its store? `sitrep serve` on PostgreSQL asks before it analyses added
 * articles itself (server/follow-store.ts): while a fleet's workers are ingesting or analysing, the
 * server waits for the analysis they store instead of taking the store's analysis lock first and
 * running the analysis in the API process, on the cores the workers use (docs/decisions/0090).
 */
import type pg from 'pg';
import { FLEET_SCHEMA } from '../queue/fleet-tables.ts';
import { DEFAULT_LIVENESS, QUEUE_SCHEMA } from '../queue/pg-queue.ts';
import { poolConfig } from '../store/postgres/pg-client.ts';
import { INGEST_TASK } from './fleet-ingest.ts';
import { ANALYZE_TASK } from './fleet-worker.ts';

/**
 * True when a worker is alive (its heartbeat is fresher than `staleMs`) and an ingest or analysis job
 * is queued, running or waiting for a retry: the fleet will store an analysis of what was added (an
 * ingest job queues the analysis when it is done). False when the database holds no fleet: its
 * tables are not looked for by creating them.
 */
export async function fleetWillAnalyse(pool: pg.Pool, staleMs = DEFAULT_LIVENESS.staleMs): Promise<boolean> {
  const { rows } = await pool.query<{ fleet: boolean }>(
    'SELECT to_regclass($1::text) IS NOT NULL AND to_regclass($2::text) IS NOT NULL AS fleet',
    [`${QUEUE_SCHEMA}.jobs`, `${FLEET_SCHEMA}.workers`],
  );
  if (!rows[0]?.fleet) return false;
  const { rows: found } = await pool.query<{ alive: boolean; pending: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${FLEET_SCHEMA}.workers
                     WHERE beat_at > now() - make_interval(secs => $1::float8 / 1000)) AS alive,
            EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.jobs
                     WHERE task_identifier = ANY($2::text[])
                       AND (locked_at IS NOT NULL OR attempts < max_attempts)) AS pending`,
    [staleMs, [INGEST_TASK, ANALYZE_TASK]],
  );
  return found[0]?.alive === true && found[0].pending;
}

export interface FleetWatch {
  willAnalyse: () => Promise<boolean>;
  close: () => Promise<void>;
}

/** `fleetWillAnalyse` over a one-connection pool of its own on `db`, for as long as a server runs. */
export async function watchFleet(db: string, staleMs = DEFAULT_LIVENESS.staleMs): Promise<FleetWatch> {
  const { default: driver } = await import('pg');
  const pool = new driver.Pool({
    ...(poolConfig(db, { max: 1 }) as pg.PoolConfig),
    application_name: 'sitrep-serve-fleet',
  });
  // A connection that dies is dropped by the pool; the follower's next look asks again.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return { willAnalyse: () => fleetWillAnalyse(pool, staleMs), close: () => pool.end() };
}
