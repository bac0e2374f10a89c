/**
 * `npm run bench [-- --only extract,cluster,entities,time,events,pipeline,quotes,stories,pile,scale,linearity,api-load,workers,workers-chaos,ui] [--extraction-dir DIR]
 *   [--cluster-articles 100000] [--pipeline-articles 10000] [--pile FILE] [--scale-sizes 1000,5000,20000]
 *   [--api-articles 5000] [--api-seconds 20]`
 *
 * Runs Sitrep's benchmarks, each side by side with the peer its issue names, and each in a process of
 * its own so that its peak memory is its own. Speed and memory targets live here, never in unit tests.
 * The extraction benchmark needs the public extraction pages (default ../shared/eval-data/extraction,
 * read by path); it is skipped with a note when they are absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'extraction-dir': {
      type: 'string',
      default: resolve(import.meta.dirname, '../../shared/eval-data/extraction'),
    },
    'cluster-articles': { type: 'string', default: '100000' },
    'pipeline-articles': { type: 'string', default: '10000' },
    pile: {
      type: 'string',
      default: resolve(import.meta.dirname, '../../shared/eval-data/pile-dev/pile.jsonl'),
    },
    'scale-sizes': { type: 'string', default: '1000,5000,20000' },
    'api-articles': { type: 'string', default: '5000' },
    'api-seconds': { type: 'string', default: '20' },
  },
});

interface Step {
  script: string;
  args: string[];
  /** Node options for the step's process. */
  node?: string[];
}

/**
 * The clustering bench caps V8's old generation at 1 GiB (`--max-old-space-size=1024`): its live
 * data at 100k is well under that, and without a cap V8 on a machine with plenty of memory lets
 * garbage pile up towards 2 GiB before collecting (measured: docs/decisions/0011). `--expose-gc`
 * lets it report the live heap after a full collection.
 */
const CLUSTER_NODE = ['--max-old-space-size=1024', '--expose-gc'];

/** Each benchmark as one or more scripts with their arguments, or a reason to skip it. */
const benches: Record<string, () => Step | Step[] | { skip: string }> = {
  extract: () => {
    const dir = values['extraction-dir'] ?? '';
    return existsSync(dir)
      ? { script: 'extract-bench.ts', args: [dir] }
      : { skip: `no extraction pages at ${dir} (pass --extraction-dir DIR)` };
  },
  // Two processes: records built on worker threads beside the linking (addInBatches), then the
  // main thread alone (index.add, the path `sitrep analyze` takes).
  cluster: () =>
    ['1', '0'].map((threads) => ({
      script: 'cluster-bench.ts',
      args: [values['cluster-articles'] ?? '100000', '--threads', threads],
      node: CLUSTER_NODE,
    })),
  // The seeds repeated (against compromise), then pile-dev's real text in fresh processes (issue 12).
  entities: () => {
    const pile = values.pile ?? '';
    const seeds: Step = { script: 'entities-bench.ts', args: [] };
    return existsSync(pile) ? [seeds, { script: 'entities-pile-bench.ts', args: [pile] }] : seeds;
  },
  // The time stage on pile-dev's real text in fresh processes, CPU time and a digest of its outputs (issue 12).
  time: () => {
    const pile = values.pile ?? '';
    return existsSync(pile)
      ? { script: 'time-pile-bench.ts', args: [pile] }
      : { skip: `no pile at ${pile} (pass --pile FILE)` };
  },
  // The events stage on pile-dev's real text with the first phase's inputs, CPU time and a digest of its outputs (issue 20).
  events: () => {
    const pile = values.pile ?? '';
    return existsSync(pile)
      ? { script: 'events-pile-bench.ts', args: [pile] }
      : { skip: `no pile at ${pile} (pass --pile FILE)` };
  },
  pipeline: () => ({ script: 'pipeline-bench.ts', args: [values['pipeline-articles'] ?? '10000'] }),
  // The quotes and claims stages on pile-dev's first 600 articles, CPU time, best of 7 (issue 16).
  quotes: () => {
    const pile = values.pile ?? '';
    return existsSync(pile)
      ? { script: 'quotes-bench.ts', args: [pile] }
      : { skip: `no pile at ${pile} (pass --pile FILE)` };
  },
  // The story stages alone on pile-dev's storylines, CPU time, best of 5 (issue 12).
  stories: () => {
    const pile = values.pile ?? '';
    return existsSync(pile)
      ? { script: 'story-stages-bench.ts', args: [pile] }
      : { skip: `no pile at ${pile} (pass --pile FILE)` };
  },
  // Real text end to end through the store (docs/decisions/0013): pile-dev, then generated corpora.
  pile: () => {
    const pile = values.pile ?? '';
    return existsSync(pile)
      ? { script: 'store-pipeline-bench.ts', args: ['pile', pile] }
      : { skip: `no pile at ${pile} (pass --pile FILE)` };
  },
  scale: () => ({
    script: 'store-pipeline-bench.ts',
    args: ['scale', values['scale-sizes'] ?? '1000,5000,20000'],
  }),
  // The fleet on PostgreSQL (issue 17): pile-dev through 1 and 2 worker processes, the queue's cost
  // per job, the result against the SQLite path's, the machine's own ceiling on the ratio of two to
  // one (bench/machine-capacity.ts); then workers killed at random during a run.
  workers: () => {
    const pile = values.pile ?? '';
    return existsSync(pile)
      ? { script: 'workers-bench.ts', args: ['throughput', pile] }
      : { skip: `no pile at ${pile} (pass --pile FILE)` };
  },
  'workers-chaos': () => {
    const pile = values.pile ?? '';
    return existsSync(pile)
      ? { script: 'workers-bench.ts', args: ['chaos', pile] }
      : { skip: `no pile at ${pile} (pass --pile FILE)` };
  },
  // Pathological inputs, one item each: time at N and 2N, and at the 10 MiB cap (docs/decisions/0080).
  // A 64 MiB young generation: with V8's default one, parse5 alone takes 3× the time at 2N on trees of
  // 40k-80k elements (scavenges copying a growing survivor set; linear with the larger one), which
  // would hide the extractor's own scaling in a bench of tens of milliseconds.
  linearity: () => ({ script: 'linearity-bench.ts', args: [], node: ['--max-semi-space-size=64'] }),
  // /api/stories at 50 connections (autocannon) with no background work, then during an upload and
  // the recompute it starts, on a generated store (docs/decisions/0080, finding 4).
  // The web UI's first render of each view in Chromium on a generated store (issue 19's < 500 ms).
  ui: () => ({ script: 'ui-bench.ts', args: [values['api-articles'] ?? '5000', '3'] }),
  'api-load': () => ({
    script: 'api-load-bench.ts',
    args: [values['api-articles'] ?? '5000', values['api-seconds'] ?? '20'],
  }),
};

const wanted = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(benches);
let failed = false;
for (const name of wanted) {
  const plan = benches[name];
  if (!plan) {
    console.error(`bench: unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name} ===`);
  const steps = plan();
  if ('skip' in steps) {
    console.log(`${name}: skipped — ${steps.skip}`);
    continue;
  }
  for (const step of Array.isArray(steps) ? steps : [steps]) {
    const result = spawnSync(
      process.execPath,
      [...(step.node ?? []), '--import', 'tsx', resolve(import.meta.dirname, step.script), ...step.args],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) {
      console.error(`bench: ${name} exited with ${result.status ?? result.signal}`);
      failed = true;
    }
  }
}
if (failed) process.exitCode = 1;
