import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterCounts, splitBlocks } from './split-blocks.ts';

describe('letterCounts', () => {
  it('counts letters and capitals by code point, in any script, as \\p{L} and \\p{Lu} do', () => {
    assert.deepEqual(letterCounts('Hello World'), { letters: 10, upper: 2 });
    // Accented Latin, and mathematical capitals outside the Basic Multilingual Plane (one each).
    assert.deepEqual(letterCounts('Ünïcödé ÀB 𝐀𝐁c'), { letters: 12, upper: 5 });
    assert.deepEqual(letterCounts('Σίσυφος ΑΒ'), { letters: 9, upper: 3 });
    // Title-case digraphs are letters but not capitals; CJK letters have no case.
    assert.deepEqual(letterCounts('ǅ ǈ 中文 テスト'), { letters: 7, upper: 0 });
    assert.deepEqual(letterCounts('123 !! --'), { letters: 0, upper: 0 });
  });
});

describe('splitBlocks', () => {
  it("gives each block its capitals' share of its letters", () => {
    const blocks = splitBlocks('BREAKING NEWS\n\nThe minister said on Monday that talks would resume.');
    assert.deepEqual(
      blocks.map((b) => [b.text, b.letters, Math.round(b.capsRatio * 100)]),
      [
        ['BREAKING NEWS', 12, 100],
        ['The minister said on Monday that talks would resume.', 43, 5],
      ],
    );
  });
});
