import { existsSync } from 'node:fs';
import { SitrepError } from '../core/errors.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';

export interface OpenStoreOptions {
  /** SQLite file path (the embedded default). */
  db: string;
  /** Read-only commands refuse to create a new, empty database. */
  mustExist?: boolean;
}

/** The composition root for storage: today SQLite; a `postgres://` URL will select the PostgreSQL driver. */
export function openStore(options: OpenStoreOptions): Store {
  if (/^postgres(ql)?:\/\//.test(options.db)) {
    throw new SitrepError(
      'USAGE',
      'the PostgreSQL driver is not built yet; use a SQLite file path with --db (default ./sitrep.db)',
    );
  }
  if (options.mustExist && options.db !== ':memory:' && !existsSync(options.db)) {
    throw new SitrepError(
      'NOT_FOUND',
      `no database at ${options.db}; run \`sitrep ingest <paths>\` first, or point --db at an existing file`,
    );
  }
  return createSqliteStore({ path: options.db, mustExist: options.mustExist ?? false });
}
