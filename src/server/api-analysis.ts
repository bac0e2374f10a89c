import type { Context, Hono } from 'hono';
import type { Analysis } from '../core/analysis.ts';
import { getArticleByIdOrPrefix } from '../engine/articles.ts';
import { BRIEF_FORMATS, resolveStoryId, writeBrief } from '../engine/brief.ts';
import type { Store } from '../store/store.ts';
import {
  articleAnnotations,
  dateBound,
  ENTITY_TYPES,
  filterClaims,
  filterEntities,
  filterTimeline,
  storyDetail,
  storySummaries,
} from './analysis-views.ts';
import { errorResponse } from './http-errors.ts';
import { enumParam, intParam } from './query-params.ts';

/** Holds the analysis between requests; `invalidate` after a write so the next read recomputes. */
export interface AnalysisSource {
  get: () => Promise<Analysis> | undefined;
  invalidate: () => void;
}

export function cachedAnalysis(getAnalysis: (() => Promise<Analysis>) | undefined): AnalysisSource {
  let cached: Promise<Analysis> | undefined;
  return {
    get: () => {
      if (!getAnalysis) return undefined;
      if (!cached) {
        cached = getAnalysis();
        cached.catch(() => {
          cached = undefined;
        });
      }
      return cached;
    },
    invalidate: () => {
      cached = undefined;
    },
  };
}

const UNAVAILABLE =
  'analysis not available yet: this server was started without an analysis engine; the article routes still work';

/** The analysis and the views derived from it; 503 when the server has no analysis engine. */
export function registerAnalysisRoutes(app: Hono, store: Store, source: AnalysisSource): void {
  const withAnalysis = (handler: (analysis: Analysis, c: Context) => unknown) => async (c: Context) => {
    const pending = source.get();
    if (!pending) return errorResponse(c, 503, 'ANALYSIS_UNAVAILABLE', UNAVAILABLE);
    return c.json(await handler(await pending, c));
  };

  app.get(
    '/api/analysis',
    withAnalysis((analysis) => analysis),
  );
  app.get(
    '/api/stories',
    withAnalysis((analysis) => ({ stories: storySummaries(analysis) })),
  );
  app.get(
    '/api/stories/:id',
    withAnalysis((analysis, c) => storyDetail(analysis, c.req.param('id') ?? '')),
  );
  app.get(
    '/api/entities',
    withAnalysis((analysis, c) => ({
      entities: filterEntities(analysis, enumParam('type', c.req.query('type'), ENTITY_TYPES)),
    })),
  );
  app.get(
    '/api/claims',
    withAnalysis((analysis, c) => {
      const story = c.req.query('story');
      const minOrigins = intParam('minOrigins', c.req.query('minOrigins'), { min: 0, max: 1_000_000 });
      return {
        claims: filterClaims(analysis, {
          ...(story ? { story } : {}),
          ...(minOrigins !== undefined ? { minOrigins } : {}),
        }),
      };
    }),
  );
  app.get(
    '/api/timeline',
    withAnalysis((analysis, c) => {
      const from = dateBound('from', c.req.query('from'), 'first');
      const to = dateBound('to', c.req.query('to'), 'last');
      return {
        timeline: filterTimeline(analysis, {
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
        }),
      };
    }),
  );
  // The brief: one story's (`story`), else the pile's (story index and the top stories' briefs) when
  // there are several storylines; JSON (`sitrep/brief@1`), Markdown or a self-contained HTML page.
  app.get('/api/brief', async (c) => {
    const pending = source.get();
    if (!pending) return errorResponse(c, 503, 'ANALYSIS_UNAVAILABLE', UNAVAILABLE);
    const format = enumParam('format', c.req.query('format'), BRIEF_FORMATS) ?? 'json';
    const words = intParam('words', c.req.query('words'), { min: 20, max: 5000 });
    const top = intParam('top', c.req.query('top'), { min: 0, max: 50 });
    const focus = c.req.query('focus')?.trim();
    const story = c.req.query('story');
    const analysis = await pending;
    const text = writeBrief(analysis, {
      format,
      ...(story ? { storyId: resolveStoryId(analysis.stories, story) } : {}),
      ...(words !== undefined ? { words } : {}),
      ...(top !== undefined ? { top } : {}),
      ...(focus ? { focus: focus.slice(0, 2000) } : {}),
    });
    if (format === 'json') return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
    if (format === 'md') return c.body(text, 200, { 'content-type': 'text/markdown; charset=utf-8' });
    // The page has no script and only its own inline style: a policy that allows nothing else.
    return c.body(text, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
  });
  app.get(
    '/api/articles/:id/annotations',
    withAnalysis(async (analysis, c) => {
      const article = await getArticleByIdOrPrefix(store, c.req.param('id') ?? '');
      return { articleId: article.id, annotations: articleAnnotations(analysis, article.id) };
    }),
  );
}
