import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segment } from '../../../segment/segment.ts';
import { cueShare, tagRoles } from './attribution-tagger.ts';
import { findRoles } from './role-decoder.ts';

const roles = (text: string): string[][] =>
  findRoles(text, segment(text).sentences).map((spans) =>
    spans.map((s) => `${s.role}:${text.slice(s.start, s.end)}`),
  );

describe('the attribution decoder', () => {
  it('marks source, cue and content', () => {
    assert.deepEqual(roles('The senator believes the bill will fail in the House.'), [
      ['SRC:The senator', 'CUE:believes', 'CNT:the bill will fail in the House'],
    ]);
    assert.deepEqual(roles('A new poll shows Trump leading in Ohio, according to the campaign.'), [
      ['SRC:A new poll', 'CUE:shows', 'CNT:Trump leading in Ohio', 'CUE:according to', 'SRC:the campaign'],
    ]);
  });

  it('labels as the shared sequence tagger does with the same weights', () => {
    const text = [
      'The senator believes the bill will fail in the House. It rained.',
      '“We will not back down,” the minister said on Tuesday, adding that talks would go on.',
      'According to a new poll, about one of every nine voters is undecided; “it is close” (he said).',
      'Clinton has called for a ban on assault weapons, while critics argue the plan is unworkable.',
      'Officials said.',
      '"',
    ].join('\n\n');
    const sentences = segment(text).sentences;
    assert.deepEqual(findRoles(text, sentences), tagRoles(text, sentences));
  });

  it('reads cue shares in any case', () => {
    assert.deepEqual(
      ['said', 'Said', 'SAID', 'According', 'has', 'zebra'].map(cueShare),
      [0.923, 0.923, 0.923, 0.928, 0.211, 0],
    );
  });
});
