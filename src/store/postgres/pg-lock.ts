import type { LockResult } from '../store.ts';
import type { PgPool } from './pg-client.ts';

/**
 * A named lock of a PostgreSQL store (docs/decisions/0090, "One analysis at a time"): a session
 * advisory lock keyed by the name and the store's schema, held on a connection of its own for the
 * length of `body`. The server lets it go when that connection ends, so a holder that dies (a killed
 * worker) leaves no lock behind. Waiting is done by the server (`pg_advisory_lock`), not by polling.
 */
export async function withPgLock<T>(
  pool: PgPool,
  schema: string,
  name: string,
  body: () => Promise<T>,
  options: { wait?: boolean } = {},
): Promise<LockResult<T>> {
  const client = await pool.connect();
  let locked = false;
  try {
    if (options.wait === false) {
      const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS ok', [
        name,
        schema,
      ]);
      locked = (rows[0] as { ok?: unknown } | undefined)?.ok === true;
    } else {
      await client.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [name, schema]);
      locked = true;
    }
  } catch (error) {
    client.release(true);
    throw error;
  }
  if (!locked) {
    client.release();
    return { locked: false };
  }
  try {
    return { locked: true, value: await body() };
  } finally {
    // A connection that cannot unlock is ended instead: its session, and so the lock, goes with it.
    const unlocked = await client
      .query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [name, schema])
      .then(
        () => true,
        () => false,
      );
    client.release(unlocked ? undefined : true);
  }
}
