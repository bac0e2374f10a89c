import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusteringInputs, clusteringRows } from '../../../test/fixtures/clustering/corpus.ts';
import type { Story } from '../../core/story.ts';
import { articleRecord } from './article-record.ts';
import { CLUSTER_VERSION, ClusterIndex } from './cluster-index.ts';

const rows = clusteringRows;
const inputs = clusteringInputs();

const partition = (stories: Story[]) => stories.map((s) => s.articleIds.join(' ')).sort();
const goldPartition = (key: 'label' | 'storyline') => {
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) ?? []), r.id]);
  return [...groups.values()].map((g) => g.sort().join(' ')).sort();
};
/** A deterministic shuffle (LCG), so the test is the same on every run. */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const batch = new ClusterIndex();
batch.add(inputs);

test('fixture corpus: events equal the gold events', () => {
  assert.deepEqual(partition(batch.events()), goldPartition('label'));
});

test('fixture corpus: storylines join events of one storyline, never two storylines', () => {
  assert.deepEqual(partition(batch.storylines()), [
    'chl-01 chl-02 chl-03 chl-04 chl-05',
    'ecb-01 ecb-02 ecb-03 ecb-04',
    'jpn-01 jpn-02',
    'red-01 red-02 red-03',
    'red-04 red-05',
  ]);
  const events = new Map(batch.events().map((e) => [e.id, e]));
  for (const line of batch.storylines()) {
    const members = line.eventIds!.flatMap((id) => events.get(id)!.articleIds).sort();
    assert.deepEqual(members, line.articleIds);
  }
});

test('the same articles in any order, in one call, give the same stories', () => {
  for (const seed of [1, 2, 3]) {
    const other = new ClusterIndex();
    other.add(shuffle(inputs, seed));
    assert.deepEqual(other.events(), batch.events());
    assert.deepEqual(other.storylines(), batch.storylines());
    assert.deepEqual(other.duplicates(), batch.duplicates());
  }
});

test('adding in chunks, in shuffled order, gives the batch partition', () => {
  for (const seed of [4, 5]) {
    const order = shuffle(inputs, seed);
    const inc = new ClusterIndex();
    for (let i = 0; i < order.length; i += 3) inc.add(order.slice(i, i + 3));
    assert.deepEqual(partition(inc.events()), partition(batch.events()));
    assert.deepEqual(partition(inc.storylines()), partition(batch.storylines()));
    assert.deepEqual(inc.duplicates(), batch.duplicates());
  }
});

test('an update reports the grown stories, the merged-away ids and the touched duplicates', () => {
  const index = new ClusterIndex();
  const first = index.add(inputs.filter((i) => i.id === 'chl-01' || i.id === 'chl-03'));
  assert.deepEqual(partition(first.events), ['chl-01 chl-03']);
  const second = index.add(inputs.filter((i) => i.id === 'chl-02'));
  assert.deepEqual(partition(second.events), ['chl-01 chl-02 chl-03']);
  assert.deepEqual(second.removedEventIds, []);
  assert.deepEqual(second.duplicates, [
    { articleId: 'chl-02', duplicateOf: 'chl-01', kind: 'exact', similarity: 1 },
  ]);
  // A new member with a smaller id renames the story: the old id is reported as removed.
  const renamed = index.add([{ ...inputs.find((i) => i.id === 'chl-01')!, id: 'chl-00' }]);
  assert.deepEqual(renamed.removedEventIds, [first.events[0]!.id]);
  assert.equal(index.add(inputs.filter((i) => i.id === 'chl-02')).events.length, 0);
});

test('an update without stories reports the same removed ids and leaves the same index', () => {
  const withStories = new ClusterIndex();
  const without = new ClusterIndex();
  const steps = [
    inputs.filter((i) => i.id === 'chl-01' || i.id === 'chl-03'),
    inputs.filter((i) => i.id === 'chl-02'),
    [{ ...inputs.find((i) => i.id === 'chl-01')!, id: 'chl-00' }],
  ];
  for (const step of steps) {
    const full = withStories.add(step);
    const bare = without.add(step, { stories: false });
    assert.deepEqual(bare.events, []);
    assert.deepEqual(bare.storylines, []);
    assert.deepEqual(bare.removedEventIds, full.removedEventIds);
    assert.deepEqual(bare.removedStorylineIds, full.removedStorylineIds);
    assert.deepEqual(bare.duplicates, full.duplicates);
  }
  assert.equal(without.events().length > 0, true);
  assert.deepEqual(without.events(), withStories.events());
  assert.deepEqual(without.storylines(), withStories.storylines());
});

