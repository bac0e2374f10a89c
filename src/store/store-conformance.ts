/**
 * The conformance suite every Store driver runs (SQLite now, PostgreSQL next):
 * same cases, real database, no mocks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, RawInput } from '../core/article.ts';
import { sha256Hex } from '../core/hash.ts';
import type { Store } from './store.ts';

export function sampleRaw(text: string, path = '/tmp/a.txt'): RawInput {
  const bytes = new TextEncoder().encode(text);
  return {
    sha256: sha256Hex(bytes),
    bytes,
    source: { kind: 'file', path },
    receivedAt: '2026-11-23T00:00:00.000Z',
  };
}

export function sampleArticle(raw: RawInput, overrides: Partial<Article> = {}): Article {
  const text = new TextDecoder().decode(raw.bytes);
  return {
    id: sha256Hex(`id:${raw.sha256}`).slice(0, 16),
    identity: `sha256:${raw.sha256}`,
    rawSha256: raw.sha256,
    itemKey: '',
    contentSha256: sha256Hex(text),
    format: 'text',
    input: raw.source.kind === 'file' ? { path: raw.source.path } : {},
    title: text.split('\n')[0] ?? '',
    text,
    bodyStart: 0,
    rawText: text,
    removed: [{ start: 0, end: 4, reason: 'share-widget', text: text.slice(0, 4), rule: 'test' }],
    kept: [],
    evidence: { title: { source: 'text', detail: 'first line' } },
    extractor: { name: 'sitrep-text', version: '1' },
    ingestedAt: '2026-11-23T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * A derived record whose stored text is not JSON, on any driver: `damage(sql)` runs the driver's
 * UPDATE (`sql` names the table `derived`) that cuts record 'b' of three short. A plain listing
 * rejects; one that asks to be told lists the others and names it; the text listing gives it as is.
 */
export async function checkUnreadableRecord(
  store: Store,
  damage: (sql: string) => Promise<void>,
): Promise<void> {
  for (const key of ['a', 'b', 'c'])
    await store.putDerived({ kind: 'k', key, version: 'v1', value: { key }, updatedAt: 't' });
  await damage(`UPDATE derived SET value_json = '{"key": ' WHERE kind = 'k' AND key = 'b'`);
  await assert.rejects(store.listDerived('k'), SyntaxError);
  const told: string[] = [];
  const listed = await store.listDerived<{ key: string }>('k', { unreadable: (key) => told.push(key) });
  assert.deepEqual(
    listed.map((r) => r.value.key),
    ['a', 'c'],
  );
  assert.deepEqual(told, ['b']);
  assert.equal((await store.listDerivedText('k'))[1]?.value, '{"key": ');
}

