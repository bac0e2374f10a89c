import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSqliteStore } from './sqlite-store.ts';

describe('sqlite locks across processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lock-process-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a lock held by a process that is killed is free again, and the side file is named after the lock', async () => {
    const path = join(dir, 'store.db');
    await createSqliteStore({ path }).close();
    const storeModule = pathToFileURL(fileURLToPath(new URL('./sqlite-store.ts', import.meta.url))).href;
    const script = `const { createSqliteStore } = await import(${JSON.stringify(storeModule)});
      const store = createSqliteStore({ path: process.argv[1] });
      await store.withLock('sitrep:analyze', async () => {
        console.log('held');
        // A timer keeps the process alive (a pending promise alone does not: it would exit and let
        // the lock go before it is killed).
        await new Promise(() => setInterval(() => {}, 60_000));
      });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('held')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`the holder exited early (${code})`)));
      });
      const store = createSqliteStore({ path });
      try {
        assert.ok(existsSync(`${path}.sitrep-analyze.lock`));
        assert.deepEqual(await store.withLock('sitrep:analyze', async () => 1, { wait: false }), {
          locked: false,
        });
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
        assert.deepEqual(await store.withLock('sitrep:analyze', async () => 2, { wait: false }), {
          locked: true,
          value: 2,
        });
      } finally {
        await store.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a lock name that could not be a file name', async () => {
    const store = createSqliteStore({ path: join(dir, 'names.db') });
    try {
      await assert.rejects(
        store.withLock('../x', async () => 1),
        /not a lock name/,
      );
    } finally {
      await store.close();
    }
  });
});
