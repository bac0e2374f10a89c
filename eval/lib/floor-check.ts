/**
 * The pure half of the quality floors (eval/floors.ts runs the scorers): reading and checking the
 * floors file, grouping entries that share one scorer run, reading a metric from a scorer's output,
 * and judging a score against its floor.
 */
import { parseClusterOutput } from './cluster-output.ts';
import { type Metrics, parseMetricSummary, type SummaryParse } from './metric-summary.ts';

/** A score may sit this far under its floor (printed scores are rounded) and still pass. */
export const FLOOR_TOLERANCE = 0.0005;

/** How a scorer's stdout is read: its `--json` last line, or eval/cluster.ts's printed rows. */
export const OUTPUT_FORMATS = ['json', 'cluster-text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The placeholder in `args` for the file holding the `prepare` command's stdout. */
export const TMP_PLACEHOLDER = '{tmp}';

export interface FloorEntry {
  /** Unique, shown in the table. */
  name: string;
  /** The npm script, run as `npm run -s <script> -- <args>` from the repository root. */
  script: string;
  /** Arguments after `--`; paths are relative to the repository root. */
  args: string[];
  /** A command run first (no shell, from the repository root) whose stdout is saved to `{tmp}`. */
  prepare?: string[];
  format: OutputFormat;
  metric: string;
  floor: number;
  /** Where the floor comes from (measured when, on what), and anything a reader should know. */
  note: string;
}

const ENTRY_KEYS = new Set(['name', 'script', 'args', 'prepare', 'format', 'metric', 'floor', 'note']);
const FILE_KEYS = new Set(['about', 'floors']);

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Check a parsed floors file (`{ about?: string[], floors: FloorEntry[] }`); throws naming the bad entry. */
export function parseFloors(data: unknown, source: string): FloorEntry[] {
  const fail = (what: string): never => {
    throw new Error(`${source}: ${what}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('must be a JSON object');
  const file = data as Record<string, unknown>;
  for (const key of Object.keys(file)) if (!FILE_KEYS.has(key)) fail(`unknown key "${key}"`);
  if (file['about'] !== undefined && !isStringArray(file['about'])) fail('"about" must be a list of strings');
  if (!Array.isArray(file['floors'])) fail('"floors" must be a list');
  const names = new Set<string>();
  return (file['floors'] as unknown[]).map((raw, i) => {
    const at = (what: string): never => fail(`floors[${i}]: ${what}`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return at('must be an object');
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) at(`unknown key "${key}"`);
    if (!nonEmpty(e['name'])) at('"name" must be a non-empty string');
    const name = e['name'] as string;
    if (names.has(name)) at(`the name "${name}" is used twice`);
    names.add(name);
    if (!nonEmpty(e['script'])) at('"script" must be an npm script name');
    if (!isStringArray(e['args'])) at('"args" must be a list of strings');
    if (e['prepare'] !== undefined && !(isStringArray(e['prepare']) && e['prepare'].length > 0)) {
      at('"prepare" must be a non-empty list of strings (a command and its arguments)');
    }
    const usesTmp = (e['args'] as string[]).some((a) => a.includes(TMP_PLACEHOLDER));
    if (usesTmp !== (e['prepare'] !== undefined)) {
      at(`"${TMP_PLACEHOLDER}" in "args" and "prepare" go together: one names the other's output`);
    }
    if (!OUTPUT_FORMATS.includes(e['format'] as OutputFormat)) {
      at(`"format" must be one of ${OUTPUT_FORMATS.join(', ')}`);
    }
    if (!nonEmpty(e['metric'])) at('"metric" must be a non-empty string');
    if (typeof e['floor'] !== 'number' || !Number.isFinite(e['floor'])) at('"floor" must be a number');
    if (!nonEmpty(e['note'])) at('"note" must say where the floor comes from');
    const entry: FloorEntry = {
      name,
      script: e['script'] as string,
      args: e['args'] as string[],
      format: e['format'] as OutputFormat,
      metric: e['metric'] as string,
      floor: e['floor'] as number,
      note: e['note'] as string,
    };
    if (e['prepare'] !== undefined) entry.prepare = e['prepare'] as string[];
    return entry;
  });
}

/** One scorer invocation and the floor entries read from its output. */
export interface FloorRun {
  script: string;
  args: string[];
  prepare?: string[];
  format: OutputFormat;
  entries: FloorEntry[];
}

/** Entries with the same command (script, args, prepare, format) share one run, in first-seen order. */
export function groupRuns(entries: FloorEntry[]): FloorRun[] {
  const runs = new Map<string, FloorRun>();
  for (const e of entries) {
    const key = JSON.stringify([e.script, e.args, e.prepare ?? null, e.format]);
    const run = runs.get(key);
    if (run) run.entries.push(e);
    else {
      const fresh: FloorRun = { script: e.script, args: e.args, format: e.format, entries: [e] };
      if (e.prepare) fresh.prepare = e.prepare;
      runs.set(key, fresh);
    }
  }
  return [...runs.values()];
}

/** The metrics in a scorer's stdout, read the way its format says. */
export function readMetrics(format: OutputFormat, stdout: string): SummaryParse {
  return format === 'json' ? parseMetricSummary(stdout) : parseClusterOutput(stdout);
}

export type Verdict = 'OK' | 'BELOW' | 'MISSING' | 'FAILED';

export interface FloorResult {
  entry: FloorEntry;
  verdict: Verdict;
  score?: number;
  /** Why a MISSING or FAILED entry has no score. */
  reason?: string;
}

/** What became of a run: its metrics, or why there are none (the scorer crashed, the output was unreadable). */
export type RunOutcome = { ok: true; metrics: Metrics } | { ok: false; error: string };

/** Judge one entry: a failed run or an absent metric is a failure, never a pass. */
export function judgeFloor(entry: FloorEntry, outcome: RunOutcome): FloorResult {
  if (!outcome.ok) return { entry, verdict: 'FAILED', reason: outcome.error };
  const score = outcome.metrics[entry.metric];
  if (score === undefined) {
    const known = Object.keys(outcome.metrics).join(', ') || 'none';
    return {
      entry,
      verdict: 'MISSING',
      reason: `no metric "${entry.metric}" in the output (found: ${known})`,
    };
  }
  return { entry, verdict: score + FLOOR_TOLERANCE < entry.floor ? 'BELOW' : 'OK', score };
}

/** A fixed-width table, one row per entry: name, metric, score, floor, verdict. */
export function formatFloorTable(results: FloorResult[]): string {
  const w = Math.max(4, ...results.map((r) => r.entry.name.length));
  const m = Math.max(6, ...results.map((r) => r.entry.metric.length));
  const lines = [
    `${'name'.padEnd(w)}  ${'metric'.padEnd(m)}  ${'score'.padStart(7)}  ${'floor'.padStart(7)}  result`,
  ];
  for (const r of results) {
    const score = r.score === undefined ? '—' : r.score.toFixed(4);
    lines.push(
      `${r.entry.name.padEnd(w)}  ${r.entry.metric.padEnd(m)}  ${score.padStart(7)}  ${r.entry.floor.toFixed(3).padStart(7)}  ${r.verdict}`,
    );
  }
  return lines.join('\n');
}

/** A score rounded down to 3 decimals: the floor to pin for it. */
export function floorFor(score: number): number {
  return Math.floor(score * 1000 + 1e-9) / 1000;
}