test('an update leaves out the stories of a touched component that did not change', () => {
  const index = new ClusterIndex();
  const ecb = (...ids: string[]) => inputs.filter((i) => ids.includes(i.id));
  const first = index.add(ecb('ecb-01', 'ecb-02', 'ecb-03'));
  assert.deepEqual(partition(first.events), ['ecb-01 ecb-02', 'ecb-03']);
  assert.deepEqual(partition(first.storylines), ['ecb-01 ecb-02 ecb-03']);
  // ecb-04 joins the rate-cut event; the rate-hold event is re-clustered but unchanged, in a
  // storyline that keeps its id, so only the grown event and the storyline are reported.
  const second = index.add(ecb('ecb-04'));
  assert.deepEqual(partition(second.events), ['ecb-03 ecb-04']);
  assert.deepEqual(partition(second.storylines), ['ecb-01 ecb-02 ecb-03 ecb-04']);
  assert.equal(second.storylines[0]!.id, first.storylines[0]!.id);
  assert.deepEqual(second.removedEventIds, []);
  assert.deepEqual(second.removedStorylineIds, []);
});

test('state survives JSON: restore, then add the rest = adding everything at once', () => {
  const half = new ClusterIndex();
  half.add(inputs.slice(0, 8));
  const json = JSON.stringify(half.toJSON());
  const restored = ClusterIndex.restore(JSON.parse(json));
  assert.equal(restored.size, 8);
  assert.deepEqual(restored.events(), half.events());
  assert.equal(JSON.stringify(restored.toJSON()), json);
  restored.add(inputs.slice(8));
  half.add(inputs.slice(8));
  assert.deepEqual(restored.events(), half.events());
  assert.deepEqual(partition(restored.events()), partition(batch.events()));
  assert.throws(
    () => ClusterIndex.restore({ ...half.toJSON(), version: 'x' }),
    new RegExp(`expected ${CLUSTER_VERSION}`),
  );
});

test('replay: re-adding stored records with the groups their call left gives the same index', () => {
  const original = new ClusterIndex();
  original.add(inputs.slice(0, 6));
  const base = JSON.stringify(original.toJSON());
  const replayed = ClusterIndex.restore(JSON.parse(base));
  // Two later calls, each stored as its records and the groups after it.
  for (const part of [inputs.slice(6, 9), inputs.slice(9)]) {
    const records = part.map(articleRecord);
    original.addRecords(records);
    replayed.replay(JSON.parse(JSON.stringify(records)), JSON.parse(JSON.stringify(original.groups())));
  }
  assert.equal(JSON.stringify(replayed.toJSON()), JSON.stringify(original.toJSON()));
  assert.deepEqual(replayed.events(), original.events());
  assert.deepEqual(replayed.storylines(), original.storylines());
  // And both go on alike.
  const more = inputs.slice(0, 3).map((i) => ({ ...i, id: `${i.id}-again` }));
  assert.deepEqual(replayed.add(more), original.add(more));
  assert.throws(
    () => replayed.replay([], { ...original.groups(), eventOf: [0] }),
    /replayed groups hold 1 articles/,
  );
});

test('titles are sentences of member articles, with their spans; periods span the dates', () => {
  const texts = new Map(inputs.map((i) => [i.id, i.text]));
  for (const story of [...batch.events(), ...batch.storylines()]) {
    const span = story.titleSpan!;
    assert.ok(story.articleIds.includes(span.articleId));
    assert.ok(
      texts.get(span.articleId)!.slice(span.start, span.end).replace(/\s+/g, ' ').startsWith(story.title),
    );
  }
  const chile = batch.storylines().find((s) => s.articleIds.includes('chl-01'))!;
  assert.deepEqual(chile.period, { start: '2024-02-04', end: '2024-03-24' });
});
