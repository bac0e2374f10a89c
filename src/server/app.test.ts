import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createApp } from './app.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON read by shape in these tests
type Json = any;
const read = async (res: Response): Promise<Json> => res.json();

const now = () => new Date('2024-06-21T00:00:00Z');
const TOKEN = 'test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

const items = [
  {
    title: 'Putin arrives in Pyongyang',
    outlet: 'Wire A',
    publishedAt: '2024-06-19',
    text: 'Putin arrives in Pyongyang\n\nRussian President Vladimir Putin arrived in Pyongyang on Wednesday for his first visit in 24 years.\n\nThe two leaders are expected to sign a partnership agreement.',
  },
  {
    url: 'https://example.org/news/treaty',
    outlet: 'Daily B',
    html: '<html><head><title>Treaty signed</title></head><body><article><h1>Treaty signed</h1><p>North Korea and Russia signed a comprehensive strategic partnership treaty on Wednesday, state media said.</p><p>The treaty includes a mutual defence clause, according to the text published on Thursday.</p></article></body></html>',
  },
];

describe('createApp: store routes', () => {
  const store = createSqliteStore({ path: ':memory:' });
  const app = createApp({ store, now, token: TOKEN, maxBodyBytes: 64 * 1024 });
  const ids: string[] = [];
  const post = (body: unknown, headers: Record<string, string> = auth) =>
    app.request('/api/ingest', { method: 'POST', headers, body: JSON.stringify(body) });

  before(async () => {
    const res = await post({ items });
    assert.equal(res.status, 200);
    const report = await read(res);
    assert.deepEqual(report.counts, { inserted: 2, updated: 0, unchanged: 0, duplicate: 0, failed: 0 });
    assert.deepEqual(
      report.items.map((i: { where: string; status: string }) => [i.where, i.status]),
      [
        ['items[0]', 'inserted'],
        ['items[1]', 'inserted'],
      ],
    );
    ids.push(...report.items.map((i: { articleId: string }) => i.articleId));
  });
  after(() => store.close());

  it('GET /api/health', async () => {
    const res = await app.request('/api/health');
    assert.equal(res.status, 200);
    assert.deepEqual(await read(res), { ok: true, driver: 'sqlite', articles: 2, writes: 'token' });
  });

  it('GET /api/articles with outlet, limit and offset; 400 on a bad limit', async () => {
    const all = await read(await app.request('/api/articles'));
    assert.equal(all.total, 2);
    assert.deepEqual(all.articles.map((a: { id: string }) => a.id).sort(), [...ids].sort());
    const page = await read(await app.request('/api/articles?limit=1&offset=1'));
    assert.equal(page.articles.length, 1);
    assert.equal(page.offset, 1);
    const daily = await read(await app.request('/api/articles?outlet=Daily%20B'));
    assert.deepEqual(
      daily.articles.map((a: { id: string }) => a.id),
      [ids[1]],
    );
    for (const bad of ['limit=0', 'limit=ten', 'limit=100000', 'offset=-1']) {
      const res = await app.request(`/api/articles?${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal((await read(res)).code, 'USAGE');
    }
  });

  it('GET /api/articles/:id by id and prefix, with removed blocks; 404 and 400 errors', async () => {
    const full = await read(await app.request(`/api/articles/${ids[0]}`));
    assert.equal(full.id, ids[0]);
    assert.equal(full.title, 'Putin arrives in Pyongyang');
    assert.ok(Array.isArray(full.removed) && typeof full.rawText === 'string');
    const byPrefix = await app.request(`/api/articles/${ids[1]?.slice(0, 6)}`);
    assert.equal((await read(byPrefix)).id, ids[1]);
    const missing = await app.request('/api/articles/ffffffffffffffff');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(await read(missing), {
      type: 'urn:sitrep:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'no article with id ffffffffffffffff; GET /api/articles lists them',
      code: 'NOT_FOUND',
    });
    assert.equal((await app.request('/api/articles/ab')).status, 400);
  });

  it('GET /api/search; 400 without q', async () => {
    const res = await app.request('/api/search?q=treaty&limit=5');
    const body = await read(res);
    assert.equal(res.status, 200);
    assert.deepEqual(
      body.hits.map((h: { id: string }) => h.id),
      [ids[1]],
    );
    assert.match(body.hits[0].snippet, /«treaty»/i);
    assert.equal((await app.request('/api/search')).status, 400);
    assert.equal((await app.request('/api/search?q=%20')).status, 400);
  });

  it('POST /api/ingest: 401 without or with a wrong token, 415, 400, 413; re-post is unchanged', async () => {
    const none = await post({ items }, { 'content-type': 'application/json' });
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="sitrep"');
    assert.equal((await read(none)).code, 'UNAUTHORIZED');
    const wrong = await post({ items }, { ...auth, authorization: 'Bearer nope' });
    assert.equal(wrong.status, 401);
    assert.equal((await post({ items }, { authorization: auth.authorization })).status, 415);
    assert.equal((await post({})).status, 400);
    assert.equal((await post({ items: 'x' })).status, 400);
    assert.equal((await post([1, 2])).status, 400);
    const bad = await app.request('/api/ingest', { method: 'POST', headers: auth, body: '{"items": [' });
    assert.equal(bad.status, 400);
    assert.equal((await read(bad)).code, 'INPUT_MALFORMED');
    const big = await post({ items: [{ text: 'x'.repeat(70 * 1024) }] });
    assert.equal(big.status, 413);
    assert.equal((await read(big)).code, 'INPUT_TOO_LARGE');
    const again = await read(await post({ items }));
    assert.deepEqual(again.counts, { inserted: 0, updated: 0, unchanged: 2, duplicate: 0, failed: 0 });
  });

  it('POST /api/ingest never fetches private addresses or reads files', async () => {
    const res = await post({ urls: ['http://127.0.0.1/', 'http://[::1]:8080/x', '/etc/passwd'] });
    assert.equal(res.status, 200);
    const report = await read(res);
    assert.deepEqual(
      report.items.map((i: { where: string; error: { code: string } }) => [i.where, i.error.code]),
      [
        ['/etc/passwd', 'INPUT_UNSUPPORTED'],
        ['http://127.0.0.1/', 'FETCH_BLOCKED'],
        ['http://[::1]:8080/x', 'FETCH_BLOCKED'],
      ],
    );
    assert.equal(await store.countArticles(), 2);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.request('/api/nope');
    assert.equal(res.status, 404);
    assert.equal((await read(res)).code, 'NOT_FOUND');
  });
});

describe('createApp: web UI files', () => {
  const store = createSqliteStore({ path: ':memory:' });
  const app = createApp({ store, now });
  after(() => store.close());

  it('serves the UI files with their content types', async () => {
    const expected: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/render.js', 'text/javascript; charset=utf-8'],
      ['/style.css', 'text/css; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml'],
    ];
    for (const [path, type] of expected) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), type, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.ok((await res.text()).length > 0);
    }
    assert.match(await (await app.request('/')).text(), /<script type="module" src="\/app.js">/);
  });

  it('refuses directory traversal and files outside the list', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/web/../package.json',
      '/package.json',
      '/render.d.ts',
      '/app.js/../../package.json',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /"name": "sitrep"/);
    }
  });

  it('refuses other hosts when allowedHosts is set (DNS rebinding)', async () => {
    const local = createApp({ store, now, allowedHosts: ['localhost', '127.0.0.1'] });
    assert.equal((await local.request('http://127.0.0.1/api/health')).status, 200);
    const evil = await local.request('http://evil.example/api/health');
    assert.equal(evil.status, 403);
    assert.equal((await read(evil)).code, 'FORBIDDEN_HOST');
  });
});

describe('OpenAPI description', () => {
  it('describes exactly the API routes the app serves, and passes the recommended lint rules', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({ store, now });
    const res = await app.request('/api/openapi.json');
    assert.equal(res.status, 200);
    const document = await read(res);
    assert.equal(document.openapi, '3.1.0');
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const described = new Set(
      Object.entries(document.paths as Record<string, object>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    assert.deepEqual([...served].sort(), [...described].sort());
    assert.equal(described.size, 20);
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config,
    });
    const errors = problems.filter((p) => p.severity === 'error');
    assert.deepEqual(
      errors.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
      [],
    );
    await store.close();
  });
});
