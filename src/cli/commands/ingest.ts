import type { Command } from 'commander';
import { enqueueIngest, type QueueReport } from '../../engine/fleet-ingest.ts';
import { requirePostgres, withQueue } from '../../engine/fleet-status.ts';
import {
  DEFAULT_EXTRACT_BUDGET_MS,
  type IngestOptions,
  type IngestReport,
  ingest,
} from '../../engine/ingest.ts';
import { EXIT, type Io, positiveInt, printJson } from '../output.ts';
import { createIngestProgress } from '../progress.ts';
import { type GlobalOptions, withStore } from './context.ts';

interface IngestFlags {
  include?: string[];
  exclude?: string[];
  allowPrivate?: boolean;
  timeout?: number;
  maxBytes?: number;
  maxStreamBytes?: number;
  maxRedirects?: number;
  extractBudgetMs?: number;
  userAgent?: string;
  json?: boolean;
  queue?: boolean;
}

/** The one-line summary, then one line per failure with its reason. */
export function formatIngestSummary(report: IngestReport): string {
  const c = report.counts;
  const duplicates = c.duplicate > 0 ? `, ${c.duplicate} duplicate` : '';
  const lines = [
    `ingested ${c.inserted + c.updated} (${c.inserted} new, ${c.updated} updated), ${c.unchanged} unchanged${duplicates}, ${c.failed} failed`,
  ];
  for (const item of report.items) {
    if (item.status === 'failed')
      lines.push(`  failed: ${item.where}: ${item.error?.message} [${item.error?.code}]`);
    else if (item.status === 'duplicate')
      lines.push(`  duplicate: ${item.where}: same identity as ${item.duplicateOf}; not stored`);
  }
  return lines.join('\n');
}

/** The reading and extraction options the flags give (shared by `ingest` and `ingest --queue`). */
function readOptions(flags: IngestFlags): IngestOptions {
  return {
    now: () => new Date(),
    ...(flags.include ? { include: flags.include } : {}),
    ...(flags.exclude ? { exclude: flags.exclude } : {}),
    allowPrivate: flags.allowPrivate ?? false,
    ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
    ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
    ...(flags.maxStreamBytes ? { maxStreamBytes: flags.maxStreamBytes } : {}),
    ...(flags.maxRedirects !== undefined ? { maxRedirects: flags.maxRedirects } : {}),
    ...(flags.userAgent ? { userAgent: flags.userAgent } : {}),
    ...(flags.extractBudgetMs ? { extractBudgetMs: flags.extractBudgetMs } : {}),
  };
}

/** `ingest --queue`'s summary: what was queued, then each item that was not. */
export function formatQueueSummary(report: QueueReport): string {
  const c = report.counts;
  const duplicates = c.duplicate > 0 ? `, ${c.duplicate} duplicate` : '';
  const lines = [`queued ${c.queued} for the workers${duplicates}, ${c.failed} failed`];
  for (const item of report.items) {
    if (item.status === 'failed')
      lines.push(`  failed: ${item.where}: ${item.error?.message} [${item.error?.code}]`);
    else lines.push(`  duplicate: ${item.where}: same identity as ${item.duplicateOf}; not queued`);
  }
  return lines.join('\n');
}

export function registerIngest(program: Command, io: Io): void {
  program
    .command('ingest')
    .description(
      'read files, folders, URLs, RSS/Atom feeds, JSON lines or stdin (-) and store their articles',
    )
    .argument('<inputs...>', 'paths, folders, http(s) URLs, or - for stdin')
    .option('--include <glob...>', 'in folders, only files matching these globs (e.g. "**/*.html")')
    .option('--exclude <glob...>', 'in folders, skip files matching these globs')
    .option('--allow-private', 'allow fetching from loopback, private and link-local addresses')
    .option('--timeout <ms>', 'per-URL time limit in milliseconds', positiveInt, 15000)
    .option(
      '--max-bytes <n>',
      'largest document accepted (a page, a text file, one JSON line or feed item), in bytes',
      positiveInt,
      10 * 1024 * 1024,
    )
    .option(
      '--max-stream-bytes <n>',
      'largest whole input accepted (a file, stdin or a download holding many items), in bytes',
      positiveInt,
      256 * 1024 * 1024,
    )
    .option('--max-redirects <n>', 'redirects followed per URL', (v) => (v === '0' ? 0 : positiveInt(v)), 5)
    .option(
      '--extract-budget-ms <ms>',
      'time one document may take to extract before it is refused as too large (EXTRACT_BUDGET)',
      positiveInt,
      DEFAULT_EXTRACT_BUDGET_MS,
    )
    .option('--user-agent <ua>', 'User-Agent sent with HTTP requests')
    .option('--json', 'print the per-item report as JSON')
    .option(
      '--queue',
      'with a PostgreSQL store: queue the items for `sitrep worker` processes instead of extracting them here',
    )
    .action(async (inputs: string[], flags: IngestFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (flags.queue) {
        requirePostgres(globals.db, '`sitrep ingest --queue`');
        const queued = await withStore(globals, {}, (store) =>
          withQueue(globals.db, (queue) => enqueueIngest(store, queue, inputs, readOptions(flags))),
        );
        if (flags.json) printJson(io, queued);
        else io.out(formatQueueSummary(queued));
        if (queued.counts.failed > 0) process.exitCode = EXIT.failure;
        return;
      }
      const report = await withStore(globals, {}, async (store) => {
        const progress = createIngestProgress(io, !flags.json);
        try {
          return await ingest(store, inputs, {
            ...readOptions(flags),
            onItem: (item, counts) => progress.update(item, counts),
          });
        } finally {
          progress.stop();
        }
      });
      if (flags.json) printJson(io, report);
      else io.out(formatIngestSummary(report));
      if (report.counts.failed > 0) process.exitCode = EXIT.failure;
    });
}
