import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reaches, slowReaches } from './cue-words.ts';
import { AUXILIARY_VERBS } from './lexicon.ts';

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
});
