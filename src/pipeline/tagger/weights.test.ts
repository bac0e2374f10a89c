import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WeightTable } from './weights.ts';

/** Scores of a feature list under a table, as plain numbers. */
function scored(table: WeightTable, labels: number, features: number[]): number[] {
  const scores = new Float64Array(labels);
  table.score(features, scores);
  return [...scores];
}

describe('WeightTable', () => {
  for (const labels of [3, 14, 17, 30, 31]) {
    it(`sums the rows of the features it knows and skips the rest (${labels} labels)`, () => {
      // 3,000 features: enough that many share a home slot and are found by probing on.
      const hashes = Array.from(
        { length: 3000 },
        (_, r) => (Math.imul(r + 1, 0x9e3779b1) >>> 0) ^ 0x5bd1e995,
      );
      hashes[7] = 0; // a hash of 0 is stored, and found, like any other
      const weights = new Int16Array(hashes.length * labels);
      for (let i = 0; i < weights.length; i++) weights[i] = ((i * 7919) % 2001) - 1000;
      const table = new WeightTable(hashes, weights, labels);
      assert.equal(table.size, 3000);
      const row = (r: number) => [...weights.subarray(r * labels, (r + 1) * labels)];
      for (const r of [0, 7, 1234, 2999]) assert.deepEqual(scored(table, labels, [hashes[r]!]), row(r));
      const unknown = 0x12345678;
      assert.ok(!hashes.includes(unknown));
      const sum = row(1).map((x, l) => 2 * x + row(2)[l]!);
      assert.deepEqual(scored(table, labels, [hashes[1]!, unknown, hashes[2]!, hashes[1]!]), sum);
      assert.deepEqual(scored(table, labels, [unknown]), new Array(labels).fill(0));
    });
  }
});
