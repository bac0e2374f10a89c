import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import {
  createTestDatabase,
  postgresProblem,
  type TestDatabase,
} from '../../test/fixtures/fleet/pg-database.ts';
import { FLEET_SCHEMA } from '../queue/fleet-tables.ts';
import { PgQueue } from '../queue/pg-queue.ts';
import { poolConfig } from '../store/postgres/pg-client.ts';
import { fleetWillAnalyse } from './fleet-busy.ts';
import { INGEST_TASK } from './fleet-ingest.ts';
import { ANALYZE_TASK } from './fleet-worker.ts';

const problem = await postgresProblem();
const staleMs = 15_000;

if (problem?.mustFail) {
  it('reaches PostgreSQL', () => assert.fail(problem.reason));
} else {
  describe('whether a fleet will analyse its store', { skip: problem?.reason ?? false }, () => {
    let db: TestDatabase;
    let pool: pg.Pool;
    before(async () => {
      db = await createTestDatabase('busy');
      pool = new pg.Pool(poolConfig(db.url, { max: 1 }) as pg.PoolConfig);
      // Dropping the database ends its connections; one still closing must not throw after the tests.
      pool.on('error', () => {});
      pool.on('connect', (client) => client.on('error', () => {}));
    });
    after(async () => {
      await pool?.end();
      await db?.drop();
    });
    const tables = async () =>
      (await pool.query(`SELECT to_regclass('${FLEET_SCHEMA}.workers') AS t`)).rows[0].t as string | null;

    it('says no for a database without a fleet, and does not create its tables to find out', async () => {
      assert.equal(await fleetWillAnalyse(pool, staleMs), false);
      assert.equal(await tables(), null);
    });

    it('says yes only while a worker is alive and an ingest or analysis job is pending', async () => {
      const queue = await PgQueue.open(db.url, poolConfig(db.url, { max: 2 }) as pg.PoolConfig);
      try {
        assert.equal(await tables(), `${FLEET_SCHEMA}.workers`);
        // Tables, no worker, no job.
        assert.equal(await fleetWillAnalyse(pool, staleMs), false);
        await pool.query(`INSERT INTO ${FLEET_SCHEMA}.workers (id, host, pid) VALUES ('w1', 'h', 1)`);
        // A live worker, nothing queued.
        assert.equal(await fleetWillAnalyse(pool, staleMs), false);
        // A job of another task is not one that analyses.
        const other = await queue.utils.addJob(
          'sitrep_other',
          {},
          { runAt: new Date(Date.now() + 3_600_000) },
        );
        assert.equal(await fleetWillAnalyse(pool, staleMs), false);
        const ingest = await queue.utils.addJob(INGEST_TASK, {}, { runAt: new Date(Date.now() + 3_600_000) });
        assert.equal(await fleetWillAnalyse(pool, staleMs), true);
        // The worker's heartbeat goes stale: nobody will run the job.
        await pool.query(`UPDATE ${FLEET_SCHEMA}.workers SET beat_at = now() - interval '1 hour'`);
        assert.equal(await fleetWillAnalyse(pool, staleMs), false);
        await pool.query(`UPDATE ${FLEET_SCHEMA}.workers SET beat_at = now()`);
        assert.equal(await fleetWillAnalyse(pool, staleMs), true);
        // The ingest job failed for good: out of attempts, it will not run.
        await queue.utils.permanentlyFailJobs([ingest.id], 'gone');
        assert.equal(await fleetWillAnalyse(pool, staleMs), false);
        // The analysis queued after an ingest.
        await queue.utils.addJob(ANALYZE_TASK, {}, { runAt: new Date(Date.now() + 3_600_000) });
        assert.equal(await fleetWillAnalyse(pool, staleMs), true);
        await queue.utils.completeJobs([other.id]);
      } finally {
        await queue.close();
      }
    });
  });
}
