import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { twoStorylines } from '../../test/fixtures/analysis/two-storylines.ts';
import type { Analysis } from '../core/analysis.ts';
import { sha256Hex } from '../core/hash.ts';
import { analysisDocument } from './analysis-document.ts';
import { writeBrief } from './brief.ts';
import { scopeToStory } from './story-scope.ts';

const L1 = 'l1aaaaaaaaaaaaaa';
const L2 = 'l2bbbbbbbbbbbbbb';
const E1 = 'e1aaaaaaaaaaaaaa';

const ids = (items: { id: string }[]) => items.map((x) => x.id);
const mentionArticles = (items: { mentions: { articleId: string }[] }[]) =>
  items.map((x) => x.mentions.map((m) => m.articleId));

describe('scopeToStory', () => {
  it("a storyline: its articles, itself then its events, items resting on its articles, pile-wide items' mentions in it", () => {
    const scoped = scopeToStory(twoStorylines(), L1);
    assert.deepEqual(ids(scoped.articles), ['a1', 'a2']);
    assert.deepEqual(ids(scoped.stories), [L1, E1]);
    assert.deepEqual(ids(scoped.entities), ['x-geneva']);
    assert.deepEqual(mentionArticles(scoped.entities), [['a1', 'a2']]);
    assert.deepEqual(ids(scoped.claims), ['c1']);
    assert.deepEqual(ids(scoped.events), ['ev1']);
    assert.deepEqual(scoped.quotes, []);
    // The timeline entry rests on both storylines: it is in both, whole.
    assert.deepEqual(mentionArticles(scoped.timeline), [['a2', 'b1']]);
    // The outlet spans both storylines: its articles and loaded terms here only.
    assert.deepEqual(
      scoped.sources.map((s) => [s.outlet, s.articleIds, mentionArticles(s.loadedTerms)]),
      [
        ['Wire', ['a1'], [['a1']]],
        ['Daily', ['a2'], []],
      ],
    );
    assert.deepEqual(
      scoped.comparisons.map((c) => c.storyId),
      [L1, E1],
    );
    assert.equal(scoped.derivations.length, 1);
    assert.equal(scoped.failures, undefined);
  });

  it("the other storyline, by a unique prefix: its own items and its article's failure", () => {
    const scoped = scopeToStory(twoStorylines(), 'l2b');
    assert.deepEqual(ids(scoped.stories), [L2]);
    assert.deepEqual(ids(scoped.articles), ['b1']);
    assert.deepEqual(ids(scoped.entities), ['x-valencia']);
    assert.deepEqual(ids(scoped.quotes), ['q1']);
    assert.deepEqual(scoped.claims, []);
    assert.deepEqual(mentionArticles(scoped.timeline), [['a2', 'b1']]);
    assert.deepEqual(
      scoped.sources.map((s) => [s.outlet, mentionArticles(s.loadedTerms)]),
      [['Wire', [['b1']]]],
    );
    assert.deepEqual(scoped.comparisons, []);
    assert.deepEqual(scoped.failures, [
      { stage: 'quotes', articleId: 'b1', code: 'INTERNAL', message: 'boom' },
    ]);
  });

  it('an event: its storyline part narrowed to its articles, and only its own comparison', () => {
    const scoped = scopeToStory(twoStorylines(), E1);
    assert.deepEqual(ids(scoped.stories), [E1]);
    assert.deepEqual(ids(scoped.articles), ['a1', 'a2']);
    assert.deepEqual(
      scoped.comparisons.map((c) => c.storyId),
      [E1],
    );
  });

  it('unknown and ambiguous ids are errors that say so', () => {
    assert.throws(() => scopeToStory(twoStorylines(), 'zz'), { code: 'NOT_FOUND' });
    assert.throws(() => scopeToStory(twoStorylines(), 'l'), { code: 'AMBIGUOUS_ID' });
  });

  it('nothing is lost: every item of the pile is in the part of each storyline it rests on', () => {
    const analysis = twoStorylines();
    const parts = [L1, L2].map((id) => scopeToStory(analysis, id));
    const union = (pick: (a: Analysis) => { id: string }[]) => new Set(parts.flatMap((p) => ids(pick(p))));
    assert.deepEqual(union((a) => a.articles).size, analysis.articles.length);
    assert.deepEqual(union((a) => a.entities).size, analysis.entities.length);
    assert.deepEqual(union((a) => a.quotes).size, analysis.quotes.length);
    assert.deepEqual(union((a) => a.claims).size, analysis.claims.length);
    const mentions = (a: Analysis) => a.entities.flatMap((e) => e.mentions).length;
    assert.equal(mentions(parts[0] as Analysis) + mentions(parts[1] as Analysis), mentions(analysis));
  });

  it("a story's brief is the same made from its part as from the whole pile", () => {
    const analysis = twoStorylines();
    const whole = (id: string) => writeBrief(analysis, { storyId: id, format: 'md' });
    for (const id of [L1, L2, E1]) {
      assert.equal(whole(id), writeBrief(scopeToStory(analysis, id), { storyId: id, format: 'md' }));
    }
    // An outlet's loaded term is counted in the story's articles only (once here, not twice).
    assert.match(whole(L2), /Wire uses in its own voice “regime” ×1 \(delegitimizing\)/);
  });
});

describe('analysisDocument', () => {
  it('article texts by reference (length, digest), removed blocks without text; one story when asked', () => {
    const analysis = twoStorylines();
    analysis.articles[0]?.removed.push({ start: 0, end: 4, reason: 'menu', text: 'Menu' });
    const doc = analysisDocument(analysis);
    assert.equal(doc.schema, 'sitrep/analysis@2');
    assert.equal(doc.story, undefined);
    const a1 = analysis.articles[0]?.text ?? '';
    assert.deepEqual(doc.articles[0], {
      id: 'a1',
      input: { url: 'https://news.example/a1' },
      title: 'Talks open in Geneva',
      outlet: 'Wire',
      publishedAt: '2026-11-30',
      textLength: a1.length,
      textSha256: sha256Hex(a1),
      removed: [{ start: 0, end: 4, reason: 'menu' }],
    });
    assert.ok(!JSON.stringify(doc).includes('Envoys of Armenia and Azerbaijan met in Geneva on Monday, the'));
    const one = analysisDocument(analysis, 'l2');
    assert.equal(one.story, L2);
    assert.deepEqual(ids(one.articles), ['b1']);
  });
});
