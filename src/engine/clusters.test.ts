import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedClusterInputs } from '../../test/fixtures/cluster-inputs.ts';
import { articleRecord } from '../pipeline/cluster/article-record.ts';
import { clusterIncrementally } from './clusters.ts';

const seeds = seedClusterInputs();

const groups = (stories: { articleIds: string[] }[]) =>
  stories.map((s) => [...s.articleIds].sort().join(',')).sort();

describe('incremental clustering', () => {
  it('adds new articles to a stored index and ends where a rebuild ends', () => {
    const first = clusterIncrementally(seeds.slice(0, 3), undefined);
    assert.equal(first.mode, 'rebuilt');
    assert.equal(first.added, 3);
    const stored = JSON.parse(JSON.stringify(first.state()));
    const copy = JSON.parse(JSON.stringify(stored));
    const second = clusterIncrementally(seeds, stored);
    assert.equal(second.mode, 'incremental');
    // The stored state is copied, not changed, unless the index may adopt it; adopting ends the same.
    assert.deepEqual(stored, copy);
    const adopted = clusterIncrementally(seeds, copy, undefined, { adopt: true });
    assert.equal(adopted.mode, 'incremental');
    assert.deepEqual(adopted.state(), second.state());
    assert.equal(copy.index.eventOf.length, 5); // taken over and grown by the index
    assert.equal(stored.index.eventOf.length, 3);
    assert.equal(second.added, 2);
    const rebuilt = clusterIncrementally(seeds, undefined);
    assert.deepEqual(groups(second.events), groups(rebuilt.events));
    assert.deepEqual(groups(second.events), ['000,001,002', '003', '004']);
    assert.deepEqual(groups(second.storylines), groups(rebuilt.storylines));
    assert.deepEqual(
      second.derivations.map((d) => `${d.articleId}>${d.outlet ?? d.sourceArticleId}`).sort(),
      rebuilt.derivations.map((d) => `${d.articleId}>${d.outlet ?? d.sourceArticleId}`).sort(),
    );
  });

  it('rebuilds when a stored member changed or disappeared', () => {
    const stored = clusterIncrementally(seeds, undefined).state();
    const changed = seeds.map((s) =>
      s.id === '001' ? { ...s, text: `${s.text}\n\nA correction was appended.` } : s,
    );
    assert.equal(clusterIncrementally(changed, stored).mode, 'rebuilt');
    assert.equal(clusterIncrementally(seeds.slice(1), stored).mode, 'rebuilt');
    // An edit that keeps the text's length (a corrected figure) is a change too.
    const sameLength = seeds.map((s) =>
      s.id === '002' ? { ...s, text: s.text.replace(/\d/, (d) => String((Number(d) + 1) % 10)) } : s,
    );
    assert.equal(
      sameLength.find((s) => s.id === '002')?.text.length,
      seeds.find((s) => s.id === '002')?.text.length,
    );
    assert.notEqual(sameLength.find((s) => s.id === '002')?.text, seeds.find((s) => s.id === '002')?.text);
    assert.equal(clusterIncrementally(sameLength, stored).mode, 'rebuilt');
    assert.equal(clusterIncrementally(seeds, stored).added, 0);
  });

  it('uses records built elsewhere for the articles they describe, and builds the rest', () => {
    const built = clusterIncrementally(seeds, undefined);
    // Records of two articles built beforehand (as the per-article phase does on worker threads),
    // passed through a JSON round trip as a worker's reply would be structurally cloned.
    const records = new Map(
      seeds.slice(1, 3).map((s) => [s.id, JSON.parse(JSON.stringify(articleRecord(s)))] as const),
    );
    const given = clusterIncrementally(seeds, undefined, records);
    assert.deepEqual(given.state(), built.state());
    assert.deepEqual(groups(given.storylines), ['000,001,002,003,004']);
    // A record is only read for an article the index does not hold yet.
    const stored = JSON.parse(JSON.stringify(clusterIncrementally(seeds.slice(0, 3), undefined).state()));
    const wrong = new Map([['001', { ...articleRecord(seeds[3]!), id: '001' }]]);
    assert.deepEqual(clusterIncrementally(seeds, stored, wrong).state().index, built.state().index);
  });

  it('takes the stored output for exactly the same members, without the index, and the same as restoring it', () => {
    const first = clusterIncrementally(seeds, undefined);
    const { membersHash, events, storylines, duplicates } = first;
    const stored = JSON.parse(JSON.stringify(first.state()));
    const restored = clusterIncrementally(seeds, JSON.parse(JSON.stringify(stored)));
    assert.equal(restored.fromOutput, undefined);
    const output = JSON.parse(JSON.stringify({ membersHash, events, storylines, duplicates }));
    const taken = clusterIncrementally(seeds, { ...stored, output });
    assert.equal(taken.fromOutput, true);
    assert.deepEqual(
      [taken.events, taken.storylines, taken.duplicates, taken.derivations, taken.mode, taken.added],
      [restored.events, restored.storylines, restored.duplicates, restored.derivations, 'incremental', 0],
    );
    // Its state, when asked for, is the restored index's.
    assert.deepEqual(taken.state(), restored.state());
    // A changed member or a new one: the output is not for them.
    const changed = seeds.map((s) => (s.id === '003' ? { ...s, title: `${s.title ?? ''} (updated)` } : s));
    assert.equal(clusterIncrementally(changed, { ...stored, output }).fromOutput, undefined);
    const fewer = JSON.parse(JSON.stringify(clusterIncrementally(seeds.slice(0, 4), undefined).state()));
    const grown = clusterIncrementally(seeds, { ...fewer, output });
    assert.deepEqual([grown.fromOutput, grown.added], [undefined, 1]);
  });
});
