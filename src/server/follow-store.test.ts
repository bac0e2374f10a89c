import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeStore } from '../engine/analysis.ts';
import { ingest } from '../engine/ingest.ts';
import { openStore } from '../engine/open-store.ts';
import { AnalysisState } from './analysis-state.ts';
import { followStore } from './follow-store.ts';

const examples = resolve(import.meta.dirname, '../../examples/korea-russia');
const example = (n: number) =>
  join(examples, ['000_4ed6d99c9978a127.txt', '001_dc7abb91df948636.txt', '002_313fdb9f659b9b3c.txt'][n]!);
const day = (d: number) => () => new Date(Date.UTC(2026, 11, d, 12));

describe('the server follows what other processes store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-follow-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves articles ingested and analyses stored by another process, and does nothing while nothing changes', async () => {
    const db = join(dir, 'store.db');
    const server = await openStore({ db, mustExist: false });
    const other = await openStore({ db });
    try {
      await ingest(server, [example(0)], { now: day(1) });
      let computed = 0;
      const state = new AnalysisState(
        () => {
          computed += 1;
          return analyzeStore(server, { now: day(2) });
        },
        { now: day(2) },
      );
      state.refresh();
      await state.settled();
      const follower = followStore(server, state, 60_000);
      try {
        assert.deepEqual(state.served(), { generatedAt: '2026-12-02T12:00:00.000Z', articles: 1 });
        await follower.look();
        assert.equal(computed, 1);

        // Another process ingests: the count changes; the refresh waits one more look for it to hold.
        await ingest(other, [example(1), example(2)], { now: day(3) });
        await follower.look();
        assert.equal(state.status().pending, false);
        await follower.look();
        await state.settled();
        assert.equal(computed, 2);
        assert.equal(state.served()?.articles, 3);

        // Another process stores an analysis of its own (`sitrep analyze --fresh` at another time): it
        // is served as stored, not recomputed.
        const theirs = await analyzeStore(other, { now: day(4), fresh: true });
        await follower.look();
        await state.settled();
        assert.equal(computed, 3);
        assert.deepEqual(state.served(), { generatedAt: theirs.generatedAt, articles: 3 });
        assert.equal(theirs.generatedAt, '2026-12-04T12:00:00.000Z');

        // Nothing changed since: looking again computes nothing.
        await follower.look();
        await follower.look();
        await state.settled();
        assert.equal(computed, 3);
      } finally {
        follower.stop();
      }
    } finally {
      await other.close();
      await server.close();
    }
  });

  it('does not start again a refresh that failed for the same articles', async () => {
    const db = join(dir, 'failing.db');
    const server = await openStore({ db, mustExist: false });
    const other = await openStore({ db });
    try {
      await ingest(server, [example(0)], { now: day(1) });
      let computed = 0;
      let failing = false;
      const state = new AnalysisState(
        async () => {
          computed += 1;
          if (failing) throw new Error('the analysis thread stopped');
          return analyzeStore(server, { now: day(2) });
        },
        { now: day(2) },
      );
      state.refresh();
      await state.settled();
      const follower = followStore(server, state, 60_000);
      try {
        failing = true;
        await ingest(other, [example(1)], { now: day(3) });
        for (let i = 0; i < 5; i++) {
          await follower.look();
          await state.settled();
        }
        assert.equal(computed, 2);
        assert.equal(state.status().error?.message, 'the analysis thread stopped');
        assert.equal(state.served()?.articles, 1);
        // More articles: tried again.
        failing = false;
        await ingest(other, [example(2)], { now: day(3) });
        await follower.look();
        await follower.look();
        await state.settled();
        assert.equal(computed, 3);
        assert.equal(state.served()?.articles, 3);
      } finally {
        follower.stop();
      }
    } finally {
      await other.close();
      await server.close();
    }
  });
});
