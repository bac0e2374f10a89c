import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { runLockConformance } from '../lock-conformance.ts';
import {
  checkUnreadableRecord,
  runStoreConformance,
  sampleArticle,
  sampleRaw,
} from '../store-conformance.ts';
import { sqliteMigrations } from './migrations.ts';
import { createSqliteStore } from './sqlite-store.ts';

runStoreConformance('sqlite', () => createSqliteStore({ path: ':memory:' }));
runLockConformance('sqlite, one file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-locks-'));
  const path = join(dir, 'store.db');
  return {
    first: createSqliteStore({ path }),
    second: createSqliteStore({ path }),
    elsewhere: createSqliteStore({ path: join(dir, 'other.db') }),
  };
});
runLockConformance('sqlite, in memory', async () => {
  // A database in memory has one handle: its locks are this process's.
  const store = createSqliteStore({ path: ':memory:' });
  return { first: store, second: store, elsewhere: createSqliteStore({ path: ':memory:' }) };
});

describe('sqlite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));

  it('keeps what it stored across a restart (a file, WAL mode)', async () => {
    const path = join(dir, 'restart.db');
    const raw = sampleRaw('A stored article survives closing the database.');
    const article = sampleArticle(raw);
    const first = createSqliteStore({ path });
    await first.putArticle(raw, article);
    await first.close();
    const second = createSqliteStore({ path });
    assert.deepEqual(await second.getArticle(article.id), article);
    await second.close();
  });

  it('lists derived records whose text is not JSON only to a reader that asks to be told of them', async () => {
    const path = join(dir, 'unreadable.db');
    const store = createSqliteStore({ path });
    try {
      await checkUnreadableRecord(store, async (sql) => {
        const db = new Database(path);
        db.prepare(sql).run();
        db.close();
      });
    } finally {
      await store.close();
    }
  });

  it('applies each migration once', async () => {
    const path = join(dir, 'migrate.db');
    await createSqliteStore({ path }).close();
    const again = createSqliteStore({ path });
    assert.equal(await again.countArticles(), 0);
    await again.close();
  });

  it('lets four processes create the same new database at once (eight new databases in a row)', async () => {
    const storeModule = pathToFileURL(fileURLToPath(new URL('./sqlite-store.ts', import.meta.url))).href;
    const rounds = 8;
    const paths = Array.from({ length: rounds }, (_, round) => join(dir, `race-${round}.db`));
    // Each process loads the driver once, then opens database i at instant start + i * 200 ms: the
    // four processes open each new file together. A failed open is printed and the rounds go on.
    const script = `const { createSqliteStore } = await import(${JSON.stringify(storeModule)});
      const [start, ...paths] = process.argv.slice(1);
      for (const [i, path] of paths.entries()) {
        await new Promise((r) => setTimeout(r, Number(start) + i * 200 - Date.now()));
        try {
          const store = createSqliteStore({ path });
          await store.countArticles();
          await store.close();
        } catch (error) {
          console.error(path + ': ' + error.message);
        }
      }`;
    const start = Date.now() + 1500;
    const run = () =>
      new Promise<string>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script, String(start), ...paths],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
        });
        child.on('close', (code) => resolve(code === 0 ? stderr : `${stderr}exit ${code}`));
      });
    const failures = (await Promise.all([1, 2, 3, 4].map(run))).join('').trim();
    assert.equal(failures, '');
    for (const path of paths) {
      const store = createSqliteStore({ path });
      assert.equal(await store.countArticles(), 0);
      await store.close();
    }
  });

  it('refuses a database from a newer Sitrep instead of damaging it', async () => {
    const path = join(dir, 'newer.db');
    const newer = [
      ...sqliteMigrations,
      { version: 99, name: 'future', sql: 'CREATE TABLE future (x INTEGER)' },
    ];
    await createSqliteStore({ path, migrations: newer }).close();
    assert.throws(() => createSqliteStore({ path }), {
      code: 'STORE_FAILED',
      message: /schema version 99, newer than this Sitrep knows \(2\)/,
    });
  });

  it('reports a file that is not a database with a clear error', () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'this is a text file, not SQLite'.repeat(100));
    assert.throws(() => createSqliteStore({ path }), {
      code: 'STORE_FAILED',
      message: /not-a-db\.db is not a usable Sitrep database/,
    });
  });

  it('rolls back a failed write: the raw input of a rejected article is not left behind', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const raw = sampleRaw('Rollback case body.');
    const bad = sampleArticle(raw, { rawSha256: 'does-not-exist' });
    await assert.rejects(store.putArticle(raw, bad));
    assert.equal(await store.getRawInput(raw.sha256), undefined);
    assert.equal(await store.countArticles(), 0);
    await store.close();
  });
});
