import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/output.ts';
import { analyzeStore } from '../../src/engine/analysis.ts';
import { ingest } from '../../src/engine/ingest.ts';
import { openStore } from '../../src/engine/open-store.ts';
import { describeFailures } from '../../src/engine/write-outputs.ts';
import { extractQuotes } from '../../src/pipeline/annotate/quotes/extract-quotes.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/korea-russia', import.meta.url));
const seeds = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));
const now = () => new Date('2026-12-06T10:00:00Z');

/** A JSON-lines pile of the five example articles with bad items among them. */
function pile(): string {
  const lines = [
    JSON.stringify({ text: seeds[0], url: 'https://example.org/a/0', publishedAt: 'May 25, 2024' }),
    JSON.stringify({ text: seeds[1], url: 'https://example.org/a/1', publishedAt: '06/04/1998' }),
    JSON.stringify({ text: seeds[1], url: 'https://example.org/a/1b', publishedAt: 19980604 }),
    JSON.stringify({ text: seeds[2], url: 'https://example.org/a/2', title: ['not', 'a', 'string'] }),
    JSON.stringify({ text: '', url: 'https://example.org/a/empty' }),
    JSON.stringify({
      text: `Huge.\n\n${'All work and no play. '.repeat(4000)}`,
      url: 'https://example.org/huge',
    }),
    '{"text": "unterminated',
    JSON.stringify({ text: seeds[2], url: 'https://example.org/a/2', outlet: 'x'.repeat(300) }),
    JSON.stringify({ text: seeds[3], url: 'not a url' }),
    JSON.stringify({ text: seeds[3], url: 'https://example.org/a/3', publishedAt: '2023-02-30' }),
    JSON.stringify({ text: seeds[3], url: 'https://example.org/a/3' }),
    JSON.stringify({ text: seeds[4], url: 'https://example.org/a/4', publishedAt: '2024-06-19 10:00' }),
  ];
  return `${lines.join('\n')}\n`;
}

