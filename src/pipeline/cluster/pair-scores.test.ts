import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PairCache } from './pair-scores.ts';

test('the pair cache finds a pair in either order, only when its larger index was added in the call', () => {
  const cache = new PairCache(10);
  const w = { event: 0.4, storyline: 0.7 };
  cache.set(12, 3, w);
  assert.equal(cache.get(3, 12), w);
  assert.equal(cache.get(12, 3), w);
  assert.equal(cache.get(12, 4), undefined);
  // Both indexes older than the call: not held.
  cache.set(4, 9, { event: 1, storyline: 1 });
  assert.equal(cache.get(9, 4), undefined);
  cache.set(11, 10, { event: 0.2, storyline: 0.3 });
  assert.deepEqual(cache.get(10, 11), { event: 0.2, storyline: 0.3 });
});
