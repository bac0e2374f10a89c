/**
 * Event scorer on PETRARCH's validation records (docs/decisions/0030-events.md, "Measured"):
 *   npm run eval:events -- [<records.xml> | <dir holding PETR.UnitTest.records.xml>] [--worst N] [--json]
 * Runs Sitrep's event annotator on each record's sentence, with the entities found by the record set's
 * own actor and agent dictionaries (PETR.Validate.actors.txt, PETR.Validate.agents.txt beside it; their
 * codes are the entity ids), and compares per sentence:
 * - category: the gold CAMEO codes mapped to PLOVER (plover/CAMEO2PLOVER-2021.txt beside it; CAMEO 01/02
 *   and the suite's 9xx test codes have no PLOVER category and drop out) vs the PLOVER categories of
 *   the events found — precision and recall over (sentence, category) pairs;
 * - source (target) actor: of the gold (sentence, category) pairs found, the share where an event of
 *   that category has the gold source's (target's) actor code (its first three letters, `.root`) or
 *   the whole code with its agent (`.exact`).
 * Four runs: the ontology's types only (`default.*`), with the shipped CAMEO.2.0 verb patterns
 * (`cameo.*`), the news setting (`news.*`: CAMEO.2.0 with the news rules, NEWS_VERBS; the pipeline's
 * setting since annotate-events@6), and with the suite's own verb dictionary (`suite.*`: PETR.Validate.verbs.txt,
 * the dictionary the gold codes were made with — WEIS-era codes read as CAMEO — so it measures the
 * matcher and the actors, not the shipped dictionary).
 * `--json` prints eval/lib/metric-summary.ts's summary line last.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EventRecord } from '../src/core/event.ts';
import { annotateEvents } from '../src/pipeline/annotate/events/annotate-events.ts';
import { parseCameoPlover, ploverOf } from '../src/pipeline/annotate/events/cameo-plover.ts';
import { ploverCategoryOf } from '../src/pipeline/annotate/events/event-ontology.ts';
import { parseVerbDictionary } from '../src/pipeline/annotate/events/verb-dictionary.ts';
import { CAMEO_VERBS, type VerbDictionary } from '../src/pipeline/annotate/events/verb-patterns.ts';
import { metricSummaryLine } from './lib/metric-summary.ts';
import { type DictEntry, dictionaryMentions, parsePetrarchDictionary } from './lib/petrarch-actors.ts';
import { type PetrarchRecord, parsePetrarchRecords } from './lib/petrarch-records.ts';

const DEFAULT = resolve(import.meta.dirname, '../../shared/eval-data/events/PETR.UnitTest.records.xml');

interface Args {
  file: string;
  json: boolean;
  worst: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: DEFAULT, json: false, worst: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    if (a === '--json') args.json = true;
    else if (a === '--worst') args.worst = Number(argv[++i] ?? '0');
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.file = resolve(a);
  }
  if (existsSync(args.file) && statSync(args.file).isDirectory())
    args.file = join(args.file, 'PETR.UnitTest.records.xml');
  return args;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

interface Row {
  record: PetrarchRecord;
  gold: Map<string, { source: string; target: string }[]>;
  found: Map<string, EventRecord[]>;
  /** Entity id by mention text: a coordinated actor ("Gondor and Osgiliath") is labelled by its texts. */
  ids: Map<string, string>;
}

function categoryOf(e: EventRecord): string | undefined {
  return ploverCategoryOf(e);
}

function report(
  title: string,
  { rows, ms }: { rows: Row[]; ms: number },
  worst: number,
): Record<string, number> {
  let goldN = 0;
  let foundN = 0;
  let hit = 0;
  let srcRoot = 0;
  let srcExact = 0;
  let tgtRoot = 0;
  let tgtN = 0;
  let withEvent = 0;
  const perCat = new Map<string, { gold: number; found: number; hit: number }>();
  const bump = (c: string, k: 'gold' | 'found' | 'hit') => {
    const s = perCat.get(c) ?? { gold: 0, found: 0, hit: 0 };
    s[k] += 1;
    perCat.set(c, s);
  };
  const misses: string[] = [];
  for (const r of rows) {
    goldN += r.gold.size;
    foundN += r.found.size;
    if (r.found.size > 0) withEvent += 1;
    for (const c of r.gold.keys()) bump(c, 'gold');
    for (const c of r.found.keys()) bump(c, 'found');
    for (const [c, golds] of r.gold) {
      const evs = r.found.get(c);
      if (!evs) {
        misses.push(`${r.record.id}\tmiss ${c}\t${r.record.text.slice(0, 110)}`);
        continue;
      }
      hit += 1;
      bump(c, 'hit');
      const actorCodes = evs.flatMap((e) => [
        e.actor?.entityId ?? '',
        ...(e.actor?.text ?? '').split(' and ').map((t) => r.ids.get(t) ?? t),
      ]);
      if (golds.some((g) => actorCodes.some((a) => a && a.slice(0, 3) === g.source.slice(0, 3))))
        srcRoot += 1;
      if (golds.some((g) => actorCodes.includes(g.source))) srcExact += 1;
      if (golds.some((g) => g.target)) {
        tgtN += 1;
        if (
          golds.some((g) => evs.some((e) => (e.target?.entityId ?? '').slice(0, 3) === g.target.slice(0, 3)))
        )
          tgtRoot += 1;
      }
    }
    for (const c of r.found.keys())
      if (!r.gold.has(c)) misses.push(`${r.record.id}\textra ${c}\t${r.record.text.slice(0, 110)}`);
  }
  const precision = ratio(hit, foundN);
  const recall = ratio(hit, goldN);
  const f1 = ratio(2 * precision * recall, precision + recall);
  console.log(
    `\n== ${title}\nPETRARCH validation records: ${rows.length} sentences, ${goldN} gold (sentence, PLOVER category) pairs`,
  );
  console.log(`sentences with an event found: ${withEvent}; event stage ${ms.toFixed(0)} ms`);
  console.log(
    `category    P ${pct(precision)}  R ${pct(recall)}  F1 ${pct(f1)}  (${hit} of ${goldN} gold, ${foundN} found)`,
  );
  console.log(
    `source      root ${pct(ratio(srcRoot, hit))}  exact ${pct(ratio(srcExact, hit))}  (of ${hit} found)`,
  );
  console.log(`target      root ${pct(ratio(tgtRoot, tgtN))}  (of ${tgtN} found with a gold target)`);
  console.log('per category: gold found hit');
  for (const [c, s] of [...perCat].sort((a, b) => b[1].gold - a[1].gold))
    console.log(
      `  ${c.padEnd(10)} ${String(s.gold).padStart(4)} ${String(s.found).padStart(5)} ${String(s.hit).padStart(4)}`,
    );
  if (worst > 0) for (const m of misses.slice(0, worst)) console.log(m);
  return {
    'category.precision': precision,
    'category.recall': recall,
    'category.f1': f1,
    'source.root': ratio(srcRoot, hit),
    'source.exact': ratio(srcExact, hit),
    'target.root': ratio(tgtRoot, tgtN),
    sentences: rows.length,
    gold: goldN,
  };
}

