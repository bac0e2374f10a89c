/**
 * Compile PETRARCH-2's CAMEO verb dictionary, with its codes mapped to PLOVER, into the data file the
 * event matcher reads (docs/decisions/0030-events.md, "Verb patterns"):
 *   npx tsx scripts/compile-event-verbs.ts [<eval-data/events dir>]
 * Reads petrarch-dictionaries/CAMEO.2.0.txt (MIT, Open Event Data) and plover/CAMEO2PLOVER-2021.txt
 * (PLOVER, CC BY-SA 4.0) from ../shared/eval-data/events; writes
 * src/pipeline/annotate/events/data/cameo-verbs.json. Deterministic: same inputs, same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCameoPlover, ploverOf } from '../src/pipeline/annotate/events/cameo-plover.ts';
import { parseVerbDictionary } from '../src/pipeline/annotate/events/verb-dictionary.ts';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? join(root, '../shared/eval-data/events'));
const verbs = parseVerbDictionary(readFileSync(join(dir, 'petrarch-dictionaries/CAMEO.2.0.txt'), 'utf8'));
const table = parseCameoPlover(readFileSync(join(dir, 'plover/CAMEO2PLOVER-2021.txt'), 'utf8'));
const codes = new Set<string>();
for (const v of verbs.verbs) codes.add(v.code);
for (const b of verbs.blocks) for (const p of b) codes.add(p[2]);
const plover: Record<string, [string, string, string]> = {};
for (const c of [...codes].filter(Boolean).sort()) {
  const p = ploverOf(table, c);
  if (p) plover[c] = [p.category, p.mode ?? '', p.context ?? ''];
}
const out = {
  about:
    'Compiled by scripts/compile-event-verbs.ts from PETRARCH-2 CAMEO.2.0.txt (https://github.com/openeventdata/petrarch2, MIT, (c) 2014 Open Event Data) and CAMEO2PLOVER-2021.txt (https://github.com/openeventdata/PLOVER, CC BY-SA 4.0); see LICENSE.md beside this file. plover: CAMEO code -> [category, mode, context]; codes without an entry (CAMEO 01, 02) are no PLOVER event.',
  plover,
  ...verbs,
};
const file = join(root, 'src/pipeline/annotate/events/data/cameo-verbs.json');
writeFileSync(file, `${JSON.stringify(out)}\n`);
console.log(
  `${verbs.verbs.length} verbs, ${verbs.blocks.length} blocks, ${verbs.blocks.reduce((n, b) => n + b.length, 0)} patterns, ${Object.keys(verbs.synsets).length} synsets, ${Object.keys(plover).length} codes with a PLOVER category -> ${file}`,
);
