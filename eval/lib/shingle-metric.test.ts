import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  aggregateScores,
  precisionOf,
  recallOf,
  shingleMatch,
  shingles,
  tokenize,
} from './shingle-metric.ts';

describe('shingle metric', () => {
  it('tokenizes Unicode word runs and drops punctuation', () => {
    assert.deepEqual(tokenize('Müller’s 2 cafés — naïve_x, 東京!'), [
      'Müller',
      's',
      '2',
      'cafés',
      'naïve_x',
      '東京',
    ]);
  });

  it('counts 4-token shingles as a multiset and keeps a short text as one shingle', () => {
    const counts = shingles('a b c d a b c d');
    assert.equal(counts.size, 4);
    assert.equal(counts.get(['a', 'b', 'c', 'd'].join('\u0001')), 2);
    assert.deepEqual([...shingles('only three words').values()], [1]);
    assert.equal(shingles('').size, 0);
  });

  it('scores an exact match as perfect', () => {
    const m = shingleMatch('one two three four five', 'one two three four five');
    assert.deepEqual(m, { tp: 1, fp: 0, fn: 0 });
    assert.equal(precisionOf(m), 1);
    assert.equal(recallOf(m), 1);
  });

  it('normalises TP/FP/FN by their sum', () => {
    // gold shingles: [1234] [2345]; predicted: [1234] [234x] [34xy]
    const m = shingleMatch('w1 w2 w3 w4 w5', 'w1 w2 w3 w4 x y');
    assert.deepEqual(m, { tp: 1 / 4, fp: 2 / 4, fn: 1 / 4 });
    assert.equal(precisionOf(m), 1 / 3);
    assert.equal(recallOf(m), 1 / 2);
  });

  it('averages P over predicted docs and R over gold docs, then takes F1 of the averages', () => {
    const perfect = shingleMatch('a b c d e', 'a b c d e');
    const empty = shingleMatch('a b c d e', '');
    assert.deepEqual(empty, { tp: 0, fp: 0, fn: 1 });
    const scores = aggregateScores([perfect, empty]);
    assert.equal(scores.precision, 1);
    assert.equal(scores.recall, 0.5);
    assert.equal(scores.f1, (2 * 0.5) / 1.5);
    assert.equal(scores.documents, 2);
  });
});
