/**
 * The events stage on real text (issue 20): `annotateEvents` over pile-dev's articles with the inputs
 * the pipeline's second phase gives it (article-phase.ts): the article's linked entity mentions (ids
 * local to the article), its time expressions and its publication date, in the news setting (the
 * default). The first phase (times, date, entities) and the linking across the articles run once, in
 * this process, with this checkout's stages, and are written to a scratch file; each child process
 * then times only the events stage of its checkout (each article segmented beforehand, untimed, as the
 * quotes and claims stages do before it in the pipeline), `--rounds` passes over the articles, in CPU time
 * (process.cpuUsage: the other work on a shared machine does not count): the best round, and the first
 * (the one a pipeline run pays: the code not yet optimised by the JIT, the lazy indexes not yet built).
 *   tsx bench/events-pile-bench.ts [pile.jsonl] [--articles N] [--runs 3] [--rounds 3] [--compare DIR]
 *     [--inputs FILE]
 * `--compare DIR` also runs another checkout's stage (DIR/src/...; e.g. a worktree of main), the
 * processes alternating, and prints the ratio of the best runs and whether the outputs (a digest of
 * every EventRecord's JSON, in order) are the same (docs/decisions/0021).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { EntityMention } from '../src/core/entity.ts';
import type { TimeExpression } from '../src/core/time.ts';
import { ARTICLE_STAGES, articleFacts, type PhaseArticle } from '../src/engine/article-phase.ts';
import { localizeLinked } from '../src/engine/local-entities.ts';
import { linkEntities } from '../src/pipeline/link/entities/link-entities.ts';
import { alternatingRuns, checkouts } from './lib/alternating-runs.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    articles: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    compare: { type: 'string' },
    child: { type: 'string' },
    inputs: { type: 'string' },
  },
});

/** What the second phase gives the events stage of one article. */
interface EventsInput {
  id: string;
  text: string;
  entities: EntityMention[];
  times: TimeExpression[];
  documentDate?: string;
}

interface Result {
  /** The first round's CPU time (the code not yet optimised, the indexes not yet built: as a pipeline run pays it). */
  firstMs: number;
  /** The best round's CPU time of the events stage over all the articles. */
  eventsMs: number;
  events: number;
  articles: number;
  /** SHA-1 of every article's EventRecords (JSON), in order: equal digests, equal outputs. */
  digest: string;
}

type Annotate = (
  id: string,
  text: string,
  options: { entities: EntityMention[]; times: TimeExpression[]; documentDate?: string },
) => unknown[];

const cpuMs = (t: NodeJS.CpuUsage): number => (t.user + t.system) / 1000;

/** The first phase and the linking, as the pipeline runs them (analyze-articles.ts), once. */
function prepare(pile: string, n: number): EventsInput[] {
  const articles: PhaseArticle[] = readFileSync(pile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, n)
    .map((l, i) => {
      const a = JSON.parse(l) as { text: string; publishedAt?: string };
      const out: PhaseArticle = { id: `pile-${i}`, text: a.text, bodyStart: 0, removed: [] };
      if (a.publishedAt) out.publishedAt = a.publishedAt;
      return out;
    });
  const facts = articles.map((a) => articleFacts(a, ARTICLE_STAGES));
  const linkedOf = new Map<string, EntityMention[]>();
  for (const entity of linkEntities(facts.flatMap((f) => f.mentions)))
    for (const m of entity.mentions) {
      if (m.in === 'raw') continue;
      const list = linkedOf.get(m.articleId) ?? [];
      list.push(m);
      linkedOf.set(m.articleId, list);
    }
  return articles.map((a, i) => {
    const text = (linkedOf.get(a.id) ?? []).sort((x, y) => x.start - y.start);
    const { local } = localizeLinked({ text, captions: [] });
    const f = facts[i]!;
    const input: EventsInput = { id: a.id, text: a.text, entities: local.text, times: f.times };
    if (f.publishedAt) input.documentDate = f.publishedAt;
    return input;
  });
}

