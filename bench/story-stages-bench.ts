/**
 * The story stages on real text (issue 12): claim matching, independent origins, event merging,
 * source comparison and forecasts over every storyline of pile-dev, in CPU time.
 *   tsx bench/story-stages-bench.ts [pile.jsonl] [--runs 5] [--compare DIR] [--inputs FILE]
 * The pile is ingested into a temporary store and analysed once up to the story phase (the inputs of
 * the story stages are captured there and saved with v8.serialize, by default in the temp directory
 * under a name made of the pile's size and time and the non-story stage versions); each run then loads
 * them in a fresh process and calls `analyzeStory` (src/engine/story-phase.ts) on every storyline.
 * Stage times come from the engine's own timer with `performance.now` read as the process's CPU time.
 * The digest is the SHA-256 of the JSON of every story result: equal digests, equal outputs.
 * `--compare DIR` also runs another checkout's story stages (DIR/src/...; e.g. a worktree of main)
 * on the same inputs, the processes alternating, and prints the ratio of the best runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { alternatingRuns, checkouts } from './lib/alternating-runs.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    compare: { type: 'string' },
    inputs: { type: 'string' },
    child: { type: 'string' },
  },
});

const STAGES = ['match-claims', 'origins', 'events', 'compare-stories', 'forecasts'] as const;

interface Result {
  /** CPU ms per stage, and of the whole pass. */
  stages: Record<string, number>;
  totalMs: number;
  units: number;
  digest: string;
}

const cpuMs = (): number => {
  const t = process.cpuUsage();
  return (t.user + t.system) / 1000;
};

/** Ingest the pile into a temporary store and capture the story job of its analysis. */
async function capture(pile: string, file: string): Promise<void> {
  const { openStore } = await import('../src/engine/open-store.ts');
  const { ingest } = await import('../src/engine/ingest.ts');
  const { analyzeArticlesInParallel } = await import('../src/engine/analyze-articles.ts');
  const { ArticlePool } = await import('../src/engine/article-pool.ts');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-story-bench-'));
  const pool = new ArticlePool();
  try {
    const store = await openStore({ db: join(dir, 'pile.db'), mustExist: false });
    try {
      await ingest(store, [pile], { now: () => new Date(0) });
      const articles = await store.allArticles();
      let items: unknown;
      await analyzeArticlesInParallel(articles, { now: () => new Date(0) }, pool, (job) => {
        if (job.phase !== 'stories') return true;
        items = job.items;
        return false;
      });
      if (!items) throw new Error('no story job');
      writeFileSync(file, serialize(items));
    } finally {
      await store.close();
    }
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One pass of a checkout's story stages over the captured inputs (run in a child process). */
async function pass(root: string, file: string): Promise<Result> {
  const items = deserialize(readFileSync(file)) as { unit: unknown; members: unknown; links: unknown }[];
  const phase = await import(pathToFileURL(resolve(root, 'src/engine/story-phase.ts')).href);
  const analyzeStory = phase.analyzeStory as (u: unknown, m: unknown, l: unknown, t: unknown) => unknown;
  // The inputs are long-lived in the engine: collected (and promoted) before the stages run, so that
  // copying them does not land on whichever stage runs first. The stage timer reads CPU time here.
  (globalThis as { gc?: () => void }).gc?.();
  performance.now = cpuMs;
  const timer = new Map<string, number>();
  const started = cpuMs();
  const results = items.map((i) => analyzeStory(i.unit, i.members, i.links, timer));
  const totalMs = cpuMs() - started;
  const digest = createHash('sha256').update(JSON.stringify(results)).digest('hex');
  return { stages: Object.fromEntries(timer), totalMs, units: items.length, digest };
}

async function main(): Promise<void> {
  const pile = resolve(
    positionals[0] ?? resolve(import.meta.dirname, '../../shared/eval-data/pile-dev/pile.jsonl'),
  );
  if (values.child) {
    console.log(JSON.stringify(await pass(values.child, values.inputs ?? '')));
    return;
  }
  let inputs = values.inputs;
  if (!inputs) {
    const { versionsKey } = await import('../src/engine/stage-registry.ts');
    const stat = statSync(pile);
    const key = createHash('sha256')
      .update(JSON.stringify([pile, stat.size, stat.mtimeMs, versionsKey(['article', 'corpus'])]))
      .digest('hex')
      .slice(0, 16);
    inputs = join(tmpdir(), `sitrep-story-inputs-${key}.v8`);
  }
  if (!existsSync(inputs)) {
    const started = performance.now();
    await capture(pile, inputs);
    console.log(
      `stories: captured the story inputs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const roots = checkouts(import.meta.dirname, values.compare);
  const best = alternatingRuns<Result>({
    script: import.meta.filename,
    roots,
    runs: Number(values.runs),
    nodeArgs: ['--expose-gc'],
    args: (root) => [pile, '--inputs', inputs, '--child', root],
    keep: (b, res, root) => {
      if (b && b.digest !== res.digest) throw new Error(`${root}: digest changed between runs`);
      return b && b.totalMs <= res.totalMs ? b : res;
    },
  });
  roots.forEach((root, k) => {
    const b = best[k]!;
    const stages = STAGES.map((s) => `${s} ${(b.stages[s] ?? 0).toFixed(0)}`).join(', ');
    console.log(
      `stories: ${root}: ${b.units} storylines, ${b.totalMs.toFixed(0)} ms CPU (${stages}) ` +
        `digest ${b.digest.slice(0, 16)} (best of ${values.runs})`,
    );
  });
  if (roots.length === 2) {
    const [a, b] = [best[0]!, best[1]!];
    console.log(`stories: outputs ${a.digest === b.digest ? 'identical' : 'DIFFER'}`);
    const ratio = (s: string) => ((b.stages[s] ?? 0) / Math.max(1e-9, a.stages[s] ?? 0)).toFixed(2);
    console.log(
      `stories: CPU ratio compare / this ${(b.totalMs / a.totalMs).toFixed(3)} (${STAGES.map((s) => `${s} ${ratio(s)}`).join(', ')})`,
    );
  }
}

await main();
