/**
 * The fleet on PostgreSQL (issue 17, docs/decisions/0090), on real text:
 *   tsx bench/workers-bench.ts throughput <pile.jsonl> [--workers 1,2]
 *     `sitrep ingest --queue` of the pile into a fresh database, then N `sitrep worker` processes until
 *     the pile is stored and analysed: articles/s end to end for each N and the ratio to one worker;
 *     the mean time of each job kind; the queue's own cost per job (no-op jobs); and the stories and
 *     pile brief compared with the SQLite path's for the same articles; and what two processes give
 *     against one on this machine for the per-article stages (bench/machine-capacity.ts), the
 *     ceiling of that ratio here.
 *   tsx bench/workers-bench.ts chaos <pile.jsonl> [--kills 20] [--workers 2]
 *     The same run with workers killed (SIGKILL) at random moments and replaced: in the end every
 *     article is stored once with the content the SQLite path gives it, no job or chunk is left, and
 *     `sitrep status` counts the live workers.
 * Needs PostgreSQL at $SITREP_BENCH_POSTGRES (default postgresql://127.0.0.1:5432/test), which may
 * create databases.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Analysis } from '../src/core/analysis.ts';
import { analyzeStore } from '../src/engine/analysis.ts';
import { fleetStatus } from '../src/engine/fleet-status.ts';
import { ingest } from '../src/engine/ingest.ts';
import { openStore } from '../src/engine/open-store.ts';
import { renderBrief } from '../src/pipeline/report/render-brief.ts';
import { startFleetWorker } from '../src/queue/fleet-worker-runtime.ts';
import { PgQueue } from '../src/queue/pg-queue.ts';
import { poolConfig, quoteIdent } from '../src/store/postgres/pg-client.ts';
import type { Store } from '../src/store/store.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string', default: '1,2' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
  },
});
const [mode, pile] = positionals;
const adminUrl = process.env['SITREP_BENCH_POSTGRES'] ?? 'postgresql://127.0.0.1:5432/test';
const cli = resolve(import.meta.dirname, '../src/cli/run.ts');
const now = () => new Date();

async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Pool(poolConfig(adminUrl, { max: 1 }) as pg.PoolConfig);
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function sitrep(url: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', cli, '--db', url, ...args], { stdio: 'ignore' });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );

async function enqueue(url: string, file: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--db', url, 'ingest', '--queue', file], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await exited(child);
  if (child.exitCode !== 0) throw new Error(`ingest --queue exited with ${child.exitCode}`);
}

/** Poll until the store holds an analysis of `articles` articles and the queue is idle. */
async function untilAnalysed(
  store: Store,
  queue: PgQueue,
  articles: number,
  onTick?: () => void,
): Promise<void> {
  for (;;) {
    const s = await fleetStatus(store, queue);
    if (s.idle && s.analysis?.articles === articles && s.articles === articles) return;
    onTick?.();
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function meanJobTimes(queue: PgQueue): Promise<string> {
  const { rows } = await queue.pool.query<{ task: string; n: string; ms: number; total: number }>(
    `SELECT task, count(*) AS n, avg(ms)::float8 AS ms, sum(ms)::float8 AS total FROM sitrep_fleet.job_log
      WHERE ok GROUP BY task ORDER BY task`,
  );
  return rows
    .map((r) => `${r.task} ${r.n} × ${r.ms.toFixed(0)} ms (${(r.total / 1000).toFixed(1)} s)`)
    .join(', ');
}

/** The pile through N workers: seconds from the first queued item to the stored analysis. */
async function fleetRun(
  file: string,
  workers: number,
  expected: number,
): Promise<{ seconds: number; url: string }> {
  const url = await freshDatabase(`sitrep_bench_workers_${workers}`);
  const store = await openStore({ db: url });
  const queue = await PgQueue.open(url, poolConfig(url, { max: 3 }));
  const started = performance.now();
  const children = Array.from({ length: workers }, () =>
    sitrep(url, ['worker', '--analyze-delay-ms', '500']),
  );
  await enqueue(url, file);
  await untilAnalysed(store, queue, expected);
  const seconds = (performance.now() - started) / 1000;
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map(exited));
  console.log(
    `  ${workers} worker(s): ${expected} articles stored and analysed in ${seconds.toFixed(1)} s = ${(expected / seconds).toFixed(1)} articles/s`,
  );
  console.log(`    jobs: ${await meanJobTimes(queue)}`);
  await queue.close();
  await store.close();
  return { seconds, url };
}

/** The queue's own cost: no-op jobs through one in-process worker. */
async function queueOverhead(): Promise<void> {
  const url = await freshDatabase('sitrep_bench_queue');
  const queue = await PgQueue.open(url, poolConfig(url));
  let done = 0;
  const n = 2000;
  const worker = await startFleetWorker({
    queue,
    pollMs: 200,
    tasks: {
      noop: async () => {
        done += 1;
      },
    },
  });
  const started = performance.now();
  await queue.addMany(Array.from({ length: n }, (_, i) => ({ task: 'noop', payload: { i } })));
  while (done < n) await new Promise((r) => setTimeout(r, 20));
  const ms = performance.now() - started;
  await worker.stop();
  await queue.close();
  console.log(
    `  queue overhead: ${n} no-op jobs in ${(ms / 1000).toFixed(2)} s = ${(ms / n).toFixed(2)} ms per job (added, taken, logged, completed)`,
  );
}

/** JSON with sorted keys (jsonb does not keep key order). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

async function sqlitePath(file: string): Promise<{ analysis: Analysis; hashes: Map<string, string> }> {
  const store = await openStore({ db: ':memory:' });
  await ingest(store, [file], { now, maxStreamBytes: 2 ** 31 - 1 });
  const analysis = await analyzeStore(store, { now });
  const hashes = new Map((await store.allArticles()).map((a) => [a.id, a.contentSha256]));
  await store.close();
  return { analysis, hashes };
}

async function compareWithSqlite(url: string, file: string): Promise<void> {
  const store = await openStore({ db: url });
  const fleet = await analyzeStore(store, { now });
  await store.close();
  const { analysis } = await sqlitePath(file);
  const same = (a: unknown, b: unknown) => (canonical(a) === canonical(b) ? 'equal' : 'DIFFERENT');
  const brief = (a: Analysis) =>
    renderBrief(a, { format: 'md', pile: true, top: 0 }).replace(/^.*generated.*$/gim, '');
  console.log(
    `  against the SQLite path (same articles, one process): stories ${same(fleet.stories, analysis.stories)} (${fleet.stories.length}), ` +
      `claims ${same(fleet.claims, analysis.claims)}, entities ${same(fleet.entities, analysis.entities)}, pile brief ${brief(fleet) === brief(analysis) ? 'equal' : 'DIFFERENT'}`,
  );
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function chaos(file: string, expected: number): Promise<void> {
  const workers = Number(values.workers?.split(',').at(-1) ?? '2');
  const kills = Number(values.kills);
  const random = lcg(Number(values.seed));
  const url = await freshDatabase('sitrep_bench_chaos');
  const store = await openStore({ db: url });
  const queue = await PgQueue.open(url, poolConfig(url, { max: 3 }));
  const args = ['worker', '--analyze-delay-ms', '500', '--heartbeat-ms', '500', '--stale-ms', '4000'];
  const live = Array.from({ length: workers }, () => sitrep(url, args));
  const started = performance.now();
  await enqueue(url, file);
  // Kills at random moments: one every 1-6 s while the run lasts, each worker replaced at once.
  let killed = 0;
  let nextKill = performance.now() + 1000 + random() * 5000;
  await untilAnalysed(store, queue, expected, () => {
    if (killed >= kills || performance.now() < nextKill) return;
    const k = Math.floor(random() * live.length);
    live[k]!.kill('SIGKILL');
    live[k] = sitrep(url, args);
    killed += 1;
    nextKill = performance.now() + 1000 + random() * 5000;
  });
  const seconds = (performance.now() - started) / 1000;
  // Let the killed workers' heartbeats go stale, so that status counts only the live ones.
  await new Promise((r) => setTimeout(r, 5000));
  const status = await fleetStatus(store, queue);
  const stored = new Map((await store.allArticles()).map((a) => [a.id, a.contentSha256]));
  const chunks = await queue.pool.query<{ n: string }>('SELECT count(*) AS n FROM sitrep_fleet.chunks');
  for (const c of live) c.kill('SIGTERM');
  await Promise.all(live.map(exited));
  await queue.close();
  await store.close();
  const { hashes } = await sqlitePath(file);
  const sameContent = [...hashes].every(([id, h]) => stored.get(id) === h) && stored.size === hashes.size;
  console.log(
    `  chaos: ${killed} workers killed (SIGKILL) and replaced during a ${seconds.toFixed(1)} s run; ` +
      `${stored.size} articles stored (expected ${expected}), content hashes ${sameContent ? 'equal to' : 'DIFFERENT from'} the SQLite path's; ` +
      `queue ${status.idle ? 'idle' : 'NOT idle'} (${status.failedTotal} failed for good, ${chunks.rows[0]!.n} chunks left); ` +
      `status: ${status.workers.filter((w) => w.alive).length} workers alive (running: ${live.length}); analysis of ${status.analysis?.articles ?? 0} articles`,
  );
}

/** The ceiling the machine sets on the ratio above (bench/machine-capacity.ts). */
async function machineCapacity(file: string): Promise<void> {
  const script = resolve(import.meta.dirname, 'machine-capacity.ts');
  const child = spawn(process.execPath, [...process.execArgv, script, file], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await exited(child);
}

const countItems = async (file: string) => {
  const { readFileSync } = await import('node:fs');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '').length;
};

if (!pile || (mode !== 'throughput' && mode !== 'chaos')) {
  console.error(
    'usage: tsx bench/workers-bench.ts throughput|chaos <pile.jsonl> [--workers 1,2] [--kills 20]',
  );
  process.exit(2);
}
const expected = await countItems(pile);
console.log(`workers: ${expected} articles from ${pile}, PostgreSQL at ${adminUrl}`);
if (mode === 'throughput') {
  const counts = (values.workers ?? '1,2').split(',').map(Number);
  // First, while the database is quiet (after the fleet runs it vacuums what they wrote).
  await machineCapacity(pile);
  const runs: { workers: number; seconds: number; url: string }[] = [];
  for (const n of counts) runs.push({ workers: n, ...(await fleetRun(pile, n, expected)) });
  const one = runs.find((r) => r.workers === 1);
  for (const r of runs.filter((r) => r.workers > 1 && one)) {
    console.log(
      `  ${r.workers} workers: ${(one!.seconds / r.seconds).toFixed(2)}x one worker (target >= 1.7x with 2)`,
    );
  }
  await queueOverhead();
  await compareWithSqlite(runs.at(-1)!.url, pile);
} else {
  await chaos(pile, expected);
}
