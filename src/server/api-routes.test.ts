/**
 * Every documented route: its 2xx answer parsed with the schema the document is generated from, and
 * one of its documented 4xx answers as a problem details body. Then what every read shares: ETags and
 * 304, brotli, 405 with Allow, the Host check and the token for reads off loopback.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import type { z } from '@hono/zod-openapi';
import { FIXTURE_TEXT_A, fixtureAnalysis } from '../../test/fixtures/analysis-fixture.ts';
import type { Analysis } from '../core/analysis.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import * as S from './api-schemas.ts';
import { createApp } from './app.ts';

const now = () => new Date('2024-06-21T00:00:00Z');
const TOKEN = 'route-test-token-0123456789';
// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON read by shape in these tests
type Json = any;
const write = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe('every API route: 2xx against its schema, and a documented 4xx', () => {
  const store = createSqliteStore({ path: ':memory:' });
  let id = '';
  // The fixture's first article is the stored one (as a real analysis would have it).
  const getAnalysis = async (): Promise<Analysis> => {
    const [stored] = await store.listArticles({ limit: 1 });
    return fixtureAnalysis({ a: stored?.id ?? 'a1', b: 'b2' });
  };
  const app = createApp({ store, now, token: TOKEN, getAnalysis });
  before(async () => {
    const res = await app.request('/api/ingest', {
      method: 'POST',
      headers: write,
      body: JSON.stringify({
        items: [{ title: 'Putin visits Pyongyang', outlet: 'Wire A', text: FIXTURE_TEXT_A }],
      }),
    });
    assert.equal(res.status, 200);
    id = ((await res.json()) as Json).items[0].articleId;
  });
  after(() => store.close());

  const ok = async (path: string, schema: z.ZodType, init?: RequestInit) => {
    const res = await app.request(path, init);
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    const body: Json = await res.json();
    const parsed = schema.safeParse(body);
    assert.ok(
      parsed.success,
      `${path}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`,
    );
    return body;
  };
  const problem = async (path: string, status: number, code: string, init?: RequestInit) => {
    const res = await app.request(path, init);
    assert.equal(res.status, status, path);
    assert.equal(res.headers.get('content-type'), 'application/problem+json', path);
    const body = S.Problem.parse(await res.json());
    assert.deepEqual([body.status, body.code], [status, code], path);
    return body;
  };

  it('store routes', async () => {
    assert.equal((await ok('/api/health', S.Health)).articles, 1);
    const list = await ok('/api/articles?outlet=WIRE%20A&limit=1', S.ArticleList);
    assert.deepEqual([list.total, list.articles.length, list.limit, list.offset], [1, 1, 1, 0]);
    assert.equal((await ok('/api/articles?outlet=Nobody', S.ArticleList)).total, 0);
    await problem('/api/articles?limit=0', 400, 'USAGE');
    assert.equal((await ok(`/api/articles/${id.slice(0, 8)}`, S.Article)).id, id);
    await problem('/api/articles/ffffffffffff', 404, 'NOT_FOUND');
    const search = await ok('/api/search?q=Pyongyang&limit=5', S.SearchResults);
    assert.deepEqual([search.total, search.hits[0].id], [1, id]);
    assert.equal((await ok('/api/search?q=Pyongyang&offset=1', S.SearchResults)).hits.length, 0);
    const missingQ = await problem('/api/search', 400, 'USAGE');
    assert.match(missingQ.detail, /^query parameter "q": /);
    const report = await ok('/api/ingest', S.IngestReport, {
      method: 'POST',
      headers: write,
      body: JSON.stringify({
        items: [{ title: 'Putin visits Pyongyang', outlet: 'Wire A', text: FIXTURE_TEXT_A }],
      }),
    });
    assert.deepEqual(report.items[0], { status: 'unchanged', where: 'items[0]', articleId: id });
    await problem('/api/ingest', 401, 'UNAUTHORIZED', { method: 'POST', body: '{}' });
    await problem('/api/ingest', 400, 'INPUT_MALFORMED', {
      method: 'POST',
      headers: write,
      body: '{"items": [',
    });
    await problem('/api/ingest', 400, 'USAGE', { method: 'POST', headers: write, body: '{"items": "x"}' });
  });

  it('analysis routes', async () => {
    const stories = await ok('/api/stories?kind=storyline', S.StoryList);
    assert.deepEqual([stories.total, stories.stories[0].id], [1, 's2']);
    await problem('/api/stories?sort=alphabetical', 400, 'USAGE');
    const ids = async (q: string) =>
      (await ok(`/api/stories?${q}`, S.StoryList)).stories.map((x: Json) => x.id);
    assert.deepEqual(await ids('sort=rank'), ['s2', 's1']);
    assert.deepEqual(await ids('minArticles=2'), ['s1']);
    assert.deepEqual(await ids('from=2024-06-20&to=2024-06'), ['s1']);
    assert.deepEqual(await ids('from=2024-07'), []);
    assert.deepEqual(await ids('outlet=nobody'), []);
    await problem('/api/stories?from=soon', 400, 'USAGE');
    assert.equal((await ok('/api/stories/s1', S.StoryDetail)).story.id, 's1');
    await problem('/api/stories/nope', 404, 'NOT_FOUND');
    assert.equal((await ok('/api/stories/s1/analysis', S.AnalysisDocument)).story, 's1');
    await problem('/api/stories/nope/analysis', 404, 'NOT_FOUND');
    const people = await ok('/api/entities?type=person&limit=1', S.EntityList);
    assert.deepEqual([people.total, people.entities.length], [2, 1]);
    await problem('/api/entities?type=animal', 400, 'USAGE');
    const putin = await ok('/api/entities/e-putin', S.EntityDetail);
    assert.deepEqual(
      [
        putin.entity.name,
        putin.articles.length,
        putin.stories.map((x: Json) => x.id),
        putin.cooccurring[0].id,
      ],
      ['Vladimir Putin', 2, ['s1', 's2'], 'e-kim'],
    );
    await problem('/api/entities/nobody', 404, 'NOT_FOUND');
    const claims = await ok('/api/claims?story=s1&modality=asserted', S.ClaimList);
    assert.ok(claims.claims.every((c: { modality: string }) => c.modality === 'asserted'));
    await problem('/api/claims?minOrigins=-1', 400, 'USAGE');
    const quotes = await ok('/api/quotes?story=s1', S.QuoteList);
    assert.deepEqual([quotes.total, quotes.quotes[0].id], [1, 'q1']);
    await problem('/api/quotes?story=nope', 404, 'NOT_FOUND');
    const events = await ok('/api/events', S.EventList);
    assert.deepEqual([events.total, events.events[0].id], [1, 'ev1']);
    await problem('/api/events?limit=501', 400, 'USAGE');
    const timeline = await ok('/api/timeline?from=2024-06&to=2024', S.Timeline);
    assert.equal(timeline.total, timeline.timeline.length);
    await problem('/api/timeline?from=June', 400, 'USAGE');
    const brief = await ok('/api/brief?story=s1', S.Brief);
    assert.equal(brief.storyId, 's1');
    const md = await app.request('/api/brief?story=s1&format=md');
    assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
    await problem('/api/brief?words=5', 400, 'USAGE');
    const notes = await ok(`/api/articles/${id}/annotations?limit=2`, S.AnnotationList);
    assert.deepEqual([notes.articleId, notes.annotations.length, notes.limit], [id, 2, 2]);
    assert.ok(notes.total > 2);
    await problem('/api/articles/ffffffffffff/annotations', 404, 'NOT_FOUND');
    const csv = await app.request('/api/export/csv?kind=claims&story=s1');
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="claims-s1.csv"');
    assert.match(await csv.text(), /^id,text,modality,independent_origins,/);
    await problem('/api/export/csv', 400, 'USAGE');
    const stix = await app.request('/api/export/stix?story=s1');
    assert.equal(stix.headers.get('content-type'), 'application/stix+json;version=2.1');
    assert.equal(((await stix.json()) as Json).type, 'bundle');
    await problem('/api/export/stix?story=nope', 404, 'NOT_FOUND');
    const whole = await app.request('/api/analysis');
    assert.equal(whole.status, 200);
    assert.ok(S.AnalysisDocument.safeParse(await whole.json()).success);
  });

  it('ETag and 304; brotli for clients that take it', async () => {
    const first = await app.request('/api/stories/s1');
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^W\/"/);
    const again = await app.request('/api/stories/s1', { headers: { 'if-none-match': etag! } });
    assert.equal(again.status, 304);
    const list = await app.request('/api/articles');
    const held = await app.request('/api/articles', {
      headers: { 'if-none-match': list.headers.get('etag')! },
    });
    assert.equal(held.status, 304);
    const br = await app.request('/api/stories/s1', { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    const plain = await (await app.request('/api/stories/s1')).text();
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), plain);
  });

  it('serves the graph library from the installed package, cached and compressed', async () => {
    const res = await app.request('/vendor/cytoscape.js', { headers: { 'accept-encoding': 'br' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=86400');
    assert.equal(res.headers.get('content-encoding'), 'br');
    const plain = await (await app.request('/vendor/cytoscape.js')).text();
    assert.match(plain.slice(-300), /export\s*\{[^}]*as default/);
  });

  it('405 with Allow for a path served under other methods; 404 for unknown paths', async () => {
    const res = await app.request('/api/stories', { method: 'DELETE' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
    assert.equal(((await res.json()) as Json).code, 'METHOD_NOT_ALLOWED');
    const get = await app.request('/api/ingest');
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    const story = await app.request('/api/stories/s1', { method: 'PUT' });
    assert.equal(story.status, 405);
    assert.equal((await app.request('/api/nothing-here')).status, 404);
  });
});

describe('the Host check and the token for reads', () => {
  const store = createSqliteStore({ path: ':memory:' });
  after(() => store.close());

  it('a loopback server with a token still refuses other host names', async () => {
    const app = createApp({ store, now, token: TOKEN, allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });
    assert.equal((await app.request('http://127.0.0.1/api/health')).status, 200);
    const evil = await app.request('http://rebound.example/api/health', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(evil.status, 403);
    const doc = await app.request('http://rebound.example/api/openapi.json');
    assert.equal(doc.status, 403);
    assert.equal(((await doc.json()) as Json).code, 'FORBIDDEN_HOST');
  });

  it('off loopback, reads need the token; the UI files do not', async () => {
    const app = createApp({ store, now, token: TOKEN, readsNeedToken: true });
    const bare = await app.request('http://news.example/api/articles');
    assert.equal(bare.status, 401);
    assert.equal(bare.headers.get('www-authenticate'), 'Bearer realm="sitrep"');
    const wrong = await app.request('http://news.example/api/articles', {
      headers: { authorization: 'Bearer wrong-token' },
    });
    assert.equal(wrong.status, 401);
    const good = await app.request('http://news.example/api/articles', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(good.status, 200);
    assert.equal((await app.request('http://news.example/')).status, 200);
  });
});
