/**
 * Linearity on pathological inputs (issue 18, docs/decisions/0080): each shape is read the way one
 * ingested item is (splitDocuments: decode, detect the format; then extractDocument under the default
 * work budget) at N and 2N bytes, then at 10 MiB, the per-document cap.
 *   tsx bench/linearity-bench.ts [--quick]      (or `npm run bench -- --only linearity`)
 * Targets: time(2N) ≤ 2.3 × time(N), and 10 MiB finished (stored or refused with a reason) within 10 s.
 * N and 2N times are the best CPU time of five runs after two warm-up runs (wall time is printed beside).
 */
import type { RawInput } from '../src/core/article.ts';
import { sha256Hex } from '../src/core/hash.ts';
import { DEFAULT_EXTRACT_BUDGET_MS, WorkBudget } from '../src/pipeline/extract/budget.ts';
import { extractDocument } from '../src/pipeline/extract/extract.ts';
import { splitDocuments } from '../src/pipeline/ingest/split-documents.ts';

const MIB = 1024 * 1024;
const MAX_RATIO = 2.3;
const MAX_SECONDS_10_MIB = 10;

interface Shape {
  name: string;
  /** `bytes` of the shape (ASCII, so characters). */
  make: (bytes: number) => string;
  /** N for the ratio: below the HTML element cap, so that the ratio measures the work, not a refusal. */
  n: number;
}

const repeat = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
/** A doctype first, so that the input is read as HTML (three different tags or a leading doctype). */
const PAGE = '<!DOCTYPE html>';
const html = (unit: string, bytes: number) => PAGE + repeat(unit, bytes - PAGE.length);

const SHAPES: Shape[] = [
  { name: 'plain text, short paragraphs', make: (b) => repeat('Short line here.\n\n', b), n: MIB },
  { name: 'plain text, numbered lines', make: (b) => numbered(b), n: MIB },
  { name: 'HTML <p>x</p>', make: (b) => html('<p>x</p>', b), n: 320 * 1024 },
  { name: 'HTML nested <div>', make: (b) => html('<div>', b), n: 200 * 1024 },
  { name: 'HTML nested <div>x</div>', make: (b) => nestedWithText(b), n: 200 * 1024 },
  { name: 'unclosed <!DOCTYPE + spaces', make: (b) => `<!DOCTYPE${' '.repeat(b - 9)}`, n: MIB },
];

function numbered(bytes: number): string {
  const lines: string[] = [];
  for (let i = 0, size = 0; ; i++) {
    const line = `Line ${i} of it all.\n\n`;
    if (size + line.length > bytes) break;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
}

function nestedWithText(bytes: number): string {
  const n = Math.floor((bytes - PAGE.length) / 12);
  return `${PAGE}${'<div>x'.repeat(n)}${'</div>'.repeat(n)}`;
}

/**
 * One item end to end: 'stored' (an extraction) or the refusal's code and message; `seconds` is wall
 * time, `cpu` this process's CPU time (user + system), steadier than wall time on a busy machine.
 */
function runItem(text: string): { seconds: number; cpu: number; outcome: string } {
  const bytes = new TextEncoder().encode(text);
  const raw: RawInput = {
    sha256: sha256Hex(bytes),
    bytes,
    source: { kind: 'file', path: 'bench-input' },
    receivedAt: '2024-01-01T00:00:00.000Z',
  };
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let outcome = 'stored';
  for (const doc of splitDocuments(raw)) {
    if (!doc.ok) {
      outcome = `${doc.error.code}: ${doc.error.message}`;
      continue;
    }
    try {
      extractDocument(doc.value, new WorkBudget(DEFAULT_EXTRACT_BUDGET_MS));
    } catch (error) {
      const e = error as { code?: string; message: string };
      outcome = `${e.code ?? 'ERROR'}: ${e.message}`;
    }
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, outcome };
}

/** Best wall and CPU time of `runs` runs. */
function best(text: string, runs: number): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const run = runItem(text);
    wall = Math.min(wall, run.seconds);
    cpu = Math.min(cpu, run.cpu);
  }
  return { wall, cpu };
}

const runs = process.argv.includes('--quick') ? 1 : 5;
const fmt = (bytes: number) =>
  bytes >= MIB ? `${(bytes / MIB).toFixed(2)} MiB` : `${Math.round(bytes / 1024)} KiB`;
let failed = false;
console.log(
  `linearity bench: best CPU time of ${runs} after two warm-ups; budget ${DEFAULT_EXTRACT_BUDGET_MS} ms; targets: 2N/N ≤ ${MAX_RATIO}, 10 MiB ≤ ${MAX_SECONDS_10_MIB} s`,
);
for (const shape of SHAPES) {
  const small = shape.make(shape.n);
  const large = shape.make(2 * shape.n);
  for (let i = 0; i < 2; i++) {
    runItem(small);
    runItem(large);
  }
  const tN = best(small, runs);
  const t2N = best(large, runs);
  const ratio = t2N.cpu / tN.cpu;
  const big = runItem(shape.make(10 * MIB));
  const ok = ratio <= MAX_RATIO && big.seconds <= MAX_SECONDS_10_MIB;
  if (!ok) failed = true;
  console.log(`\n${shape.name}`);
  console.log(
    `  N ${fmt(small.length)} ${tN.cpu.toFixed(3)} s | 2N ${fmt(large.length)} ${t2N.cpu.toFixed(3)} s | ratio ${ratio.toFixed(2)} (CPU time; wall ${tN.wall.toFixed(3)} s, ${t2N.wall.toFixed(3)} s)`,
  );
  console.log(`  10 MiB ${big.seconds.toFixed(2)} s → ${big.outcome.slice(0, 140)}`);
  console.log(`  ${ok ? 'within' : 'OVER'} the targets`);
}
if (failed) {
  console.error('\nlinearity bench: a shape missed its target');
  process.exitCode = 1;
}
