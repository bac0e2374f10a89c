import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { SitrepError } from '../core/errors.ts';
import { getArticleByIdOrPrefix } from '../engine/articles.ts';
import type { IngestReport } from '../engine/ingest.ts';
import { ingestUploadBody, type UploadOptions } from '../engine/ingest-upload.ts';
import type { Store } from '../store/store.ts';
import {
  Article,
  ArticleList,
  Health,
  IdParams,
  IngestReport as IngestReportSchema,
  IngestRequest,
  limitParam,
  offsetParam,
  SearchResults,
} from './api-schemas.ts';
import { requireToken } from './auth.ts';
import { type Api, endpoint } from './endpoint.ts';
import { apiWording, errorResponse } from './http-errors.ts';
import { sendJson } from './http-send.ts';

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

const ARTICLE_PAGE = 50;
const SEARCH_PAGE = 20;
const BAD_QUERY = 'a query parameter is not valid (USAGE)';
const NO_ARTICLE = 'no article has this id (NOT_FOUND), or several share the prefix (AMBIGUOUS_ID: 409)';

/** Health, articles, search and ingest: the routes over the store. */
export function registerArticleRoutes(app: Api, deps: ArticleRoutesDeps): void {
  const { store } = deps;

  const ingest =
    deps.ingest ?? ((body: string) => ingestUploadBody(store, body, { ...deps.fetch, now: deps.now }));

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/health',
      tag: 'store',
      summary:
        'Liveness, the number of stored articles and, with an analysis engine, the state of the analysis',
      access: 'read',
      ok: { description: 'the server is up', content: { 'application/json': Health } },
      problems: { 403: 'the request is for a host this server does not serve (FORBIDDEN_HOST)' },
    },
    async (c) =>
      c.json({
        ok: true,
        driver: store.driver,
        articles: await store.countArticles(),
        writes: deps.token === undefined ? 'open' : 'token',
        ...(deps.analysisStatus ? { analysis: deps.analysisStatus() } : {}),
      }),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/articles',
      tag: 'store',
      summary: 'Stored articles, oldest publication date first (undated last), a page at a time',
      access: 'read',
      query: z.object({
        outlet: z
          .string()
          .min(1)
          .optional()
          .openapi({ param: { name: 'outlet', in: 'query', description: 'only this outlet (any case)' } }),
        limit: limitParam(ARTICLE_PAGE),
        offset: offsetParam,
      }),
      ok: {
        description: 'one page, with the total over all pages',
        content: { 'application/json': ArticleList },
      },
      problems: { 400: BAD_QUERY },
    },
    async (c, { query }) => {
      const limit = query.limit ?? ARTICLE_PAGE;
      const offset = query.offset ?? 0;
      const filter = query.outlet ? { outlet: query.outlet } : {};
      const [articles, total] = await Promise.all([
        store.listArticles({ limit, offset, ...filter }),
        store.countArticles(filter),
      ]);
      return sendJson(c, { articles, limit, offset, total });
    },
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/articles/{id}',
      tag: 'store',
      summary: 'One article: its clean text, raw text, what extraction removed and why, and its evidence',
      access: 'read',
      params: IdParams,
      ok: { description: 'the article', content: { 'application/json': Article } },
      problems: { 404: NO_ARTICLE, 409: 'several articles share this id prefix (AMBIGUOUS_ID)' },
    },
    async (c, { params }) => sendJson(c, await getArticleByIdOrPrefix(store, params.id)),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/search',
      tag: 'store',
      summary: 'Full-text search of the clean texts (words, "phrases", AND, OR, NOT), best first',
      access: 'read',
      query: z.object({
        q: z
          .string()
          .trim()
          .min(1)
          .openapi({ param: { name: 'q', in: 'query', required: true, description: 'the search query' } }),
        limit: limitParam(SEARCH_PAGE),
        offset: offsetParam,
      }),
      ok: { description: 'one page of hits, with the total', content: { 'application/json': SearchResults } },
      problems: { 400: 'no query, a bad page, or a query the search cannot read (USAGE)' },
    },
    async (c, { query }) => {
      if (!store.capabilities.fullTextSearch) {
        throw new SitrepError('USAGE', `the ${store.driver} store has no full-text search`);
      }
      const limit = query.limit ?? SEARCH_PAGE;
      const offset = query.offset ?? 0;
      const [hits, total] = await Promise.all([
        store.searchArticles(query.q, { limit, offset }),
        store.countSearchHits(query.q),
      ]);
      return sendJson(c, { query: query.q, hits, limit, offset, total });
    },
  );

  app.use(
    '/api/ingest',
    requireToken(deps.token, 'POST'),
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
    async (c, next) => {
      if (c.req.method !== 'POST' || /^application\/json\b/i.test(c.req.header('content-type') ?? ''))
        return next();
      return errorResponse(
        c,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'send the body as Content-Type: application/json',
      );
    },
  );
  endpoint(
    app,
    {
      method: 'post',
      path: '/api/ingest',
      tag: 'store',
      summary: 'Ingest articles given as items (text or HTML with metadata) or as URLs to fetch',
      description:
        'At most 50 URLs per request; private and local addresses are never fetched. Each item is reported ' +
        'on its own: one failed item does not fail the others.',
      access: 'write',
      body: IngestRequest,
      ok: { description: 'what happened to each item', content: { 'application/json': IngestReportSchema } },
      problems: {
        400: 'the body is not JSON or not of the documented shape (USAGE, INPUT_MALFORMED)',
        401: 'no bearer token, or a wrong one (UNAUTHORIZED)',
        413: 'the body is over the size limit (INPUT_TOO_LARGE)',
        415: 'the body is not application/json (UNSUPPORTED_MEDIA_TYPE)',
      },
    },
    async (c) => {
      const report = await ingest(await c.req.text());
      if (report.counts.inserted + report.counts.updated > 0) deps.onWrite();
      return sendJson(c, {
        ...report,
        items: report.items.map((item) =>
          item.error ? { ...item, error: { ...item.error, message: apiWording(item.error.message) } } : item,
        ),
      });
    },
  );
}
