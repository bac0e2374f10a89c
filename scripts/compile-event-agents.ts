/**
 * Compile PETRARCH-2's Phoenix agent dictionary (role and sector words: "minister", "police", "rebels")
 * into the data file the event annotator reads for actor phrases without a named entity
 * (docs/decisions/0030-events.md, "Agents"):
 *   npx tsx scripts/compile-event-agents.ts [<eval-data/events dir>]
 * Reads petrarch-dictionaries/Phoenix.agents.txt (MIT, Open Event Data Alliance) from
 * ../shared/eval-data/events; writes src/pipeline/annotate/events/data/phoenix-agents.json: each phrase
 * (lower case, words joined by spaces, `!PERSON!`-style macros expanded) with its sector code (GOV, MIL,
 * COP, REB, …). Regular plurals are made by the annotator, as PETRARCH does. Deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePetrarchDictionary } from '../eval/lib/petrarch-actors.ts';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? join(root, '../shared/eval-data/events'));
const entries = parsePetrarchDictionary(
  readFileSync(join(dir, 'petrarch-dictionaries/Phoenix.agents.txt'), 'utf8'),
  true,
);
const agents: Record<string, string> = {};
for (const e of entries) {
  const phrase = e.words
    .map((w) => w.word.toLowerCase())
    .join(' ')
    .replace(/[^a-z' .-]/g, '');
  // Ascii phrases only (a few entries are mis-encoded Spanish); the first code of a phrase holds.
  if (!phrase || !e.code || phrase in agents || /[^\x20-\x7e]/.test(phrase)) continue;
  agents[phrase] = e.code;
}
const sorted = Object.fromEntries(Object.entries(agents).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const out = {
  about:
    'Compiled by scripts/compile-event-agents.ts from PETRARCH-2 Phoenix.agents.txt (https://github.com/openeventdata/petrarch2, MIT, (c) 2014 Open Event Data Alliance); see LICENSE.md beside this file. agents: phrase (lower case) -> CAMEO agent code (sector: GOV government, MIL military, COP police, REB rebels, OPP opposition, LEG legislature, JUD judiciary, BUS business, MED media, ...).',
  agents: sorted,
};
const file = join(root, 'src/pipeline/annotate/events/data/phoenix-agents.json');
writeFileSync(file, `${JSON.stringify(out)}\n`);
console.log(
  `${Object.keys(sorted).length} agent phrases, ${new Set(Object.values(sorted)).size} codes -> ${file}`,
);
