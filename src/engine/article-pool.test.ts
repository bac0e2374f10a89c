import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../core/analysis.ts';
import { analyzeArticles, analyzeArticlesInParallel } from './analyze-articles.ts';
import { ArticlePool } from './article-pool.ts';
import { ingest } from './ingest.ts';
import { openStore } from './open-store.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/korea-russia', import.meta.url));
const now = () => new Date('2026-12-06T10:00:00Z');

async function seedArticles() {
  const store = await openStore({
    db: join(mkdtempSync(join(tmpdir(), 'sitrep-pool-')), 'db'),
    mustExist: false,
  });
  await ingest(store, [EXAMPLES], { now, include: ['*.txt'] });
  const articles = await store.allArticles();
  await store.close();
  return articles;
}

const comparable = (a: Analysis) => JSON.stringify({ ...a, generatedAt: '' });

describe('per-article stages on worker threads', () => {
  it('give exactly the analysis of one thread', async () => {
    const articles = await seedArticles();
    const alone = analyzeArticles(articles, { now });
    const pool = new ArticlePool(1);
    try {
      const shared = await analyzeArticlesInParallel(articles, { now }, pool);
      assert.equal(comparable(shared), comparable(alone));
      // Five articles, one storyline: each article is a chunk of its own, the story one chunk; the
      // worker is sent two chunks ahead, so it runs at least two of each per-article phase (how many
      // more depends on timing; this thread takes the rest) and the only story chunk.
      const { facts, annotations, stories } = pool.served;
      assert.ok(
        facts >= 2 && facts <= 5 && annotations >= 2 && annotations <= 5,
        JSON.stringify(pool.served),
      );
      assert.equal(stories, 1, 'the worker ran the story stages');
      assert.equal(shared.articles.length, 5);
      assert.ok(shared.quotes.length > 10);
    } finally {
      await pool.close();
    }
  });

  it('fall back to this thread when the pool is not running', async () => {
    const articles = await seedArticles();
    const pool = new ArticlePool(1);
    await pool.close();
    const shared = await analyzeArticlesInParallel(articles, { now }, pool);
    assert.equal(comparable(shared), comparable(analyzeArticles(articles, { now })));
    assert.deepEqual(pool.served, { facts: 0, annotations: 0, stories: 0 });
  });
});
