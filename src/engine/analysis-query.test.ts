import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureAnalysis } from '../../test/fixtures/analysis-fixture.ts';
import {
  cooccurringEntities,
  dateBound,
  findInAnalysis,
  findStory,
  pageOf,
  selectClaims,
  selectEntities,
  selectEvents,
  selectQuotes,
  selectTimeline,
} from './analysis-query.ts';
import { orderStories, storyPage } from './story-list.ts';

const analysis = fixtureAnalysis();
const ids = <T extends { id: string }>(items: T[]) => items.map((x) => x.id);

describe('analysis queries (one implementation for the CLI and the API)', () => {
  it('claims: most mentioned first, or most origins first; filters by story, outlet, modality, origins', () => {
    assert.deepEqual(ids(selectClaims(analysis)), ['c1', 'c2']);
    assert.deepEqual(ids(selectClaims(analysis, { sort: 'origins' })), ['c2', 'c1']);
    assert.deepEqual(ids(selectClaims(analysis, { modality: 'expected' })), ['c2']);
    assert.deepEqual(ids(selectClaims(analysis, { minOrigins: 2 })), ['c2']);
    // Daily B (article b2) carries c1 only; outlet names match in any case.
    assert.deepEqual(ids(selectClaims(analysis, { outlet: 'daily b' })), ['c1']);
    assert.deepEqual(ids(selectClaims(analysis, { outlet: 'Nobody' })), []);
    assert.deepEqual(ids(selectClaims(analysis, { story: 's2' })), ['c1', 'c2']);
    // The analysis's own order is left alone.
    assert.deepEqual(ids(analysis.claims), ['c1', 'c2']);
  });

  it('stories by id or unique prefix; an unknown one is NOT_FOUND, a shared prefix AMBIGUOUS_ID', () => {
    assert.equal(findStory(analysis, 's2').id, 's2');
    assert.throws(() => findStory(analysis, 'zz'), { code: 'NOT_FOUND' });
    assert.throws(() => findStory(analysis, 's'), { code: 'AMBIGUOUS_ID' });
    assert.throws(() => selectQuotes(analysis, { story: 'nope' }), { code: 'NOT_FOUND' });
  });

  it('stories and entities by id prefix of at least four characters', () => {
    assert.deepEqual(findInAnalysis(analysis, 'e-put')?.value.id, 'e-putin');
    assert.equal(findInAnalysis(analysis, 'e-p'), undefined);
    assert.equal(findInAnalysis(analysis, 's1')?.kind, 'story');
  });

  it('quotes by story, speaker words (any case) and article id prefix', () => {
    assert.deepEqual(ids(selectQuotes(analysis, { speaker: 'PUT' })), ['q1']);
    assert.deepEqual(ids(selectQuotes(analysis, { speaker: 'Kim' })), []);
    assert.deepEqual(ids(selectQuotes(analysis, { article: 'a' })), ['q1']);
    assert.deepEqual(ids(selectQuotes(analysis, { article: 'b2' })), []);
    assert.deepEqual(ids(selectQuotes(analysis, { story: 's1' })), ['q1']);
  });

  it('events by type, actor words and story', () => {
    assert.deepEqual(ids(selectEvents(analysis, { type: 'meet', actor: 'putin', story: 's2' })), ['ev1']);
    assert.deepEqual(ids(selectEvents(analysis, { type: 'deploy-forces' })), []);
    assert.deepEqual(ids(selectEvents(analysis, { actor: 'Kim' })), []);
  });

  it('entities of a type, most mentioned first', () => {
    assert.deepEqual(ids(selectEntities(analysis)), ['e-kim', 'e-putin', 'e-nk']);
    assert.deepEqual(ids(selectEntities(analysis, { type: 'country' })), ['e-nk']);
  });

  it('the timeline overlapping a range at day precision; undated entries only without a range', () => {
    const labels = (filter: Parameters<typeof selectTimeline>[1]) =>
      selectTimeline(analysis, filter).map((e) => e.label);
    assert.deepEqual(labels({}), ['Putin meets Kim <in Pyongyang>', 'Eastern summit']);
    // "2023-09-30" is inside the month entry "2023-09"; the June entry starts after it.
    assert.deepEqual(labels({ to: dateBound('to', '2023-09-30', 'last') }), ['Eastern summit']);
    assert.deepEqual(labels({ from: dateBound('from', '2024', 'first') }), [
      'Putin meets Kim <in Pyongyang>',
    ]);
    assert.deepEqual(labels({ story: 's1' }), ['Putin meets Kim <in Pyongyang>']);
  });

  it('date bounds: any ISO precision; anything else is USAGE naming the flag or parameter', () => {
    assert.equal(dateBound('from', undefined, 'first'), undefined);
    assert.equal(
      (dateBound('to', '2024-02', 'last') ?? 0) - (dateBound('from', '2024-02', 'first') ?? 0),
      28,
    );
    assert.throws(() => dateBound('--from', '2024/05', 'first'), {
      code: 'USAGE',
      message: '--from must be an ISO date such as 2024, 2024-05 or 2024-05-25 (got "2024/05")',
    });
    for (const bad of ['2024-13', '2024-02-30', '2023-02-29', '24-05', ''.padEnd(4, 'x')]) {
      assert.throws(() => dateBound('from', bad, 'first'), { code: 'USAGE' }, bad);
    }
    assert.equal(typeof dateBound('from', '2024-02-29', 'first'), 'number');
  });

  it('co-occurring entities: by articles shared, then name; capped', () => {
    const putin = analysis.entities.find((e) => e.id === 'e-putin');
    assert.ok(putin);
    assert.deepEqual(cooccurringEntities(analysis, putin, 10), [
      { id: 'e-kim', name: 'Kim Jong Un', type: 'person', articles: 2 },
    ]);
    assert.deepEqual(cooccurringEntities(analysis, putin, 0), []);
  });

  it('story lists: reading order puts events after their storyline; the API page uses the same order', () => {
    assert.deepEqual(ids(orderStories(analysis)), ['s2', 's1']);
    const page = storyPage(analysis, { sort: 'rank', limit: 10, offset: 0 });
    assert.deepEqual(ids(page.stories), ['s2', 's1']);
    assert.deepEqual(pageOf([1, 2, 3], 2, 1), { items: [2, 3], limit: 2, offset: 1, total: 3 });
  });
});
