import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBratAnnotations, parseGoldJsonLines } from './quotes-gold.ts';
import { normalizeSpan, prf, scoreDocument } from './quotes-score.ts';

const text = 'Title\n\n“We are ready,” Austin said. Kirby said that the troops left, and “more will follow.”';

describe('quote scoring', () => {
  it('parses brat Source/Cue/Content events with discontinuous spans', () => {
    const ann =
      'T1\tSource 22 28\tAustin\nT2\tCue 29 33\tsaid\nT3\tContent 7 20\t“We are ready\nT4\tAttribution 29 33\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tContent 5 7;9 12\tle We\nE2\tAttribution:T4 Content:T5\n';
    assert.deepEqual(parseBratAnnotations(ann), [
      { content: [{ start: 7, end: 20 }], speaker: [{ start: 22, end: 28 }], cue: [{ start: 29, end: 33 }] },
      {
        content: [
          { start: 5, end: 7 },
          { start: 9, end: 12 },
        ],
      },
    ]);
  });

  it('rejects JSON-lines gold whose span does not slice to its text', () => {
    const bad = JSON.stringify({
      id: 'x',
      text: 'abc',
      quotes: [{ content: { start: 0, end: 2, text: 'abc' } }],
    });
    assert.throws(() => parseGoldJsonLines(bad), /does not slice/);
  });

  it('normalises quote marks, punctuation and a leading "that"', () => {
    const s = text.indexOf('that the');
    assert.deepEqual(normalizeSpan(text, { start: s, end: s + 21 }), { start: s + 5, end: s + 20 });
    assert.deepEqual(normalizeSpan(text, { start: 7, end: 21 }), { start: 8, end: 20 });
  });

  it('scores exact, overlap and speaker matches, ignoring extra pieces of a matched gold', () => {
    const a = text.indexOf('Austin');
    const k = text.indexOf('Kirby');
    const t = text.indexOf('the troops');
    const doc = {
      id: 'd',
      text,
      quotes: [
        { content: [{ start: 7, end: 21 }], speaker: [{ start: a, end: a + 6 }] },
        {
          content: [
            { start: t - 5, end: t + 16 },
            { start: text.indexOf('“more'), end: text.length },
          ],
          speaker: [{ start: k, end: k + 5 }],
        },
        { content: [{ start: 0, end: 5 }] },
      ],
    };
    const scores = scoreDocument(doc, [
      { content: { start: 8, end: 20 }, speaker: { start: a, end: a + 6 }, direct: true },
      { content: { start: t, end: t + 15 }, speaker: { start: k, end: k + 5 }, direct: false },
      {
        content: { start: text.indexOf('more'), end: text.length - 2 },
        speaker: { start: k, end: k + 5 },
        direct: true,
      },
    ]);
    assert.deepEqual(scores.exact, { tp: 2, fp: 0, fn: 1 });
    assert.deepEqual(scores.overlap, { tp: 2, fp: 0, fn: 1 });
    assert.deepEqual(scores.speaker, { pairs: 2, exact: 2, overlap: 2, named: 0, nameCorrect: 0 });
    assert.deepEqual(prf({ tp: 1, fp: 1, fn: 1 }), { precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
