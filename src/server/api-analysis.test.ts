import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { FIXTURE_TEXT_A, fixtureAnalysis } from '../../test/fixtures/analysis-fixture.ts';
import type { Analysis } from '../core/analysis.ts';
import { sha256Hex } from '../core/hash.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON read by shape in these tests
type Json = any;
const read = async (res: Response): Promise<Json> => res.json();

const now = () => new Date('2024-06-21T00:00:00Z');

describe('analysis routes', () => {
  const store = createSqliteStore({ path: ':memory:' });
  let calls = 0;
  // The fixture's first article is the stored one once there is one (as a real analysis would be).
  const getAnalysis = async (): Promise<Analysis> => {
    calls += 1;
    const [stored] = await store.listArticles({ limit: 1, offset: 0 });
    return fixtureAnalysis({ a: stored?.id ?? 'a1', b: 'b2' });
  };
  const app = createApp({ store, now, getAnalysis });
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: await read(res) };
  };
  after(() => store.close());

  it('answers 503 on every analysis route when no analysis is configured', async () => {
    const bare = createApp({ store, now });
    for (const path of [
      '/api/analysis',
      '/api/stories',
      '/api/stories/s1',
      '/api/entities',
      '/api/claims',
      '/api/timeline',
      '/api/articles/abcd/annotations',
      '/api/brief',
    ]) {
      const res = await bare.request(path);
      assert.equal(res.status, 503, path);
      const body = await read(res);
      assert.equal(body.code, 'ANALYSIS_UNAVAILABLE');
      assert.match(body.detail, /^analysis not available yet/);
    }
  });

  it('GET /api/brief: one story as JSON, Markdown or HTML; bad parameters are 400, unknown stories 404', async () => {
    const one = await get('/api/brief?story=s2');
    assert.equal(one.status, 200);
    assert.equal(one.body.schema, 'sitrep/brief@1');
    assert.equal(one.body.storyId, 's2');
    assert.equal(one.body.sections[0].id, 'summary');
    const md = await app.request('/api/brief?story=s2&format=md&words=60');
    assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
    assert.match(await md.text(), /^# Situation report: Russia–North Korea \\<cooperation\\>\n/);
    const html = await app.request('/api/brief?story=s2&format=html');
    assert.match(await html.text(), /^<!doctype html>/i);
    assert.match(
      html.headers.get('content-security-policy') ?? '',
      /^default-src 'none'; style-src 'unsafe-inline';/,
    );
    assert.equal((await get('/api/brief?format=pdf')).status, 400);
    assert.equal((await get('/api/brief?words=5')).status, 400);
    const missing = await get('/api/brief?story=zzz');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'NOT_FOUND');
  });

  it('GET /api/analysis returns the contract object, computed once and cached', async () => {
    const { status, body } = await get('/api/analysis');
    assert.equal(status, 200);
    assert.equal(body.schema, 'sitrep/analysis@2');
    // Article texts by reference: length and digest, removed blocks without their text.
    assert.deepEqual(body.articles[0], {
      id: 'a1',
      input: {},
      title: 'Putin <b>visits</b> Pyongyang',
      outlet: 'Wire A & Co',
      publishedAt: '2024-06-19',
      textLength: FIXTURE_TEXT_A.length,
      textSha256: sha256Hex(FIXTURE_TEXT_A),
      removed: [{ start: 0, end: 9, reason: 'share-widget' }],
    });
    assert.equal(body.claims.length, 2);
    await get('/api/stories');
    assert.equal(calls, 1);
  });

  it("GET /api/stories/:id/analysis: one story's analysis, its events inside, mentions kept in the story", async () => {
    const { status, body } = await get('/api/stories/s2/analysis');
    assert.equal(status, 200);
    assert.equal(body.schema, 'sitrep/analysis@2');
    assert.equal(body.story, 's2');
    assert.deepEqual(
      body.stories.map((s: { id: string }) => s.id),
      ['s2', 's1'],
    );
    assert.deepEqual(
      body.articles.map((a: { id: string; textLength: number }) => [a.id, a.textLength]),
      [['a1', FIXTURE_TEXT_A.length]],
    );
    // Entities keep their mentions in the story's article; one with none there is left out.
    assert.deepEqual(
      body.entities.map((e: { id: string; mentions: { articleId: string }[] }) => [
        e.id,
        e.mentions.map((m) => m.articleId),
      ]),
      [
        ['e-putin', ['a1']],
        ['e-kim', ['a1']],
      ],
    );
    assert.deepEqual(
      body.claims.map((c: { id: string }) => c.id),
      ['c1', 'c2'],
    );
    assert.deepEqual(
      body.timeline.map((t: { label: string }) => t.label),
      ['Putin meets Kim <in Pyongyang>'],
    );
    assert.deepEqual(
      body.sources.map((s: { outlet: string }) => s.outlet),
      ['Wire A & Co'],
    );
    assert.deepEqual(body.derivations, []);
    assert.deepEqual(
      body.comparisons.map((c: { storyId: string }) => c.storyId),
      ['s1'],
    );
    // A prefix is enough when it is unique; an ambiguous one is 409, an unknown one 404.
    assert.equal((await get('/api/stories/s1/analysis')).body.articles.length, 2);
    assert.equal((await get('/api/stories/s/analysis')).status, 409);
    assert.equal((await get('/api/stories/zz/analysis')).status, 404);
  });

  it('GET /api/stories and /api/stories/:id', async () => {
    const { body } = await get('/api/stories');
    assert.deepEqual(body.stories[0], {
      id: 's1',
      kind: 'event',
      title: 'Putin meets Kim in Pyongyang',
      period: { start: '2024-06-19', end: '2024-06-20' },
      articleCount: 2,
      outlets: ['Daily B', 'Wire A & Co'],
    });
    const detail = (await get('/api/stories/s1')).body;
    assert.deepEqual(
      detail.articles.map((a: { id: string }) => a.id),
      ['a1', 'b2'],
    );
    assert.deepEqual(
      detail.entities.map((e: { id: string; mentions: number }) => [e.id, e.mentions]),
      [
        ['e-kim', 2],
        ['e-putin', 2],
      ],
    );
    assert.deepEqual(detail.cooccurrence, [{ a: 'e-kim', b: 'e-putin', articles: 2 }]);
    assert.equal(detail.comparison.storyId, 's1');
    assert.equal(detail.derivations.length, 2);
    assert.deepEqual(
      detail.timeline.map((t: { label: string }) => t.label),
      ['Putin meets Kim <in Pyongyang>'],
    );
    const missing = await get('/api/stories/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'NOT_FOUND');
  });

  it('GET /api/stories pages, orders and filters, with the total the query matches', async () => {
    const ids = (body: { stories: { id: string }[] }) => body.stories.map((s) => s.id);
    const first = (await get('/api/stories')).body;
    assert.deepEqual(
      { ...first, stories: ids(first) },
      { stories: ['s1', 's2'], sort: 'size', limit: 50, offset: 0, total: 2 },
    );
    const second = (await get('/api/stories?limit=1&offset=1')).body;
    assert.deepEqual([ids(second), second.total, second.limit, second.offset], [['s2'], 2, 1, 1]);
    const lines = (await get('/api/stories?kind=storyline')).body;
    assert.deepEqual([ids(lines), lines.kind, lines.total], [['s2'], 'storyline', 1]);
    const past = (await get('/api/stories?offset=5')).body;
    assert.deepEqual([ids(past), past.total], [[], 2]);
    for (const bad of ['sort=oldest', 'kind=topic', 'limit=0', 'limit=501', 'offset=-1']) {
      const res = await get(`/api/stories?${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.code, 'USAGE');
    }
  });

  it('GET /api/entities?type', async () => {
    assert.equal((await get('/api/entities')).body.entities.length, 3);
    const countries = (await get('/api/entities?type=country')).body.entities;
    assert.deepEqual(
      countries.map((e: { id: string }) => e.id),
      ['e-nk'],
    );
    assert.equal((await get('/api/entities?type=planet')).status, 400);
  });

  it('GET /api/claims?story&minOrigins', async () => {
    const ids = async (query: string) =>
      (await get(`/api/claims${query}`)).body.claims.map((c: { id: string }) => c.id);
    assert.deepEqual(await ids(''), ['c1', 'c2']);
    assert.deepEqual(await ids('?minOrigins=2'), ['c2']);
    assert.deepEqual(await ids('?story=s2&minOrigins=0'), ['c1', 'c2']);
    assert.equal((await get('/api/claims?minOrigins=many')).status, 400);
    assert.equal((await get('/api/claims?story=nope')).status, 404);
    // The same query the CLI's `claims` runs (engine/analysis-query.ts): outlet, sort, story prefix.
    assert.deepEqual(await ids('?outlet=DAILY%20B'), ['c1']);
    assert.deepEqual(await ids('?sort=origins'), ['c2', 'c1']);
    assert.equal((await get('/api/claims?sort=newest')).status, 400);
    assert.equal((await get('/api/claims?story=s')).status, 409);
  });

  it('GET /api/quotes?speaker&article, /api/events?type&actor, /api/timeline?story', async () => {
    const pick = async (path: string, key: string) =>
      (await get(path)).body[key].map((x: { id?: string; label?: string }) => x.id ?? x.label);
    assert.deepEqual(await pick('/api/quotes?speaker=putin', 'quotes'), ['q1']);
    assert.deepEqual(await pick('/api/quotes?speaker=kim', 'quotes'), []);
    assert.deepEqual(await pick('/api/quotes?article=b2', 'quotes'), []);
    assert.deepEqual(await pick('/api/events?type=meet&actor=Vladimir', 'events'), ['ev1']);
    assert.deepEqual(await pick('/api/events?actor=Kim', 'events'), []);
    assert.deepEqual(await pick('/api/timeline?story=s1', 'timeline'), ['Putin meets Kim <in Pyongyang>']);
  });

  it('mentionLimit cuts each item to its first mentions and counts them all in mentionCount', async () => {
    const claims = (await get('/api/claims?mentionLimit=1')).body.claims;
    assert.deepEqual(
      claims.map((c: { id: string; mentions: unknown[]; mentionCount: number }) => [
        c.id,
        c.mentions.length,
        c.mentionCount,
      ]),
      [
        ['c1', 1, 2],
        ['c2', 1, 1],
      ],
    );
    const entities = (await get('/api/entities?mentionLimit=0&type=person')).body.entities;
    assert.deepEqual(
      entities.map((e: { id: string; mentions: unknown[]; mentionCount: number }) => [
        e.id,
        e.mentions.length,
        e.mentionCount,
      ]),
      [
        ['e-kim', 0, 2],
        ['e-putin', 0, 2],
      ],
    );
    const events = (await get('/api/events')).body.events;
    assert.equal(events[0].mentionCount, undefined, 'without the parameter, items are as they are');
    assert.equal((await get('/api/events?mentionLimit=-1')).status, 400);
  });

  it('GET /api/timeline?from&to', async () => {
    const labels = async (query: string) =>
      (await get(`/api/timeline${query}`)).body.timeline.map((t: { label: string }) => t.label);
    assert.deepEqual(await labels(''), ['Putin meets Kim <in Pyongyang>', 'Eastern summit']);
    assert.deepEqual(await labels('?from=2024'), ['Putin meets Kim <in Pyongyang>']);
    assert.deepEqual(await labels('?to=2023-12'), ['Eastern summit']);
    assert.deepEqual(await labels('?from=2023-09-13&to=2024-06-19'), [
      'Putin meets Kim <in Pyongyang>',
      'Eastern summit',
    ]);
    assert.deepEqual(await labels('?from=2024-06-20'), []);
    assert.equal((await get('/api/timeline?from=June')).status, 400);
  });

  it('GET /api/articles/:id/annotations for a stored article; an ingest makes a new analysis', async () => {
    const res = await app.request('/api/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [{ title: 'Note', text: 'Vladimir Putin met Kim Jong Un.\n\nMore text.' }],
      }),
    });
    const articleId = (await read(res)).items[0].articleId as string;
    // The write started a recompute behind the reads; /api/health says when it is done.
    let health = (await get('/api/health')).body;
    for (let i = 0; health.analysis.pending && i < 10_000; i++) health = (await get('/api/health')).body;
    assert.equal(health.analysis.version, 2);
    assert.equal(calls, 2);
    const res2 = await app.request(`/api/articles/${articleId.slice(0, 8)}/annotations`);
    assert.equal(res2.headers.get('sitrep-analysis-version'), '2');
    assert.equal(res2.headers.get('sitrep-analysis-pending'), 'false');
    const { status, body } = { status: res2.status, body: await read(res2) };
    assert.equal(status, 200);
    assert.equal(body.articleId, articleId);
    assert.deepEqual(
      body.annotations.map((a: { kind: string; ref: string }) => [a.kind, a.ref]),
      [
        ['claim', 'c1'],
        ['entity', 'e-putin'],
        ['entity', 'e-kim'],
        ['quote', 'q1'],
        ['claim', 'c2'],
      ],
    );
    assert.equal((await get('/api/articles/ffffffffff/annotations')).status, 404);
  });
});
