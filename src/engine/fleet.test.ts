import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestDatabase,
  postgresProblem,
  type TestDatabase,
} from '../../test/fixtures/fleet/pg-database.ts';
import type { Analysis } from '../core/analysis.ts';
import type { Store } from '../store/store.ts';
import { ANALYSIS_LOCK, analyzeStore } from './analysis.ts';
import { enqueueIngest } from './fleet-ingest.ts';
import { fleetStatus, withQueue } from './fleet-status.ts';
import { ANALYZE_KEY, ANALYZE_TASK, type SitrepWorker, startSitrepWorker } from './fleet-worker.ts';
import { ingest } from './ingest.ts';
import { openStore } from './open-store.ts';
import type { StageTimer } from './stage-timer.ts';

const problem = await postgresProblem();
const examples = resolve(import.meta.dirname, '../../examples/korea-russia');
const now = () => new Date('2026-12-01T00:00:00Z');
const liveness = { beatMs: 200, staleMs: 3000 };

/** JSON with object keys sorted (PostgreSQL's jsonb does not keep key order). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const withoutTime = ({ generatedAt: _g, ...rest }: Analysis) => rest;

/** Run workers until the queue stays idle for a second (and `ready` holds). */
async function runFleet(
  url: string,
  count: number,
  ready: () => boolean,
  analyses: Analysis[],
): Promise<StageTimer[]> {
  const workers: SitrepWorker[] = [];
  const timers: StageTimer[] = [];
  for (let i = 0; i < count; i++) {
    const timer: StageTimer = new Map();
    timers.push(timer);
    workers.push(
      await startSitrepWorker({
        db: url,
        liveness,
        analyzeDelayMs: 300,
        fleetFrom: 1,
        now,
        timer,
        onAnalysis: (a) => analyses.push(a),
      }),
    );
  }
  try {
    const end = Date.now() + 90_000;
    let idleSince: number | undefined;
    for (;;) {
      const s = await fleetStatus(workers[0]!.store, workers[0]!.queue);
      idleSince = s.idle && ready() ? (idleSince ?? Date.now()) : undefined;
      if (idleSince !== undefined && Date.now() - idleSince > 1000) return timers;
      if (Date.now() > end) assert.fail(`the fleet did not finish: ${JSON.stringify(s.queue)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    for (const w of workers) await w.stop();
  }
}

if (problem?.mustFail) {
  it('reaches PostgreSQL', () => assert.fail(problem.reason));
} else {
  describe('the fleet: ingest --queue and sitrep worker on PostgreSQL', {
    skip: problem?.reason ?? false,
  }, () => {
    let db: TestDatabase;
    let store: Store;
    let dir: string;
    before(async () => {
      db = await createTestDatabase('fleet');
      store = await openStore({ db: db.url });
      dir = mkdtempSync(join(tmpdir(), 'sitrep-fleet-'));
    });
    after(async () => {
      await store?.close();
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('two workers store and analyse the example corpus as ingest + analyze do in one process', async () => {
      const report = await withQueue(db.url, (queue) =>
        enqueueIngest(store, queue, [examples], { now, include: ['**/*.txt'] }),
      );
      assert.deepEqual(report.counts, { queued: 5, duplicate: 0, failed: 0 });
      const analyses: Analysis[] = [];
      const timers = await runFleet(db.url, 2, () => analyses.length > 0, analyses);
      assert.equal(await store.countArticles(), 5);
      // The analysing worker's timer (`sitrep worker --timings`) holds its corpus steps and, through
      // the chunks, the per-article stages wherever they ran.
      const steps = timers.filter((t) => t.has('link-entities'));
      assert.equal(steps.length >= 1, true);
      for (const name of ['cluster', 'quotes', 'events', 'match-claims', 'store:save-cache'])
        assert.equal(steps[0]!.has(name), true, name);
      // What the fleet stored is what `sitrep analyze` and the API read: asked again, nothing is recomputed.
      const fromFleet = await analyzeStore(store, { now, threads: 0 });
      const alone = await openStore({ db: ':memory:' });
      try {
        await ingest(alone, [examples], { now, include: ['**/*.txt'] });
        const inProcess = await analyzeStore(alone, { now, threads: 0 });
        assert.equal(canonical(withoutTime(fromFleet)), canonical(withoutTime(inProcess)));
        assert.equal(canonical(withoutTime(analyses.at(-1)!)), canonical(withoutTime(inProcess)));
      } finally {
        await alone.close();
      }
      await withQueue(db.url, async (queue) => {
        const status = await fleetStatus(store, queue);
        assert.equal(status.failedTotal, 0);
        assert.deepEqual(status.analysis, { generatedAt: analyses.at(-1)!.generatedAt, articles: 5 });
        // The exchange carried chunks between the workers (fleetFrom 1: every job is spread).
        const chunks = await queue.pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM sitrep_fleet.job_log WHERE task = 'sitrep_chunk' AND ok`,
        );
        assert.ok(Number(chunks.rows[0]!.n) > 0, 'no chunk job ran');
        const left = await queue.pool.query<{ n: string }>('SELECT count(*) AS n FROM sitrep_fleet.chunks');
        assert.equal(left.rows[0]!.n, '0');
      });
    });

    it('no analysis starts while another holds the analysis lock; the one asked for runs after', async () => {
      await withQueue(db.url, async (queue) => {
        // Another process analysing the store (a worker, the CLI, the API server): it holds the lock.
        const other = await openStore({ db: db.url });
        let release = () => {};
        const released = new Promise<void>((r) => (release = r));
        let holding = () => {};
        const held = new Promise<void>((r) => (holding = r));
        const holder = other.withLock(ANALYSIS_LOCK, async () => {
          holding();
          await released;
        });
        await held;
        let started = 0;
        const analyses: Analysis[] = [];
        const worker = await startSitrepWorker({
          db: db.url,
          liveness,
          analyzeDelayMs: 300,
          now,
          onAnalysisStart: () => {
            started += 1;
          },
          onAnalysis: (a) => analyses.push(a),
        });
        try {
          await queue.add(ANALYZE_TASK, {}, { key: ANALYZE_KEY });
          // The worker takes the job, finds the lock taken and asks again for later, a few times over.
          const end = Date.now() + 20_000;
          for (;;) {
            const { rows } = await queue.pool.query<{ n: string }>(
              `SELECT count(*) AS n FROM sitrep_fleet.job_log WHERE task = $1 AND ok`,
              [ANALYZE_TASK],
            );
            if (Number(rows[0]!.n) >= 2) break;
            if (Date.now() > end) assert.fail('the worker did not take the analysis job');
            await new Promise((r) => setTimeout(r, 100));
          }
          assert.equal(started, 0);
          assert.deepEqual(
            (await queue.depth()).find((d) => d.task === ANALYZE_TASK),
            { task: ANALYZE_TASK, queued: 1, running: 0, failed: 0, retrying: 0 },
          );
          release();
          assert.deepEqual(await holder, { locked: true, value: undefined });
          while (analyses.length === 0) {
            if (Date.now() > end) assert.fail('the analysis did not run once the lock was free');
            await new Promise((r) => setTimeout(r, 100));
          }
          assert.equal(started, 1);
        } finally {
          release();
          await holder;
          await other.close();
          await worker.stop();
        }
      });
    });

    it('an item that cannot be extracted fails for good with its reason; the others are stored', async () => {
      const file = join(dir, 'items.jsonl');
      writeFileSync(
        file,
        [
          {
            url: 'https://example.org/a',
            title: 'Port reopens',
            text: 'The port reopened on Monday after a week of repairs.',
          },
          { url: 'https://example.org/b', html: '<html><body><script>var x = 1;</script></body></html>' },
          {
            url: 'https://example.org/c',
            title: 'Ferries resume',
            text: 'Ferries resumed their crossings on Tuesday morning.',
          },
        ]
          .map((o) => JSON.stringify(o))
          .join('\n'),
      );
      const before = await store.countArticles();
      const report = await withQueue(db.url, (queue) => enqueueIngest(store, queue, [file], { now }));
      assert.deepEqual(report.counts, { queued: 3, duplicate: 0, failed: 0 });
      await runFleet(db.url, 1, () => true, []);
      assert.equal(await store.countArticles(), before + 2);
      await withQueue(db.url, async (queue) => {
        const status = await fleetStatus(store, queue);
        assert.equal(status.failedTotal, 1);
        assert.equal(status.failures.length, 1);
        assert.equal(status.failures[0]!.task, 'sitrep_ingest');
        assert.match(status.failures[0]!.error, /items\.jsonl#line:2: .*\[EXTRACT_EMPTY\]$/);
        assert.equal(status.idle, true);
      });
    });
  });
}
