/** Opening a SQLite store's file: the connection, the WAL journal, the schema migrations. */
import Database from 'better-sqlite3';
import { SitrepError } from '../../core/errors.ts';
import type { Migration } from './migrations.ts';

/**
 * Apply pending migrations in one transaction each; returns the versions applied. Safe when several
 * processes open the same new file at once: each migration runs under `BEGIN IMMEDIATE` (the write
 * lock, waited for through the busy timeout) and re-reads the applied versions inside it, so a
 * migration another process applied meanwhile is skipped instead of run twice.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const appliedVersions = () =>
    new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...appliedVersions());
  if (newest > known) {
    throw new SitrepError(
      'STORE_FAILED',
      `[sitrep] [sqlite] the database has schema version ${newest}, newer than this Sitrep knows (${known}); upgrade Sitrep`,
    );
  }
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const applied = db
      .transaction(() => {
        if (appliedVersions().has(migration.version)) return false;
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          new Date().toISOString(),
        );
        return true;
      })
      .immediate();
    if (applied) done.push(migration.version);
  }
  return done;
}

export const BUSY_TIMEOUT_MS = 5000;

/**
 * Switch to the WAL journal (kept in the file, so only its first opener switches). SQLite answers
 * SQLITE_BUSY at once, without its busy handler, while another process holds a lock on the file, so
 * the switch is retried here for as long as the busy timeout.
 */
export function useWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

export function openDatabase(path: string, mustExist = false): Database.Database {
  try {
    return new Database(path, { fileMustExist: mustExist });
  } catch (cause) {
    throw new SitrepError(
      'STORE_FAILED',
      `[sitrep] [sqlite] cannot open database ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
}
