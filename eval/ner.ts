/**
 * Score entity recognition against gold mentions (exact span match):
 *   npm run eval:ner -- <file.conll|dir>        CoNLL (IOB1 or BIO); our types mapped to PER/ORG/LOC/MISC
 *   npm run eval:ner -- test/fixtures/entities/seed-gold.json   the seeds' gold, in our types and in CoNLL terms
 * Options: --errors N prints up to N false positives and misses; --raw scores the seeds' raw files
 * instead of the plain-text extractor's clean text (the default); --json adds a last line with the
 * scores as fractions (CoNLL: `overall.f1`, `PER.f1`, …; seeds: `sitrep.<type>.f1`, `conll.<label>.f1`;
 * eval/lib/metric-summary.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { annotateEntities } from '../src/pipeline/annotate/entities/annotate-entities.ts';
import { type Metrics, metricSummaryLine, prfMetrics } from './lib/metric-summary.ts';
import { parseConll } from './lib/ner-conll.ts';
import {
  conllLabel,
  emptyScores,
  formatScores,
  type LabelledSpan,
  type NerScores,
  prf,
  scoreDocument,
} from './lib/ner-score.ts';
import { conllGoldLabel, goldSpans, loadSeedGold, seedCases, sitrepGoldLabel } from './lib/ner-seed.ts';

const args = process.argv.slice(2);
const target = args.find(
  (a, i) => !a.startsWith('--') && args[i - 1] !== '--without' && args[i - 1] !== '--errors',
);
const errorsIndex = args.indexOf('--errors');
const maxErrors = errorsIndex >= 0 ? Number(args[errorsIndex + 1] ?? '20') : 0;
const metrics: Metrics = {};
/** `--without tagger,gazetteer` switches recognisers off to measure what each adds. */
const withoutIndex = args.indexOf('--without');
const without = new Set(withoutIndex >= 0 ? (args[withoutIndex + 1] ?? '').split(',') : []);
const recognizers = {
  tagger: !without.has('tagger'),
  gazetteer: !without.has('gazetteer'),
};
if (!target) {
  console.error('usage: npm run eval:ner -- <conll file or folder | seed-gold.json> [--errors N]');
  process.exit(2);
}

const errors: string[] = [];
function collectErrors(text: string, gold: LabelledSpan[], pred: LabelledSpan[]): void {
  if (errors.length >= maxErrors) return;
  const key = (s: LabelledSpan): string => `${s.start}:${s.end}:${s.label}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  const show = (s: LabelledSpan): string => `${JSON.stringify(text.slice(s.start, s.end))} ${s.label}`;
  for (const s of pred) if (!g.has(key(s))) errors.push(`FP ${show(s)}`);
  for (const s of gold) if (!p.has(key(s))) errors.push(`FN ${show(s)}`);
}

function report(title: string, scores: NerScores, extra = ''): void {
  console.log(`\n${title}${extra}\n${formatScores(scores)}`);
}

/** The rows of `formatScores` as summary metrics: `<prefix><label>.f1` for each label and `overall`. */
function addMetrics(prefix: string, scores: NerScores): void {
  for (const [label, counts] of scores.byLabel)
    Object.assign(metrics, prfMetrics(`${prefix}${label}`, prf(counts)));
  Object.assign(metrics, prfMetrics(`${prefix}overall`, prf(scores.overall)));
}

if (target.endsWith('.json')) {
  const gold = loadSeedGold(target);
  const ours = emptyScores();
  const conll = emptyScores();
  const textMode = args.includes('--raw') ? 'raw' : 'clean';
  const cases = seedCases(gold, textMode);
  for (const a of cases) {
    const text = a.text;
    const mentions = annotateEntities(a.article, text, recognizers);
    const predOurs = mentions.map((m) => ({
      start: m.start,
      end: m.end,
      label: m.via === 'demonym' ? 'demonym' : m.type,
    }));
    const goldOurs = goldSpans(a.mentions, sitrepGoldLabel);
    scoreDocument(goldOurs, predOurs, ours);
    scoreDocument(
      goldSpans(a.mentions, conllGoldLabel),
      mentions.map((m) => ({ start: m.start, end: m.end, label: conllLabel(m) })),
      conll,
    );
    collectErrors(text, goldOurs, predOurs);
  }
  report(
    'Seeds, Sitrep types (exact span)',
    ours,
    ` — ${cases.length} articles, ${cases.reduce((n, c) => n + c.mentions.length, 0)} gold mentions, ${textMode} text`,
  );
  report('Seeds, CoNLL labels (exact span)', conll);
  addMetrics('sitrep.', ours);
  addMetrics('conll.', conll);
} else {
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => !f.startsWith('.'))
        .map((f) => join(target, f))
    : [target];
  const scores = emptyScores();
  let docs = 0;
  let tokens = 0;
  const started = performance.now();
  for (const file of files) {
    for (const doc of parseConll(readFileSync(file, 'utf8'))) {
      docs += 1;
      tokens += doc.tokens;
      const pred = annotateEntities(`doc${docs}`, doc.text, recognizers).map((m) => ({
        start: m.start,
        end: m.end,
        label: conllLabel(m),
      }));
      scoreDocument(doc.gold, pred, scores);
      collectErrors(doc.text, doc.gold, pred);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  report(
    `CoNLL (exact span): ${docs} documents, ${tokens} tokens, ${Math.round(tokens / seconds)} tokens/s`,
    scores,
  );
  metrics['documents'] = docs;
  addMetrics('', scores);
}
if (errors.length > 0) console.log(`\n${errors.slice(0, maxErrors).join('\n')}`);
if (args.includes('--json')) console.log(metricSummaryLine('eval:ner', metrics));
