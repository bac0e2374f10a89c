/**
 * The shipped word-cluster table (word-clusters.bin, built by scripts/train-word-clusters.ts): its
 * shape, classes that a sound clustering of news text must give (weekdays together, heads of state
 * together, countries apart from people), the folding used to look words up, and the format checks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  clusterOf,
  decodeWordClusters,
  encodeWordClusters,
  foldWord,
  type WordCluster,
  wordClusters,
  wordClusterTable,
} from './word-clusters.ts';

const get = (word: string): WordCluster => {
  const c = wordClusters().get(word);
  assert.ok(c, `${word} is in the table`);
  return c;
};

describe('word clusters: the shipped table', () => {
  it('has 1024 fine and 64 coarse classes over the frequent words', () => {
    const t = wordClusterTable();
    assert.equal(t.fineClasses, 1024);
    assert.equal(t.coarseClasses, 64);
    assert.ok(t.words.size > 30_000 && t.words.size <= 80_000, `${t.words.size} words`);
    for (const c of t.words.values()) {
      assert.ok(c.fine >= 0 && c.fine < t.fineClasses && c.coarse >= 0 && c.coarse < t.coarseClasses);
    }
  });

  it('puts words of one kind in one fine class', () => {
    const groups = [
      ['Monday', 'Tuesday', 'Friday'],
      ['January', 'March'],
      ['France', 'Germany'],
      ['London', 'Paris'],
      ['WASHINGTON', 'LONDON'],
      ['Obama', 'Putin'],
      ['British', 'French'],
      ['million', 'billion'],
      ['Inc.', 'Corp.'],
    ];
    for (const [first, ...rest] of groups) {
      for (const w of rest) assert.equal(get(w).fine, get(first!).fine, `${first} / ${w}`);
    }
  });

  it('groups politicians in one coarse class, apart from places, months and function words', () => {
    const people = get('Obama').coarse;
    assert.equal(get('Clinton').coarse, people);
    assert.equal(get('Bush').coarse, people);
    assert.notEqual(get('Clinton').fine, get('Obama').fine);
    for (const w of ['France', 'London', 'January', 'Monday', 'the', 'said'])
      assert.notEqual(get(w).coarse, people, w);
    assert.notEqual(get('Monday').fine, get('January').fine);
    assert.notEqual(get('WASHINGTON').fine, get('Washington').fine);
  });

  it('resolves raw tokens through the folding: numbers, possessives, quotes', () => {
    assert.deepEqual(clusterOf('1996'), get('0000'));
    assert.deepEqual(clusterOf('2,500'), get('0,000'));
    assert.deepEqual(clusterOf("Obama's"), get('Obama'));
    assert.deepEqual(clusterOf('Putin’s'), get('Putin'));
    assert.deepEqual(clusterOf('“'), get('"'));
    assert.deepEqual(clusterOf('’s'), get("'s"));
    assert.equal(clusterOf('Zzyzxqwv'), undefined);
  });
});

describe('word clusters: foldWord', () => {
  it('folds quotes and digits, cuts a possessive and keeps case', () => {
    assert.equal(foldWord('Obama’s'), 'Obama');
    assert.equal(foldWord("Reuters's"), 'Reuters');
    assert.equal(foldWord("it's"), 'it');
    assert.equal(foldWord("'s"), "'s");
    assert.equal(foldWord('’s'), "'s");
    assert.equal(foldWord('‘'), "'");
    assert.equal(foldWord('”'), '"');
    assert.equal(foldWord('1,234.5'), '0,000.0');
    assert.equal(foldWord('F-16s'), 'F-00s');
    assert.equal(foldWord('1996-08-22'), '0000-00-00');
    assert.equal(foldWord('U.S.'), 'U.S.');
    assert.equal(foldWord('BRUSSELS'), 'BRUSSELS');
    assert.equal(foldWord('Jones'), 'Jones');
  });
});

describe('word clusters: the file format', () => {
  it('round-trips a table', () => {
    const t = decodeWordClusters(encodeWordClusters([['a', 'b'], ['C'], ['d']], [1, 0, 1]));
    assert.equal(t.fineClasses, 3);
    assert.equal(t.coarseClasses, 2);
    assert.deepEqual(t.words.get('b'), { coarse: 1, fine: 0 });
    assert.deepEqual(t.words.get('C'), { coarse: 0, fine: 1 });
    assert.deepEqual(t.words.get('d'), { coarse: 1, fine: 2 });
    assert.equal(t.words.get('c'), undefined);
  });

  it('rejects bytes of another format or version', () => {
    const wrong = /word-clusters\.bin is not a word-cluster table of version 1/;
    assert.throws(() => decodeWordClusters(Buffer.from('not gzip')), wrong);
    assert.throws(() => decodeWordClusters(gzipSync('sitrep-word-clusters 2\n1 1 1\n0\tx\n')), wrong);
    assert.throws(() => decodeWordClusters(gzipSync('sitrep-word-clusters 1\n2 1 1\n0\tx\n')), wrong);
    assert.throws(() => decodeWordClusters(gzipSync('sitrep-word-clusters 1\n1 1 2\n0\tx x\n')), wrong);
  });
});
