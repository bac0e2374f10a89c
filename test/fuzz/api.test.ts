/**
 * Fuzz: the HTTP API in process (`app.request`), on SQLite and PostgreSQL. Each run sends refused
 * writes (which must get their status and write nothing), one POST /api/ingest of random items and
 * URLs between two good items (the batch completes, each item reported at its index, rows sound, a
 * replay changes nothing), then random reads, which must answer with a JSON body and a known status,
 * never 500. Both drivers must agree (search hits aside: ranking is each driver's own).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type { IngestReport } from '../../src/engine/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/store.ts';
import {
  MAX_BODY_BYTES,
  REFUSED_STATUS,
  type Read,
  type RefusedWrite,
  read,
  readUrl,
  refusedWrite,
  TOKEN,
  TOO_LARGE,
} from './api-requests.ts';
import { checkStore, ingestTwiceAndCheck, storedIds } from './fuzz-checks.ts';
import { expectInputs, fuzzDrivers, fuzzParameters, onEveryDriver, postgresMissing } from './fuzz-run.ts';
import { fuzzStores } from './fuzz-stores.ts';
import { jsonItem, url } from './input-arbitraries.ts';

const now = () => new Date('2024-06-01T00:00:00Z');
const stores = await fuzzStores('api');
const drivers = fuzzDrivers(stores);
const json = { 'content-type': 'application/json' };
const auth = { ...json, authorization: `Bearer ${TOKEN}` };
const good = (n: string) => ({
  url: `https://example.org/good/${n}`,
  text: `Good item ${n}\n\nThe council said on Tuesday that the ${n} bridge would reopen after storm repairs.`,
});
/** The codes of the HTTP edge, beside the SitrepError codes. */
const EDGE_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN_HOST',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'USAGE',
  'INPUT_MALFORMED',
  'INPUT_TOO_LARGE',
  'AMBIGUOUS_ID',
];

const runArbitrary = fc.record({
  refused: fc.array(refusedWrite, { minLength: 1, maxLength: 4 }),
  items: fc.array(jsonItem, { minLength: 4, maxLength: 40, size: 'max' }),
  urls: fc.array(url, { maxLength: 3 }),
  reads: fc.array(read, { minLength: 10, maxLength: 40, size: 'max' }),
});
type Run = typeof runArbitrary extends fc.Arbitrary<infer T> ? T : never;

function app(store: Store) {
  return createApp({
    store,
    now,
    token: TOKEN,
    maxBodyBytes: MAX_BODY_BYTES,
    allowedHosts: ['localhost'],
    // Posted URLs resolve to loopback, which uploads always refuse: no request leaves the machine.
    fetch: { lookup: async () => [{ address: '127.0.0.1', family: 4 }], timeoutMs: 2000 },
  });
}

async function body(res: Response): Promise<unknown> {
  const text = await res.text();
  assert.match(res.headers.get('content-type') ?? '', /^application\/(problem\+)?json/, text.slice(0, 200));
  return JSON.parse(text);
}

async function errorOf(res: Response): Promise<string> {
  const value = (await body(res)) as { code?: unknown; detail?: unknown; status?: unknown };
  assert.equal(typeof value.detail, 'string', JSON.stringify(value));
  assert.equal(value.status, res.status, JSON.stringify(value));
  assert.doesNotMatch(String(value.detail), /\n\s+at \S/);
  assert.ok(EDGE_CODES.includes(String(value.code)), JSON.stringify(value));
  return String(value.code);
}

async function refuse(api: ReturnType<typeof app>, write: RefusedWrite): Promise<[string, number, string]> {
  const headers =
    write.kind === 'no-token'
      ? json
      : write.kind === 'wrong-token'
        ? { ...json, authorization: 'Bearer nope' }
        : write.kind === 'media-type'
          ? { ...auth, 'content-type': 'text/plain' }
          : auth;
  const host = write.kind === 'foreign-host' ? write.host : 'localhost';
  const res = await api.request(`http://${host}/api/ingest`, {
    method: 'POST',
    headers,
    body: write.kind === 'too-large' ? TOO_LARGE : write.body,
  });
  assert.equal(res.status, REFUSED_STATUS[write.kind], `${write.kind}: ${write.body.slice(0, 200)}`);
  return [write.kind, res.status, await errorOf(res)];
}

async function readOnce(api: ReturnType<typeof app>, r: Read, ids: string[]): Promise<unknown[]> {
  const path = readUrl(r, ids);
  const res = await api.request(`http://localhost${path}`);
  assert.ok([200, 400, 404, 409].includes(res.status), `${path}: status ${res.status}`);
  if (res.status !== 200) return [path, res.status, await errorOf(res)];
  const value = (await body(res)) as Record<string, unknown>;
  if (r.kind === 'stored') {
    const wanted = path.slice('/api/articles/'.length).toLowerCase();
    assert.ok(String(value['id']).startsWith(wanted), `${path} answered ${String(value['id'])}`);
  }
  if (path === '/api/health') {
    // The one field that names the driver, and so differs between them.
    assert.ok(['sqlite', 'postgres'].includes(String(value['driver'])));
    delete value['driver'];
  }
  if (r.kind === 'search') {
    const hits = value['hits'] as { id: string }[];
    for (const hit of hits) assert.ok(ids.includes(hit.id), `${path}: a hit that is not stored`);
    return [path, res.status];
  }
  return [path, res.status, value];
}

async function post(api: ReturnType<typeof app>, run: Run): Promise<IngestReport> {
  const items = [good('first'), ...run.items, good('last')];
  const res = await api.request('http://localhost/api/ingest', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ items, urls: run.urls }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const report = (await body(res)) as IngestReport;
  assert.deepEqual(
    report.items.slice(0, items.length).map((i) => i.where),
    items.map((_, i) => `items[${i}]`),
  );
  assert.equal(report.items.length, items.length + run.urls.length);
  for (const item of report.items.slice(items.length)) assert.equal(item.status, 'failed');
  return report;
}

describe('fuzz: the HTTP API', () => {
  after(() => stores.cleanup());

  it('refuses bad writes, ingests and replays posted items, answers every read, and agrees across drivers', async (t) => {
    let inputs = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(runArbitrary, async (run) => {
        runs += 1;
        inputs += run.refused.length + run.items.length + run.urls.length + run.reads.length;
        await onEveryDriver(drivers, async (store) => {
          const api = app(store);
          const refused = [];
          for (const write of run.refused) refused.push(await refuse(api, write));
          assert.equal(await store.countArticles(), 0, 'a refused write stored something');
          const { first, again, snapshot } = await ingestTwiceAndCheck(store, () => post(api, run));
          assert.equal(first.items[0]?.status, 'inserted');
          const last = first.items[run.items.length + 1];
          assert.equal(last?.status, 'inserted', 'the good item after the others is stored');
          const ids = [...storedIds(first)].sort();
          const reads = [];
          for (const r of run.reads) reads.push(await readOnce(api, r, ids));
          assert.deepEqual(await checkStore(store, first), snapshot, 'a read changed stored rows');
          return { refused, first, again, snapshot, reads };
        });
      }),
      fuzzParameters(60),
    );
    expectInputs(t, 'API requests and items', inputs, runs, 2700, drivers);
  });

  postgresMissing(stores);
});
