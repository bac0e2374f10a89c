import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segment, splitParagraphs, tokenize, tokenizeByPattern } from './segment.ts';

const sentencesOf = (text: string) => segment(text).sentences.map((s) => text.slice(s.start, s.end));

describe('segment', () => {
  it('splits paragraphs on blank lines and trims them', () => {
    const text = 'Title line\n\nFirst para.\nSame para.\n\n  \n\nLast.';
    assert.deepEqual(
      splitParagraphs(text).map((r) => text.slice(r.start, r.end)),
      ['Title line', 'First para.\nSame para.', 'Last.'],
    );
  });

  it('does not end sentences at abbreviations, initials, dates or decimals', () => {
    assert.deepEqual(
      sentencesOf(
        'US officials expect action before the Nov. 5 election. Gen. Kim met Sept. 13 in Vladivostok. John F. Kennedy said 3.5 percent. U.S. officials agreed.',
      ),
      [
        'US officials expect action before the Nov. 5 election.',
        'Gen. Kim met Sept. 13 in Vladivostok.',
        'John F. Kennedy said 3.5 percent.',
        'U.S. officials agreed.',
      ],
    );
  });

  it('keeps closing quotes with their sentence and splits after them', () => {
    const text =
      '“We have no doubt that North Korea will be provocative this year. It’s just a matter of how escalatory it is,” a US intelligence official told NBC. The US is on alert.';
    assert.deepEqual(sentencesOf(text), [
      '“We have no doubt that North Korea will be provocative this year.',
      'It’s just a matter of how escalatory it is,” a US intelligence official told NBC.',
      'The US is on alert.',
    ]);
  });

  it('ends at an initialism only when a sentence opener follows', () => {
    assert.deepEqual(sentencesOf('Troops went to the U.S. The move surprised Seoul.'), [
      'Troops went to the U.S.',
      'The move surprised Seoul.',
    ]);
  });

  it('gives sentences their paragraph index and exact offsets', () => {
    const text = 'Headline here\n\nOne. Two!\n\nThree?';
    const { sentences } = segment(text);
    assert.deepEqual(
      sentences.map((s) => [s.paragraph, text.slice(s.start, s.end)]),
      [
        [0, 'Headline here'],
        [1, 'One.'],
        [1, 'Two!'],
        [2, 'Three?'],
      ],
    );
  });

  it('tokenizes words, hyphenated names, numbers and initialisms with offsets', () => {
    const text = 'Kim Jong-un sent 3,000 troops to the U.S. border, Putin’s ally said.';
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => `${t.kind}:${t.text}`),
      [
        'word:Kim',
        'word:Jong-un',
        'word:sent',
        'number:3,000',
        'word:troops',
        'word:to',
        'word:the',
        'word:U.S.',
        'word:border',
        'punct:,',
        'word:Putin’s',
        'word:ally',
        'word:said',
        'punct:.',
      ],
    );
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it('reads ASCII tokens by hand as the pattern reads them', () => {
    const texts = [
      'Kim Jong-un sent 3,000 troops to the U.S. border, Putin’s ally said.',
      'It rose 4.5% to 1,234.56 on Jan. 3 — “a record,” said Dr. Smith, 42.',
      'Café owners in São Paulo paid ¥3½ and 3² … e.g. ca. 12.5.x',
      "rock'n'roll--state-of-the-art U.S.A. p.m. No. 7 a.\tb\u000bc\u001cd\u00a0e",
      'x86-64 3D 7-Eleven 1.2.3 1,2,3, 4., 5%% -6 .7 ’s s’ ‘q’',
      'Ελλάδα ΣΟΦΙΑ naïve 𝔘nicode 😀 done.',
    ];
    for (const text of texts) {
      assert.deepEqual(tokenize(text), tokenizeByPattern(text), text);
      for (let a = 0; a < text.length; a += 3)
        for (let b = a; b <= text.length; b += 5) {
          const range = { start: a, end: b };
          assert.deepEqual(tokenize(text, range), tokenizeByPattern(text, range), `${a}-${b}: ${text}`);
        }
    }
  });
});
