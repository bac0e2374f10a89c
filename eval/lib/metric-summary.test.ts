import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricSummaryLine, parseMetricSummary, prfMetrics } from './metric-summary.ts';

const TIME_OUTPUT = `documents 73, gold TIMEX3 579, system 569, 206 ms
extent strict    P  80.5  R  79.1  F1  79.8
extent relaxed   P  91.9  R  90.3  F1  91.1
value            P  73.8  R  72.5  F1  73.2
value accuracy (on relaxed matches)  80.3   type accuracy  97.1
reference: HeidelTime, TempEval-3 test: value F1 77.6 (relaxed extent F1 90.3, strict 81.3)
{"scorer":"eval:time","metrics":{"documents":73,"relaxed.f1":0.9111498257839722,"value.f1":0.7317073170731707}}
`;

describe('metricSummaryLine', () => {
  it('prints one JSON line and drops values that are not finite', () => {
    assert.equal(
      metricSummaryLine('eval:quotes', {
        'all.f1': 0.5,
        'speaker.exact': Number.NaN,
        n: Number.POSITIVE_INFINITY,
      }),
      '{"scorer":"eval:quotes","metrics":{"all.f1":0.5}}',
    );
  });

  it('round-trips through parseMetricSummary', () => {
    const metrics = {
      ...prfMetrics('direct.exact', { precision: 0.8, recall: 0.6, f1: 0.6857 }),
      documents: 84,
    };
    assert.deepEqual(parseMetricSummary(`human line\n${metricSummaryLine('eval:quotes', metrics)}\n`), {
      ok: true,
      scorer: 'eval:quotes',
      metrics: {
        'direct.exact.precision': 0.8,
        'direct.exact.recall': 0.6,
        'direct.exact.f1': 0.6857,
        documents: 84,
      },
    });
  });
});

describe('parseMetricSummary', () => {
  it("reads the last line of a scorer's real output, ignoring the human lines above it", () => {
    assert.deepEqual(parseMetricSummary(TIME_OUTPUT), {
      ok: true,
      scorer: 'eval:time',
      metrics: { documents: 73, 'relaxed.f1': 0.9111498257839722, 'value.f1': 0.7317073170731707 },
    });
  });

  it('fails when the summary is not the last line (output without --json)', () => {
    const withoutJson = TIME_OUTPUT.split('\n').slice(0, 6).join('\n');
    assert.deepEqual(parseMetricSummary(withoutJson), {
      ok: false,
      error:
        'the last line is not a JSON summary (was --json passed?): reference: HeidelTime, TempEval-3 test: value F1 77.6 (relaxed extent F1 90.3, strict 81.3)',
    });
  });

  it('fails on empty output and on JSON without a metrics object', () => {
    assert.deepEqual(parseMetricSummary('\n  \n'), { ok: false, error: 'the scorer printed nothing' });
    assert.deepEqual(parseMetricSummary('{"scorer":"x","metrics":[1]}'), {
      ok: false,
      error: 'the last line has no "metrics" object: {"scorer":"x","metrics":[1]}',
    });
    assert.deepEqual(parseMetricSummary('[1, 2]'), {
      ok: false,
      error: 'the last line has no "metrics" object: [1, 2]',
    });
  });

  it('keeps only numeric metrics', () => {
    assert.deepEqual(parseMetricSummary('{"metrics":{"a":0.5,"b":"0.7","c":null}}'), {
      ok: true,
      scorer: '',
      metrics: { a: 0.5 },
    });
  });
});
