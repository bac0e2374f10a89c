import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeStore } from '../engine/analysis.ts';
import { ingest } from '../engine/ingest.ts';
import { openStore } from '../engine/open-store.ts';
import type { Store } from '../store/store.ts';
import { AnalysisState } from './analysis-state.ts';
import { followStore, type StoreFollower } from './follow-store.ts';

const examples = resolve(import.meta.dirname, '../../examples/korea-russia');
const example = (n: number) =>
  join(examples, ['000_4ed6d99c9978a127.txt', '001_dc7abb91df948636.txt', '002_313fdb9f659b9b3c.txt'][n]!);
const day = (d: number) => () => new Date(Date.UTC(2026, 11, d, 12));

/** A server's analysis state over a SQLite file, its follower, and another process's handle on the file. */
interface Rig {
  other: Store;
  state: AnalysisState;
  follower: StoreFollower;
  /** How many analyses the server computed; the next ones throw while `failing`. */
  computed: number;
  failing: boolean;
}

/** The rig over a new file holding one example article, analysed once by the server. */
async function withRig(
  db: string,
  run: (rig: Rig) => Promise<void>,
  othersWillAnalyse?: () => Promise<boolean>,
): Promise<void> {
  const server = await openStore({ db, mustExist: false });
  const other = await openStore({ db });
  try {
    await ingest(server, [example(0)], { now: day(1) });
    const counts = { computed: 0, failing: false };
    const state = new AnalysisState(
      async () => {
        counts.computed += 1;
        if (counts.failing) throw new Error('the analysis thread stopped');
        return analyzeStore(server, { now: day(2) });
      },
      { now: day(2) },
    );
    state.refresh();
    await state.settled();
    const follower = followStore(server, state, 60_000, othersWillAnalyse);
    const rig: Rig = {
      other,
      state,
      follower,
      get computed() {
        return counts.computed;
      },
      get failing() {
        return counts.failing;
      },
      set failing(value: boolean) {
        counts.failing = value;
      },
    };
    try {
      await run(rig);
    } finally {
      follower.stop();
    }
  } finally {
    await other.close();
    await server.close();
  }
}

/** Looks `n` times, each time letting a refresh it started finish. */
async function look(rig: Rig, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await rig.follower.look();
    await rig.state.settled();
  }
}

describe('the server follows what other processes store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-follow-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves articles ingested and analyses stored by another process, and does nothing while nothing changes', async () => {
    await withRig(join(dir, 'store.db'), async (rig) => {
      assert.deepEqual(rig.state.served(), { generatedAt: '2026-12-02T12:00:00.000Z', articles: 1 });
      await look(rig, 1);
      assert.equal(rig.computed, 1);

      // Another process ingests: the count changes; the refresh waits one more look for it to hold.
      await ingest(rig.other, [example(1), example(2)], { now: day(3) });
      await look(rig, 1);
      assert.equal(rig.computed, 1);
      await look(rig, 1);
      assert.equal(rig.computed, 2);
      assert.equal(rig.state.served()?.articles, 3);

      // Another process stores an analysis of its own (`sitrep analyze --fresh` on another day): it is
      // served as stored (its generatedAt), not recomputed.
      const theirs = await analyzeStore(rig.other, { now: day(4), fresh: true });
      assert.equal(theirs.generatedAt, '2026-12-04T12:00:00.000Z');
      await look(rig, 1);
      assert.equal(rig.computed, 3);
      assert.deepEqual(rig.state.served(), { generatedAt: theirs.generatedAt, articles: 3 });

      // Nothing changed since: looking again computes nothing.
      await look(rig, 3);
      assert.equal(rig.computed, 3);
    });
  });

  it('follows a store that was empty when the server started', async () => {
    const db = join(dir, 'empty.db');
    const server = await openStore({ db, mustExist: false });
    const other = await openStore({ db });
    let computed = 0;
    const state = new AnalysisState(
      async () => {
        computed += 1;
        return analyzeStore(server, { now: day(2) });
      },
      { now: day(2) },
    );
    const follower = followStore(server, state, 60_000);
    try {
      state.refresh();
      await state.settled();
      assert.equal(state.status().error?.code, 'NOT_FOUND');
      // Still empty: nothing to do.
      await follower.look();
      await state.settled();
      assert.equal(computed, 1);
      await ingest(other, [example(0)], { now: day(3) });
      for (let i = 0; i < 2; i++) {
        await follower.look();
        await state.settled();
      }
      assert.equal(computed, 2);
      assert.deepEqual(state.served(), { generatedAt: '2026-12-02T12:00:00.000Z', articles: 1 });
    } finally {
      follower.stop();
      await other.close();
      await server.close();
    }
  });

  it('leaves added articles to a fleet that will analyse them, and serves its analysis', async () => {
    let fleetBusy = true;
    let asked = 0;
    const fleet = async () => {
      asked += 1;
      return fleetBusy;
    };
    await withRig(
      join(dir, 'fleet.db'),
      async (rig) => {
        // Nothing added: the fleet is not asked.
        await look(rig, 2);
        assert.equal(asked, 0);
        // The fleet ingests: the server waits for its analysis, however long the count holds still.
        await ingest(rig.other, [example(1)], { now: day(3) });
        await look(rig, 4);
        assert.equal(rig.computed, 1);
        assert.equal(asked, 4);
        assert.equal(rig.state.served()?.articles, 1);
        // Its analysis is stored: served as stored.
        const theirs = await analyzeStore(rig.other, { now: day(4) });
        await look(rig, 1);
        assert.equal(rig.computed, 2);
        assert.deepEqual(rig.state.served(), { generatedAt: theirs.generatedAt, articles: 2 });
        // Articles added while no fleet will analyse them (its workers gone): analysed here once the
        // count holds still.
        fleetBusy = false;
        await ingest(rig.other, [example(2)], { now: day(5) });
        await look(rig, 1);
        assert.equal(rig.computed, 2);
        await look(rig, 1);
        assert.equal(rig.computed, 3);
        assert.equal(rig.state.served()?.articles, 3);
      },
      fleet,
    );
  });

  it('does not start again a refresh that failed for the same articles', async () => {
    await withRig(join(dir, 'failing.db'), async (rig) => {
      rig.failing = true;
      await ingest(rig.other, [example(1)], { now: day(3) });
      await look(rig, 5);
      assert.equal(rig.computed, 2);
      assert.equal(rig.state.status().error?.message, 'the analysis thread stopped');
      assert.equal(rig.state.served()?.articles, 1);
      // More articles: tried again.
      rig.failing = false;
      await ingest(rig.other, [example(2)], { now: day(3) });
      await look(rig, 2);
      assert.equal(rig.computed, 3);
      assert.equal(rig.state.served()?.articles, 3);
    });
  });
});
