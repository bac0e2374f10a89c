/**
 * The entity stage on real text (issue 12): `annotateEntities` over pile-dev's articles, one pass
 * in a fresh process (the caches of words start empty, as in `sitrep analyze`), in CPU time
 * (process.cpuUsage: the other work on a shared machine does not count). Segmentation is timed apart
 * (the stage is the first to segment an article; its memo then serves the later stages).
 *   tsx bench/entities-pile-bench.ts [pile.jsonl] [--articles N] [--runs 3] [--compare DIR]
 * `--compare DIR` also runs another checkout's stage (DIR/src/...; e.g. a worktree of main), the
 * processes alternating, and prints the ratio of the best runs (docs/decisions/0021).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { alternatingRuns, checkouts } from './lib/alternating-runs.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    articles: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    compare: { type: 'string' },
    child: { type: 'string' },
  },
});

interface Result {
  segmentMs: number;
  entitiesMs: number;
  mentions: number;
  articles: number;
  /** SHA-1 of every mention found, in order: equal digests, equal outputs. */
  digest: string;
}

const cpuMs = (t: NodeJS.CpuUsage): number => (t.user + t.system) / 1000;

/** One pass of a checkout's stage over the texts (run in a child process). */
async function pass(root: string, texts: string[]): Promise<Result> {
  const at = (p: string): Promise<Record<string, unknown>> => import(pathToFileURL(resolve(root, p)).href);
  const seg = (await at('src/pipeline/segment/segment.ts')).segment as (t: string) => unknown;
  const ents = (await at('src/pipeline/annotate/entities/annotate-entities.ts')).annotateEntities as (
    id: string,
    t: string,
  ) => unknown[];
  // Load the model, clusters and lexicon before timing (their load time is entities-bench.ts's).
  ents('warm', 'Warm up the Lexicon in Paris.');
  let segmentMs = 0;
  let entitiesMs = 0;
  let mentions = 0;
  const digest = createHash('sha1');
  // Batches of 32 texts segmented first (the segmentation memo holds 64), then annotated.
  for (let b = 0; b < texts.length; b += 32) {
    const batch = texts.slice(b, b + 32);
    const t0 = cpuMs(process.cpuUsage());
    for (const t of batch) seg(t);
    const t1 = cpuMs(process.cpuUsage());
    const found = batch.map((t, i) => ents(`pile-${b + i}`, t));
    const t2 = cpuMs(process.cpuUsage());
    for (const ms of found) {
      mentions += ms.length;
      digest.update(JSON.stringify(ms));
    }
    segmentMs += t1 - t0;
    entitiesMs += t2 - t1;
  }
  return { segmentMs, entitiesMs, mentions, articles: texts.length, digest: digest.digest('hex') };
}

function readTexts(pile: string, n: number): string[] {
  return readFileSync(pile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, n)
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

async function main(): Promise<void> {
  const pile = resolve(
    positionals[0] ?? resolve(import.meta.dirname, '../../shared/eval-data/pile-dev/pile.jsonl'),
  );
  const n = Number(values.articles);
  if (values.child) {
    console.log(JSON.stringify(await pass(values.child, readTexts(pile, n))));
    return;
  }
  const roots = checkouts(import.meta.dirname, values.compare);
  const best = alternatingRuns<Result>({
    script: import.meta.filename,
    roots,
    runs: Number(values.runs),
    args: (root) => [pile, '--articles', String(n), '--child', root],
    keep: (b, res) =>
      b === undefined
        ? res
        : {
            ...res,
            segmentMs: Math.min(b.segmentMs, res.segmentMs),
            entitiesMs: Math.min(b.entitiesMs, res.entitiesMs),
          },
  });
  roots.forEach((root, k) => {
    const b = best[k]!;
    console.log(
      `entities (pile): ${root}: ${b.articles} articles, entity stage ${b.entitiesMs.toFixed(0)} ms CPU ` +
        `(${((b.articles * 1000) / b.entitiesMs).toFixed(0)} articles/s), segmentation ${b.segmentMs.toFixed(0)} ms, ` +
        `${b.mentions} mentions (digest ${b.digest.slice(0, 12)}; best of ${values.runs})`,
    );
  });
  if (roots.length === 2)
    console.log(
      `entities (pile): CPU ratio compare / this ${(best[1]!.entitiesMs / best[0]!.entitiesMs).toFixed(3)}`,
    );
}

await main();
