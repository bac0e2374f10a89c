import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricSummaryLine } from './metric-summary.ts';
import { type GoldDoc, type GoldSpan, parseBratAnnotations, parseGoldJsonLines } from './quotes-gold.ts';
import {
  addPolnear,
  emptyPolnear,
  polnearLines,
  polnearMetrics,
  scorePolnear,
  spanExact,
  spanOverlap,
} from './quotes-polnear-measures.ts';
import {
  directSubset,
  normalizeSpan,
  type PredictedQuote,
  prepareSpan,
  prf,
  scoreDocument,
} from './quotes-score.ts';

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

// PolNeAR measures (eval/lib/quotes-polnear-measures.ts): hand-built cases with hand-computed figures.
const T =
  'Officials in Seoul had, on Monday, said that the talks failed. “We will not wait,” the minister told reporters. Kim warned that sanctions would follow. Sanctions are coming, it was said.';

/** The span of the n-th (0-based) occurrence of `needle` in `source`. */
function at(needle: string, nth = 0, source = T): GoldSpan {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = source.indexOf(needle, start + 1);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

const doc1: GoldDoc = {
  id: 'p1',
  text: T,
  quotes: [
    // Discontinuous gold source ("Officials" + "Seoul") and cue ("had" + "said").
    {
      content: [at('that the talks failed.')],
      speaker: [at('Officials'), at('Seoul')],
      cue: [at('had'), at('said')],
    },
    { content: [at('“We will not wait,”')], speaker: [at('the minister')], cue: [at('told')] },
    { content: [at('that sanctions would follow.')], speaker: [at('Kim')], cue: [at('warned')] },
    { content: [at('Sanctions are coming')], cue: [at('was said')] }, // no source
  ],
};

const preds1: PredictedQuote[] = [
  // Source = the whole extent of the discontinuous gold (exact); cue = one of its pieces (overlap only).
  { content: at('the talks failed'), speaker: at('Officials in Seoul'), cue: at('said'), direct: false },
  // No cue span; the source overlaps "the minister" (8 of 12) but is not exact.
  { content: at('We will not wait'), speaker: at('minister'), direct: true },
  { content: at('sanctions would follow'), speaker: at('Kim'), cue: at('warned'), direct: false },
  // Unpaired, with a source: a source FP.
  { content: at('Kim warned'), speaker: at('Kim'), direct: false },
  // Unpaired, without source or cue: neither.
  { content: at('on Monday'), direct: false },
  // Paired with a gold without a source: a source FP. Cue "said" overlaps gold "was said" (4 of 8).
  { content: at('Sanctions are coming'), speaker: at('it'), cue: at('said', 1), direct: false },
];

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('PolNeAR measures', () => {
  it('matches a discontinuous gold span exactly only on its whole extent', () => {
    const gold = prepareSpan(T, [at('Officials'), at('Seoul')]);
    assert.deepEqual(gold.env, at('Officials in Seoul'));
    assert.equal(gold.size, 14);
    assert.equal(spanExact(at('Officials in Seoul'), gold), true);
    assert.equal(spanExact(at('Officials'), gold), false); // one piece is not the whole extent
    assert.equal(spanOverlap(at('Officials'), gold), true); // 9 shared ≥ 0.5 × max(9, 14)
    assert.equal(spanOverlap(at('in Seoul'), gold), false); // 5 shared < 0.5 × max(8, 14)
  });

  it('scores cue, source and source-on-matched over all attributions', () => {
    const s = scorePolnear(doc1, preds1);
    // Distinct predicted cues: said, warned, said#2; gold: had…said, told, warned, was said.
    assert.deepEqual(s.cue.exact, { tp: 1, fp: 2, fn: 3 });
    assert.deepEqual(s.cue.overlap, { tp: 3, fp: 0, fn: 1 });
    // Pairs: P1–G1, P2–G2, P3–G3, P6–G4. Sources: P1 ✓, P2 overlap only, P3 ✓, P4 unpaired, P6 gold has none.
    assert.deepEqual(s.source.exact, { tp: 2, fp: 3, fn: 1 });
    assert.deepEqual(s.source.overlap, { tp: 3, fp: 2, fn: 0 });
    assert.deepEqual(s.matched, { pairs: 3, exact: 2, overlap: 3 });
    // The same pairs as the content scorer, whose speaker figures agree on this document.
    const content = scoreDocument(doc1, preds1);
    assert.deepEqual(content.overlap, { tp: 4, fp: 2, fn: 0 });
    assert.deepEqual(content.speaker, { pairs: 3, exact: 2, overlap: 3, named: 0, nameCorrect: 0 });

    const m = polnearMetrics('all', s);
    close(m['all.cue.exact.precision']!, 1 / 3);
    close(m['all.cue.exact.recall']!, 1 / 4);
    close(m['all.cue.exact.f1']!, 2 / 7);
    close(m['all.cue.overlap.f1']!, 6 / 7);
    close(m['all.source.exact.precision']!, 2 / 5);
    close(m['all.source.exact.recall']!, 2 / 3);
    close(m['all.source.exact.f1']!, 1 / 2);
    close(m['all.source.overlap.f1']!, 3 / 4);
    close(m['all.source.matched.exact']!, 2 / 3);
    assert.equal(m['all.source.matched.overlap'], 1);
    assert.equal(m['all.source.matched.pairs'], 3);
  });

  it('scores the direct subset, where the one prediction has no cue span', () => {
    const sub = directSubset(doc1, preds1);
    assert.equal(sub.doc.quotes.length, 1);
    assert.equal(sub.predicted.length, 1);
    const s = scorePolnear(sub.doc, sub.predicted);
    assert.deepEqual(s.cue.exact, { tp: 0, fp: 0, fn: 1 });
    assert.deepEqual(s.cue.overlap, { tp: 0, fp: 0, fn: 1 });
    assert.deepEqual(s.source.exact, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(s.source.overlap, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(s.matched, { pairs: 1, exact: 0, overlap: 1 });
    const m = polnearMetrics('direct', s);
    assert.equal(m['direct.cue.exact.f1'], 0);
    assert.equal(m['direct.source.exact.f1'], 0);
    assert.equal(m['direct.source.overlap.f1'], 1);
    assert.equal(m['direct.source.matched.exact'], 0);
    assert.equal(m['direct.source.matched.overlap'], 1);
  });

  it('pairs one to one by the most shared content, not by order', () => {
    const text = 'The mayor said the budget would be cut by half next year, aides said.';
    const a = (needle: string, nth = 0) => at(needle, nth, text);
    const doc: GoldDoc = {
      id: 'p2',
      text,
      quotes: [
        {
          content: [a('the budget would be cut by half next year')],
          speaker: [a('The mayor')],
          cue: [a('said')],
        },
      ],
    };
    const s = scorePolnear(doc, [
      // First, right source, 23 shared characters: loses the gold and, lying inside it, is ignored.
      { content: a('the budget would be cut'), speaker: a('The mayor'), cue: a('said'), direct: false },
      // Second, wrong source, 37 shared characters: paired.
      {
        content: a('budget would be cut by half next year'),
        speaker: a('aides'),
        cue: a('said', 1),
        direct: false,
      },
    ]);
    assert.deepEqual(s.source.exact, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(s.source.overlap, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(s.matched, { pairs: 1, exact: 0, overlap: 0 });
    assert.deepEqual(s.cue.exact, { tp: 1, fp: 1, fn: 0 }); // cues are matched independently of content
  });

  it('counts a cue shared by the pieces of a split quote once, and ignores the unpaired piece', () => {
    const text = '“We are ready,” he said, “and we will win.”';
    const a = (needle: string) => at(needle, 0, text);
    const doc: GoldDoc = {
      id: 'p3',
      text,
      quotes: [
        { content: [a('“We are ready,”'), a('“and we will win.”')], speaker: [a('he')], cue: [a('said')] },
      ],
    };
    const preds: PredictedQuote[] = [
      { content: a('We are ready'), speaker: a('he'), cue: a('said'), direct: true },
      { content: a('and we will win'), speaker: a('he'), cue: a('said'), direct: true },
    ];
    const s = scorePolnear(doc, preds);
    assert.deepEqual(s.cue.exact, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(s.source.exact, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(s.matched, { pairs: 1, exact: 1, overlap: 1 });
    assert.deepEqual(scoreDocument(doc, preds).overlap, { tp: 1, fp: 0, fn: 0 });
  });

  it('adds counts, drops shares without pairs and prints one row per role', () => {
    const total = addPolnear(
      addPolnear(emptyPolnear(), scorePolnear(doc1, preds1)),
      scorePolnear(doc1, preds1),
    );
    assert.deepEqual(total.source.exact, { tp: 4, fp: 6, fn: 2 });
    assert.deepEqual(total.matched, { pairs: 6, exact: 4, overlap: 6 });
    const none = polnearMetrics('all', emptyPolnear());
    assert.ok(Number.isNaN(none['all.source.matched.exact']));
    assert.equal(JSON.parse(metricSummaryLine('q', none)).metrics['all.source.matched.exact'], undefined);
    const lines = polnearLines('all', scoreDocument(doc1, preds1), scorePolnear(doc1, preds1));
    assert.equal(lines.length, 4);
    assert.equal(
      lines[2],
      'all    source  exact P  40.0 R  66.7 F1  50.0 | overlap P  60.0 R 100.0 F1  75.0',
    );
    assert.equal(lines[3], 'all    source on 3 matched pairs with a gold source: exact  66.7 overlap 100.0');
  });
});

describe('direct-quote subset', () => {
  it("counts a gold content opening with a typewriter mark ('' or ``) as direct, not one opening with a word", () => {
    const body = "''We are ready,'' he said. Officials said that ``more will follow.''";
    const doc: GoldDoc = {
      id: 'd',
      text: body,
      quotes: [
        { content: [{ start: 0, end: 17 }] },
        { content: [{ start: 47, end: 68 }] },
        { content: [{ start: 27, end: 68 }] },
      ],
    };
    assert.deepEqual(
      directSubset(doc, []).doc.quotes.map((q) => q.content[0]!.start),
      [0, 47],
    );
  });
});
