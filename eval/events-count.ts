/**
 * What the events' news setting (CAMEO.2.0 verb patterns with the news rules, the pipeline's setting
 * since annotate-events@6; docs/decisions/0030-events.md) does to a pile's events and timeline:
 *   npx tsx eval/events-count.ts <pile.jsonl | dir> [--json]
 * Ingests the pile into a fresh SQLite store (the CLI's ingest path) and analyzes it twice
 * (`analyzeStore`, `fresh`), once with the annotator as the pipeline runs it and once with the
 * ontology's types alone (`verbs: null`), both through the `stages` option, so both run on this
 * thread. Prints, for each: event mentions, merged events (per story, as the pipeline merges them),
 * events a verb pattern typed, timeline entries, and the merged events by PLOVER category and by
 * modality. Photo captions' events (src/engine/caption-events.ts) are not replaced: they follow the
 * pipeline's setting in both runs (JSON-lines piles have none).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '../src/core/analysis.ts';
import { analyzeStore } from '../src/engine/analysis.ts';
import type { ArticleStages } from '../src/engine/article-phase.ts';
import { ingest } from '../src/engine/ingest.ts';
import { openStore } from '../src/engine/open-store.ts';
import { annotateEvents } from '../src/pipeline/annotate/events/annotate-events.ts';
import { metricSummaryLine } from './lib/metric-summary.ts';

const args = process.argv.slice(2);
const pile = args.find((a) => !a.startsWith('--'));
if (!pile) {
  console.error('usage: npx tsx eval/events-count.ts <pile.jsonl | dir> [--json]');
  process.exit(2);
}

const SETTINGS: Record<string, Partial<ArticleStages>> = {
  news: { 'annotate-events': (id, text, options) => annotateEvents(id, text, options) },
  ontology: {
    'annotate-events': (id, text, options) => annotateEvents(id, text, { ...options, verbs: null }),
  },
};

interface Counts {
  mentions: number;
  events: number;
  verbEvents: number;
  timeline: number;
  seconds: number;
  byCategory: Record<string, number>;
  byModality: Record<string, number>;
}

function count(analysis: Analysis, seconds: number): Counts {
  const tally = (keys: string[]) => {
    const out: Record<string, number> = {};
    for (const k of keys.sort()) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  return {
    mentions: analysis.events.reduce((n, e) => n + e.mentions.length, 0),
    events: analysis.events.length,
    verbEvents: analysis.events.filter((e) => e.cameo !== undefined).length,
    timeline: analysis.timeline.length,
    seconds,
    byCategory: tally(analysis.events.map((e) => e.category ?? '-')),
    byModality: tally(analysis.events.map((e) => e.modality)),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-events-count-'));
const results: Record<string, Counts> = {};
try {
  const store = await openStore({ db: join(dir, 'pile.db'), mustExist: false });
  try {
    const report = await ingest(store, [pile], { now: () => new Date() });
    console.log(`${pile}: ${report.counts.inserted} articles ingested`);
    for (const [name, stages] of Object.entries(SETTINGS)) {
      const started = performance.now();
      const analysis = await analyzeStore(store, { now: () => new Date(), stages, fresh: true });
      results[name] = count(analysis, (performance.now() - started) / 1000);
    }
  } finally {
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const fmt = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
for (const [name, c] of Object.entries(results)) {
  console.log(
    `${name === 'news' ? 'news setting (the pipeline)' : 'ontology types only'}: ${c.mentions} event mentions, ` +
      `${c.events} merged events (${c.verbEvents} typed by a verb pattern), ${c.timeline} timeline entries ` +
      `(analysis ${c.seconds.toFixed(1)} s on one thread)`,
  );
  console.log(`  by category: ${fmt(c.byCategory)}`);
  console.log(`  by modality: ${fmt(c.byModality)}`);
}
if (args.includes('--json')) {
  const metrics: Record<string, number> = {};
  for (const [name, c] of Object.entries(results)) {
    for (const k of ['mentions', 'events', 'verbEvents', 'timeline'] as const) metrics[`${name}.${k}`] = c[k];
  }
  console.log(metricSummaryLine('events-count', metrics));
}
