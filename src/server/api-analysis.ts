import type { Context, Hono } from 'hono';
import type { Analysis } from '../core/analysis.ts';
import { analysisDocument } from '../engine/analysis-document.ts';
import { getArticleByIdOrPrefix } from '../engine/articles.ts';
import { BRIEF_FORMATS, resolveStoryId, writeBrief } from '../engine/brief.ts';
import type { Store } from '../store/store.ts';
import { analysisJsonChunks, textStream } from './analysis-json.ts';
import {
  AnalysisPendingError,
  type AnalysisSnapshot,
  type AnalysisState,
  type CachedBody,
  encodedBody,
  view,
} from './analysis-state.ts';
import {
  articleAnnotations,
  dateBound,
  ENTITY_TYPES,
  filterClaims,
  filterEntities,
  filterTimeline,
  STORY_KINDS,
  STORY_SORTS,
  type StoryPageQuery,
  storyDetail,
  storyPage,
} from './analysis-views.ts';
import { MAX_PAGE } from './api-articles.ts';
import { errorResponse } from './http-errors.ts';
import { enumParam, intParam } from './query-params.ts';

/** The default page of the story list: what a screen shows, not the whole pile. */
export const STORY_PAGE = 50;

function storyQuery(c: Context): StoryPageQuery {
  return {
    kind: enumParam('kind', c.req.query('kind'), STORY_KINDS),
    sort: enumParam('sort', c.req.query('sort'), STORY_SORTS) ?? 'size',
    limit: intParam('limit', c.req.query('limit'), { min: 1, max: MAX_PAGE }) ?? STORY_PAGE,
    offset: intParam('offset', c.req.query('offset'), { min: 0, max: Number.MAX_SAFE_INTEGER }) ?? 0,
  };
}

const UNAVAILABLE =
  'analysis not available yet: this server was started without an analysis engine; the article routes still work';

/** Response headers saying which analysis answered and whether a newer one is on its way. */
export const ANALYSIS_HEADERS = {
  generatedAt: 'sitrep-analysis-generated-at',
  version: 'sitrep-analysis-version',
  pending: 'sitrep-analysis-pending',
} as const;

