import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreDocument, summarize } from './time-metric.ts';
import { parseTml } from './time-tml.ts';

const TML = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-01-08">today</TIMEX3> &amp; rose <TIMEX3 tid="t2" type="DURATION" value="P2Y" mod="APPROX">about two years</TIMEX3> ago.
</TEXT>
</TimeML>`;

describe('parseTml', () => {
  it('strips tags and entities, keeps TIMEX3 offsets, type, value, mod and the DCT', () => {
    const doc = parseTml('x.tml', TML);
    assert.equal(doc.dct, '1998-01-08');
    assert.equal(doc.text, '\nPrices fell today & rose about two years ago.\n');
    assert.deepEqual(doc.timexes, [
      { start: 13, end: 18, text: 'today', type: 'DATE', value: '1998-01-08' },
      { start: 26, end: 41, text: 'about two years', type: 'DURATION', value: 'P2Y', mod: 'APPROX' },
    ]);
  });
});

describe('scoreDocument', () => {
  it('counts strict, relaxed (one-to-one overlap) and value matches', () => {
    const gold = [
      { start: 0, end: 5, value: '2024', type: 'DATE' },
      { start: 10, end: 20, value: 'P2Y', type: 'DURATION' },
      { start: 30, end: 35, value: '2024-10', type: 'DATE' },
    ];
    const system = [
      { start: 0, end: 5, value: '2024', type: 'DATE' },
      { start: 12, end: 20, value: 'P3Y', type: 'DURATION' },
      { start: 14, end: 18, value: 'P2Y', type: 'DURATION' },
      { start: 40, end: 45, value: 'PAST_REF', type: 'DATE' },
    ];
    const c = scoreDocument(gold, system);
    assert.deepEqual(c, { gold: 3, system: 4, strict: 1, relaxed: 2, value: 1, type: 2 });
    const s = summarize(c);
    assert.equal(s.relaxed.p, 0.5);
    assert.equal(s.value.r, 1 / 3);
    assert.equal(s.valueAccuracy, 0.5);
  });
});
