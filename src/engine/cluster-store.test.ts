import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedClusterInputs } from '../../test/fixtures/cluster-inputs.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { loadClusters, saveClusters } from './cluster-store.ts';
import { CLUSTER_STATE_VERSION, clusterIncrementally } from './clusters.ts';

const seeds = seedClusterInputs();
const at = '2026-12-07T00:00:00.000Z';
const roomy = { share: 1, count: 32 };

describe('stored cluster index: a base and deltas', () => {
  it('stores an added article as a delta and restores the same index by replaying it', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const first = clusterIncrementally(seeds.slice(0, 3), undefined);
    assert.equal(await saveClusters(store, first, undefined, at), 'base');
    const loaded = await loadClusters(store);
    assert.deepEqual(
      { base: loaded?.baseSize, delta: loaded?.deltaSize, count: loaded?.deltaCount },
      { base: 3, delta: 0, count: 0 },
    );

    const second = clusterIncrementally(seeds.slice(0, 4), loaded?.stored);
    assert.equal(second.mode, 'incremental');
    assert.deepEqual(
      second.delta?.().records.map((r) => r.id),
      ['003'],
    );
    assert.equal(await saveClusters(store, second, loaded, at, roomy), 'delta');
    // The base record was not written again.
    const base = await store.getDerived<{ members: object }>('cluster-state', 'corpus');
    assert.deepEqual(Object.keys(base?.value.members ?? {}), ['000', '001', '002']);
    const withDelta = await loadClusters(store);
    assert.deepEqual(
      { base: withDelta?.baseSize, delta: withDelta?.deltaSize, count: withDelta?.deltaCount },
      { base: 3, delta: 1, count: 1 },
    );
    assert.deepEqual(Object.keys(withDelta?.stored?.members ?? {}).sort(), ['000', '001', '002', '003']);

    // Restoring base + delta, then adding the last article, ends where adding it to the whole
    // index of the second run ends.
    const third = clusterIncrementally(seeds, withDelta?.stored);
    assert.equal(third.mode, 'incremental');
    assert.equal(third.added, 1);
    const direct = clusterIncrementally(seeds, JSON.parse(JSON.stringify(second.state())));
    assert.deepEqual(third.state(), direct.state());
    assert.deepEqual(third.storylines, direct.storylines);

    // At the delta limit the whole index is stored again and the deltas are dropped.
    assert.equal(await saveClusters(store, third, withDelta, at, { share: 1, count: 1 }), 'base');
    assert.deepEqual(await store.listDerived('cluster-delta'), []);
    const compacted = await loadClusters(store);
    assert.deepEqual(
      { base: compacted?.baseSize, delta: compacted?.deltaSize, count: compacted?.deltaCount },
      { base: 5, delta: 0, count: 0 },
    );
    await store.close();
  });

  it('writes a base when the deltas would exceed their share, and ignores deltas of another base', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await saveClusters(store, clusterIncrementally(seeds.slice(0, 3), undefined), undefined, at);
    const loaded = await loadClusters(store);
    // One article on a base of three is a third: over the default share of a quarter.
    const grown = clusterIncrementally(seeds.slice(0, 4), loaded?.stored);
    assert.equal(await saveClusters(store, grown, loaded, at), 'base');
    // A delta left by an interrupted run on an older base is not replayed.
    await store.putDerived({
      kind: 'cluster-delta',
      key: 'corpus:000001',
      version: CLUSTER_STATE_VERSION,
      value: { generation: 'an-older-base', records: [], members: { x: 'y' }, derivations: [] },
      updatedAt: at,
    });
    const again = await loadClusters(store);
    assert.equal(again?.deltaCount, 0);
    // A delta of this base that cannot be replayed (an older form without its groups) rebuilds.
    const generation = (await store.getDerived<{ generation: string }>('cluster-state', 'corpus'))?.value
      .generation;
    await store.putDerived({
      kind: 'cluster-delta',
      key: 'corpus:000002',
      version: CLUSTER_STATE_VERSION,
      value: { generation, records: [], members: {}, derivations: [] },
      updatedAt: at,
    });
    assert.equal(await loadClusters(store), undefined);
    await store.deleteDerived('cluster-delta', 'corpus:000002');
    assert.deepEqual(Object.keys(again?.stored?.members ?? {}).sort(), ['000', '001', '002', '003']);
    // A rebuilt index (a member changed) is always stored whole.
    const changed = seeds.map((s) => (s.id === '001' ? { ...s, text: `${s.text}\n\nCorrected.` } : s));
    const rebuilt = clusterIncrementally(changed, again?.stored);
    assert.equal(rebuilt.mode, 'rebuilt');
    assert.equal(rebuilt.delta, undefined);
    assert.equal(await saveClusters(store, rebuilt, again, at, roomy), 'base');
    await store.close();
  });

  it('stores the base’s article records in parts, and loads no index when a part is missing', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const built = clusterIncrementally(seeds, undefined);
    assert.equal(
      await saveClusters(store, built, undefined, at, { share: 0.25, count: 32, partSize: 2 }),
      'base',
    );
    const base = await store.getDerived<{
      parts: number;
      index: { articles: unknown[] };
      derivations: unknown[];
    }>('cluster-state', 'corpus');
    assert.deepEqual(
      [base?.value.parts, base?.value.index.articles.length, base?.value.derivations.length],
      [3, 0, 0],
    );
    // The derivations went into the parts, eight (four per record) to a part.
    const derivations = built.state().derivations;
    assert.ok(derivations.length > 0);
    assert.deepEqual(
      (await store.listDerived<{ derivations: unknown[] }>('cluster-part')).map((p) => p.value.derivations),
      [derivations.slice(0, 8), derivations.slice(8, 16), derivations.slice(16, 24)],
    );
    assert.deepEqual(
      (await store.listDerived<{ records: { id: string }[] }>('cluster-part')).map((p) =>
        p.value.records.map((r) => r.id),
      ),
      [['000', '001'], ['002', '003'], ['004']],
    );
    const loaded = await loadClusters(store);
    assert.deepEqual(loaded?.stored, JSON.parse(JSON.stringify(built.state())));
    // Written again with fewer parts, the older parts are gone.
    await saveClusters(store, built, undefined, at, { share: 0.25, count: 32, partSize: 4 });
    assert.equal((await store.listDerived('cluster-part')).length, 2);
    await store.deleteDerived('cluster-part', 'corpus:000001');
    assert.equal(await loadClusters(store), undefined);
    await store.close();
  });

  it('loads a base written before derivations went into its parts', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const built = clusterIncrementally(seeds, undefined);
    await saveClusters(store, built, undefined, at);
    // The older form: every derivation on the base, parts holding records only.
    const base = await store.getDerived<Record<string, unknown>>('cluster-state', 'corpus');
    const parts = await store.listDerived<Record<string, unknown>>('cluster-part');
    const derivations = parts.flatMap((p) => p.value.derivations as unknown[]);
    await store.putDerived({ ...base!, value: { ...base!.value, derivations } });
    for (const p of parts) {
      const { derivations: _, ...older } = p.value;
      await store.putDerived({ ...p, value: older });
    }
    assert.deepEqual((await loadClusters(store))?.stored, JSON.parse(JSON.stringify(built.state())));
    await store.close();
  });
});
