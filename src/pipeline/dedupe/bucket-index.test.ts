import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BucketIndex } from './bucket-index.ts';

/** Visits of one `queryAndAdd` call, as [other, key] pairs. */
function visits(index: BucketIndex, keys: number[], member: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  index.queryAndAdd(keys, member, (other, key) => out.push([other, key]));
  return out;
}

test('members already in a bucket are visited, newest first; a member never visits itself', () => {
  const index = new BucketIndex(10);
  assert.deepEqual(visits(index, [7, 0xffffffff], 0), []);
  assert.deepEqual(visits(index, [7], 1), [[0, 7]]);
  // Keys are unsigned 32-bit: -1 is 0xffffffff again (keys of one call are not deduplicated).
  assert.deepEqual(visits(index, [7, 0xffffffff, -1], 2), [
    [1, 7],
    [0, 7],
    [0, 0xffffffff],
    [0, 0xffffffff],
  ]);
  assert.deepEqual(visits(index, [7], 2), [
    [1, 7],
    [0, 7],
  ]);
  assert.equal(index.keys, 2);
});

test('a bucket past its cap is saturated: it yields nothing more', () => {
  const index = new BucketIndex(2);
  visits(index, [5], 0);
  visits(index, [5], 1);
  assert.deepEqual(visits(index, [5], 2), [
    [1, 5],
    [0, 5],
  ]);
  assert.deepEqual(visits(index, [5], 3), []);
  assert.deepEqual(index.toJSON(), { cap: 2, buckets: [], saturated: [5] });
});

test('many keys: the table grows and round-trips through JSON', () => {
  const index = new BucketIndex(3);
  for (let m = 0; m < 5000; m++) visits(index, [m % 1700, 100_000 + m], m);
  const json = index.toJSON();
  assert.equal(json.buckets.length, 1700 + 5000);
  assert.deepEqual(json.buckets[0], [0, [0, 1700, 3400]]);
  assert.deepEqual(json.buckets[1700], [100_000, 0]);
  const restored = BucketIndex.fromJSON(json);
  assert.deepEqual(restored.toJSON(), json);
  assert.deepEqual(visits(restored, [0], 9999), [
    [3400, 0],
    [1700, 0],
    [0, 0],
  ]);
});
