/**
 * `npm run bench [-- --only extract,cluster,entities,pipeline] [--extraction-dir DIR]`
 *
 * Runs Sitrep's benchmarks, each side by side with the peer its issue names, in one process so that
 * the figures are comparable. Speed and memory targets live here, never in unit tests.
 * The extraction benchmark needs the public extraction pages (default ../shared/eval-data/extraction,
 * read by path); it is skipped with a note when they are absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchExtract } from './extract-bench.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'extraction-dir': {
      type: 'string',
      default: resolve(import.meta.dirname, '../../shared/eval-data/extraction'),
    },
  },
});

const benches: Record<string, () => Promise<void>> = {
  extract: async () => {
    const dir = values['extraction-dir'] ?? '';
    if (!existsSync(dir)) {
      console.log(`extract: skipped — no extraction pages at ${dir} (pass --extraction-dir DIR)`);
      return;
    }
    await benchExtract(dir);
  },
};

const wanted = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(benches);
for (const name of wanted) {
  const bench = benches[name];
  if (!bench) {
    console.error(`bench: unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name} ===`);
  await bench();
}
