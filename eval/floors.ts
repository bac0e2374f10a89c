/**
 * Quality floors: run the scorers on the development sets and fail when a score drops below the floor
 * pinned for it in eval/floors.json (CI runs this after `npm test` when ../shared/eval-data exists):
 *   npm run eval:floors [-- --only <text>] [--jobs N] [--file <floors.json>]
 * Each distinct command in the file runs once, as a developer would run it
 * (`npm run -s <script> -- <args>` from the repository root, N at a time, default 2), after its
 * `prepare` command if it has one (stdout saved to a temp file that `{tmp}` in the args names).
 * The metric is read from the scorer's `--json` last line, or from eval/cluster.ts's printed rows.
 * Exits 1 when a score is below its floor (less FLOOR_TOLERANCE), a scorer fails, or a metric is
 * missing; 2 on a bad command line or floors file. `--only` keeps the entries whose name contains the text.
 * To add a scorer (eval:pile is next; see the slot in the file's "about"), give it `--json` via
 * eval/lib/metric-summary.ts, measure, and add one entry per metric with the floor rounded down.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  type FloorEntry,
  type FloorResult,
  type FloorRun,
  floorFor,
  formatFloorTable,
  groupRuns,
  judgeFloor,
  parseFloors,
  type RunOutcome,
  readMetrics,
  TMP_PLACEHOLDER,
} from './lib/floor-check.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** A scorer still running after this long is stopped and counted as failed. */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

interface Options {
  file: string;
  only: string | undefined;
  jobs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { file: join(ROOT, 'eval', 'floors.json'), only: undefined, jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (arg === '--file' && value) options.file = resolve(value);
    else if (arg === '--only' && value) options.only = value;
    else if (arg === '--jobs' && value && Number.isInteger(Number(value)) && Number(value) > 0) {
      options.jobs = Number(value);
    } else {
      throw new Error(
        `unexpected argument "${arg}"; usage: npm run eval:floors [-- --only <text>] [--jobs N] [--file F]`,
      );
    }
    i += 1;
  }
  return options;
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

function runCommand(command: string, args: string[]): Promise<Finished> {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      timeout: RUN_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let spawnError: Error | undefined;
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (code, signal) => {
      const finished: Finished = {
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (spawnError) finished.error = spawnError;
      done(finished);
    });
  });
}

const tail = (text: string, lines = 15): string =>
  text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((l) => `    ${l}`)
    .join('\n');

function failure(what: string, f: Finished): string {
  const how = f.error ? f.error.message : f.signal ? `killed by ${f.signal}` : `exit code ${f.code}`;
  const output = [f.stderr, f.stdout].filter((s) => s.trim() !== '').map((s) => tail(s));
  return [`${what} failed (${how})`, ...output].join('\n');
}

const describe = (run: FloorRun): string =>
  `${run.prepare ? `${run.prepare.join(' ')} > ${TMP_PLACEHOLDER} && ` : ''}npm run -s ${run.script} -- ${run.args.join(' ')}`;

async function execute(run: FloorRun, tmpDir: string, index: number): Promise<RunOutcome> {
  let args = run.args;
  if (run.prepare) {
    const [command, ...rest] = run.prepare;
    const prepared = await runCommand(command!, rest);
    if (prepared.code !== 0 || prepared.error) {
      return { ok: false, error: failure(`prepare step \`${run.prepare.join(' ')}\``, prepared) };
    }
    const file = join(tmpDir, `prepared-${index}`);
    writeFileSync(file, prepared.stdout);
    args = args.map((a) => a.replaceAll(TMP_PLACEHOLDER, file));
  }
  const finished = await runCommand('npm', ['run', '-s', run.script, '--', ...args]);
  if (finished.code !== 0 || finished.error)
    return { ok: false, error: failure(`\`${describe(run)}\``, finished) };
  const parsed = readMetrics(run.format, finished.stdout);
  return parsed.ok
    ? { ok: true, metrics: parsed.metrics }
    : { ok: false, error: `\`${describe(run)}\`: ${parsed.error}` };
}

/** Run every job, at most `jobs` at once; results in the order of `runs`. */
async function runAll(runs: FloorRun[], jobs: number, tmpDir: string): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = new Array(runs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const i = next++;
      const run = runs[i]!;
      const started = performance.now();
      outcomes[i] = await execute(run, tmpDir, i);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${outcomes[i]!.ok ? 'ran ' : 'FAIL'} ${seconds.padStart(5)} s  ${describe(run)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, runs.length) }, worker));
  return outcomes;
}

async function main(): Promise<number> {
  let options: Options;
  let entries: FloorEntry[];
  try {
    options = parseOptions(process.argv.slice(2));
    entries = parseFloors(JSON.parse(readFileSync(options.file, 'utf8')), relative(ROOT, options.file));
  } catch (error) {
    console.error(`eval:floors: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (options.only) entries = entries.filter((e) => e.name.includes(options.only!));
  if (entries.length === 0) {
    console.error('eval:floors: no floor entries to check');
    return 2;
  }
  const started = performance.now();
  const runs = groupRuns(entries);
  const tmpDir = mkdtempSync(join(tmpdir(), 'sitrep-floors-'));
  let outcomes: RunOutcome[];
  try {
    outcomes = await runAll(runs, options.jobs, tmpDir);
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  const results: FloorResult[] = [];
  runs.forEach((run, i) => {
    for (const entry of run.entries) results.push(judgeFloor(entry, outcomes[i]!));
  });
  // The table follows the file's order.
  results.sort((a, b) => entries.indexOf(a.entry) - entries.indexOf(b.entry));
  console.log(`\n${formatFloorTable(results)}`);
  const bad = results.filter((r) => r.verdict !== 'OK');
  const reasons = [...new Set(bad.flatMap((r) => (r.reason ? [r.reason] : [])))];
  if (reasons.length > 0) console.log(`\n${reasons.join('\n\n')}`);
  const raisable = results.filter((r) => r.score !== undefined && floorFor(r.score) > r.entry.floor);
  if (raisable.length > 0) {
    console.log('\nabove their floor (raise it in eval/floors.json when the gain is meant to stay):');
    for (const r of raisable)
      console.log(`  ${r.entry.name}: ${r.entry.floor.toFixed(3)} → ${floorFor(r.score!).toFixed(3)}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\nquality floors: ${results.length - bad.length} of ${results.length} OK, ${runs.length} scorer runs in ${seconds} s`,
  );
  return bad.length > 0 ? 1 : 0;
}

process.exitCode = await main();
