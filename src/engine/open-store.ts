import { existsSync } from 'node:fs';
import { SitrepError } from '../core/errors.ts';
import { createPostgresStore } from '../store/postgres/postgres-store.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';

export interface OpenStoreOptions {
  /** SQLite file path (the embedded default), or a `postgres://` / `postgresql://` URL. */
  db: string;
  /** Read-only commands refuse to create a new, empty database. */
  mustExist?: boolean;
}

/** Whether `db` names a PostgreSQL store (else it is a SQLite file). */
export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//.test(db);

/** The composition root for storage: a `postgres://` URL selects PostgreSQL, anything else is a SQLite file. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (isPostgresUrl(options.db)) {
    return createPostgresStore({ connectionString: options.db, mustExist: options.mustExist ?? false });
  }
  if (options.mustExist && options.db !== ':memory:' && !existsSync(options.db)) {
    throw new SitrepError(
      'NOT_FOUND',
      `no database at ${options.db}; run \`sitrep ingest <paths>\` first, or point --db at an existing file`,
    );
  }
  return createSqliteStore({ path: options.db, mustExist: options.mustExist ?? false });
}
