import { Hono } from 'hono';
import type { Analysis } from '../core/analysis.ts';
import type { IngestReport } from '../engine/ingest.ts';
import type { UploadOptions } from '../engine/ingest-upload.ts';
import type { Store } from '../store/store.ts';
import { AnalysisState } from './analysis-state.ts';
import { registerAnalysisRoutes } from './api-analysis.ts';
import { registerArticleRoutes } from './api-articles.ts';
import { requireHost } from './auth.ts';
import { errorResponse, handleError } from './http-errors.ts';
import { openApiDocument } from './openapi.ts';
import { registerWebRoutes } from './web-static.ts';

export interface AppDeps {
  store: Store;
  /**
   * Computes the analysis (off the event loop in `sitrep serve`: `ServerJobs.analyze`); absent → the
   * analysis routes answer 503. Kept until an ingest writes, then recomputed behind the reads.
   */
  getAnalysis?: () => Promise<Analysis>;
  /** The analysis state to serve from (default: one over `getAnalysis`); `startServer` warms it. */
  analysis?: AnalysisState;
  /** Runs `POST /api/ingest`'s body off the event loop (`ServerJobs.ingest`); default: on it. */
  ingest?: (body: string) => Promise<IngestReport>;
  /** When set, POST /api/ingest needs `Authorization: Bearer <token>`. */
  token?: string;
  now: () => Date;
  /** Largest request body accepted (default 5 MiB). */
  maxBodyBytes?: number;
  /** Host names requests may address (DNS-rebinding defence); default: any. */
  allowedHosts?: readonly string[];
  /** Fetch policy for posted URLs; private addresses are refused whatever it says. */
  fetch?: Omit<UploadOptions, 'now'>;
  /** Folder of the web UI (default: the repository's web/). */
  webDir?: string;
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The HTTP edge over the engine: JSON under /api, the web UI at /. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const analysis =
    deps.analysis ?? (deps.getAnalysis ? new AnalysisState(deps.getAnalysis, { now: deps.now }) : undefined);
  app.onError(handleError);
  app.notFound((c) =>
    errorResponse(
      c,
      404,
      'NOT_FOUND',
      `no route ${c.req.method} ${c.req.path}; GET /api/openapi.json lists the routes`,
    ),
  );
  app.use('*', requireHost(deps.allowedHosts ?? []));
  registerArticleRoutes(app, {
    store: deps.store,
    now: deps.now,
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onWrite: () => analysis?.refresh(),
    ...(analysis ? { analysisStatus: () => analysis.status() } : {}),
    ...(deps.ingest ? { ingest: deps.ingest } : {}),
    ...(deps.token !== undefined ? { token: deps.token } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  registerAnalysisRoutes(app, deps.store, analysis);
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  registerWebRoutes(app, deps.webDir);
  return app;
}
