/**
 * The layering rule, enforced rather than hoped for: each layer imports only
 * the layers below it. core ← pipeline ← engine ← cli/server; store sits
 * beside pipeline (it knows core only); stages never touch the store.
 * Run by `npm run check` (part of `npm test`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

/** For each layer, the layers it may import from (besides itself). */
const allowed: Record<string, string[]> = {
  core: [],
  pipeline: ['core'],
  store: ['core'],
  queue: ['core'],
  engine: ['core', 'pipeline', 'store', 'queue'],
  cli: ['core', 'engine', 'store', 'server'],
  server: ['core', 'engine', 'store'],
  'index.ts': ['core', 'pipeline', 'engine', 'store'],
};

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

const layerOf = (file: string): string => relative(src, file).split(/[\\/]/)[0] ?? '';
const problems: string[] = [];
for (const file of walk(src)) {
  const layer = layerOf(file);
  const rules = allowed[layer];
  if (!rules) {
    problems.push(`${relative(root, file)}: unknown layer "${layer}" (add it to scripts/check-layers.ts)`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), match[1] ?? '');
    if (!target.startsWith(src)) continue;
    const targetLayer = layerOf(target);
    if (targetLayer === layer || rules.includes(targetLayer)) continue;
    // Tests may reach across layers to set up real collaborators (a real store, real fixtures).
    if (file.endsWith('.test.ts') && targetLayer !== 'cli' && targetLayer !== 'server') continue;
    problems.push(
      `${relative(root, file)} imports ${targetLayer}/ (${match[1]}): ${layer}/ may import only ${rules.join(', ') || 'nothing else'}`,
    );
  }
}
if (problems.length > 0) {
  console.error(`layer rule broken in ${problems.length} place(s):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('layers: ok');
