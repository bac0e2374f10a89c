import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from '../../../core/span.ts';
import { extractQuotes } from './extract-quotes.ts';
import { sourcePhrase } from './source-phrase.ts';

const at = (text: string, s: string): Range => {
  const start = text.indexOf(s);
  assert.ok(start >= 0, s);
  return { start, end: start + s.length };
};
const phrase = (text: string, speaker: string, cue: string, content: string): string => {
  const r = sourcePhrase(text, at(text, speaker), at(text, cue), at(text, content));
  return text.slice(r.start, r.end);
};

describe('sourcePhrase', () => {
  it('takes the apposition or relative clause after a name, before or after the cue', () => {
    const after = '"It is fiscally responsible," said Mike Schmidt, an adviser at the campaign. Next.';
    assert.equal(
      phrase(after, 'Mike Schmidt', 'said', 'It is fiscally responsible'),
      'Mike Schmidt, an adviser at the campaign',
    );
    const before = 'Don Fowler, who helmed the party in 1995, said the rules were old.';
    assert.equal(
      phrase(before, 'Don Fowler', 'said', 'the rules were old'),
      'Don Fowler, who helmed the party in 1995',
    );
    const party = '"We will win," said Rep. Jim Clyburn (D-S.C.), the assistant leader.';
    assert.equal(
      phrase(party, 'Rep. Jim Clyburn', 'said', 'We will win'),
      'Rep. Jim Clyburn (D-S.C.), the assistant leader',
    );
  });

  it('stops at a further clause, reads titles and initials inside, and leaves a bare name alone', () => {
    const statement = '"No," said Rep. Elijah Cummings, the top Democrat on the panel, in a statement.';
    assert.equal(
      phrase(statement, 'Rep. Elijah Cummings', 'said', 'No'),
      'Rep. Elijah Cummings, the top Democrat on the panel',
    );
    const initial = '"Yes," said Victor Cha, who served under President George W. Bush.';
    assert.equal(
      phrase(initial, 'Victor Cha', 'said', 'Yes'),
      'Victor Cha, who served under President George W. Bush',
    );
    const adding = '"Yes," said Kim, adding that the talks failed.';
    assert.equal(phrase(adding, 'Kim', 'said', 'Yes'), 'Kim');
  });

  it("is the span of a quote's speaker, whose resolved name stays the name", () => {
    const text = '"The plan is sound," said Mike Schmidt, an adviser at the campaign.';
    const [q] = extractQuotes('a', text);
    assert.equal(q?.speaker.text, 'Mike Schmidt');
    assert.equal(
      text.slice(q!.speaker.span!.start, q!.speaker.span!.end),
      'Mike Schmidt, an adviser at the campaign',
    );
  });

  it('reads an initial inside a name after the cue ("Charles B. Rangel")', () => {
    const [q] = extractQuotes('a', '"We will pass it," said Representative Charles B. Rangel of New York.');
    assert.equal(q?.speaker.text, 'Representative Charles B. Rangel');
  });
});
