import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as chrono from 'chrono-node';
import { ANCHORED, finderFor } from './chrono-anchors.ts';
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

describe('chrono anchors', () => {
  it('anchor the parsers they were written for', () => {
    casualChrono.parse('On Monday at 10 a.m., two days ago, this morning, last week, end of the month.', REF);
    assert.deepEqual([...ANCHORED].sort(), [
      'ENCasualTimeParser',
      'ENEndOfCurrentMonthParser',
      'ENRelativeDateFormatParser',
      'ENTimeExpressionParser',
      'ENTimeUnitAgoFormatParser',
      'ENWeekdayParser',
    ]);
  });

  it("find each pattern's own leftmost match", () => {
    const texts = [
      'Chicago, 3 days and 2 hours ago, before noon',
      'a couple of weeks, 12 months and 3 days earlier',
      '(on Thursday) and on this  Friday, the weekend',
      'at 10:30 p.m. T12 1999-2000 from 7',
      'last  night, this evening; midnight',
      'after this year, past week, next month',
      'the end of the month, last day of month',
      '',
      'no anchors here',
    ];
    const parsers = chrono.en.casual.parsers as unknown as {
      pattern(c: object): RegExp;
      constructor: { name: string };
    }[];
    for (const p of parsers) {
      const pattern = p.pattern({ text: '', option: {} });
      const find = finderFor(p.constructor.name, pattern);
      if (!find) continue;
      for (const text of texts) {
        const own = pattern.exec(text);
        const found = find(text);
        assert.deepEqual(
          found && [found.index, ...found],
          own && [own.index, ...own],
          `${p.constructor.name}: ${text}`,
        );
      }
    }
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