/** `--rounds` passes of a checkout's events stage over the inputs (run in a child process). */
async function pass(root: string, inputs: EventsInput[], rounds: number): Promise<Result> {
  const at = (p: string): Promise<Record<string, unknown>> => import(pathToFileURL(resolve(root, p)).href);
  const annotate = (await at('src/pipeline/annotate/events/annotate-events.ts')).annotateEvents as Annotate;
  const seg = (await at('src/pipeline/segment/segment.ts')).segment as (t: string) => unknown;
  let best = Number.POSITIVE_INFINITY;
  let firstMs = 0;
  let digest = '';
  let events = 0;
  for (let r = 0; r < rounds; r++) {
    const found: unknown[][] = [];
    let ms = 0;
    // Batches of 32 articles segmented first, untimed (the segmentation memo holds 64): in the
    // pipeline the quotes and claims stages segment an article before its events stage reads it.
    for (let b = 0; b < inputs.length; b += 32) {
      const batch = inputs.slice(b, b + 32);
      for (const a of batch) seg(a.text);
      const t0 = cpuMs(process.cpuUsage());
      for (const a of batch)
        found.push(
          annotate(a.id, a.text, {
            entities: a.entities,
            times: a.times,
            ...(a.documentDate ? { documentDate: a.documentDate } : {}),
          }),
        );
      ms += cpuMs(process.cpuUsage()) - t0;
    }
    if (r === 0) firstMs = ms;
    best = Math.min(best, ms);
    const h = createHash('sha1');
    events = 0;
    for (const es of found) {
      events += es.length;
      h.update(JSON.stringify(es));
      h.update('\n');
    }
    const d = h.digest('hex');
    if (digest && d !== digest) throw new Error('the events stage gave different outputs in two rounds');
    digest = d;
  }
  return { firstMs, eventsMs: best, events, articles: inputs.length, digest };
}

async function main(): Promise<void> {
  const pile = resolve(
    positionals[0] ?? resolve(import.meta.dirname, '../../shared/eval-data/pile-dev/pile.jsonl'),
  );
  const n = Number(values.articles);
  const rounds = Number(values.rounds);
  if (values.child) {
    const inputs = JSON.parse(readFileSync(values.inputs ?? '', 'utf8')) as EventsInput[];
    console.log(JSON.stringify(await pass(values.child, inputs, rounds)));
    return;
  }
  // `--inputs FILE` keeps the first phase's outputs for later runs (made when FILE does not exist).
  const file = values.inputs ?? join(tmpdir(), `events-pile-bench-${process.pid}.json`);
  if (!values.inputs || !existsSync(file)) {
    const t0 = Date.now();
    writeFileSync(file, JSON.stringify(prepare(pile, n)));
    console.log(
      `events (pile): first phase and linking ${((Date.now() - t0) / 1000).toFixed(1)} s (not timed)`,
    );
  }
  const roots = checkouts(import.meta.dirname, values.compare);
  try {
    const best = alternatingRuns<Result>({
      script: import.meta.filename,
      roots,
      runs: Number(values.runs),
      args: (root) => [pile, '--rounds', String(rounds), '--inputs', file, '--child', root],
      keep: (b, res) =>
        b === undefined
          ? res
          : {
              ...res,
              firstMs: Math.min(b.firstMs, res.firstMs),
              eventsMs: Math.min(b.eventsMs, res.eventsMs),
            },
    });
    roots.forEach((root, k) => {
      const b = best[k]!;
      console.log(
        `events (pile): ${root}: ${b.articles} articles, events stage ${b.eventsMs.toFixed(0)} ms CPU ` +
          `(${((b.articles * 1000) / b.eventsMs).toFixed(0)} articles/s; first round ${b.firstMs.toFixed(0)} ms, ` +
          `${((b.articles * 1000) / b.firstMs).toFixed(0)} articles/s), ${b.events} events ` +
          `(digest ${b.digest.slice(0, 12)}; best of ${values.runs} runs × ${rounds} rounds)`,
      );
    });
    if (roots.length === 2) {
      console.log(
        `events (pile): CPU ratio compare / this ${(best[1]!.eventsMs / best[0]!.eventsMs).toFixed(3)} ` +
          `(first round ${(best[1]!.firstMs / best[0]!.firstMs).toFixed(3)})`,
      );
      console.log(`events (pile): outputs ${best[0]!.digest === best[1]!.digest ? 'identical' : 'DIFFER'}`);
    }
  } finally {
    if (!values.inputs) rmSync(file, { force: true });
  }
}

await main();
