import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phraseBefore } from './subject-phrase.ts';

/** The phrase `phraseBefore` takes for the cue `cue` of a one-sentence text. */
const before = (text: string, cue: string): string | undefined => {
  const start = text.indexOf(cue);
  const r = phraseBefore(text, [{ start: 0, end: text.length }], { start, end: start + cue.length });
  return r ? text.slice(r.start, r.end) : undefined;
};

describe('the subject phrase before a cue', () => {
  it('takes the words before the cue back to the sentence start, a comma or a conjunction', () => {
    assert.equal(
      before('Scholars have long debated the salience of ethnic ties.', 'have long debated'),
      'Scholars',
    );
    assert.equal(
      before('Since then, high school administrators decided she should share the honor.', 'decided'),
      'high school administrators',
    );
    assert.equal(before('The vote came, and it issued a paper welcoming the plans.', 'issued'), 'it');
  });

  it('takes no phrase that does not read as a subject', () => {
    // An expletive "it", an auxiliary or modal, an -ing word, an opener, an adjective, a coordination.
    assert.equal(before('Earlier, it was reported that Kim decided to go.', 'was reported'), undefined);
    assert.equal(before('But he could not explain why a marriage was required.', 'not explain'), undefined);
    assert.equal(
      before('He agreed, adding that the phrase suggests a campaign in trouble.', 'suggests'),
      undefined,
    );
    assert.equal(before('In May it issued a policy paper welcoming the plans.', 'issued'), undefined);
    assert.equal(before('After the vote, vague about the definitions of a subsidiary.', 'about'), undefined);
    assert.equal(before('Blinken and Park spoke about the steps to take.', 'spoke about'), undefined);
    assert.equal(before('There has also been an uptick in activity.', 'has also been'), undefined);
  });
});
