import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as chrono from 'chrono-node';
import { CHRONO_TUNED, casualChrono, endsWithOfOrThe } from './chrono-engine.ts';

const REF = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
/** What a parse found: each result's span, text and known components. */
const found = (results: chrono.ParsedResult[]) =>
  results.map((r) => {
    const known = (r.start as unknown as { knownValues: Record<string, number> }).knownValues;
    return `${r.index} ${r.text} ${JSON.stringify(known)}`;
  });

describe('casualChrono', () => {
  it('finds every parser and refiner it tunes', () => {
    assert.deepEqual(CHRONO_TUNED, [
      'ENTimeUnitAgoFormatParser',
      'ENCasualDateParser',
      'ENCasualTimeParser',
      'ENEndOfCurrentMonthParser',
      'ENEndOfPeriodRefiner',
    ]);
  });

  it('finds what chrono-node casual finds, gated parsers and the end-of-period refiner included', () => {
    const texts = [
      '',
      'Two days ago, at the end of the month, they met this morning and again on Friday at 3 p.m.',
      'By the end of March 2024 the last day of the month had passed; she left yesterday.',
      'It happened in 1999, three years before the war, on March 5 and in May.',
    ];
    for (const text of texts)
      assert.deepEqual(found(casualChrono.parse(text, REF)), found(chrono.en.casual.parse(text, REF)));
    assert.deepEqual(found(casualChrono.parse('until the end of the month', REF)), [
      '10 end of the month {"day":31,"month":1,"year":2000}',
    ]);
  });
});

describe('endsWithOfOrThe', () => {
  it('asks for "of" or "the" (any case) then at least one space before the index', () => {
    assert.deepEqual(
      [
        'end of March',
        'end OF  March',
        'end of the March',
        'the THE\nMarch',
        'end ofMarch',
        'roof March',
        'March',
      ].map((t) => endsWithOfOrThe(t, t.indexOf('March'))),
      [true, true, true, true, false, true, false],
    );
  });
});
