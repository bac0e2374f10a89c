import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WordRows } from './word-rows.ts';

describe('the decoder word store', () => {
  it('keeps one id per word as its index widens past its first size', () => {
    const store = new WordRows(13, () => {}, 8);
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const ids = words.map((w) => store.look(w).id);
    assert.equal(new Set(ids).size, words.length);
    assert.deepEqual(
      words.map((w) => store.look(w).id),
      ids,
    );
    assert.equal(store.look('w7').word, 'w7');
  });
});
