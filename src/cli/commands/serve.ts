import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Analysis } from '../../core/analysis.ts';
import { describeError, SitrepError } from '../../core/errors.ts';
import { type FleetWatch, watchFleet } from '../../engine/fleet-busy.ts';
import { isPostgresUrl, openStore } from '../../engine/open-store.ts';
import type { ServerJobs } from '../../engine/server-jobs.ts';
import { FOLLOW_EVERY_MS } from '../../server/follow-store.ts';
import { checkBinding, startServer } from '../../server/serve.ts';
import type { Store } from '../../store/store.ts';
import { type Io, wholeNumber } from '../output.ts';
import type { GlobalOptions } from './context.ts';

export interface ServeHooks {
  /**
   * Computes the analysis of the store on this thread (e.g. `analyzeStore`); used only when the store
   * cannot be opened by a worker thread (`--db :memory:`). Absent → /api/analysis answers 503.
   */
  analyze?: (store: Store) => Promise<Analysis>;
  /**
   * The analysis and uploads on worker threads (`serverJobsFor`); when it gives jobs for the store,
   * they are used instead of `analyze` and of uploads on the event loop.
   */
  jobs?: (db: string) => ServerJobs | undefined;
  /** Resolves when the server should stop; default: SIGINT or SIGTERM. */
  until?: () => Promise<void>;
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535.');
  return n;
}

const untilSignal = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export function registerServe(program: Command, io: Io, hooks: ServeHooks = {}): void {
  program
    .command('serve')
    .description('serve the REST API (/api, described at /api/openapi.json) and the web UI')
    .option('--port <n>', 'TCP port', port, 8080)
    .option('--host <address>', 'address to bind; anything but loopback needs --token', '127.0.0.1')
    .option('--token <secret>', 'bearer token required for POST /api/ingest (default $SITREP_TOKEN)')
    .option('--token-file <path>', 'read the bearer token from this file (first line)')
    .option(
      '--follow-ms <ms>',
      'how often to look for articles and analyses other processes stored (the CLI, a fleet); 0: never',
      wholeNumber,
      FOLLOW_EVERY_MS,
    )
    .action(
      async (
        flags: { port: number; host: string; token?: string; tokenFile?: string; followMs: number },
        command: Command,
      ) => {
        const token = readToken(flags, io);
        checkBinding(flags.host, token);
        const db = command.optsWithGlobals<GlobalOptions>().db;
        const store = await openStore({ db });
        // The worker threads open the store by its path after it exists (and is migrated) here.
        const jobs = hooks.jobs?.(db);
        // On PostgreSQL a fleet may be analysing the store: articles it adds are left to it.
        let fleet: FleetWatch | undefined;
        try {
          if (isPostgresUrl(db) && flags.followMs !== 0) fleet = await watchFleet(db);
          const analyze = hooks.analyze;
          const getAnalysis = jobs ? jobs.analyze : analyze ? () => analyze(store) : undefined;
          const server = await startServer({
            store,
            host: flags.host,
            port: flags.port,
            now: () => new Date(),
            followEveryMs: flags.followMs,
            ...(fleet ? { othersWillAnalyse: fleet.willAnalyse } : {}),
            ...(token !== undefined ? { token } : {}),
            ...(getAnalysis ? { getAnalysis } : {}),
            ...(jobs ? { ingest: (body: string) => jobs.ingest(body, {}) } : {}),
          });
          io.out(`sitrep: serving ${server.url} (API at ${server.url}api, Ctrl-C to stop)`);
          if (token !== undefined) io.out('sitrep: POST /api/ingest needs Authorization: Bearer <token>');
          if (!getAnalysis) io.out('sitrep: no analysis engine wired in; /api/analysis answers 503');
          await (hooks.until ?? untilSignal)();
          await server.close();
        } finally {
          await fleet?.close();
          await jobs?.close();
          await store.close();
        }
      },
    );
}

/**
 * The token from --token-file, --token or $SITREP_TOKEN, in that order. A token typed on the command
 * line is visible to every user of the machine (`ps`): it works, with a warning.
 */
export function readToken(flags: { token?: string; tokenFile?: string }, io: Io): string | undefined {
  if (flags.tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.tokenFile, 'utf8');
    } catch (error) {
      throw new SitrepError(
        'USAGE',
        `cannot read the token file ${flags.tokenFile}: ${describeError(error)}`,
      );
    }
    const token = text.split(/\r?\n/)[0]!.trim();
    if (token === '') throw new SitrepError('USAGE', `the token file ${flags.tokenFile} is empty`);
    return token;
  }
  if (flags.token !== undefined) {
    io.err(
      'sitrep: warning: a token given with --token is visible to other users of this machine (ps); prefer $SITREP_TOKEN or --token-file',
    );
    return flags.token;
  }
  return process.env['SITREP_TOKEN'] || undefined;
}
