/**
 * The analysis cache on the example corpus: a second run assembles the same analysis from the stored
 * records; story records refer to the annotations' claim mentions instead of copying them; loaded
 * terms are cached per article and follow the framing lexicon.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Analysis } from '../core/analysis.ts';
import { projectRoot } from '../core/project-root.ts';
import { defaultFramingLexicon } from '../pipeline/annotate/framing/framing-lexicon.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { analyzeStore } from './analysis.ts';
import { ingest } from './ingest.ts';
import type { StageTimer } from './stage-timer.ts';
import type { StoredStoryResult } from './story-cache.ts';

const EXAMPLES = join(projectRoot(import.meta.url), 'examples', 'korea-russia');
const NOW = () => new Date('2026-11-23T00:00:00Z');

let store: Store;
/** When the records of a kind were written (distinct values). */
const written = async (kind: string) => [...new Set((await store.listDerived(kind)).map((r) => r.updatedAt))];
let first: Analysis;

before(async () => {
  store = createSqliteStore({ path: ':memory:' });
  await ingest(store, [EXAMPLES], { now: NOW, include: ['*.txt'] });
  first = await analyzeStore(store, { now: NOW });
});

describe('analysis cache', () => {
  it('assembles the same analysis again from the stored records, running no stage', async () => {
    const timer: StageTimer = new Map();
    const again = await analyzeStore(store, { now: () => new Date('2030-01-01T00:00:00Z'), timer });
    assert.deepEqual(again, first);
    for (const stage of ['entities', 'quotes', 'match-claims']) assert.equal(timer.get(stage) ?? 0, 0, stage);
    // Nothing was computed, so no record was written again.
    for (const kind of ['article-facts', 'article-annotations', 'article-framing', 'story'])
      assert.deepEqual(await written(kind), ['2026-11-23T00:00:00.000Z'], kind);
  });

  it('stores claim mentions as references to the annotations, and resolves them to the same objects', async () => {
    const stories = await store.listDerived<StoredStoryResult>('story');
    const mentions = stories.flatMap((s) => s.value.claims.flatMap((c) => c.mentions));
    assert.equal(mentions.length, first.claims.flatMap((c) => c.mentions).length);
    assert.ok(mentions.length > 20);
    assert.ok(mentions.every((m) => Array.isArray(m)));
    const again = await analyzeStore(store, { now: NOW });
    const mentionsOf = new Map<string, unknown[]>();
    for (const r of await store.listDerived<{ claimMentions: unknown[] }>('article-annotations'))
      mentionsOf.set(r.key, r.value.claimMentions);
    // Each claim mention is the one its article lists (same values), in the claims' order.
    const claim = again.claims.find((c) => c.mentions.length >= 3)!;
    for (const m of claim.mentions)
      assert.ok(mentionsOf.get(m.articleId)?.some((x) => JSON.stringify(x) === JSON.stringify(m)));
  });

  it('finds loaded terms per article with the lexicon given, cached under that lexicon', async () => {
    const own = (a: Analysis) =>
      a.sources.flatMap((s) => s.loadedTerms.map((t) => `${s.outlet}:${t.term}`)).sort();
    const lexicon = {
      sources: ['bundled', 'test'],
      entries: [
        { term: 'troops', forms: ['troop'], category: 'intensifier', strength: 'mild' as const, except: [] },
      ],
    };
    const custom = await analyzeStore(store, { now: () => new Date('2031-01-01T00:00:00Z'), lexicon });
    // Only the loaded terms were found again.
    assert.deepEqual(await written('article-framing'), ['2031-01-01T00:00:00.000Z']);
    assert.deepEqual(await written('article-annotations'), ['2026-11-23T00:00:00.000Z']);
    assert.ok(own(custom).length > 0);
    assert.ok(own(custom).every((t) => t.endsWith(':troops')));
    assert.deepEqual(own(await analyzeStore(store, { now: NOW })), own(first));
    assert.deepEqual(
      own(await analyzeStore(store, { now: NOW, lexicon: defaultFramingLexicon })),
      own(first),
    );
  });
});
