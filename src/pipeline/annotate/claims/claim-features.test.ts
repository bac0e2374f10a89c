import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimTokens } from './match-claims.ts';

test('claim tokens: letters and digits joined by commas, full stops and hyphens, ending on a letter or digit', () => {
  assert.deepEqual(claimTokens(' the u.s.-led force of 3,000 troops, said 7. '), [
    'the',
    'u.s.-led',
    'force',
    'of',
    '3,000',
    'troops',
    'said',
    '7',
  ]);
  assert.deepEqual(claimTokens('--a-- ,b, . 1.5% x'), ['a', 'b', '1.5', 'x']);
});

test('claim tokens: any script, and letters outside the Basic Multilingual Plane as one', () => {
  assert.deepEqual(claimTokens('café ٣٠ 𝐀𝐁-c 😀 d'), ['café', '٣٠', '𝐀𝐁-c', 'd']);
  assert.deepEqual(claimTokens('a\ud800b'), ['a', 'b']);
  assert.deepEqual(claimTokens(''), []);
});
