import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lowerWords, wordTokens } from './text-features.ts';

/** The definition the hand-written scan must equal: maximal runs of /[\p{L}\p{N}]+/u. */
function byRegex(text: string, start = 0, end = text.length) {
  const re = /[\p{L}\p{N}]+/gu;
  re.lastIndex = start;
  const out: [string, number, number][] = [];
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    out.push([m[0].toLowerCase(), m.index, Math.min(m.index + m[0].length, end)]);
  }
  return out;
}

describe('wordTokens', () => {
  const samples = [
    'Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome on Sept. 13, 2023.',
    '“We have no doubt,” a U.S. official told NBC. It’s 3,000 troops.',
    'Ça va? Ünïcødé 𝐀𝐁𝐂 mixed 😀emoji Кириллица 日本語テキスト ١٢٣ x²',
    '',
  ];
  it('equals the regex definition on ASCII, accents, astral letters, emoji and other scripts', () => {
    for (const text of samples) {
      for (const [start, end] of [
        [0, text.length],
        [4, Math.floor(text.length / 2)],
      ] as const) {
        const got = wordTokens(text, start, end).map((t) => [t.word, t.start, t.end]);
        assert.deepEqual(got, byRegex(text, start, end), text);
        assert.deepEqual(
          lowerWords(text, start, end),
          byRegex(text, start, end).map(([w]) => w),
        );
      }
    }
  });

  it('marks capitalised words that do not open a sentence as proper', () => {
    const tokens = wordTokens('Officials said Putin met Kim. The talks ended.');
    assert.deepEqual(
      tokens.filter((t) => t.proper).map((t) => t.word),
      ['putin', 'kim'],
    );
  });
});
