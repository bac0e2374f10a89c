/**
 * What `sitrep status` shows of a fleet: its workers, the queue's depth per task, the rates of the
 * last minute, the failures, and the stored analysis (docs/decisions/0090).
 */
import { SitrepError } from '../core/errors.ts';
import {
  type FailedJob,
  PgQueue,
  type RecentRate,
  type TaskDepth,
  type WorkerRow,
} from '../queue/pg-queue.ts';
import { poolConfig } from '../store/postgres/pg-client.ts';
import type { Store } from '../store/store.ts';
import { isPostgresUrl } from './open-store.ts';

export interface FleetStatus {
  workers: WorkerRow[];
  queue: TaskDepth[];
  /** Jobs finished in the last minute, per task. */
  lastMinute: RecentRate[];
  failures: FailedJob[];
  failedTotal: number;
  articles: number;
  /** The stored analysis of the whole store, when there is one. */
  analysis?: { generatedAt: string; articles: number };
  /** True when no job is queued, running or waiting for a retry. */
  idle: boolean;
}

/** The fleet runs on PostgreSQL only: say so for anything else. */
export function requirePostgres(db: string, what: string): void {
  if (!isPostgresUrl(db)) {
    throw new SitrepError(
      'USAGE',
      `${what} needs a PostgreSQL store (the job queue lives in it): pass --db postgres://…; SQLite runs everything in one process (\`sitrep ingest\`, \`sitrep analyze\`)`,
    );
  }
}

/** Open the fleet's queue in the store's database, run the body, close it. */
export async function withQueue<T>(db: string, body: (queue: PgQueue) => Promise<T>): Promise<T> {
  requirePostgres(db, 'the job queue');
  const queue = await PgQueue.open(db, poolConfig(db, { max: 3 }));
  try {
    return await body(queue);
  } finally {
    await queue.close();
  }
}

export async function fleetStatus(store: Store, queue: PgQueue): Promise<FleetStatus> {
  const [workers, depth, lastMinute, failures, permanent, articles, manifest] = await Promise.all([
    queue.workers(),
    queue.depth(),
    queue.rates(60),
    queue.failures(20),
    queue.permanentFailures(),
    store.countArticles(),
    store.getDerived<{ generatedAt: string; articles: number }>('analysis', 'corpus'),
  ]);
  const status: FleetStatus = {
    workers,
    queue: depth,
    lastMinute,
    failures,
    failedTotal: permanent + depth.reduce((n, d) => n + d.failed, 0),
    articles,
    idle: depth.every((d) => d.queued + d.running + d.retrying === 0),
  };
  if (manifest)
    status.analysis = { generatedAt: manifest.value.generatedAt, articles: manifest.value.articles };
  return status;
}

/** The status as lines of text. */
export function formatFleetStatus(s: FleetStatus): string {
  const alive = s.workers.filter((w) => w.alive);
  const lines = [
    `workers: ${alive.length} alive${s.workers.length > alive.length ? `, ${s.workers.length - alive.length} not heard from` : ''}`,
  ];
  for (const w of s.workers) lines.push(`  ${w.id}  ${w.alive ? 'alive' : 'silent'}  since ${w.startedAt}`);
  lines.push(s.idle ? 'queue: idle' : 'queue:');
  for (const d of s.queue) {
    lines.push(
      `  ${d.task}: ${d.queued} queued, ${d.running} running, ${d.retrying} to retry, ${d.failed} failed`,
    );
  }
  if (s.lastMinute.length > 0) {
    lines.push('last minute:');
    for (const r of s.lastMinute) {
      lines.push(`  ${r.task}: ${r.ok} done, ${r.failed} failed, ${r.meanMs.toFixed(0)} ms each on average`);
    }
  }
  lines.push(`failed for good: ${s.failedTotal}`);
  for (const f of s.failures) lines.push(`  ${f.task}${f.key ? ` ${f.key}` : ''}: ${f.error.split('\n')[0]}`);
  lines.push(
    `articles stored: ${s.articles}; analysis: ${s.analysis ? `${s.analysis.articles} articles at ${s.analysis.generatedAt}` : 'none yet'}`,
  );
  return lines.join('\n');
}
