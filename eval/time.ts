/**
 * Score the time annotator against TIMEX3 gold:
 *   npm run eval:time -- <file-or-dir ...> [--errors N] [--json]
 * Reads TimeML .tml files (TimeBank, AQUAINT, TempEval-3; the DCT is the CREATION_TIME TIMEX3) and
 * seed gold .json files (test/fixtures/time/). Prints extent P/R/F1 (strict and relaxed), value F1
 * (relaxed matches with the same value, TempEval-3 style), and value/type accuracy on relaxed matches.
 * `--json` adds a last line with them as fractions (`strict.f1`, `relaxed.f1`, `value.f1`,
 * `value_accuracy`, `type_accuracy`, …; eval/lib/metric-summary.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { annotateTime } from '../src/pipeline/annotate/time/annotate-time.ts';
import { type Metrics, metricSummaryLine } from './lib/metric-summary.ts';
import {
  addCounts,
  type Counts,
  emptyCounts,
  type Prf,
  scoreDocument,
  summarize,
} from './lib/time-metric.ts';
import { loadSeedGold } from './lib/time-seed.ts';
import { type GoldTimeDocument, parseTml } from './lib/time-tml.ts';

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function load(path: string): GoldTimeDocument[] {
  if (path.endsWith('.tml')) return [parseTml(basename(path), readFileSync(path, 'utf8'))];
  if (path.endsWith('.json')) {
    const { docs, missing } = loadSeedGold(path);
    for (const m of missing) console.error(`gold quote not found: ${m}`);
    return docs;
  }
  return [];
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const row = (name: string, m: Prf) => `${name.padEnd(16)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f1)}`;

function main(argv: string[]): void {
  const paths = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--errors');
  const errorsAt = argv.indexOf('--errors');
  const showErrors = errorsAt >= 0 ? Number(argv[errorsAt + 1] ?? '20') : 0;
  if (paths.length === 0) {
    console.error('usage: npm run eval:time -- <file-or-dir ...> [--errors N]');
    process.exit(2);
  }
  const docs = paths.flatMap((p) => filesUnder(p).flatMap(load));
  let total: Counts = emptyCounts();
  const errors: string[] = [];
  const started = performance.now();
  for (const doc of docs) {
    const system = annotateTime(doc.text, doc.dct ? { documentDate: doc.dct } : {});
    total = addCounts(total, scoreDocument(doc.timexes, system));
    if (showErrors && errors.length < showErrors) {
      for (const g of doc.timexes) {
        const s = system.find((x) => x.start < g.end && g.start < x.end);
        if (!s) errors.push(`MISS  ${doc.id}  "${g.text}" ${g.value}`);
        else if (s.value !== g.value)
          errors.push(`VALUE ${doc.id}  "${g.text}" ${g.value} ≠ "${s.text}" ${s.value}`);
      }
      for (const s of system) {
        if (!doc.timexes.some((g) => s.start < g.end && g.start < s.end))
          errors.push(`EXTRA ${doc.id}  "${s.text}" ${s.value}`);
      }
    }
  }
  const ms = performance.now() - started;
  const s = summarize(total);
  console.log(
    `documents ${docs.length}, gold TIMEX3 ${total.gold}, system ${total.system}, ${ms.toFixed(0)} ms`,
  );
  console.log(row('extent strict', s.strict));
  console.log(row('extent relaxed', s.relaxed));
  console.log(row('value', s.value));
  console.log(
    `value accuracy (on relaxed matches) ${pct(s.valueAccuracy)}   type accuracy ${pct(s.typeAccuracy)}`,
  );
  console.log('reference: HeidelTime, TempEval-3 test: value F1 77.6 (relaxed extent F1 90.3, strict 81.3)');
  for (const e of errors.slice(0, showErrors)) console.log(e);
  if (argv.includes('--json')) {
    const metrics: Metrics = {
      documents: docs.length,
      value_accuracy: s.valueAccuracy,
      type_accuracy: s.typeAccuracy,
    };
    for (const name of ['strict', 'relaxed', 'value'] as const) {
      const m = s[name];
      Object.assign(metrics, { [`${name}.precision`]: m.p, [`${name}.recall`]: m.r, [`${name}.f1`]: m.f1 });
    }
    console.log(metricSummaryLine('eval:time', metrics));
  }
}

main(process.argv.slice(2));