function freshness(state: AnalysisState, snapshot: AnalysisSnapshot): Record<string, string> {
  return {
    [ANALYSIS_HEADERS.generatedAt]: snapshot.analysis.generatedAt,
    [ANALYSIS_HEADERS.version]: String(snapshot.version),
    [ANALYSIS_HEADERS.pending]: String(state.status().pending),
  };
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** A cached body, gzipped for clients that accept it. */
async function send(c: Context, body: CachedBody, headers: Record<string, string>): Promise<Response> {
  const { bytes, gzip } = await encodedBody(body, c.req.header('accept-encoding'));
  return c.body(bytes, 200, {
    ...headers,
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
}

/**
 * The analysis and the views derived from it; 503 when the server has no analysis engine, or while
 * its first analysis is still being computed. Bodies are made once per analysis and query.
 */
export function registerAnalysisRoutes(app: Hono, store: Store, state: AnalysisState | undefined): void {
  /** The snapshot to answer from, or the 503 response to give. */
  const current = async (c: Context): Promise<AnalysisSnapshot | Response> => {
    if (!state) return errorResponse(c, 503, 'ANALYSIS_UNAVAILABLE', UNAVAILABLE);
    try {
      return await state.snapshot();
    } catch (error) {
      if (!(error instanceof AnalysisPendingError)) throw error;
      c.header('retry-after', '5');
      return errorResponse(c, 503, 'ANALYSIS_PENDING', error.message);
    }
  };
  /** A JSON view: `key` names the body among this analysis's cached ones (route and normalised query). */
  const cachedView =
    (key: (c: Context) => string, make: (analysis: Analysis, c: Context) => unknown) =>
    async (c: Context) => {
      const snapshot = await current(c);
      if (snapshot instanceof Response) return snapshot;
      const body = view(snapshot, key(c), () => JSON.stringify(make(snapshot.analysis, c)));
      return send(c, body, { ...JSON_TYPE, ...freshness(state!, snapshot) });
    };

  app.get('/api/analysis', async (c) => {
    const snapshot = await current(c);
    if (snapshot instanceof Response) return snapshot;
    return c.body(textStream(analysisJsonChunks(analysisDocument(snapshot.analysis))), 200, {
      ...JSON_TYPE,
      ...freshness(state!, snapshot),
    });
  });
  app.get(
    '/api/stories',
    cachedView(
      (c) => {
        const q = storyQuery(c);
        return `stories ${q.sort} ${q.kind ?? ''} ${q.limit} ${q.offset}`;
      },
      (analysis, c) => storyPage(analysis, storyQuery(c)),
    ),
  );
  app.get(
    '/api/stories/:id',
    cachedView(
      (c) => `story ${c.req.param('id')}`,
      (analysis, c) => storyDetail(analysis, c.req.param('id') ?? ''),
    ),
  );
  app.get(
    '/api/stories/:id/analysis',
    cachedView(
      (c) => `story-analysis ${c.req.param('id')}`,
      (analysis, c) => analysisDocument(analysis, c.req.param('id') ?? ''),
    ),
  );
  app.get(
    '/api/entities',
    cachedView(
      (c) => `entities ${enumParam('type', c.req.query('type'), ENTITY_TYPES) ?? ''}`,
      (analysis, c) => ({
        entities: filterEntities(analysis, enumParam('type', c.req.query('type'), ENTITY_TYPES)),
      }),
    ),
  );
  app.get(
    '/api/claims',
    cachedView(
      (c) => {
        const minOrigins = intParam('minOrigins', c.req.query('minOrigins'), { min: 0, max: 1_000_000 });
        return `claims ${c.req.query('story') ?? ''} ${minOrigins ?? ''}`;
      },
      (analysis, c) => {
        const story = c.req.query('story');
        const minOrigins = intParam('minOrigins', c.req.query('minOrigins'), { min: 0, max: 1_000_000 });
        return {
          claims: filterClaims(analysis, {
            ...(story ? { story } : {}),
            ...(minOrigins !== undefined ? { minOrigins } : {}),
          }),
        };
      },
    ),
  );
  app.get(
    '/api/timeline',
    cachedView(
      (c) => `timeline ${c.req.query('from') ?? ''} ${c.req.query('to') ?? ''}`,
      (analysis, c) => {
        const from = dateBound('from', c.req.query('from'), 'first');
        const to = dateBound('to', c.req.query('to'), 'last');
        return {
          timeline: filterTimeline(analysis, {
            ...(from !== undefined ? { from } : {}),
            ...(to !== undefined ? { to } : {}),
          }),
        };
      },
    ),
  );
  app.get('/api/brief', async (c) => {
    const snapshot = await current(c);
    if (snapshot instanceof Response) return snapshot;
    const format = enumParam('format', c.req.query('format'), BRIEF_FORMATS) ?? 'json';
    const words = intParam('words', c.req.query('words'), { min: 20, max: 5000 });
    const top = intParam('top', c.req.query('top'), { min: 0, max: 50 });
    const focus = c.req.query('focus')?.trim().slice(0, 2000);
    const story = c.req.query('story');
    const key = `brief ${JSON.stringify([format, words, top, focus, story])}`;
    const text = view(snapshot, key, () => {
      const analysis = snapshot.analysis;
      return writeBrief(analysis, {
        format,
        ...(story ? { storyId: resolveStoryId(analysis.stories, story) } : {}),
        ...(words !== undefined ? { words } : {}),
        ...(top !== undefined ? { top } : {}),
        ...(focus ? { focus } : {}),
      });
    });
    const headers = freshness(state!, snapshot);
    if (format === 'json') return send(c, text, { ...JSON_TYPE, ...headers });
    if (format === 'md') return send(c, text, { 'content-type': 'text/markdown; charset=utf-8', ...headers });
    // The page has no script and only its own inline style: a policy that allows nothing else.
    return send(c, text, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      ...headers,
    });
  });
  app.get('/api/articles/:id/annotations', async (c) => {
    const snapshot = await current(c);
    if (snapshot instanceof Response) return snapshot;
    const article = await getArticleByIdOrPrefix(store, c.req.param('id') ?? '');
    const body = view(snapshot, `annotations ${article.id}`, () =>
      JSON.stringify({
        articleId: article.id,
        annotations: articleAnnotations(snapshot.analysis, article.id),
      }),
    );
    return send(c, body, { ...JSON_TYPE, ...freshness(state!, snapshot) });
  });
}
