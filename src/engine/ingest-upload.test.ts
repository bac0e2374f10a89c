import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { ingestItems, MAX_UPLOAD_URLS } from './ingest-upload.ts';

const now = () => new Date('2024-06-01T00:00:00Z');

const first = {
  title: 'Putin arrives in Pyongyang',
  outlet: 'Example Wire',
  publishedAt: '2024-06-19',
  text: 'Putin arrives in Pyongyang\n\nRussian President Vladimir Putin arrived in Pyongyang on Wednesday for his first visit in 24 years.\n\nThe two leaders are expected to sign a partnership agreement.',
};
const second = {
  url: 'https://example.org/news/treaty',
  html: '<html><head><title>Treaty signed</title></head><body><article><h1>Treaty signed</h1><p>North Korea and Russia signed a comprehensive strategic partnership treaty on Wednesday, state media said.</p><p>The treaty includes a mutual defence clause, according to the text published on Thursday.</p></article></body></html>',
};

describe('ingestItems', () => {
  it('stores posted items through the JSON-lines pipeline and reports each by its index', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const report = await ingestItems(store, [first, 'not an object', second], [], { now });
    assert.deepEqual(
      report.items.map((i) => [i.where, i.status, i.error?.code]),
      [
        ['items[0]', 'inserted', undefined],
        ['items[1]', 'failed', 'INPUT_MALFORMED'],
        ['items[2]', 'inserted', undefined],
      ],
    );
    assert.deepEqual(report.counts, { inserted: 2, updated: 0, unchanged: 0, duplicate: 0, failed: 1 });
    assert.equal(report.items[0]?.title, 'Putin arrives in Pyongyang');
    const article = await store.getArticle(report.items[2]?.articleId ?? '');
    assert.equal(article?.input.url, 'https://example.org/news/treaty');
    assert.equal(article?.identity, 'https://example.org/news/treaty');
    assert.equal(await store.countArticles(), 2);

    const again = await ingestItems(store, [first, 'not an object', second], [], { now });
    assert.deepEqual(again.counts, { inserted: 0, updated: 0, unchanged: 2, duplicate: 0, failed: 1 });
    await store.close();
  });

  it('reports a duplicate by the index of the item it repeats', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const again = { ...second, html: second.html.replace('Thursday', 'Friday') };
    const report = await ingestItems(store, [second, first, again], [], { now });
    assert.deepEqual(
      report.items.map((i) => [i.where, i.status, i.duplicateOf]),
      [
        ['items[0]', 'inserted', undefined],
        ['items[1]', 'inserted', undefined],
        ['items[2]', 'duplicate', 'items[0]'],
      ],
    );
    await store.close();
  });

  it('refuses private addresses and anything that is not an http(s) URL, without reading files', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const report = await ingestItems(
      store,
      [],
      ['http://127.0.0.1:9/admin', 'package.json', '-', 'file:///etc/passwd', 42],
      { now },
    );
    assert.deepEqual(
      report.items.map((i) => [i.where, i.error?.code]),
      [
        ['package.json', 'INPUT_UNSUPPORTED'],
        ['-', 'INPUT_UNSUPPORTED'],
        ['file:///etc/passwd', 'INPUT_UNSUPPORTED'],
        ['42', 'INPUT_UNSUPPORTED'],
        ['http://127.0.0.1:9/admin', 'FETCH_BLOCKED'],
      ],
    );
    assert.equal(await store.countArticles(), 0);
    await store.close();
  });

  it('refuses too many URLs in one request', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const urls = Array.from({ length: MAX_UPLOAD_URLS + 1 }, (_, i) => `https://example.org/${i}`);
    await assert.rejects(ingestItems(store, [], urls, { now }), { code: 'USAGE' });
    await store.close();
  });
});