interface Inputs {
  records: PetrarchRecord[];
  actors: DictEntry[];
  agents: DictEntry[];
  table: ReturnType<typeof parseCameoPlover>;
}

function run(inputs: Inputs, verbs: VerbDictionary | null, news = false): { rows: Row[]; ms: number } {
  const rows: Row[] = [];
  const started = performance.now();
  for (const record of inputs.records) {
    const gold = new Map<string, { source: string; target: string }[]>();
    for (const c of record.codings) {
      const p = ploverOf(inputs.table, c.code);
      if (p) gold.set(p.category, [...(gold.get(p.category) ?? []), { source: c.source, target: c.target }]);
    }
    const entities = dictionaryMentions(record.id, record.text, inputs.actors, inputs.agents);
    const d = record.date;
    const documentDate = /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : undefined;
    const events = annotateEvents(record.id, record.text, {
      entities,
      times: [],
      ...(documentDate ? { documentDate } : {}),
      verbs,
      ...(news ? { news } : {}),
    });
    const found = new Map<string, EventRecord[]>();
    for (const e of events) {
      const c = categoryOf(e);
      if (c && e.modality !== 'denied') found.set(c, [...(found.get(c) ?? []), e]);
    }
    const ids = new Map(entities.flatMap((m) => (m.entityId ? [[m.text, m.entityId] as const] : [])));
    rows.push({ record, gold, found, ids });
  }
  return { rows, ms: performance.now() - started };
}

/** The suite's own verb dictionary (WEIS-era codes, read as CAMEO) with its codes mapped to PLOVER. */
function suiteVerbs(text: string, table: Inputs['table']): VerbDictionary {
  const compiled = parseVerbDictionary(text);
  const plover: VerbDictionary['plover'] = {};
  const codes = [...compiled.verbs.map((v) => v.code), ...compiled.blocks.flat().map((p) => p[2])];
  for (const c of codes) {
    const p = c ? ploverOf(table, c) : undefined;
    if (p) plover[c] = [p.category, p.mode ?? '', p.context ?? ''];
  }
  return { ...compiled, plover };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const dir = dirname(args.file);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const table = parseCameoPlover(read('plover/CAMEO2PLOVER-2021.txt'));
  const inputs: Inputs = {
    records: parsePetrarchRecords(readFileSync(args.file, 'utf8')),
    table,
    actors: parsePetrarchDictionary(read('PETR.Validate.actors.txt'), false),
    agents: parsePetrarchDictionary(read('PETR.Validate.agents.txt'), true),
  };
  const ontology = report('the ontology types only (no verb dictionary)', run(inputs, null), args.worst);
  const shipped = report('with the shipped CAMEO.2.0 verbs', run(inputs, CAMEO_VERBS), args.worst);
  const news = report(
    'the news setting (CAMEO.2.0 verbs, news rules; as the pipeline runs)',
    run(inputs, CAMEO_VERBS, true),
    0,
  );
  const suite = report(
    "with the suite's own verbs (PETR.Validate.verbs.txt)",
    run(inputs, suiteVerbs(read('PETR.Validate.verbs.txt'), table)),
    args.worst,
  );
  const prefixed = (prefix: string, m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [`${prefix}.${k}`, v]));
  if (args.json)
    console.log(
      metricSummaryLine('eval:events', {
        ...prefixed('default', ontology),
        ...prefixed('cameo', shipped),
        ...prefixed('news', news),
        ...prefixed('suite', suite),
      }),
    );
}

main();
