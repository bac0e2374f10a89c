/**
 * The time stage on real text (issue 12): what `articleFacts` runs per article — `annotateTime`
 * without a date, `inferPublicationDate` (given the stored date when there is one), then
 * `annotateTime` against the date found — over pile-dev's articles, one pass in a fresh process, in
 * CPU time (process.cpuUsage: the other work on a shared machine does not count).
 *   tsx bench/time-pile-bench.ts [pile.jsonl] [--articles N] [--runs 3] [--compare DIR]
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

interface Article {
  text: string;
  publishedAt?: string;
}

interface Result {
  timeMs: number;
  expressions: number;
  articles: number;
  /** SHA-1 of every expression and publication date found, in order: equal digests, equal outputs. */
  digest: string;
}

type Annotate = (text: string, options?: { documentDate?: string; articleId?: string }) => unknown[];
type Infer = (
  text: string,
  options?: { publishedAt?: string; timeExpressions?: unknown[] },
) => { value?: string } | undefined;

const cpuMs = (t: NodeJS.CpuUsage): number => (t.user + t.system) / 1000;

/** One pass of a checkout's stage over the articles (run in a child process). */
async function pass(root: string, articles: Article[]): Promise<Result> {
  const at = (p: string): Promise<Record<string, unknown>> => import(pathToFileURL(resolve(root, p)).href);
  const time = await at('src/pipeline/annotate/time/annotate-time.ts');
  const dating = await at('src/pipeline/annotate/time/infer-publication-date.ts');
  const annotateTime = time.annotateTime as Annotate;
  const infer = dating.inferPublicationDate as Infer;
  let timeMs = 0;
  let expressions = 0;
  const digest = createHash('sha1');
  for (let i = 0; i < articles.length; i++) {
    const { text, publishedAt } = articles[i]!;
    const articleId = `pile-${i}`;
    const t0 = cpuMs(process.cpuUsage());
    const bare = annotateTime(text, { articleId });
    const date = infer(text, { ...(publishedAt ? { publishedAt } : {}), timeExpressions: bare });
    const times = date?.value ? annotateTime(text, { articleId, documentDate: date.value }) : bare;
    timeMs += cpuMs(process.cpuUsage()) - t0;
    expressions += times.length;
    digest.update(JSON.stringify([bare, date, times]));
  }
  return { timeMs, expressions, articles: articles.length, digest: digest.digest('hex') };
}

function readArticles(pile: string, n: number): Article[] {
  return readFileSync(pile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, n)
    .map((l) => {
      const a = JSON.parse(l) as Article;
      return a.publishedAt ? { text: a.text, publishedAt: a.publishedAt } : { text: a.text };
    });
}

async function main(): Promise<void> {
  const pile = resolve(
    positionals[0] ?? resolve(import.meta.dirname, '../../shared/eval-data/pile-dev/pile.jsonl'),
  );
  const n = Number(values.articles);
  if (values.child) {
    console.log(JSON.stringify(await pass(values.child, readArticles(pile, n))));
    return;
  }
  const roots = checkouts(import.meta.dirname, values.compare);
  const best = alternatingRuns<Result>({
    script: import.meta.filename,
    roots,
    runs: Number(values.runs),
    args: (root) => [pile, '--articles', String(n), '--child', root],
    keep: (b, res) => (b === undefined ? res : { ...res, timeMs: Math.min(b.timeMs, res.timeMs) }),
  });
  roots.forEach((root, k) => {
    const b = best[k]!;
    console.log(
      `time (pile): ${root}: ${b.articles} articles, time stage ${b.timeMs.toFixed(0)} ms CPU ` +
        `(${((b.articles * 1000) / b.timeMs).toFixed(0)} articles/s), ${b.expressions} expressions ` +
        `(digest ${b.digest.slice(0, 12)}; best of ${values.runs})`,
    );
  });
  if (roots.length === 2) {
    console.log(`time (pile): CPU ratio compare / this ${(best[1]!.timeMs / best[0]!.timeMs).toFixed(3)}`);
    console.log(`time (pile): outputs ${best[0]!.digest === best[1]!.digest ? 'identical' : 'DIFFER'}`);
  }
}

await main();
