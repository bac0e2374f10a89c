/**
 * The analysis cache on the example corpus: a second run assembles the same analysis from the stored
 * records; story records refer to the annotations' claim mentions instead of copying them; loaded
 * terms are cached per article and follow the framing lexicon.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Analysis } from '../core/analysis.ts';
import { projectRoot } from '../core/project-root.ts';
import type { ClaimMention } from '../core/quote.ts';
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

  it('reads a story record only when its key matches, and computes again any record that cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-story-records-'));
    try {
      const path = join(dir, 'store.db');
      const own = createSqliteStore({ path });
      try {
        await ingest(own, [EXAMPLES], { now: NOW, include: ['*.txt'] });
        const analysed = await analyzeStore(own, { now: NOW, threads: 0 });
        // Every story record's text cut short, its key kept: not JSON any more.
        const db = new Database(path);
        const cut = db
          .prepare("UPDATE derived SET value_json = substr(value_json, 1, 20) WHERE kind = 'story'")
          .run();
        db.close();
        assert.ok(cut.changes >= 1);
        const timer: StageTimer = new Map();
        const told: string[] = [];
        const again = await analyzeStore(own, {
          now: () => new Date('2030-01-01T00:00:00Z'),
          timer,
          threads: 0,
          onUnreadable: (kind, key) => told.push(`${kind}/${key}`),
        });
        assert.deepEqual(again, analysed);
        // Each story record was read, found damaged and reported once.
        const storyKeys = (await own.listDerivedText('story')).map((r) => `story/${r.key}`);
        assert.deepEqual(told.sort(), storyKeys.sort());
        assert.ok((timer.get('match-claims') ?? 0) > 0, 'the storylines were computed again');
        assert.equal(timer.get('entities') ?? 0, 0);
        // Stored again, readable.
        for (const r of await own.listDerivedText('story'))
          assert.equal(typeof JSON.parse(r.value), 'object');

        // Every record of every kind cut short (the per-article records, the cluster index and its
        // output, the manifest): everything is computed again, the same analysis but for when it was made.
        const all = new Database(path);
        all.prepare('UPDATE derived SET value_json = substr(value_json, 1, 20)').run();
        const kinds = all.prepare('SELECT DISTINCT kind FROM derived ORDER BY kind').pluck().all();
        all.close();
        assert.deepEqual(kinds, [
          'analysis',
          'article-annotations',
          'article-facts',
          'article-framing',
          'cluster-output',
          'cluster-part',
          'cluster-state',
          'story',
        ]);
        const later = new Date('2031-01-01T00:00:00Z');
        const timer2: StageTimer = new Map();
        const kindsTold = new Set<string>();
        const rebuilt = await analyzeStore(own, {
          now: () => later,
          timer: timer2,
          threads: 0,
          onUnreadable: (kind) => kindsTold.add(kind),
        });
        // The manifest, the cluster index and every kind of cached result are reported.
        assert.deepEqual([...kindsTold].sort(), [
          'analysis',
          'article-annotations',
          'article-facts',
          'article-framing',
          'cluster-state',
          'story',
        ]);
        assert.deepEqual(rebuilt, { ...analysed, generatedAt: later.toISOString() });
        for (const stage of ['entities', 'quotes', 'cluster', 'match-claims'])
          assert.ok((timer2.get(stage) ?? 0) > 0, stage);
        // …and stored again: the next analysis reads it all back.
        assert.deepEqual(await analyzeStore(own, { now: NOW, threads: 0 }), rebuilt);
      } finally {
        await own.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores the first phase whole, though the run lets its time expressions go after the second phase', async () => {
    // The default driver drops them in memory once they are stored; the driver without worker
    // threads keeps them to the end. What each stores is the same.
    const own = createSqliteStore({ path: ':memory:' });
    try {
      await ingest(own, [EXAMPLES], { now: NOW, include: ['*.txt'] });
      await analyzeStore(own, { now: NOW, threads: 0 });
      const facts = async (s: Store) =>
        (await s.listDerived<{ times: unknown[] }>('article-facts')).map((r) => [r.key, r.value]);
      const kept = await facts(own);
      assert.deepEqual(await facts(store), kept);
      const times = kept.map(([, v]) => (v as { times: unknown[] }).times.length);
      assert.equal(times.length, 5);
      assert.ok(
        times.every((n) => n > 0),
        String(times),
      );
    } finally {
      await own.close();
    }
  });

  it('stores claim mentions as references to the annotations, and resolves them to the same objects', async () => {
    const stories = await store.listDerived<StoredStoryResult>('story');
    const mentions = stories.flatMap((s) => s.value.claims.flatMap((c) => c.mentions));
    assert.equal(mentions.length, first.claims.flatMap((c) => c.mentions).length);
    assert.ok(mentions.length > 20);
    assert.ok(mentions.every((m) => Array.isArray(m)));
    const again = await analyzeStore(store, { now: NOW });
    const mentionsOf = new Map<string, ClaimMention[]>();
    for (const r of await store.listDerived<{ claimMentions: ClaimMention[] }>('article-annotations'))
      mentionsOf.set(r.key, r.value.claimMentions);
    // Each claim mention is one its article lists (stored with the article's local entity ids).
    const claim = again.claims.find((c) => c.mentions.length >= 3)!;
    const span = (m: ClaimMention) => `${m.articleId}:${m.start}:${m.end}:${m.text}`;
    for (const m of claim.mentions) assert.ok(mentionsOf.get(m.articleId)?.some((x) => span(x) === span(m)));
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

describe('entity ids local to an article', () => {
  it('keeps an older article’s annotations when an arriving one changes its entity ids, and ends where a fresh analysis ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-local-ids-'));
    const own = createSqliteStore({ path: ':memory:' });
    try {
      writeFileSync(
        join(dir, 'a.txt'),
        'Budget vote delayed\n\nSmith told reporters on Monday that the budget vote would be delayed by a week. ' +
          '"We need more time to read the bill," Smith said after the meeting in the capital.\n',
      );
      writeFileSync(
        join(dir, 'b.txt'),
        'Senate to vote next week\n\nSenator John Smith said on Tuesday that the budget vote would take place next week. ' +
          '"We are ready to vote," John Smith said, adding that the delay had helped.\n',
      );
      await ingest(own, [join(dir, 'a.txt')], { now: NOW });
      const first = await analyzeStore(own, { now: NOW });
      const smithAlone = first.quotes[0]?.speaker.entityId;
      assert.equal(first.entities.find((e) => e.id === smithAlone)?.name, 'Smith');

      const later = () => new Date('2026-11-24T00:00:00Z');
      await ingest(own, [join(dir, 'b.txt')], { now: later });
      const second = await analyzeStore(own, { now: later });
      const a = second.articles.find((x) => x.title === 'Budget vote delayed')!;
      const fullName = second.entities.find((e) => e.name === 'John Smith');
      // "Smith" of the first article is now John Smith…
      assert.ok(fullName?.mentions.some((m) => m.articleId === a.id));
      assert.deepEqual(
        second.quotes.filter((q) => q.articleId === a.id).map((q) => q.speaker.entityId),
        [fullName?.id, fullName?.id],
      );
      // …without annotating that article again,
      const annotations = await own.listDerived('article-annotations');
      assert.equal(annotations.find((r) => r.key === a.id)?.updatedAt, '2026-11-23T00:00:00.000Z');
      // and what each article says is what an analysis from scratch finds (the stories may differ:
      // clustering depends on the order articles arrive in, docs/decisions/0010).
      const perArticle = (x: Analysis) => ({
        articles: x.articles,
        entities: x.entities,
        quotes: x.quotes,
        claimMentions: x.claims
          .flatMap((c) => c.mentions)
          .sort((p, q) =>
            p.articleId < q.articleId ? -1 : p.articleId > q.articleId ? 1 : p.start - q.start,
          ),
        events: x.events.flatMap((e) => e.mentions.map((m) => [e.actor?.entityId, e.type, m.start])).sort(),
      });
      assert.deepEqual(perArticle(second), perArticle(await analyzeStore(own, { now: later, fresh: true })));
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a storyline whose entity is renamed by an article arriving elsewhere, with the new id in its events', async () => {
    const own = createSqliteStore({ path: ':memory:' });
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-story-rename-'));
    try {
      const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
      write(
        'a.txt',
        'Budget talks stall in parliament\n\nSmith met Jones in London on Monday to discuss the budget, officials said. "We need more time to read the bill," Smith said after the meeting.\n',
      );
      write(
        'b.txt',
        'Budget deal still out of reach\n\nSmith met Jones again in London on Tuesday, but the budget deal remained out of reach, aides said.\n',
      );
      write(
        'c.txt',
        'Floods hit the coast of Valencia\n\nRescue teams in Valencia searched for survivors on Wednesday after floods swept through the region. Farmer John Smith said the water rose within minutes.\n',
      );
      await ingest(own, [join(dir, 'a.txt'), join(dir, 'b.txt')], { now: NOW });
      const first = await analyzeStore(own, { now: NOW });
      const smith = first.events[0]?.actor?.entityId;
      assert.equal(first.entities.find((e) => e.id === smith)?.name, 'Smith');
      const later = () => new Date('2026-11-24T00:00:00Z');
      await ingest(own, [join(dir, 'c.txt')], { now: later });
      const second = await analyzeStore(own, { now: later });
      // The floods article is a storyline of its own, and it made "Smith" John Smith…
      assert.deepEqual(
        second.stories
          .filter((s) => s.kind === 'storyline')
          .map((s) => s.articleIds.length)
          .sort(),
        [1, 2],
      );
      const john = second.entities.find((e) => e.name === 'John Smith')?.id;
      assert.ok(john && john !== smith);
      // …so the budget storyline's event names John Smith, though its record was not computed again,
      assert.deepEqual(
        second.events.map((e) => [e.type, e.actor?.entityId, e.actor?.text]),
        [['meet', john, 'Smith']],
      );
      const budget = second.stories.find((s) => s.kind === 'storyline' && s.articleIds.length === 2)!;
      const record = (await own.listDerived('story')).find((r) => r.key === budget.id);
      assert.equal(record?.updatedAt, '2026-11-23T00:00:00.000Z');
      // and the story results are those of computing every storyline again.
      await own.deleteDerived('story');
      await own.deleteDerived('analysis');
      const again = await analyzeStore(own, { now: later });
      for (const k of ['claims', 'events', 'comparisons', 'forecasts', 'timeline'] as const)
        assert.deepEqual(again[k], second[k], k);
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
