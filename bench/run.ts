/**
 * `npm run bench [-- --only extract,cluster,entities,pipeline] [--extraction-dir DIR]
 *   [--cluster-articles 100000] [--pipeline-articles 10000]`
 *
 * Runs Sitrep's benchmarks, each side by side with the peer its issue names, in one process so that
 * the figures are comparable. Speed and memory targets live here, never in unit tests.
 * The extraction benchmark needs the public extraction pages (default ../shared/eval-data/extraction,
 * read by path); it is skipped with a note when they are absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCluster } from './cluster-bench.ts';
import { benchEntities } from './entities-bench.ts';
import { benchExtract } from './extract-bench.ts';
import { benchPipeline } from './pipeline-bench.ts';

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

const benches: Record<string, () => Promise<void>> = {
  extract: async () => {
    const dir = values['extraction-dir'] ?? '';
    if (!existsSync(dir)) {
      console.log(`extract: skipped — no extraction pages at ${dir} (pass --extraction-dir DIR)`);
      return;
    }
    await benchExtract(dir);
  },
  cluster: () => benchCluster(Number(values['cluster-articles'])),
  entities: () => benchEntities(),
  pipeline: () => benchPipeline(Number(values['pipeline-articles'])),
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
