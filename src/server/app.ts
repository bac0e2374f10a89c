import { OpenAPIHono, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Analysis } from '../core/analysis.ts';
import type { IngestReport } from '../engine/ingest.ts';
import type { UploadOptions } from '../engine/ingest-upload.ts';
import { warmStoryScopes } from '../engine/story-scope.ts';
import type { Store } from '../store/store.ts';
import { AnalysisState } from './analysis-state.ts';
import { registerAnalysisRoutes } from './api-analysis.ts';
import { registerArticleRoutes } from './api-articles.ts';
import { requireHost, requireToken } from './auth.ts';
import { type Api, endpoint, validationProblem } from './endpoint.ts';
import { errorResponse, handleError } from './http-errors.ts';
import { sendJson } from './http-send.ts';
import { openApiDocumentOf } from './openapi.ts';
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
  /** Reads of /api need the token too (`sitrep serve` sets it when it listens off loopback). */
  readsNeedToken?: boolean;
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

/** `/api/stories/{id}` as a pattern matching `/api/stories/abc`. */
const pathPattern = (path: string) =>
  new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|:[^/]+/g, '[^/]+')}$`);

/** The analysis state the app serves from: the one given, else one over `getAnalysis`, else none. */
export function analysisStateOf(
  deps: Pick<AppDeps, 'analysis' | 'getAnalysis' | 'now'>,
): AnalysisState | undefined {
  if (deps.analysis) return deps.analysis;
  return deps.getAnalysis
    ? new AnalysisState(deps.getAnalysis, { now: deps.now, warm: warmStoryScopes })
    : undefined;
}

/** The HTTP edge over the engine: JSON under /api, the web UI at /. */
export function createApp(deps: AppDeps): Api {
  const app: Api = new OpenAPIHono({ defaultHook: validationProblem });
  const analysis = analysisStateOf(deps);
  app.onError((error, c) => {
    // Hono's JSON validator: a body that does not parse.
    if (error instanceof HTTPException && error.status === 400) {
      return errorResponse(
        c,
        400,
        'INPUT_MALFORMED',
        `the request body is not valid JSON (${error.message})`,
      );
    }
    return handleError(error, c);
  });
  app.notFound((c) => {
    // A path served under other methods: 405 with the methods it has (RFC 9110 15.5.6).
    const allowed = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && pathPattern(r.path).test(c.req.path))
        .map((r) => r.method.toUpperCase()),
    );
    if (allowed.size > 0) {
      if (allowed.has('GET')) allowed.add('HEAD');
      const allow = [...allowed].sort().join(', ');
      c.header('allow', allow);
      return errorResponse(
        c,
        405,
        'METHOD_NOT_ALLOWED',
        `${c.req.method} is not allowed on ${c.req.path}; use ${allow}`,
      );
    }
    return errorResponse(
      c,
      404,
      'NOT_FOUND',
      `no route ${c.req.method} ${c.req.path}; GET /api/openapi.json lists the routes`,
    );
  });
  app.use('*', requireHost(deps.allowedHosts ?? []));
  if (deps.readsNeedToken) app.use('/api/*', requireToken(deps.token));
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
  let document: unknown;
  endpoint(
    app,
    {
      method: 'get',
      path: '/api/openapi.json',
      tag: 'meta',
      summary: 'This OpenAPI 3.1 document',
      access: 'read',
      ok: {
        description: 'the document',
        content: { 'application/json': z.looseObject({}).openapi('OpenApiDocument') },
      },
      problems: { 403: 'the request is for a host this server does not serve (FORBIDDEN_HOST)' },
    },
    (c) => {
      document ??= openApiDocumentOf(app);
      return sendJson(c, document);
    },
  );
  registerWebRoutes(app, deps.webDir);
  return app;
}
