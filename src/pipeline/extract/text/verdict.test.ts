import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quote } from './verdict.ts';

describe('quote', () => {
  it('shortens a long block without splitting a surrogate pair', () => {
    // 40 astral characters are 80 UTF-16 units; a cut at 59 units would end in half of the 30th.
    const astral = '\u{1d583}'.repeat(40);
    assert.equal(quote(astral), `"${'\u{1d583}'.repeat(29)}…"`);
    assert.equal(quote(`a${astral}`), `"a${'\u{1d583}'.repeat(29)}…"`);
    assert.equal(quote('short text'), '"short text"');
    assert.equal(quote('x'.repeat(61)), `"${'x'.repeat(59)}…"`);
  });
});
