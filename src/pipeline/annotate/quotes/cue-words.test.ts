import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../../segment/segment.ts';
import { reaches, slowReaches, tokenTest } from './cue-words.ts';
import { AUXILIARY_VERBS, SPEECH_CUES } from './lexicon.ts';

const SENTENCES = [
  'The senator believes the bill will fail.',
  'It rained all day in the valley.',
  'He SAID it twice — and “nobody” listened…',
  'She’s according2 plan, not saying anything.',
  'Officials said.',
  'The café owner said the crème brûlée was off.',
  'They has has had a 3-2 win',
  '',
  "'''",
  'Accused-of nothing; SAYS who?',
];

describe('cue words', () => {
  it('finds a likely cue word as splitting the sentence does', () => {
    for (const s of SENTENCES)
      for (const [min, skip] of [
        [0.2, AUXILIARY_VERBS],
        [0.5, undefined],
        [0.12, undefined],
      ] as const)
        assert.equal(reaches(s, min, skip), slowReaches(s, min, skip), `${min}: ${s}`);
  });

  it('reads words in any case, and skips the words asked', () => {
    assert.equal(reaches('He SAID so', 0.5), true);
    assert.equal(reaches('It rained.', 0.2), false);
    assert.equal(reaches('They has', 0.2), true);
    assert.equal(reaches('They has', 0.2, AUXILIARY_VERBS), false);
  });

  it('says a range may hold a word of the set whenever one of its tokens is one', () => {
    const may = tokenTest(SPEECH_CUES);
    const texts = [
      'He SAID so.',
      'Officials said-so 3said said3 Saidé',
      'The café owner said it.',
      'It rained all day.',
      '\u212Aept quiet.',
      'told’s',
    ];
    for (const text of texts)
      for (let a = 0; a <= text.length; a++)
        for (let b = a; b <= text.length; b++) {
          const holds = tokenize(text, { start: a, end: b }).some((t) =>
            SPEECH_CUES.has(t.text.toLowerCase()),
          );
          if (holds) assert.equal(may(text, a, b), true, `${a}-${b}: ${text}`);
        }
    assert.equal(may('It rained all day.', 0, 18), false);
    assert.equal(tokenTest(['said', 'x-ray'])('It rained.', 0, 10), true);
  });
});
