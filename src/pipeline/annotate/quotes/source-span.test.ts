import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from '../../../core/entity.ts';
import type { Range } from '../../../core/span.ts';
import { sourceNounPhrase } from './source-span.ts';

const at = (text: string, s: string): Range => {
  const start = text.indexOf(s);
  assert.ok(start >= 0, s);
  return { start, end: start + s.length };
};
/** The noun phrase `sourceNounPhrase` gives the source `source` of the cue `cue` in a one-sentence text. */
const widened = (text: string, source: string, cue: string, entities: EntityMention[] = []): string => {
  const r = sourceNounPhrase(text, { start: 0, end: text.length }, at(text, source), at(text, cue), entities);
  return text.slice(r.start, r.end);
};
const person = (text: string, name: string): EntityMention => ({
  articleId: 'a',
  ...at(text, name),
  text: name,
  type: 'person',
  via: 'tagger',
});

describe('sourceNounPhrase', () => {
  it('runs on over the nominal words left before the cue after a determiner, or over capitalised words', () => {
    assert.equal(
      widened('The Security Council has imposed sanctions.', 'The', 'has imposed'),
      'The Security Council',
    );
    assert.equal(widened('The GOP candidate proposes a cut.', 'The GOP', 'proposes'), 'The GOP candidate');
    assert.equal(
      widened('Recent polls in Ohio and Iowa have shown a tie.', 'Recent polls in Ohio and', 'have shown'),
      'Recent polls in Ohio and Iowa',
    );
    // Not over a verb, an adverb or a name's own verb: "Donald Trump | needs to tell".
    assert.equal(widened('Donald Trump needs to tell the truth.', 'Donald Trump', 'to tell'), 'Donald Trump');
    assert.equal(widened('The senator also said it failed.', 'The senator', 'said'), 'The senator');
    assert.equal(widened('The poll released Friday shows a tie.', 'The poll', 'shows'), 'The poll');
  });

  it('takes the first members of a coordination and the name an apposition describes', () => {
    assert.equal(
      widened('Federal and state officials said it failed.', 'state officials', 'said'),
      'Federal and state officials',
    );
    assert.equal(
      widened('RT and its defenders say it is fair.', 'its defenders', 'say'),
      'RT and its defenders',
    );
    // Not a preposition's object: "to Clinton and | her aides" stays.
    assert.equal(widened('He spoke to Clinton and her aides said no.', 'her aides', 'said'), 'her aides');
    const text = 'Ban Ki-moon, the secretary general of the United Nations, vowed to act.';
    assert.equal(
      widened(text, 'the secretary general of the United Nations', 'vowed', [person(text, 'Ban Ki-moon')]),
      'Ban Ki-moon, the secretary general of the United Nations',
    );
    // Not a relative pronoun or a name of its own after a name that ends a clause.
    const rel = 'Stumpf, who was under questioning, admitted the failure.';
    assert.equal(widened(rel, 'who', 'admitted', [person(rel, 'Stumpf')]), 'who');
    const clause = 'After meeting Obama, the White House announced a plan.';
    assert.equal(
      widened(clause, 'the White House', 'announced', [person(clause, 'Obama')]),
      'the White House',
    );
  });
});
