import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestItems } from '../engine/ingest-upload.ts';
import { JOB_THREAD_NICE, type ServerJobs, startServerJobs } from '../engine/server-jobs.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { AnalysisState } from './analysis-state.ts';
import { createApp } from './app.ts';
import type { Api } from './endpoint.ts';
import { SLOW_STAGE_MS } from './slow-stages.fixtures.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON read by shape in these tests
type Json = any;

const now = () => new Date('2024-06-21T00:00:00Z');
const json = { 'content-type': 'application/json' };

const items = ['Pyongyang', 'Moscow', 'Seoul', 'Tokyo'].map((city, i) => ({
  title: `Summit talk in ${city}`,
  outlet: `Wire ${i}`,
  publishedAt: '2024-06-19',
  text: `Summit talk in ${city}\n\nOfficials in ${city} said on Wednesday that Vladimir Putin and Kim Jong Un signed a partnership treaty.\n\nThe treaty includes a mutual defence clause, ${city} media reported.`,
}));

interface Reads {
  /** The longest time between two answered reads (or the start or end of the work). */
  maxGapMs: number;
  durationMs: number;
  responses: { path: string; res: Response }[];
}

/**
 * Reads /api/health and /api/stories back to back (10 ms apart) until `work` settles. On a blocked
 * event loop no read is answered while the loop is held, so the longest gap is about as long as the
 * work; with the work on another thread the gaps are a read's time.
 */
async function readWhile(app: Api, work: Promise<unknown> | Response): Promise<Reads> {
  const started = performance.now();
  let last = started;
  let maxGapMs = 0;
  let done = false;
  const responses: Reads['responses'] = [];
  const paths = ['/api/health', '/api/stories'];
  const settled = Promise.resolve(work).finally(() => {
    done = true;
  });
  while (!done) {
    const answered = await Promise.all(paths.map((path) => app.request(path)));
    responses.push(...answered.map((res, i) => ({ path: paths[i]!, res })));
    const at = performance.now();
    maxGapMs = Math.max(maxGapMs, at - last);
    last = at;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await settled;
  const end = performance.now();
  return { maxGapMs: Math.max(maxGapMs, end - last), durationMs: end - started, responses };
}

describe('the server keeps answering while it ingests and analyses (issue 18, finding 4)', () => {
  let dir: string;
  // Two stores, each with its threads: one for uploads, one (without the long upload) to analyse.
  let uploads: { store: Store; jobs: ServerJobs };
  let analysed: { store: Store; jobs: ServerJobs };
  const open = (name: string) => {
    const db = join(dir, name);
    const stagesModule = new URL('./slow-stages.fixtures.ts', import.meta.url).href;
    return {
      store: createSqliteStore({ path: db }),
      jobs: startServerJobs({ db, stagesModule, idleMs: 600_000 }),
    };
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-off-loop-'));
    uploads = open('uploads.db');
    analysed = open('analysed.db');
  });
  after(async () => {
    for (const { store, jobs } of [uploads, analysed]) {
      await jobs.close();
      await store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('the job threads run at a lower priority than the event loop (Linux: nice per thread)', {
    skip: process.platform !== 'linux',
  }, async () => {
    const nice = () =>
      readdirSync('/proc/self/task').map((t) =>
        Number(readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
      );
    assert.equal(nice().filter((n) => n === JOB_THREAD_NICE).length, 0);
    await assert.rejects(analysed.jobs.analyze(), { code: 'NOT_FOUND' });
    assert.equal(nice().filter((n) => n === JOB_THREAD_NICE).length, 1);
    assert.equal(Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[16]), 0);
  });

  it('an analysis error on the analysis thread reaches the caller with its code', async () => {
    await assert.rejects(analysed.jobs.analyze(), { code: 'NOT_FOUND', message: /no articles to analyze/ });
  });

  it('POST /api/ingest: extraction and storing run on the ingest thread while reads are answered', async () => {
    {
      const { store, jobs } = uploads;
      const app = createApp({ store, now, ingest: (body) => jobs.ingest(body, {}) });
      // 2 MiB of short paragraphs: a second or more of extraction in one synchronous stretch.
      const text = Array.from(
        { length: 40_000 },
        (_, i) => `Paragraph ${i} says something about the summit.`,
      ).join('\n\n');
      const posted = app.request('/api/ingest', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ items: [...items, { title: 'Long', text: `Long\n\n${text}` }] }),
      });
      const reads = await readWhile(app, posted);
      const report = (await (await posted).json()) as Json;
      assert.deepEqual(
        report.items.filter((i: Json) => i.status === 'failed'),
        [],
      );
      assert.deepEqual(report.counts, { inserted: 5, updated: 0, unchanged: 0, duplicate: 0, failed: 0 });
      assert.equal(report.items[0].where, 'items[0]');
      assert.ok(reads.durationMs > 300, `the upload took ${reads.durationMs} ms: too short to tell`);
      assert.ok(
        reads.maxGapMs < reads.durationMs / 2,
        `no read answered for ${reads.maxGapMs.toFixed(0)} ms of a ${reads.durationMs.toFixed(0)} ms upload`,
      );
      const health = reads.responses.filter((r) => r.path === '/api/health');
      assert.ok(health.length >= 2);
      for (const { res } of health) assert.equal(res.status, 200);
    }
  });

  it('a recompute runs on the analysis thread; reads get the previous analysis, marked pending, until it is done', async () => {
    {
      const { store, jobs } = analysed;
      await ingestItems(store, items, [], { now });
      const state = new AnalysisState(jobs.analyze, { now, firstWaitMs: 120_000 });
      const app = createApp({ store, now, analysis: state });
      const first = await app.request('/api/stories');
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('sitrep-analysis-version'), '1');
      state.refresh();
      const reads = await readWhile(app, state.settled());
      // The slow stage holds the analysis thread for SLOW_STAGE_MS per article.
      assert.ok(
        reads.durationMs >= SLOW_STAGE_MS * items.length,
        `the recompute took ${reads.durationMs} ms`,
      );
      assert.ok(
        reads.maxGapMs < reads.durationMs / 2,
        `no read answered for ${reads.maxGapMs.toFixed(0)} ms of a ${reads.durationMs.toFixed(0)} ms recompute`,
      );
      const stories = reads.responses.filter((r) => r.path === '/api/stories').map((r) => r.res);
      assert.ok(stories.length >= 2);
      for (const r of stories.slice(0, -1)) {
        assert.equal(r.status, 200);
        assert.equal(r.headers.get('sitrep-analysis-version'), '1');
        assert.equal(r.headers.get('sitrep-analysis-pending'), 'true');
      }
      const health = (await (await app.request('/api/health')).json()) as Json;
      assert.equal(health.analysis.version, 2);
      assert.equal(health.analysis.pending, false);
      assert.equal(health.analysis.lastRun.ok, true);
    }
  });
});
