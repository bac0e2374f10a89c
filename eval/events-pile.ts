/**
 * The shipped CAMEO.2.0 verb patterns on real news, by a hand-check (docs/decisions/0030-events.md,
 * "On real news"): there are no PLOVER gold records here, so a seeded sample of the verb-pattern
 * events found in pile-dev articles was read by hand and each one judged; the verdicts are kept in
 * eval/data/events-pile-verdicts.tsv (keys and verdicts only, no article text).
 *   npm run eval:events-pile -- <pile.jsonl> [--verdicts <tsv>] [--print N] [--json]
 * Runs the entity, time and event stages on every 10th article (291 of 2,906), takes the events whose
 * category a verb pattern gave (`cameo` set; not denied ones), and scores the judged ones: category precision (the
 * sentence does state an act of that PLOVER category at that trigger), source actor precision (of those,
 * the actor is right), target (the target is right, or rightly absent). `--print N` lists the first N
 * unjudged events of the seeded order, to judge them. Also the CPU time of the event stage with and
 * without the verb patterns on those articles.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { EntityMention } from '../src/core/entity.ts';
import type { EventRecord } from '../src/core/event.ts';
import { stableId } from '../src/core/hash.ts';
import { annotateEntities } from '../src/pipeline/annotate/entities/annotate-entities.ts';
import { annotateEvents } from '../src/pipeline/annotate/events/annotate-events.ts';
import { CAMEO_VERBS } from '../src/pipeline/annotate/events/verb-patterns.ts';
import { annotateTime } from '../src/pipeline/annotate/time/annotate-time.ts';
import { metricSummaryLine } from './lib/metric-summary.ts';

interface Args {
  file: string;
  verdicts: string;
  print: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: '', verdicts: 'eval/data/events-pile-verdicts.tsv', print: 0, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    if (a === '--json') args.json = true;
    else if (a === '--print') args.print = Number(argv[++i] ?? '0');
    else if (a === '--verdicts') args.verdicts = argv[++i] ?? '';
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.file = a;
  }
  if (!args.file)
    throw new Error('usage: eval:events-pile -- <pile.jsonl> [--verdicts tsv] [--print N] [--json]');
  return args;
}

/** A judged event: its key, then y/n for category, actor and target ('-' when not judged). */
interface Verdict {
  category: string;
  actor: string;
  target: string;
}

function readVerdicts(path: string): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [key = '', category = '', actor = '-', target = '-'] = line.split('\t');
    out.set(key, { category, actor, target });
  }
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const lines = readFileSync(args.file, 'utf8').split('\n').filter(Boolean);
  const verdicts = readVerdicts(args.verdicts);
  const found: { key: string; order: string; event: EventRecord; line: number }[] = [];
  let msOff = 0;
  let msOn = 0;
  let sentencesOff = 0;
  for (let line = 0; line < lines.length; line += 10) {
    const article = JSON.parse(lines[line] ?? '{}') as { text: string; publishedAt?: string };
    const id = `pile-${line}`;
    const documentDate = article.publishedAt?.slice(0, 10);
    const entities: EntityMention[] = annotateEntities(id, article.text);
    const times = annotateTime(article.text, documentDate ? { documentDate } : {});
    const base = { entities, times, ...(documentDate ? { documentDate } : {}) };
    let t = process.cpuUsage();
    const off = annotateEvents(id, article.text, { ...base, verbs: null });
    msOff += process.cpuUsage(t).user / 1000;
    t = process.cpuUsage();
    const on = annotateEvents(id, article.text, { ...base, verbs: CAMEO_VERBS, news: true });
    msOn += process.cpuUsage(t).user / 1000;
    sentencesOff += off.length;
    for (const event of on) {
      const trigger = event.mentions[0]?.trigger;
      // A denied act is not claimed (as eval:events, which does not count denied events).
      if (!event.cameo || !trigger || event.modality === 'denied') continue;
      const key = `${id}:${trigger.start}:${event.category}`;
      found.push({ key, order: stableId('events-pile', key), event, line });
    }
  }
  found.sort((a, b) => (a.order < b.order ? -1 : 1));
  let judged = 0;
  let catOk = 0;
  let actorOk = 0;
  let actorN = 0;
  let targetOk = 0;
  let targetN = 0;
  const perCat = new Map<string, [number, number]>();
  let printed = 0;
  for (const f of found) {
    const v = verdicts.get(f.key);
    if (!v) {
      if (printed < args.print) {
        printed += 1;
        const e = f.event;
        const m = e.mentions[0];
        console.log(
          `${f.key}\t${e.category}/${e.cameo} [${m?.trigger?.text}] ${e.actor?.text ?? '∅'} -> ${e.target?.text ?? '∅'} (${e.modality})\n    ${m?.text.replace(/\s+/g, ' ').slice(0, 400)}`,
        );
      }
      continue;
    }
    judged += 1;
    const c = perCat.get(f.event.category ?? '') ?? [0, 0];
    c[1] += 1;
    if (v.category === 'y') {
      catOk += 1;
      c[0] += 1;
      if (v.actor !== '-') {
        actorN += 1;
        if (v.actor === 'y') actorOk += 1;
      }
      if (v.target !== '-') {
        targetN += 1;
        if (v.target === 'y') targetOk += 1;
      }
    }
    perCat.set(f.event.category ?? '', c);
  }
  const metrics = {
    'events.found': found.length,
    'events.judged': judged,
    'category.precision': ratio(catOk, judged),
    'source.precision': ratio(actorOk, actorN),
    'target.precision': ratio(targetOk, targetN),
    'ms.off': msOff,
    'ms.on': msOn,
  };
  console.log(
    `pile-dev, every 10th article (${Math.ceil(lines.length / 10)}): ${found.length} verb-pattern events (${sentencesOff} ontology events without patterns)`,
  );
  console.log(
    `judged ${judged}: category precision ${catOk}/${judged} = ${metrics['category.precision'].toFixed(3)}; source ${actorOk}/${actorN}; target ${targetOk}/${targetN}`,
  );
  for (const [c, [ok, n]] of [...perCat].sort((a, b) => b[1][1] - a[1][1]))
    console.log(`  ${c.padEnd(10)} ${ok}/${n}`);
  console.log(`event stage CPU: ${msOff.toFixed(0)} ms without verb patterns, ${msOn.toFixed(0)} ms with`);
  if (args.json) console.log(metricSummaryLine('eval:events-pile', metrics));
}

main();
