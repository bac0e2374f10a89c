/**
 * The stores a fuzz run writes to: a SQLite file (always) and a fresh PostgreSQL schema (when the
 * server answers). PostgreSQL follows the convention of src/store/postgres/postgres-store.test.ts:
 * $SITREP_TEST_POSTGRES when it is a URL, else postgresql://127.0.0.1:5432/test; unreachable →
 * the PostgreSQL half is skipped, unless SITREP_TEST_POSTGRES is set, in which case it fails. Every
 * schema is named `sitrep_test_<time>_<pid>_…` (so the stale-schema sweep of that test clears one
 * a killed run left) and is dropped after the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPg, poolConfig, quoteIdent } from '../../src/store/postgres/pg-client.ts';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

export interface FuzzDriver {
  name: 'sqlite' | 'postgres';
  /** A new, empty store. */
  open(): Promise<Store>;
  /** Drop what `open` made (the store is closed): a run's schema or file goes when the run ends. */
  discard(): Promise<void>;
}

export interface FuzzStores {
  sqlite: FuzzDriver;
  /** Absent when PostgreSQL is not reachable. */
  postgres?: FuzzDriver;
  /** Why PostgreSQL is absent (unreachable), and whether that is a failure (SITREP_TEST_POSTGRES set). */
  postgresMissing?: { reason: string; required: boolean };
  /** Drop the schemas and files this run made. */
  cleanup(): Promise<void>;
}

const required = process.env['SITREP_TEST_POSTGRES'];
const url = required && /^postgres(ql)?:\/\//.test(required) ? required : 'postgresql://127.0.0.1:5432/test';

/** Open the drivers for one test file. */
export async function fuzzStores(label: string): Promise<FuzzStores> {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-fuzz-${label}-`));
  let files = 0;
  const sqlite: FuzzDriver = {
    name: 'sqlite',
    open: async () => createSqliteStore({ path: join(dir, `run-${++files}.db`) }),
    discard: async () => {
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(join(dir, `run-${files}.db${suffix}`), { force: true });
    },
  };
  const { Pool } = await loadPg();
  const admin = new Pool(poolConfig(url, { max: 1, connectionTimeoutMillis: 3000 }));
  admin.on('error', () => {});
  const unreachable = await admin.query('SELECT 1').then(
    () => undefined,
    (error: Error) => error.message || String(error),
  );
  const run = `${Math.floor(Date.now() / 1000).toString(36)}_${process.pid}`;
  const schemas: string[] = [];
  let made = 0;
  const drop = async () => {
    while (schemas.length > 0) {
      await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schemas.pop() ?? '')} CASCADE`);
    }
  };
  const cleanup = async () => {
    if (!unreachable) await drop();
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  };
  if (unreachable) {
    const reason = required
      ? `SITREP_TEST_POSTGRES is set but PostgreSQL at ${url} is not reachable: ${unreachable}`
      : `PostgreSQL not reachable at ${url} (${unreachable}); set SITREP_TEST_POSTGRES to make this fail`;
    return { sqlite, postgresMissing: { reason, required: Boolean(required) }, cleanup };
  }
  const postgres: FuzzDriver = {
    name: 'postgres',
    open: async () => {
      const schema = `sitrep_test_${run}_fuzz_${label}_${made++}`;
      schemas.push(schema);
      return createPostgresStore({ connectionString: url, schema });
    },
    discard: drop,
  };
  return { sqlite, postgres, cleanup };
}
