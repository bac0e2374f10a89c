import Database from 'better-sqlite3';
import { SitrepError } from '../../core/errors.ts';
import type { LockResult } from '../store.ts';

/** How often a waiting holder tries the lock again. */
const RETRY_MS = 100;

/**
 * Named locks of a SQLite store, held across processes (docs/decisions/0090, "One analysis at a
 * time"). Each name is an exclusive lock on a small side file beside the database
 * (`<db>.<name>.lock`, an empty SQLite database): `BEGIN EXCLUSIVE` there takes the operating system's
 * file lock, which every connection of every process respects and which goes with a process that
 * dies — nothing stale is left behind. The database itself is not locked: ingests and reads go on.
 * A database in memory has no other process; its locks are held in this process only.
 */
export class SqliteLocks {
  /** In-memory databases: the holder's release, by lock name. */
  private readonly held = new Map<string, Promise<void>>();

  constructor(private readonly path: string) {}

  async withLock<T>(
    name: string,
    body: () => Promise<T>,
    options: { wait?: boolean } = {},
  ): Promise<LockResult<T>> {
    if (!/^[a-z0-9:_-]{1,64}$/i.test(name)) throw new SitrepError('INTERNAL', `not a lock name: ${name}`);
    return this.path === ':memory:' || this.path === ''
      ? this.inProcess(name, body, options.wait ?? true)
      : this.onFile(name, body, options.wait ?? true);
  }

  private async onFile<T>(name: string, body: () => Promise<T>, wait: boolean): Promise<LockResult<T>> {
    const file = `${this.path}.${name.replaceAll(':', '-')}.lock`;
    let lock: Database.Database;
    try {
      lock = new Database(file, { timeout: 0 });
    } catch (cause) {
      throw new SitrepError(
        'STORE_FAILED',
        `[sitrep] [sqlite] cannot open the lock file ${file}: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    try {
      for (;;) {
        try {
          lock.exec('BEGIN EXCLUSIVE');
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
          if (!wait) return { locked: false };
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
      try {
        return { locked: true, value: await body() };
      } finally {
        lock.exec('ROLLBACK');
      }
    } finally {
      lock.close();
    }
  }

  private async inProcess<T>(name: string, body: () => Promise<T>, wait: boolean): Promise<LockResult<T>> {
    for (let held = this.held.get(name); held; held = this.held.get(name)) {
      if (!wait) return { locked: false };
      await held;
    }
    let release = () => {};
    this.held.set(name, new Promise((resolve) => (release = resolve)));
    try {
      return { locked: true, value: await body() };
    } finally {
      this.held.delete(name);
      release();
    }
  }
}
