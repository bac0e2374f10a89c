import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureAnalysis } from '../../test/fixtures/analysis-fixture.ts';
import type { Analysis } from '../core/analysis.ts';
import { SitrepError } from '../core/errors.ts';
import { AnalysisPendingError, AnalysisState, MAX_VIEWS, view } from './analysis-state.ts';

const now = () => new Date('2024-06-21T00:00:00Z');

/** A compute whose runs the test finishes by hand, in order. */
function controlled() {
  const runs: { resolve: (a: Analysis) => void; reject: (e: Error) => void }[] = [];
  const compute = () => new Promise<Analysis>((resolve, reject) => runs.push({ resolve, reject }));
  const analysisAt = (generatedAt: string): Analysis => ({
    ...fixtureAnalysis({ a: 'a1', b: 'b2' }),
    generatedAt,
  });
  return { runs, compute, analysisAt };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AnalysisState', () => {
  it('serves the last complete analysis while a recompute runs, then the new one', async () => {
    const { runs, compute, analysisAt } = controlled();
    const state = new AnalysisState(compute, { now });
    const first = state.snapshot();
    runs[0]!.resolve(analysisAt('2024-06-21T01:00:00Z'));
    assert.equal((await first).version, 1);
    state.refresh();
    assert.equal(state.status().pending, true);
    // A read during the recompute is answered at once, from the previous analysis.
    const stale = await state.snapshot();
    assert.equal(stale.analysis.generatedAt, '2024-06-21T01:00:00Z');
    runs[1]!.resolve(analysisAt('2024-06-21T02:00:00Z'));
    await state.settled();
    const fresh = await state.snapshot();
    assert.deepEqual([fresh.version, fresh.analysis.generatedAt], [2, '2024-06-21T02:00:00Z']);
    assert.deepEqual(
      { ...state.status(), lastRun: undefined },
      { version: 2, pending: false, generatedAt: '2024-06-21T02:00:00Z', lastRun: undefined },
    );
  });

  it('runs one recompute at a time and coalesces the writes made during one into one more', async () => {
    const { runs, compute, analysisAt } = controlled();
    const state = new AnalysisState(compute, { now });
    state.refresh();
    state.refresh();
    state.refresh();
    state.refresh();
    await tick();
    assert.equal(runs.length, 1);
    runs[0]!.resolve(analysisAt('2024-06-21T01:00:00Z'));
    await tick();
    assert.equal(runs.length, 2);
    runs[1]!.resolve(analysisAt('2024-06-21T02:00:00Z'));
    await state.settled();
    assert.equal(runs.length, 2);
    assert.equal(state.status().version, 2);
  });

  it('keeps the previous analysis when a recompute fails, and reports the failure until one succeeds', async () => {
    const { runs, compute, analysisAt } = controlled();
    const state = new AnalysisState(compute, { now });
    state.refresh();
    runs[0]!.resolve(analysisAt('2024-06-21T01:00:00Z'));
    await state.settled();
    state.refresh();
    runs[1]!.reject(new SitrepError('STORE_FAILED', 'database is locked'));
    await state.settled();
    const snapshot = await state.snapshot();
    assert.equal(snapshot.analysis.generatedAt, '2024-06-21T01:00:00Z');
    const status = state.status();
    assert.deepEqual(status.error, {
      code: 'STORE_FAILED',
      message: 'database is locked',
      at: now().toISOString(),
    });
    assert.equal(status.lastRun?.ok, false);
    state.refresh();
    runs[2]!.resolve(analysisAt('2024-06-21T03:00:00Z'));
    await state.settled();
    assert.equal(state.status().error, undefined);
    assert.equal(state.status().version, 2);
  });

  it('before the first analysis: readers wait for it, get its error, or ANALYSIS_PENDING after firstWaitMs', async () => {
    const { runs, compute, analysisAt } = controlled();
    const state = new AnalysisState(compute, { now, firstWaitMs: 20 });
    await assert.rejects(state.snapshot(), AnalysisPendingError);
    runs[0]!.reject(new SitrepError('NOT_FOUND', 'no articles to analyze'));
    await state.settled();
    // The next reader starts a new run and gets its error.
    const failed = state.snapshot();
    runs[1]!.reject(new SitrepError('NOT_FOUND', 'no articles to analyze'));
    await assert.rejects(failed, { code: 'NOT_FOUND' });
    const waiting = state.snapshot();
    runs[2]!.resolve(analysisAt('2024-06-21T01:00:00Z'));
    assert.equal((await waiting).version, 1);
  });

  it('warms each new analysis on a later turn, out of the first reader way', async () => {
    const warmed: string[] = [];
    const state = new AnalysisState(async () => fixtureAnalysis({ a: 'a1', b: 'b2' }), {
      now,
      warm: (analysis) => warmed.push(analysis.generatedAt),
    });
    const snapshot = await state.snapshot();
    assert.deepEqual(warmed, []);
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(warmed, [snapshot.analysis.generatedAt]);
  });

  it('view: one body per analysis and key, the oldest dropped past MAX_VIEWS', async () => {
    const state = new AnalysisState(async () => fixtureAnalysis({ a: 'a1', b: 'b2' }), { now });
    const snapshot = await state.snapshot();
    let made = 0;
    const make = () => {
      made += 1;
      return '{}';
    };
    view(snapshot, 'stories', make);
    view(snapshot, 'stories', make);
    assert.equal(made, 1);
    for (let i = 0; i < MAX_VIEWS; i++) view(snapshot, `story ${i}`, make);
    assert.equal(snapshot.views.size, MAX_VIEWS);
    assert.equal(snapshot.views.has('stories'), false);
    assert.equal(snapshot.viewBytes, 2 * MAX_VIEWS);
  });
});