describe('bad input never kills a run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
  const file = join(dir, 'pile.jsonl');
  writeFileSync(file, pile());

  it('refuses each bad item with its reason and stores every good one', async () => {
    const store = await openStore({ db: join(dir, 'ingest.db'), mustExist: false });
    const report = await ingest(store, [file], { now, maxBytes: 64 * 1024 });
    assert.deepEqual(
      report.items.map((i) =>
        i.error ? `${i.where.replace(dir, '')} ${i.error.code}: ${i.error.message}` : i.status,
      ),
      [
        'inserted',
        `/pile.jsonl#line:2 INPUT_MALFORMED: line 2: "publishedAt" "06/04/1998" is ambiguous (day/month or month/day); give it as ISO 8601, e.g. YYYY-MM-DD`,
        `/pile.jsonl#line:3 INPUT_MALFORMED: line 3: "publishedAt" must be a string (got a number)`,
        `/pile.jsonl#line:4 INPUT_MALFORMED: line 4: "title" must be a string (got an array)`,
        `/pile.jsonl#line:5 INPUT_MALFORMED: line 5: needs a non-empty "text" or "html" field`,
        `/pile.jsonl#line:6 INPUT_TOO_LARGE: ${dir}/pile.jsonl#line:6 is too large (88007 bytes, over the 64 KiB limit); raise --max-bytes to read it`,
        `/pile.jsonl#line:7 INPUT_MALFORMED: line 7: invalid JSON (Unterminated string in JSON at position 22)`,
        'inserted',
        `/pile.jsonl#line:9 INPUT_MALFORMED: line 9: "url" must be an absolute http(s) URL (got "not a url")`,
        `/pile.jsonl#line:10 INPUT_MALFORMED: line 10: "publishedAt" "2023-02-30" is not a date (expected ISO 8601, e.g. 2024-05-25)`,
        'inserted',
        'inserted',
      ],
    );
    assert.equal(await store.countArticles(), 4);
    const articles = await store.allArticles();
    assert.deepEqual(articles.map((a) => [a.input.url, a.publishedAt ?? '']).sort(), [
      ['https://example.org/a/0', '2024-05-25'],
      ['https://example.org/a/2', ''],
      ['https://example.org/a/3', ''],
      ['https://example.org/a/4', '2024-06-19T10:00'],
    ]);
    await store.close();
  });

  it('records a stage that throws on one article, completes the rest and stores it', async () => {
    const store = await openStore({ db: join(dir, 'stage.db'), mustExist: false });
    await ingest(store, [file], { now, maxBytes: 64 * 1024 });
    const victim = (await store.allArticles()).find((a) => a.input.url === 'https://example.org/a/2')!;
    const analysis = await analyzeStore(store, {
      now,
      stages: {
        quotes: (id, text, options) => {
          if (id === victim.id) throw new TypeError('cannot read properties of undefined');
          return extractQuotes(id, text, options);
        },
      },
    });
    assert.deepEqual(analysis.failures, [
      {
        stage: 'quotes',
        articleId: victim.id,
        code: 'INTERNAL',
        message: 'cannot read properties of undefined',
      },
    ]);
    assert.equal(analysis.articles.length, 4);
    assert.equal(analysis.quotes.filter((q) => q.articleId === victim.id).length, 0);
    assert.ok(analysis.quotes.filter((q) => q.articleId !== victim.id).length >= 10);
    // Claims of the failed article are still made (from its sentences), without quote attributions.
    assert.ok(analysis.claims.some((c) => c.mentions.some((m) => m.articleId === victim.id)));
    assert.equal((await store.getDerived('analysis', 'corpus'))?.value !== undefined, true);
    assert.equal(await store.countArticles(), 4);
    assert.deepEqual(describeFailures(analysis), [
      'sitrep: 1 stage failure(s) (1 article(s)); the rest of the analysis completed and was stored:',
      `  quotes failed on article ${victim.id.slice(0, 12)}: cannot read properties of undefined [INTERNAL]`,
    ]);
    // A normal run afterwards recomputes the article (a faulty run's results are not cached).
    const again = await analyzeStore(store, { now });
    assert.equal(again.failures, undefined);
    assert.ok(again.quotes.some((q) => q.articleId === victim.id));
    await store.close();
  });

  it('reads around a malformed date stored by an older version, and the CLI exits 1 naming it', async () => {
    const db = join(dir, 'old.db');
    const store = await openStore({ db, mustExist: false });
    await ingest(
      store,
      [join(EXAMPLES, '000_4ed6d99c9978a127.txt'), join(EXAMPLES, '004_57623772aa3dea69.txt')],
      {
        now,
      },
    );
    const [first] = await store.allArticles();
    const raw = await store.getRawInput(first!.rawSha256);
    // What an older version stored from `"publishedAt": "06/04/1998"` (it crashed the analysis).
    await store.putArticle(raw!, {
      ...first!,
      publishedAt: '06/04/1998',
      contentSha256: `${first!.contentSha256}x`,
    });
    await store.close();

    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: Io = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false, columns: 120 };
    const code = await runCli(['--db', db, 'analyze'], io);
    assert.equal(code, 1);
    assert.match(stdout.join('\n'), /^articles: 2 from/m);
    assert.deepEqual(stderr, [
      'sitrep: 1 stage failure(s) (1 article(s)); the rest of the analysis completed and was stored:',
      `  infer-publication-date failed on article ${first!.id.slice(0, 12)}: stored publishedAt: "06/04/1998" is ambiguous (day/month or month/day); give it as ISO 8601, e.g. YYYY-MM-DD; the date was inferred from the text instead [INPUT_MALFORMED]`,
    ]);
  });

  it('keys the cached analysis by the framing lexicon content, not its name', async () => {
    const store = await openStore({ db: join(dir, 'lexicon.db'), mustExist: false });
    await ingest(store, [join(EXAMPLES, '000_4ed6d99c9978a127.txt')], { now });
    const lexicon = (term: string) => ({
      entries: [
        { term, forms: [term], except: [], category: 'pejorative-label', strength: 'strong' as const },
      ],
      sources: ['my-lexicon.json'],
    });
    const terms = (a: Awaited<ReturnType<typeof analyzeStore>>) =>
      a.sources.flatMap((s) => [...s.loadedTerms, ...(s.quotedLoadedTerms ?? [])].map((t) => t.term)).sort();
    assert.deepEqual(terms(await analyzeStore(store, { now, lexicon: lexicon('zeppelin') })), []);
    assert.deepEqual(terms(await analyzeStore(store, { now, lexicon: lexicon('regime') })), ['regime']);
    await store.close();
  });
});
