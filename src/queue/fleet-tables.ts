/**
 * The fleet's own tables, beside graphile-worker's schema (docs/decisions/0090): live workers and
 * their heartbeats, a log of finished jobs (for rates), and the chunk exchange through which an
 * analysis hands per-article and per-story work to other workers (chunk-exchange.ts).
 */
import type pg from 'pg';

/** The schema holding the fleet's tables. */
export const FLEET_SCHEMA = 'sitrep_fleet';

const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS ${FLEET_SCHEMA}`,
  `CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.workers (
     id text PRIMARY KEY,
     queue_worker_ids text[] NOT NULL DEFAULT '{}',
     host text NOT NULL,
     pid integer NOT NULL,
     started_at timestamptz NOT NULL DEFAULT now(),
     beat_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.job_log (
     id bigserial PRIMARY KEY,
     task text NOT NULL,
     worker text NOT NULL,
     job_key text,
     ok boolean NOT NULL,
     permanent boolean NOT NULL DEFAULT false,
     ms integer NOT NULL,
     error text,
     finished_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS job_log_finished ON ${FLEET_SCHEMA}.job_log (finished_at)`,
  `CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.chunks (
     id bigserial PRIMARY KEY,
     run text NOT NULL,
     state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
     claimed_by text,
     input bytea,
     output bytea,
     error text,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS chunks_run_state ON ${FLEET_SCHEMA}.chunks (run, state, id)`,
];

/**
 * Create the fleet's tables when missing. Several processes may start at once: an advisory lock
 * serialises the DDL (CREATE … IF NOT EXISTS alone races on the catalog).
 */
export async function migrateFleetTables(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('${FLEET_SCHEMA}:migrate'))`);
    try {
      for (const sql of STATEMENTS) await client.query(sql);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('${FLEET_SCHEMA}:migrate'))`);
    }
  } finally {
    client.release();
  }
}
