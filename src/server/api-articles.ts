import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SitrepError } from '../core/errors.ts';
import { getArticleByIdOrPrefix } from '../engine/articles.ts';
import { ingestItems, type UploadOptions } from '../engine/ingest-upload.ts';
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
}

export const MAX_PAGE = 500;

function arrayField(body: Record<string, unknown>, name: string): unknown[] {
  const value = body[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SitrepError('USAGE', `"${name}" must be an array`);
  return value;
}

/** Health, articles, search and ingest: the routes over the store. */
export function registerArticleRoutes(app: Hono, deps: ArticleRoutesDeps): void {
  const { store } = deps;

  app.get('/api/health', async (c) =>
    c.json({ ok: true, driver: store.driver, articles: await store.countArticles() }),
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
      let body: unknown;
      try {
        body = await c.req.json();
      } catch (error) {
        throw new SitrepError(
          'INPUT_MALFORMED',
          `request body is not valid JSON (${(error as Error).message})`,
        );
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new SitrepError(
          'USAGE',
          'request body must be a JSON object: { "items": [...], "urls": [...] }',
        );
      }
      const record = body as Record<string, unknown>;
      const items = arrayField(record, 'items');
      const urls = arrayField(record, 'urls');
      if (items.length === 0 && urls.length === 0) {
        throw new SitrepError('USAGE', 'nothing to ingest: give a non-empty "items" or "urls" array');
      }
      const report = await ingestItems(store, items, urls, { ...deps.fetch, now: deps.now });
      if (report.counts.inserted + report.counts.updated > 0) deps.onWrite();
      return c.json(report);
    },
  );
}
