import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestDatabase,
  postgresProblem,
  type TestDatabase,
} from '../../test/fixtures/fleet/pg-database.ts';
import { poolConfig } from '../store/postgres/pg-client.ts';
import { startFleetWorker } from './fleet-worker-runtime.ts';
import { PgQueue } from './pg-queue.ts';

const problem = await postgresProblem();
const liveness = { beatMs: 200, staleMs: 1500 };

/** Poll `check` until it holds or `ms` pass. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

if (problem?.mustFail) {
  it('reaches PostgreSQL', () => assert.fail(problem.reason));
} else {
  describe('the fleet queue on PostgreSQL', { skip: problem?.reason ?? false }, () => {
    let db: TestDatabase;
    let queue: PgQueue;
    before(async () => {
      db = await createTestDatabase('queue');
      queue = await PgQueue.open(db.url, poolConfig(db.url));
      await queue.pool.query('CREATE TABLE fleet_test_events (what text NOT NULL)');
    });
    after(async () => {
      await queue?.close();
      await db?.drop();
    });
    const events = async (what: string) =>
      Number(
        (await queue.pool.query(`SELECT count(*) AS n FROM fleet_test_events WHERE what = $1`, [what]))
          .rows[0].n,
      );

    it('retries a job whose task fails, with backoff, and logs both attempts', async () => {
      let calls = 0;
      const worker = await startFleetWorker({
        queue,
        liveness,
        pollMs: 200,
        tasks: {
          flaky: async () => {
            calls += 1;
            if (calls === 1) throw new Error('the database went away');
          },
        },
      });
      try {
        await queue.add('flaky', {});
        await until(
          async () =>
            calls >= 2 && (await queue.depth()).every((d) => d.queued + d.running + d.retrying === 0),
          15_000,
          'the retry',
        );
        const log = await queue.pool.query<{ ok: boolean; error: string | null }>(
          `SELECT ok, error FROM sitrep_fleet.job_log WHERE task = 'flaky' ORDER BY id`,
        );
        assert.deepEqual(log.rows, [
          { ok: false, error: 'the database went away' },
          { ok: true, error: null },
        ]);
        assert.equal(calls, 2);
      } finally {
        await worker.stop();
      }
    });

    it('records a permanent failure once, with its reason, and does not retry it', async () => {
      let calls = 0;
      class Bad extends Error {}
      const worker = await startFleetWorker({
        queue,
        liveness,
        pollMs: 200,
        permanent: (e) => e instanceof Bad,
        tasks: {
          doomed: async () => {
            calls += 1;
            throw new Bad('no text in the page');
          },
        },
      });
      try {
        await queue.add('doomed', {}, { key: 'page-7' });
        await until(async () => (await queue.permanentFailures()) === 1, 10_000, 'the failure');
        await new Promise((r) => setTimeout(r, 500));
        assert.equal(calls, 1);
        const failures = await queue.failures();
        assert.deepEqual(failures, [
          { task: 'doomed', key: 'page-7', attempts: 1, error: 'no text in the page' },
        ]);
        assert.deepEqual(
          (await queue.depth()).filter((d) => d.task === 'doomed'),
          [],
        );
      } finally {
        await worker.stop();
      }
    });

    it('gives the job of a worker killed mid-job (SIGKILL) to another worker: run to the end once', async () => {
      await queue.add('block', {}, { key: 'the-job' });
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          resolve(import.meta.dirname, '../../test/fixtures/fleet/blocking-worker.ts'),
          db.url,
        ],
        { stdio: 'ignore' },
      );
      let finished = 0;
      try {
        await until(async () => (await events('started')) === 1, 20_000, 'the first worker to start the job');
        child.kill('SIGKILL');
        const survivor = await startFleetWorker({
          queue,
          liveness,
          pollMs: 200,
          tasks: {
            block: async () => {
              finished += 1;
              await queue.pool.query(`INSERT INTO fleet_test_events (what) VALUES ('finished')`);
            },
          },
        });
        try {
          await until(async () => (await events('finished')) === 1, 20_000, 'the survivor to finish the job');
          await until(
            async () => (await queue.depth()).every((d) => d.queued + d.running === 0),
            5000,
            'an idle queue',
          );
          const workers = await queue.workers(liveness.staleMs);
          assert.deepEqual(
            workers.map((w) => w.id),
            [survivor.id],
          );
        } finally {
          await survivor.stop();
        }
      } finally {
        child.kill('SIGKILL');
      }
      assert.equal(finished, 1);
      assert.equal(await events('started'), 1);
    });
  });
}
