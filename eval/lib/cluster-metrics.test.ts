import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bcubed, pairwise } from './cluster-metrics.ts';

const map = (o: Record<string, string>) => new Map(Object.entries(o));
const round = (x: { precision: number; recall: number; f1: number }) => ({
  precision: Math.round(x.precision * 1e4) / 1e4,
  recall: Math.round(x.recall * 1e4) / 1e4,
  f1: Math.round(x.f1 * 1e4) / 1e4,
});

// Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
const gold = map({ a: 'x', b: 'x', c: 'x', d: 'y', e: 'y' });
const predicted = map({ a: '1', b: '1', c: '2', d: '2', e: '2' });

test('B-cubed on a hand-computed case', () => {
  // Precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → 3.6667/5 = 0.7333.
  // Recall per item: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → 3.6667/5 = 0.7333.
  assert.deepEqual(round(bcubed(predicted, gold)), { precision: 0.7333, recall: 0.7333, f1: 0.7333 });
});

test('pairwise on a hand-computed case', () => {
  // Predicted pairs: ab, cd, ce, de = 4; gold pairs: ab, ac, bc, de = 4; shared: ab, de = 2.
  assert.deepEqual(round(pairwise(predicted, gold)), { precision: 0.5, recall: 0.5, f1: 0.5 });
});

test('a perfect clustering scores 1 and singletons have pairwise precision 1 by convention', () => {
  assert.deepEqual(round(bcubed(gold, gold)), { precision: 1, recall: 1, f1: 1 });
  const singletons = map({ a: '1', b: '2', c: '3', d: '4', e: '5' });
  assert.deepEqual(round(pairwise(singletons, gold)), { precision: 1, recall: 0, f1: 0 });
  // Recall per item: 1/3, 1/3, 1/3, 1/2, 1/2 → 2/5 = 0.4.
  assert.deepEqual(round(bcubed(singletons, gold)), { precision: 1, recall: 0.4, f1: 0.5714 });
});

test('clusterings over different items are refused', () => {
  assert.throws(() => bcubed(map({ a: '1' }), map({ b: 'x' })), /same items/);
});
