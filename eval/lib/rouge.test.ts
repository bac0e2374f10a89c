import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ngrams, rouge, rougeTokens, skipBigrams, truncateWords } from './rouge.ts';

describe('ROUGE', () => {
  it('tokenises as ROUGE-1.5.5 with -m: lower case, non-alphanumerics split, long tokens stemmed', () => {
    assert.deepEqual(rougeTokens("The U.S. Army's troops were training, 3,000 of them."), [
      'the',
      'u',
      's',
      'armi',
      's',
      'troop',
      'were',
      'train',
      '3',
      '000',
      'of',
      'them',
    ]);
  });

  it('truncates the peer to its first words', () => {
    assert.equal(truncateWords(' a  b\nc d ', 3), 'a b c');
  });

  it('counts bigrams and skip bigrams with at most four words between', () => {
    assert.deepEqual(
      [...ngrams(['a', 'b', 'a', 'b'], 2)],
      [
        ['a b', 2],
        ['b a', 1],
      ],
    );
    const su = skipBigrams(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 4);
    assert.equal(su.get('a f'), 1); // four words between
    assert.equal(su.get('a g'), undefined); // five
    assert.equal(su.get('c'), 1); // unigrams counted too
  });

  it('scores recall clipped by the reference counts, jackknifed over several references', () => {
    // One reference: bigrams "the cat", "cat sat", "sat down" (3); the peer has two of them.
    assert.equal(rouge('the cat sat', ['the cat sat down']).rouge2, 2 / 3);
    // Clipping: the peer repeats a bigram the reference has once.
    assert.equal(rouge('the cat the cat the cat', ['the cat sat down']).rouge2, 1 / 3);
    // Two references: each leave-one-out subset is the other reference alone: (2/3 + 1/3) / 2.
    const two = rouge('the cat sat', ['the cat sat down', 'a cat sat still']);
    assert.ok(Math.abs(two.rouge2 - (2 / 3 + 1 / 3) / 2) < 1e-12);
    assert.equal(rouge('', ['the cat']).rouge2, 0);
  });
});
