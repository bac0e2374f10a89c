/**
 * The machine-readable summary a scorer prints as its last stdout line when given `--json`:
 *   {"scorer":"eval:ner","metrics":{"overall.f1":0.6733,...}}
 * Metric names are dotted paths (`all.overlap.f1`); values are fractions in [0, 1] or counts, never
 * percentages. `eval/floors.ts` reads this line to compare scores with the pinned floors.
 */

export type Metrics = Record<string, number>;

/** The P/R/F1 of one scored row under `prefix` (`prefix.precision`, `prefix.recall`, `prefix.f1`). */
export function prfMetrics(prefix: string, s: { precision: number; recall: number; f1: number }): Metrics {
  return { [`${prefix}.precision`]: s.precision, [`${prefix}.recall`]: s.recall, [`${prefix}.f1`]: s.f1 };
}

/** The one-line JSON summary; non-finite values are dropped so a reader sees them as missing. */
export function metricSummaryLine(scorer: string, metrics: Metrics): string {
  const finite = Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)));
  return JSON.stringify({ scorer, metrics: finite });
}

export type SummaryParse = { ok: true; scorer: string; metrics: Metrics } | { ok: false; error: string };

/** Read the summary from a scorer's whole stdout: its last non-empty line must be the JSON object. */
export function parseMetricSummary(stdout: string): SummaryParse {
  const last = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .at(-1);
  if (last === undefined) return { ok: false, error: 'the scorer printed nothing' };
  let value: unknown;
  try {
    value = JSON.parse(last);
  } catch {
    return {
      ok: false,
      error: `the last line is not a JSON summary (was --json passed?): ${last.slice(0, 120)}`,
    };
  }
  const summary = value as { scorer?: unknown; metrics?: unknown } | null;
  if (
    typeof summary !== 'object' ||
    summary === null ||
    typeof summary.metrics !== 'object' ||
    summary.metrics === null ||
    Array.isArray(summary.metrics)
  ) {
    return { ok: false, error: `the last line has no "metrics" object: ${last.slice(0, 120)}` };
  }
  const metrics: Metrics = {};
  for (const [name, v] of Object.entries(summary.metrics)) {
    if (typeof v === 'number' && Number.isFinite(v)) metrics[name] = v;
  }
  return { ok: true, scorer: typeof summary.scorer === 'string' ? summary.scorer : '', metrics };
}
