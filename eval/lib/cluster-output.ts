import type { Metrics, SummaryParse } from './metric-summary.ts';

/**
 * Metrics from the human output of `eval/cluster.ts`, which has no `--json` (yet). It prints, per
 * comparison, a heading and two indented rows:
 *   events (227 clusters) vs label
 *     B-cubed   P 0.912  R 0.638  F1 0.751
 *     pairwise  P 0.788  R 0.611  F1 0.688
 * giving `events.label.clusters` 227, `events.label.bcubed.f1` 0.751, `events.label.pairwise.precision`
 * 0.788, and so on. A row counts only right under its heading; a heading printed twice is an error,
 * as is output with no comparison at all. Values are the printed ones (3 decimals).
 */
const HEADING = /^(\w+) \((\d+) clusters\) vs (\w+)$/;
const ROW = /^ {2}(B-cubed|pairwise)\s+P (\d+(?:\.\d+)?)\s+R (\d+(?:\.\d+)?)\s+F1 (\d+(?:\.\d+)?)$/;

export function parseClusterOutput(stdout: string): SummaryParse {
  const metrics: Metrics = {};
  let prefix: string | undefined;
  for (const line of stdout.split('\n').map((l) => l.trimEnd())) {
    const heading = HEADING.exec(line);
    if (heading) {
      prefix = `${heading[1]}.${heading[3]}`;
      if (`${prefix}.clusters` in metrics) {
        return { ok: false, error: `"${heading[1]} vs ${heading[3]}" is printed twice` };
      }
      metrics[`${prefix}.clusters`] = Number(heading[2]);
      continue;
    }
    const row = ROW.exec(line);
    if (row && prefix !== undefined) {
      const kind = row[1] === 'B-cubed' ? 'bcubed' : 'pairwise';
      metrics[`${prefix}.${kind}.precision`] = Number(row[2]);
      metrics[`${prefix}.${kind}.recall`] = Number(row[3]);
      metrics[`${prefix}.${kind}.f1`] = Number(row[4]);
      continue;
    }
    prefix = undefined;
  }
  if (Object.keys(metrics).length === 0) {
    return { ok: false, error: 'no "<kind> (N clusters) vs <truth>" heading in the output' };
  }
  return { ok: true, scorer: 'eval:cluster', metrics };
}
