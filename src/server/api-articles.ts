import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SitrepError } from '../core/errors.ts';
import { getArticleByIdOrPrefix } from '../engine/articles.ts';
import type { IngestReport } from '../engine/ingest.ts';
import { ingestUploadBody, type UploadOptions } from '../engine/ingest-upload.ts';
import type { Store } from '../store/store.ts';
import { requireToken } from './auth.ts';
import { errorResponse } from './http-errors.ts';
import { intParam, requiredParam } from './query-params.ts';

export interface ArticleRoutesDeps {
  store: Store;
  now: () => Date;
  token?: string;
  maxBodyBytes: number;
  /** Fetch policy for posted URLs (private addresses are refused whatever this says). */
  fetch?: Omit<UploadOptions, 'now'>;
  /** Called after an ingest that inserted or updated articles. */
  onWrite: () => void;
  /**
   * Runs an upload (the request body as text) off the event loop, e.g. `ServerJobs.ingest` on a worker
   * thread; default: on this thread, through `ingestUploadBody` with `fetch` and `now`.
   */
  ingest?: (body: string) => Promise<IngestReport>;
  /** The analysis's freshness for /api/health; absent when the server has no analysis engine. */
  analysisStatus?: () => unknown;
}

export const MAX_PAGE = 500;

/** Health, articles, search and ingest: the routes over the store. */
export function registerArticleRoutes(app: Hono, deps: ArticleRoutesDeps): void {
  const { store } = deps;

  const ingest =
    deps.ingest ?? ((body: string) => ingestUploadBody(store, body, { ...deps.fetch, now: deps.now }));

  app.get('/api/health', async (c) =>
    c.json({
      ok: true,
      driver: store.driver,
      articles: await store.countArticles(),
      ...(deps.analysisStatus ? { analysis: deps.analysisStatus() } : {}),
    }),
  );

  app.get('/api/articles', async (c) => {
    const limit = intParam('limit', c.req.query('limit'), { min: 1, max: MAX_PAGE }) ?? 50;
    const offset = intParam('offset', c.req.query('offset'), { min: 0, max: Number.MAX_SAFE_INTEGER }) ?? 0;
    const outlet = c.req.query('outlet');
    const articles = await store.listArticles({ limit, offset, ...(outlet ? { outlet } : {}) });
    return c.json({ articles, limit, offset, total: await store.countArticles() });
  });

  app.get('/api/articles/:id', async (c) => c.json(await getArticleByIdOrPrefix(store, c.req.param('id'))));

  app.get('/api/search', async (c) => {
    const q = requiredParam('q', c.req.query('q'));
    const limit = intParam('limit', c.req.query('limit'), { min: 1, max: MAX_PAGE }) ?? 20;
    if (!store.capabilities.fullTextSearch) {
      throw new SitrepError('USAGE', `the ${store.driver} store has no full-text search`);
    }
    return c.json({ query: q, hits: await store.searchArticles(q, { limit }) });
  });

  app.post(
    '/api/ingest',
    requireToken(deps.token),
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: (c) =>
        errorResponse(
          c,
          413,
          'INPUT_TOO_LARGE',
          `request body is over the ${deps.maxBodyBytes}-byte limit; send fewer items per request`,
        ),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) {
        return errorResponse(
          c,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'send the body as Content-Type: application/json',
        );
      }
      const report = await ingest(await c.req.text());
      if (report.counts.inserted + report.counts.updated > 0) deps.onWrite();
      return c.json(report);
    },
  );
}
