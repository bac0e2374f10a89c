import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { ingest } from './ingest.ts';

const now = () => new Date('2024-06-01T00:00:00Z');

/** Ingest JSON lines as if read from stdin. */
function ingestLines(store: Store, lines: unknown[]) {
  const bytes = new TextEncoder().encode(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return ingest(store, ['-'], { now, readStdin: async () => bytes });
}

const item = (n: number, extra: Record<string, string> = {}) => ({
  url: `https://example.org/news/${n}`,
  title: `Report number ${n}`,
  text: `Report number ${n}\n\nOfficials said on Tuesday that the ${n}th convoy had reached the border crossing.`,
  ...extra,
});

/** Every kept block maps its raw text onto the clean text, character for character. */
function assertProvenance(
  text: string,
  rawText: string,
  kept: { rawStart: number; rawEnd: number; start: number; end: number }[],
) {
  for (const block of kept) {
    assert.equal(
      rawText.slice(block.rawStart, block.rawEnd).trim(),
      text.slice(block.start, block.end).trim(),
    );
  }
}

describe('ingest', () => {
  it('stores an item holding NUL and other control characters, without them, with the rest of the batch', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const dirty = item(2, {
      title: 'Report\u0000 number 2',
      text: 'Report number 2\n\nOfficials\u0000 said\u0007 on Tuesday that the\u001b convoy had \ud800reached the border.',
    });
    const report = await ingestLines(store, [item(1), dirty, item(3)]);
    assert.deepEqual(report.counts, { inserted: 3, updated: 0, unchanged: 0, duplicate: 0, failed: 0 });
    const article = await store.getArticle(report.items[1]?.articleId ?? '');
    assert.ok(article);
    assert.equal(article.title, 'Report number 2');
    assert.match(article.text, /Officials said on Tuesday that the convoy had \ufffdreached the border\./);
    for (const value of [
      article.text,
      article.rawText,
      article.title ?? '',
      JSON.stringify(article.removed),
    ]) {
      assert.doesNotMatch(value, /[\u0000-\u0008\u000b-\u001f]/);
    }
    assertProvenance(article.text, article.rawText, article.kept);
    await store.close();
  });

  it('reports a store write that fails for one item as that item failure, and stores the others', async () => {
    const inner = createSqliteStore({ path: ':memory:' });
    const store: Store = Object.create(inner, {
      putArticle: {
        value: async (...args: Parameters<Store['putArticle']>) => {
          if (args[1].identity.endsWith('/2')) throw new Error('disk full');
          return inner.putArticle(...args);
        },
      },
    });
    const report = await ingestLines(store, [item(1), item(2), item(3)]);
    assert.deepEqual(
      report.items.map((i) => [i.where, i.status, i.error?.code]),
      [
        ['-#line:1', 'inserted', undefined],
        ['-#line:2', 'failed', 'STORE_FAILED'],
        ['-#line:3', 'inserted', undefined],
      ],
    );
    assert.match(report.items[1]?.error?.message ?? '', /disk full/);
    assert.equal(await inner.countArticles(), 2);
    await inner.close();
  });

  it('reports a second item with the same identity in one input as a duplicate, and a re-run changes nothing', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const lines = [
      item(1),
      item(2),
      item(1, { text: 'Report number 1\n\nA different body under the same URL.' }),
    ];
    const first = await ingestLines(store, lines);
    assert.deepEqual(first.counts, { inserted: 2, updated: 0, unchanged: 0, duplicate: 1, failed: 0 });
    assert.equal(first.items[2]?.status, 'duplicate');
    assert.equal(first.items[2]?.duplicateOf, '-#line:1');
    assert.equal(first.items[2]?.articleId, first.items[0]?.articleId);
    for (let run = 0; run < 2; run++) {
      const again = await ingestLines(store, lines);
      assert.deepEqual(again.counts, { inserted: 0, updated: 0, unchanged: 2, duplicate: 1, failed: 0 });
    }
    const stored = await store.getArticle(first.items[0]?.articleId ?? '');
    assert.match(stored?.text ?? '', /convoy/);
    await store.close();
  });
  it('refuses an item that spends its extraction budget (EXTRACT_BUDGET) and stores the rest of the batch', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    // A clock that moves 1 ms per reading: a short item reads it a few times, the long list below
    // (one reading per 256 blocks) more than the 30 ms budget allows.
    let t = 0;
    const long = Array.from({ length: 20_000 }, (_, i) => `Line ${i} of the list.`).join('\n\n');
    const lines = [item(1), item(2, { text: long }), item(3)];
    const bytes = new TextEncoder().encode(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const report = await ingest(store, ['-'], {
      now,
      readStdin: async () => bytes,
      extractBudgetMs: 30,
      monotonicMs: () => ++t,
    });
    assert.deepEqual(
      report.items.map((i) => [i.where, i.status, i.error?.code]),
      [
        ['-#line:1', 'inserted', undefined],
        ['-#line:2', 'failed', 'EXTRACT_BUDGET'],
        ['-#line:3', 'inserted', undefined],
      ],
    );
    assert.match(report.items[1]?.error?.message ?? '', /budget of 30 ms: plain text of .* in 20000 blocks/);
    assert.equal(await store.countArticles(), 2);
    await store.close();
  });
});
