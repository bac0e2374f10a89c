import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segment } from '../../segment/segment.ts';
import { extractQuotes } from './extract-quotes.ts';
import { transcriptTurns } from './transcript.ts';

const turns = (text: string): string[][] =>
  transcriptTurns(text, segment(text).paragraphs).map((q) => [
    q.speaker.text,
    q.cue,
    text.slice(q.content.start, q.content.end),
  ]);

describe('transcriptTurns', () => {
  it('attributes each paragraph opening with a label in capitals and a colon to the label', () => {
    const text =
      'Partial transcript as follows:\n\n"WALLACE: Will she be there tomorrow night?\n\n"PENCE: Well, look, she will not be attending.\n\n"WALLACE: Thank you, Governor.';
    assert.deepEqual(turns(text), [
      ['WALLACE', ':', 'Will she be there tomorrow night?'],
      ['PENCE', ':', 'Well, look, she will not be attending.'],
      ['WALLACE', ':', 'Thank you, Governor.'],
    ]);
    const quotes = extractQuotes('a', text).filter((q) => q.cue === ':');
    assert.deepEqual(
      quotes.map((q) => [q.speaker.text, q.content.text]),
      [
        ['WALLACE', 'Will she be there tomorrow night?'],
        ['PENCE', 'Well, look, she will not be attending.'],
        ['WALLACE', 'Thank you, Governor.'],
      ],
    );
  });

  it('reads no transcript where no label opens two paragraphs', () => {
    assert.deepEqual(turns('The senator spoke.\n\nUPDATE: The vote was delayed to Friday.'), []);
    assert.deepEqual(turns('UPDATE: One.\n\nCORRECTION: Two.'), []);
  });
});
