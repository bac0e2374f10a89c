import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseClusterOutput } from './cluster-output.ts';

// eval/cluster.ts on the ECB+ dev set, verbatim.
const ECB = `../shared/eval-data/clustering/ecbplus-dev/ecbplus-topics-1-35.jsonl: 772 articles, 66 gold labels, clustered in 0.62 s
events (227 clusters) vs label
  B-cubed   P 0.912  R 0.638  F1 0.751
  pairwise  P 0.788  R 0.611  F1 0.688
storylines (46 clusters) vs label
  B-cubed   P 0.650  R 0.986  F1 0.783
  pairwise  P 0.532  R 0.987  F1 0.691
storylines (46 clusters) vs storyline
  B-cubed   P 0.912  R 0.794  F1 0.849
  pairwise  P 0.844  R 0.776  F1 0.809
`;

describe('parseClusterOutput', () => {
  it('reads every comparison of the ECB+ output under <kind>.<truth>', () => {
    const parsed = parseClusterOutput(ECB);
    assert.ok(parsed.ok);
    assert.equal(parsed.metrics['events.label.bcubed.f1'], 0.751);
    assert.equal(parsed.metrics['storylines.storyline.bcubed.f1'], 0.849);
    assert.equal(parsed.metrics['storylines.label.bcubed.f1'], 0.783);
    assert.deepEqual(Object.keys(parsed.metrics).length, 21);
    assert.deepEqual(
      Object.entries(parsed.metrics).filter(([k]) => k.startsWith('events.')),
      [
        ['events.label.clusters', 227],
        ['events.label.bcubed.precision', 0.912],
        ['events.label.bcubed.recall', 0.638],
        ['events.label.bcubed.f1', 0.751],
        ['events.label.pairwise.precision', 0.788],
        ['events.label.pairwise.recall', 0.611],
        ['events.label.pairwise.f1', 0.688],
      ],
    );
  });

  it('ignores a row that is not right under its heading', () => {
    const parsed = parseClusterOutput(
      'events (3 clusters) vs label\nnote\n  B-cubed   P 0.5  R 0.5  F1 0.5\n',
    );
    assert.deepEqual(parsed, { ok: true, scorer: 'eval:cluster', metrics: { 'events.label.clusters': 3 } });
  });

  it('fails on a comparison printed twice and on output with none', () => {
    assert.deepEqual(parseClusterOutput(`${ECB}${ECB.split('\n').slice(1, 4).join('\n')}\n`), {
      ok: false,
      error: '"events vs label" is printed twice',
    });
    assert.deepEqual(parseClusterOutput('usage: npm run eval:cluster -- <dataset.jsonl>\n'), {
      ok: false,
      error: 'no "<kind> (N clusters) vs <truth>" heading in the output',
    });
  });
});