export function runStoreConformance(driver: string, open: () => Store | Promise<Store>): void {
  describe(`store conformance: ${driver}`, () => {
    it('stores an article with its raw bytes and reads both back unchanged', async () => {
      const store = await open();
      const raw = sampleRaw('The mayor met the port authority\n\nThey met at the harbour office.');
      const article = sampleArticle(raw, { outlet: 'Yonhap', publishedAt: '2024-05-25T10:19' });
      assert.equal(await store.putArticle(raw, article), 'inserted');
      assert.deepEqual(await store.getArticle(article.id), article);
      const back = await store.getRawInput(raw.sha256);
      assert.deepEqual(back?.bytes, raw.bytes);
      assert.equal(await store.hasRawInput(raw.sha256), true);
      assert.equal(await store.hasRawInput('0'.repeat(64)), false);
      assert.deepEqual(back?.source, raw.source);
      await store.close();
    });

    it('is idempotent: the same article twice is unchanged, a new extraction is an update', async () => {
      const store = await open();
      const raw = sampleRaw('The ministry moved at least 3,000 workers into the eastern region.');
      const article = sampleArticle(raw);
      assert.equal(await store.putArticle(raw, article), 'inserted');
      assert.equal(await store.putArticle(raw, article), 'unchanged');
      const newer = { ...article, extractor: { name: 'sitrep-text', version: '2' }, title: 'Troops' };
      assert.equal(await store.putArticle(raw, newer), 'updated');
      assert.equal(await store.countArticles(), 1);
      assert.equal((await store.getArticle(article.id))?.title, 'Troops');
      assert.deepEqual(await store.findByIdentity(article.identity), {
        id: article.id,
        contentSha256: article.contentSha256,
        extractorVersion: 'sitrep-text@2',
      });
      await store.close();
    });

    it('lists summaries ordered by publication date, undated last, and filters by outlet', async () => {
      const store = await open();
      const a = sampleRaw('First article body text.', '/a.txt');
      const b = sampleRaw('Second article body text.', '/b.txt');
      const c = sampleRaw('Undated article body text.', '/c.txt');
      await store.putArticle(a, sampleArticle(a, { publishedAt: '2024-10-23', outlet: 'NBC News' }));
      await store.putArticle(b, sampleArticle(b, { publishedAt: '2024-05-25', outlet: 'Yonhap' }));
      await store.putArticle(c, sampleArticle(c));
      const listed = await store.listArticles();
      assert.deepEqual(
        listed.map((s) => s.input.path),
        ['/b.txt', '/a.txt', '/c.txt'],
      );
      assert.equal(listed[0]?.chars, 'Second article body text.'.length);
      assert.equal(listed[0]?.removedBlocks, 1);
      assert.deepEqual(
        (await store.listArticles({ outlet: 'yonhap' })).map((s) => s.input.path),
        ['/b.txt'],
      );
      assert.equal((await store.listArticles({ limit: 1, offset: 1 }))[0]?.input.path, '/a.txt');
      assert.deepEqual(
        [
          await store.countArticles(),
          await store.countArticles({ outlet: 'YONHAP' }),
          await store.countArticles({ outlet: 'AP' }),
        ],
        [3, 1, 0],
      );
      await store.close();
    });

    it('returns all articles in publication order', async () => {
      const store = await open();
      const a = sampleRaw('Later article body.', '/later.txt');
      const b = sampleRaw('Earlier article body.', '/earlier.txt');
      await store.putArticle(a, sampleArticle(a, { publishedAt: '2024-10-23' }));
      await store.putArticle(b, sampleArticle(b, { publishedAt: '2023-11' }));
      assert.deepEqual(
        (await store.allArticles()).map((x) => x.input.path),
        ['/earlier.txt', '/later.txt'],
      );
      await store.close();
    });

    it('stores, replaces and deletes derived records', async () => {
      const store = await open();
      const record = {
        kind: 'cluster-state',
        key: 'corpus',
        version: 'v1',
        value: { n: 1, ids: ['a'] },
        updatedAt: 't1',
      };
      await store.putDerived(record);
      assert.deepEqual(await store.getDerived('cluster-state', 'corpus'), record);
      await store.putDerived({ ...record, version: 'v2', value: { n: 2 } });
      assert.deepEqual((await store.getDerived('cluster-state', 'corpus'))?.value, { n: 2 });
      await store.putDerived({ ...record, key: 'other' });
      assert.equal(await store.deleteDerived('cluster-state', 'other'), 1);
      assert.equal(await store.deleteDerived('cluster-state'), 1);
      assert.equal(await store.getDerived('cluster-state', 'corpus'), undefined);
      const many = ['b', 'a', 'c'].map((key, n) => ({ ...record, kind: 'article-facts', key, value: { n } }));
      await store.putDerivedMany(many);
      await store.putDerivedMany([{ ...many[0]!, version: 'v3', value: { n: 9 } }]);
      assert.deepEqual(
        (await store.listDerived<{ n: number }>('article-facts')).map((r) => [r.key, r.version, r.value.n]),
        [
          ['a', 'v1', 1],
          ['b', 'v3', 9],
          ['c', 'v1', 2],
        ],
      );
      assert.deepEqual(await store.listDerived('nothing-here'), []);
      // The same records with their values as JSON text.
      assert.deepEqual(
        (await store.listDerivedText('article-facts')).map((r) => [
          r.kind,
          r.key,
          r.version,
          r.value,
          r.updatedAt,
        ]),
        [
          ['article-facts', 'a', 'v1', '{"n":1}', record.updatedAt],
          ['article-facts', 'b', 'v3', '{"n":9}', record.updatedAt],
          ['article-facts', 'c', 'v1', '{"n":2}', record.updatedAt],
        ],
      );
      assert.deepEqual(await store.listDerivedText('nothing-here'), []);
      await store.close();
    });

    it('finds articles by id prefix', async () => {
      const store = await open();
      const raw = sampleRaw('Prefix lookup body.');
      const article = sampleArticle(raw);
      await store.putArticle(raw, article);
      assert.deepEqual(await store.findArticleIds(article.id.slice(0, 6)), [article.id]);
      assert.deepEqual(await store.findArticleIds('%'), []);
      await store.close();
    });

    it('matches nothing when what a reader looks up by holds a NUL, and reads a NUL in a search as a space', async () => {
      const store = await open();
      const raw = sampleRaw('Harbour office reopens\n\nThe harbour office reopened on Monday.');
      const article = sampleArticle(raw, { outlet: 'Ledger' });
      await store.putArticle(raw, article);
      await store.putDerived({ kind: 'notes', key: article.id, version: 'v1', value: 1, updatedAt: 't' });
      const nul = '\u0000';
      assert.equal(await store.getArticle(`${article.id}${nul}`), undefined);
      assert.deepEqual(await store.findArticleIds(`${article.id.slice(0, 6)}${nul}`), []);
      assert.equal(await store.findByIdentity(`${article.identity}${nul}`), undefined);
      assert.equal(await store.getRawInput(`${raw.sha256}${nul}`), undefined);
      assert.deepEqual(await store.listArticles({ outlet: `Ledger${nul}` }), []);
      assert.equal(await store.getDerived('notes', `${article.id}${nul}`), undefined);
      assert.deepEqual(await store.listDerived(`notes${nul}`), []);
      assert.deepEqual(await store.listDerivedText(`notes${nul}`), []);
      assert.equal(await store.deleteDerived(`notes${nul}`), 0);
      if (store.capabilities.fullTextSearch) {
        const ids = async (q: string) => (await store.searchArticles(q)).map((h) => h.id);
        assert.deepEqual(await ids(`harbour${nul}office`), [article.id]);
        assert.deepEqual(await ids(`"harbour${nul}office"`), [article.id]);
      }
      await store.close();
    });

    it('reads a run of search operators as one (OR if any, else NOT, else AND) and NEAR as AND', async () => {
      const store = await open();
      if (!store.capabilities.fullTextSearch) return store.close();
      const put = async (text: string) => {
        const raw = sampleRaw(text, `/${text}.txt`);
        await store.putArticle(raw, sampleArticle(raw));
        return sampleArticle(raw).id;
      };
      const [beta, gamma] = [await put('alpha beta'), await put('alpha gamma')];
      const delta = await put('delta words');
      const ids = async (q: string) => (await store.searchArticles(q)).map((h) => h.id).sort();
      assert.deepEqual(await ids('alpha AND NOT beta'), [gamma]);
      assert.deepEqual(await ids('alpha NOT AND beta'), [gamma]);
      assert.deepEqual(await ids('alpha NOT NOT beta'), [gamma]);
      assert.deepEqual(await ids('beta OR NOT delta'), [beta, delta].sort());
      assert.deepEqual(await ids('beta OR OR delta'), [beta, delta].sort());
      assert.deepEqual(await ids('alpha NEAR beta'), [beta]);
      assert.deepEqual(await ids('NOT alpha gamma OR'), [gamma]);
      // Pages of one ranking, and the count over all of them.
      const page = async (offset: number) =>
        (await store.searchArticles('alpha', { limit: 1, offset })).map((h) => h.id);
      assert.deepEqual([...(await page(0)), ...(await page(1))].sort(), [beta, gamma].sort());
      assert.deepEqual(await page(2), []);
      assert.deepEqual(
        [await store.countSearchHits('alpha'), await store.countSearchHits('beta OR delta')],
        [2, 2],
      );
      await store.close();
    });

    it('searches the clean text with stemming and keeps working after an update', async () => {
      const store = await open();
      if (!store.capabilities.fullTextSearch) return;
      const raw = sampleRaw(
        'Officials are bracing for provocations near the election.\nMarie-Claire Dubois visited.',
      );
      const article = sampleArticle(raw);
      await store.putArticle(raw, article);
      const hits = await store.searchArticles('provocation');
      assert.equal(hits.length, 1);
      assert.equal(hits[0]?.id, article.id);
      assert.match(hits[0]?.snippet ?? '', /«provocations»/);
      assert.equal((await store.searchArticles('Marie-Claire Dubois')).length, 1);
      assert.equal((await store.searchArticles('"near the election"')).length, 1);
      await store.putArticle(raw, {
        ...article,
        title: 'Update',
        text: 'Replaced text about submarines.',
        contentSha256: 'x',
      });
      assert.equal((await store.searchArticles('provocation')).length, 0);
      assert.equal((await store.searchArticles('submarine')).length, 1);
      await assert.rejects(store.searchArticles('"" ***'), { code: 'USAGE' });
      await store.close();
    });
  });
}
