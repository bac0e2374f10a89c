/**
 * `npm run bench [-- --only extract,cluster,entities,pipeline] [--extraction-dir DIR]
 *   [--cluster-articles 100000] [--pipeline-articles 10000]`
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
  },
});

/** Each benchmark as a script and its arguments, or a reason to skip it. */
const benches: Record<string, () => { script: string; args: string[] } | { skip: string }> = {
  extract: () => {
    const dir = values['extraction-dir'] ?? '';
    return existsSync(dir)
      ? { script: 'extract-bench.ts', args: [dir] }
      : { skip: `no extraction pages at ${dir} (pass --extraction-dir DIR)` };
  },
  cluster: () => ({ script: 'cluster-bench.ts', args: [values['cluster-articles'] ?? '100000'] }),
  entities: () => ({ script: 'entities-bench.ts', args: [] }),
  pipeline: () => ({ script: 'pipeline-bench.ts', args: [values['pipeline-articles'] ?? '10000'] }),
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
  const step = plan();
  if ('skip' in step) {
    console.log(`${name}: skipped — ${step.skip}`);
    continue;
  }
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, step.script), ...step.args],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error(`bench: ${name} exited with ${result.status ?? result.signal}`);
    failed = true;
  }
}
if (failed) process.exitCode = 1;
