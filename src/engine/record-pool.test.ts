import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { clusteringInputs } from '../../test/fixtures/clustering/corpus.ts';
import type { ClusterInput } from '../core/story.ts';
import { articleRecord } from '../pipeline/cluster/article-record.ts';
import { ClusterIndex, type ClusterUpdate } from '../pipeline/cluster/cluster-index.ts';
import { addInBatches } from './add-in-batches.ts';
import { RecordPool } from './record-pool.ts';

const inputs = clusteringInputs();

describe('RecordPool', () => {
  const pool = new RecordPool(2);
  after(() => pool.close());

  it('builds, on worker threads, exactly the records articleRecord builds, in input order', async () => {
    assert.equal(inputs.length, 16);
    assert.deepEqual(await pool.build(inputs), inputs.map(articleRecord));
    assert.deepEqual(await pool.build(inputs.slice(0, 1)), [articleRecord(inputs[0]!)]);
    assert.deepEqual(await pool.build([]), []);
  });

  it('turns a failure inside a worker into a rejected build, and keeps working', async () => {
    const broken = { id: 'broken', bodyStart: 0 } as unknown as ClusterInput;
    await assert.rejects(pool.build([broken]), {
      code: 'INTERNAL',
      message: /^building cluster records failed: /,
    });
    assert.deepEqual(await pool.build(inputs.slice(0, 2)), inputs.slice(0, 2).map(articleRecord));
  });

  it('refuses a bad thread count and builds after close', async () => {
    assert.throws(() => new RecordPool(0), { code: 'USAGE', message: /whole number ≥ 1, got 0/ });
    const closed = new RecordPool(1);
    await closed.close();
    await assert.rejects(closed.build(inputs), { message: 'the record pool is closed' });
  });
});

describe('addInBatches', () => {
  it('leaves the index and every update exactly as index.add of the same batches', async () => {
    const batches = [inputs.slice(0, 5), inputs.slice(5, 6), inputs.slice(6, 13), inputs.slice(13)];
    const sequential = new ClusterIndex();
    const expected = batches.map((b) => sequential.add(b));
    const parallel = new ClusterIndex();
    const got: ClusterUpdate[] = [];
    const seen: string[][] = [];
    await addInBatches(parallel, batches, {
      threads: 1,
      onBatch: (update, batch) => {
        got.push(update);
        seen.push(batch.map((i) => i.id));
      },
    });
    assert.deepEqual(got, expected);
    assert.deepEqual(
      seen,
      batches.map((b) => b.map((i) => i.id)),
    );
    assert.deepEqual(parallel.toJSON(), sequential.toJSON());
    assert.ok(parallel.events().length > 1);
  });

  it('stops with the error of a failing callback or batch source, and leaves nothing running', async () => {
    await assert.rejects(
      addInBatches(new ClusterIndex(), [inputs.slice(0, 4), inputs.slice(4, 8), inputs.slice(8)], {
        threads: 1,
        onBatch: () => {
          throw new Error('storage full');
        },
      }),
      { message: 'storage full' },
    );
    function* failing() {
      yield inputs.slice(0, 4);
      throw new Error('feed broke');
    }
    await assert.rejects(addInBatches(new ClusterIndex(), failing(), { threads: 1 }), {
      message: 'feed broke',
    });
  });

  it('does nothing for no batches', async () => {
    const index = new ClusterIndex();
    let calls = 0;
    await addInBatches(index, [], {
      threads: 1,
      onBatch: () => {
        calls += 1;
      },
    });
    assert.equal(index.size, 0);
    assert.equal(calls, 0);
  });
});
