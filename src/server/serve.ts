import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { SitrepError } from '../core/errors.ts';
import { type AppDeps, analysisStateOf, createApp } from './app.ts';
import { FOLLOW_EVERY_MS, followStore } from './follow-store.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export const MIN_TOKEN_LENGTH = 16;

/**
 * The binding rule: loopback needs no token; any other address needs a token (write access),
 * at least MIN_TOKEN_LENGTH characters long. Throws USAGE with what to do.
 */
export function checkBinding(host: string, token: string | undefined): void {
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new SitrepError(
      'USAGE',
      `the token is too short (${token.length} characters); use at least ${MIN_TOKEN_LENGTH}, e.g. \`openssl rand -hex 24\``,
    );
  }
  if (!isLoopbackHost(host) && token === undefined) {
    throw new SitrepError(
      'USAGE',
      `refusing to listen on ${host} without a token: anyone who can reach it could write to the store. ` +
        'Pass --token <secret> (or set SITREP_TOKEN), or bind to 127.0.0.1',
    );
  }
}

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Start the HTTP server (after checkBinding); resolves once it listens. The first analysis is started
 * at once, so that it is ready (or under way) when the first reader asks.
 */
export async function startServer(
  deps: AppDeps & {
    host: string;
    port: number;
    /** How often to look for other processes' changes to the store (follow-store.ts); 0: never. */
    followEveryMs?: number;
    /** Will others (a fleet) analyse the articles they add? Then the follower leaves them to it. */
    othersWillAnalyse?: () => Promise<boolean>;
  },
): Promise<RunningServer> {
  checkBinding(deps.host, deps.token);
  const { host, port, followEveryMs, othersWillAnalyse, ...given } = deps;
  const analysis = analysisStateOf(given);
  analysis?.refresh();
  // What other processes store (the CLI, a fleet) is served too: the store is looked at every few seconds.
  const follower =
    analysis && followEveryMs !== 0
      ? followStore(given.store, analysis, followEveryMs ?? FOLLOW_EVERY_MS, othersWillAnalyse)
      : undefined;
  const appDeps: AppDeps = { ...given, ...(analysis ? { analysis } : {}) };
  // Bound to loopback, only loopback names are served, with or without a token (DNS-rebinding
  // defence: a page on another name that resolves to 127.0.0.1 must not reach the API). Off loopback
  // (where a token is required) every API read needs the token too.
  const app = createApp(
    isLoopbackHost(host)
      ? { ...appDeps, allowedHosts: LOOPBACK_NAMES }
      : { ...appDeps, readsNeedToken: true },
  );
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}/`,
        close: () => {
          follower?.stop();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      follower?.stop();
      reject(
        new SitrepError('USAGE', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`, {
          cause: error,
        }),
      );
    });
  });
}
