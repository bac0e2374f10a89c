import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tenseAt } from './tense.ts';

/** The tense at the first occurrence of `phrase` in `text`. */
const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  return tenseAt(text, start, start + phrase.length);
};

describe('tenseAt', () => {
  it('takes the nearest cue of the sentence, reporting verbs counting 60 characters farther', () => {
    const text = 'Officials said the talks will resume on Friday. The vote was held on Monday.';
    assert.equal(at(text, 'Friday'), 'future');
    assert.equal(at(text, 'Monday'), 'past');
    assert.equal(at('He said on Friday.', 'Friday'), 'past');
    assert.equal(at('On Friday.', 'Friday'), 'unknown');
  });

  it('reads a sentence around an expression that spans a full stop, and ignores cues inside it', () => {
    const text = 'Prices rose. Talks are scheduled for Dec. 5 in Geneva. It ended.';
    assert.equal(at(text, 'Dec. 5'), 'future');
    assert.equal(at('The expected date', 'expected date'), 'unknown');
  });

  it('gives the same answer when asked again about the same sentence (its cues are kept)', () => {
    const text = 'It was over by March. Next year will differ.';
    assert.deepEqual([at(text, 'March'), at(text, 'March'), at(text, 'year')], ['past', 'past', 'future']);
  });
});
