import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WordsInText } from './words-in-text.ts';

describe('WordsInText', () => {
  const words = ['day', 'yesterday', 'night', 'tonight', 'each', 'before', 'ago', "0's", '0s'];
  const found = new WordsInText(words);

  it('finds every word a case-insensitive test of it finds, inside others and overlapping', () => {
    const texts = ['Yesterday TONIGHT', 'Chicago, beforeach', "the 1990's and 80s", 'nothing', '', 'dAYs'];
    for (const text of texts)
      for (const w of words)
        assert.equal(found.in(text).has(w), new RegExp(w, 'i').test(text), `${w} in ${text}`);
  });

  it('answers whether a text holds any of some words', () => {
    assert.equal(found.any('It rained yesterday.', ['night', 'day']), true);
    assert.equal(found.any('It rained.', ['night', 'day']), false);
  });
});
