import type { Command } from 'commander';
import { fleetStatus, formatFleetStatus, requirePostgres, withQueue } from '../../engine/fleet-status.ts';
import { type FeedPoll, watchFeeds } from '../../engine/fleet-watch.ts';
import { startSitrepWorker } from '../../engine/fleet-worker.ts';
import { formatStageTimes, type StageTimer } from '../../engine/stage-timer.ts';
import { EXIT, type Io, positiveInt, printJson } from '../output.ts';
import { type GlobalOptions, withStore } from './context.ts';

interface WorkerFlags {
  concurrency?: number;
  untilIdle?: boolean;
  idleMs?: number;
  analyzeDelayMs?: number;
  heartbeatMs?: number;
  staleMs?: number;
  timings?: boolean;
}

interface WatchFlags {
  every?: number;
  once?: boolean;
  allowPrivate?: boolean;
  timeout?: number;
  json?: boolean;
}

/** One poll as a line. */
export function formatPoll(p: FeedPoll): string {
  if (p.status === 'not-modified') return `${p.at} ${p.url}: not modified`;
  if (p.status === 'failed') return `${p.at} ${p.url}: failed: ${p.error?.message} [${p.error?.code}]`;
  const failed = p.failed > 0 ? `, ${p.failed} failed` : '';
  return `${p.at} ${p.url}: ${p.items} items, ${p.queued} queued, ${p.known} already stored${failed}`;
}

/** `sitrep worker`, `watch` and `status`: the fleet on PostgreSQL (docs/decisions/0090). */
export function registerWorker(program: Command, io: Io): void {
  program
    .command('worker')
    .description(
      'join the fleet: take ingest, analysis and analysis-chunk jobs from the PostgreSQL queue (--db postgres://…) until stopped',
    )
    .option('--concurrency <n>', 'jobs at once in this process', positiveInt, 1)
    .option('--until-idle', 'stop once no job is queued, running or waiting for a retry')
    .option('--idle-ms <ms>', 'with --until-idle: how long the queue must stay idle', positiveInt, 3000)
    .option(
      '--analyze-delay-ms <ms>',
      'wait this long after the last ingested article before analysing',
      positiveInt,
      2000,
    )
    .option('--heartbeat-ms <ms>', 'how often this worker says it is alive', positiveInt, 2000)
    .option(
      '--stale-ms <ms>',
      "a worker not heard from for this long is dead: its jobs go to others (keep it above any one step's time)",
      positiveInt,
      15000,
    )
    .option(
      '--timings',
      "after each analysis this worker runs, print each stage's and store step's seconds to stderr (chunks other workers ran add their time)",
    )
    .action(async (flags: WorkerFlags, command: Command) => {
      const { db } = command.optsWithGlobals<GlobalOptions>();
      requirePostgres(db, '`sitrep worker`');
      const timer: StageTimer | undefined = flags.timings ? new Map() : undefined;
      const worker = await startSitrepWorker({
        db,
        ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
        ...(flags.analyzeDelayMs ? { analyzeDelayMs: flags.analyzeDelayMs } : {}),
        liveness: { beatMs: flags.heartbeatMs ?? 2000, staleMs: flags.staleMs ?? 15000 },
        onAnalysisStart: () => io.err('analysing the store…'),
        onAnalysis: (a) => {
          io.err(`analysed ${a.articles.length} articles: ${a.stories.length} stories`);
          if (!timer) return;
          io.err(`analysis steps (s): ${formatStageTimes(timer)}`);
          timer.clear();
        },
        ...(timer ? { timer } : {}),
      });
      io.err(`worker ${worker.id} started`);
      let stopped: Promise<void> | undefined;
      const stop = () => {
        stopped ??= worker.stop();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let watching: NodeJS.Timeout | undefined;
      if (flags.untilIdle) {
        let idleSince: number | undefined;
        watching = setInterval(() => {
          void fleetStatus(worker.store, worker.queue)
            .then((s) => {
              if (!s.idle) {
                idleSince = undefined;
                return;
              }
              idleSince ??= Date.now();
              if (idleSince + (flags.idleMs ?? 3000) <= Date.now()) stop();
            })
            .catch(() => undefined);
        }, 250);
      }
      try {
        await worker.promise;
      } finally {
        if (watching) clearInterval(watching);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        stop();
        await stopped;
      }
      io.err(`worker ${worker.id} stopped`);
    });

  program
    .command('watch')
    .description(
      'poll RSS/Atom feeds on a schedule (conditional GET: ETag, Last-Modified) and queue their new items for the workers',
    )
    .argument('<feed-urls...>', 'http(s) URLs of feeds')
    .option('--every <seconds>', 'time between two rounds of polls', positiveInt, 300)
    .option('--once', 'poll each feed once, then stop')
    .option('--allow-private', 'allow fetching from loopback, private and link-local addresses')
    .option('--timeout <ms>', 'per-request time limit in milliseconds', positiveInt, 15000)
    .option('--json', 'print each poll as a JSON line')
    .action(async (urls: string[], flags: WatchFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      requirePostgres(globals.db, '`sitrep watch`');
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let failed = 0;
      try {
        await withStore(globals, {}, (store) =>
          withQueue(globals.db, (queue) =>
            watchFeeds(store, queue, urls, {
              now: () => new Date(),
              everyMs: (flags.every ?? 300) * 1000,
              once: flags.once ?? false,
              signal: stop.signal,
              allowPrivate: flags.allowPrivate ?? false,
              ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
              onPoll: (poll) => {
                if (poll.status === 'failed' || poll.failed > 0) failed += 1;
                io.out(flags.json ? JSON.stringify(poll) : formatPoll(poll));
              },
            }),
          ),
        );
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      if (failed > 0) process.exitCode = EXIT.failure;
    });

  program
    .command('status')
    .description('the fleet: workers, queue depth per job kind, rates, failures, the stored analysis')
    .option('--json', 'print the status as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      requirePostgres(globals.db, '`sitrep status`');
      const status = await withStore(globals, { mustExist: true }, (store) =>
        withQueue(globals.db, (queue) => fleetStatus(store, queue)),
      );
      if (flags.json) printJson(io, status);
      else io.out(formatFleetStatus(status));
    });
}
