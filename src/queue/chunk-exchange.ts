/**
 * The chunk exchange: how one analysis (its coordinator) hands pieces of a phase to the other workers
 * of the fleet and gets their results back (docs/decisions/0090). A chunk is a row: its input and
 * output as bytes (v8 serialization, what worker threads use), a state, and who claimed it. Anyone —
 * a worker woken by a queue job, or the coordinator itself when it has nothing else to do — claims
 * the next queued chunk of a run atomically (`FOR UPDATE SKIP LOCKED`), so each chunk is computed by
 * one claimant at a time; a chunk held by a worker that died is queued again by the sweeper
 * (pg-queue.ts). Results are deterministic, so a chunk computed twice gives the same bytes.
 */
import { deserialize, serialize } from 'node:v8';
import type pg from 'pg';
import { FLEET_SCHEMA } from './fleet-tables.ts';

const T = `${FLEET_SCHEMA}.chunks`;
/** The channel a finished chunk is announced on (payload: its id). */
export const CHUNK_CHANNEL = 'sitrep_fleet_chunk_done';

export interface ClaimedChunk {
  id: string;
  input: unknown;
}

export type ChunkOutcome = { id: string; output: unknown } | { id: string; error: string };

export class ChunkExchange {
  constructor(private readonly pool: pg.Pool) {}

  /** Queue chunks for a run; returns their ids in order. */
  async submit(run: string, inputs: unknown[]): Promise<string[]> {
    if (inputs.length === 0) return [];
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO ${T} (run, input) SELECT $1, unnest($2::bytea[]) RETURNING id`,
      [run, inputs.map((i) => serialize(i))],
    );
    return rows.map((r) => r.id);
  }

  /** Claim one chunk of the run: the given one if still queued, else the oldest queued one. */
  async claim(run: string, claimant: string, id?: string): Promise<ClaimedChunk | undefined> {
    const { rows } = await this.pool.query<{ id: string; input: Buffer }>(
      `UPDATE ${T} SET state = 'running', claimed_by = $2
        WHERE id = (SELECT id FROM ${T} WHERE run = $1 AND state = 'queued' ${id ? 'AND id = $3' : ''}
                    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, input`,
      id ? [run, claimant, id] : [run, claimant],
    );
    const row = rows[0];
    return row ? { id: row.id, input: deserialize(row.input) } : undefined;
  }

  /**
   * Take back a chunk of one's own run that no worker has claimed yet (or that the sweeper queued
   * again): true when taken, so the caller computes it from the input it still holds.
   */
  async takeBack(id: string, claimant: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${T} SET state = 'running', claimed_by = $2, input = NULL WHERE id = $1 AND state = 'queued'`,
      [id, claimant],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Store a claimed chunk's result (only while the claimant still holds it) and announce it. */
  async complete(id: string, claimant: string, output: unknown): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${T} SET state = 'done', output = $3, input = NULL WHERE id = $1 AND claimed_by = $2 AND state = 'running'`,
      [id, claimant, serialize(output)],
    );
    await this.pool.query('SELECT pg_notify($1, $2)', [CHUNK_CHANNEL, id]);
    return (rowCount ?? 0) > 0;
  }

  /** A claimed chunk that could not be computed: the coordinator computes it itself. */
  async fail(id: string, claimant: string, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${T} SET state = 'failed', error = $3 WHERE id = $1 AND claimed_by = $2 AND state = 'running'`,
      [id, claimant, error],
    );
    await this.pool.query('SELECT pg_notify($1, $2)', [CHUNK_CHANNEL, id]);
  }

  /** Finished chunks among `ids` (done with their output, or failed with their error). */
  async finished(ids: readonly string[]): Promise<ChunkOutcome[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{
      id: string;
      state: string;
      output: Buffer | null;
      error: string | null;
    }>(`SELECT id, state, output, error FROM ${T} WHERE id = ANY($1) AND state IN ('done', 'failed')`, [ids]);
    return rows.map((r) =>
      r.state === 'done' && r.output
        ? { id: r.id, output: deserialize(r.output) }
        : { id: r.id, error: r.error ?? '' },
    );
  }

  /** Queue a chunk again that its claimant gave back unfinished. */
  async release(id: string, claimant: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${T} SET state = 'queued', claimed_by = NULL WHERE id = $1 AND claimed_by = $2 AND state = 'running'`,
      [id, claimant],
    );
  }

  /** Remove a run's chunks. */
  async drop(run: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${T} WHERE run = $1`, [run]);
  }

  /**
   * Listen for finished chunks on a connection of its own: `onDone` receives each announced id.
   * Returns a function that stops listening.
   */
  async listen(onDone: (id: string) => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    client.on('notification', (n) => {
      if (n.channel === CHUNK_CHANNEL && n.payload) onDone(n.payload);
    });
    await client.query(`LISTEN ${CHUNK_CHANNEL}`);
    return async () => {
      await client.query(`UNLISTEN ${CHUNK_CHANNEL}`).catch(() => undefined);
      client.release();
    };
  }
}
