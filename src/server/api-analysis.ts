import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Analysis } from '../core/analysis.ts';
import { analysisDocument } from '../engine/analysis-document.ts';
import { dateBound, pageOf } from '../engine/analysis-query.ts';
import { getArticleByIdOrPrefix } from '../engine/articles.ts';
import { BRIEF_FORMATS, resolveStoryId, writeBrief } from '../engine/brief.ts';
import { STORY_KINDS, STORY_SORTS, storyPage } from '../engine/story-list.ts';
import type { Store } from '../store/store.ts';
import { analysisJsonChunks, textStream } from './analysis-json.ts';
import { AnalysisPendingError, type AnalysisSnapshot, type AnalysisState, view } from './analysis-state.ts';
import { articleAnnotations, storyDetail } from './analysis-views.ts';
import { registerExportRoutes } from './api-exports.ts';
import { registerItemRoutes } from './api-items.ts';
import * as S from './api-schemas.ts';
import { type Api, endpoint } from './endpoint.ts';
import { errorResponse } from './http-errors.ts';
import { type CachedBody, JSON_TYPE, sendBody } from './http-send.ts';

/** The default page of the story list: what a screen shows, not the whole pile. */
export const STORY_PAGE = 50;

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

const NO_ANALYSIS =
  'the server has no analysis engine (ANALYSIS_UNAVAILABLE), or its first analysis is still being computed (ANALYSIS_PENDING, with Retry-After)';
const BAD_QUERY = 'a query parameter is not valid, or names no story (USAGE; NOT_FOUND: 404)';
const AMBIGUOUS = 'several stories share this id prefix (AMBIGUOUS_ID)';
const problems = {
  400: BAD_QUERY,
  404: 'the story named does not exist (NOT_FOUND)',
  409: AMBIGUOUS,
  503: NO_ANALYSIS,
};
const storyProblems = {
  404: 'no story has this id or id prefix (NOT_FOUND)',
  409: AMBIGUOUS,
  503: NO_ANALYSIS,
};

const param = <T extends z.ZodType>(name: string, schema: T, description: string) =>
  schema.openapi({ param: { name, in: 'query', description } });
const paged = (fallback: number) => ({ limit: S.limitParam(fallback), offset: S.offsetParam });
const dateParam = (name: string, description: string) =>
  param(name, z.string().min(1).optional(), `${description} (ISO date: 2024, 2024-05 or 2024-05-25)`);

/**
 * The analysis and the views derived from it; 503 when the server has no analysis engine, or while
 * its first analysis is still being computed. Bodies are made once per analysis and query.
 */
export function registerAnalysisRoutes(app: Api, store: Store, state: AnalysisState | undefined): void {
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
  /** A view of the current analysis, made once per analysis and `key` (the route and its query). */
  const answer = async (
    c: Context,
    key: string,
    make: (analysis: Analysis) => unknown,
    type: Record<string, string> = JSON_TYPE,
    asText = false,
  ): Promise<Response> => {
    const snapshot = await current(c);
    if (snapshot instanceof Response) return snapshot;
    const body: CachedBody = view(snapshot, key, () => {
      const made = make(snapshot.analysis);
      return asText ? (made as string) : JSON.stringify(made);
    });
    return sendBody(c, body, { ...type, ...freshness(state!, snapshot) });
  };

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/analysis',
      tag: 'analysis',
      summary:
        'The whole analysis (sitrep/analysis@2), streamed; article texts are referred to by id and span',
      access: 'read',
      ok: { description: 'the analysis', content: { 'application/json': S.AnalysisDocument } },
      problems: { 503: NO_ANALYSIS },
    },
    async (c) => {
      const snapshot = await current(c);
      if (snapshot instanceof Response) return snapshot;
      return c.body(textStream(analysisJsonChunks(analysisDocument(snapshot.analysis))), 200, {
        ...JSON_TYPE,
        ...freshness(state!, snapshot),
      });
    },
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/stories',
      tag: 'analysis',
      summary:
        'Stories (storylines and the events within them), largest or most recent first, a page at a time',
      access: 'read',
      query: z.object({
        kind: param('kind', z.enum(STORY_KINDS as ['storyline', 'event']).optional(), 'only this kind'),
        sort: param(
          'sort',
          z.enum(STORY_SORTS).optional(),
          "size (default: most articles first), recent, or rank (the brief's story index order)",
        ),
        outlet: param(
          'outlet',
          z.string().min(1).optional(),
          'only stories with an article from this outlet',
        ),
        from: dateParam('from', 'only stories that end on or after this date'),
        to: dateParam('to', 'only stories that start on or before this date'),
        minArticles: param(
          'minArticles',
          z.coerce.number().int().min(1).max(1_000_000).optional(),
          'only stories of at least this many articles',
        ),
        ...paged(STORY_PAGE),
      }),
      ok: {
        description: 'one page of stories, with the total',
        content: { 'application/json': S.StoryList },
      },
      problems: { 400: 'a query parameter is not valid (USAGE)', 503: NO_ANALYSIS },
    },
    (c, { query }) => {
      const q = {
        kind: query.kind,
        sort: query.sort ?? 'size',
        limit: query.limit ?? STORY_PAGE,
        offset: query.offset ?? 0,
        outlet: query.outlet,
        from: dateBound('query parameter "from"', query.from, 'first'),
        to: dateBound('query parameter "to"', query.to, 'last'),
        minArticles: query.minArticles,
      };
      return answer(c, `stories ${JSON.stringify(q)}`, (a) => storyPage(a, q));
    },
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/stories/{id}',
      tag: 'analysis',
      summary:
        'Everything a story page shows: articles, timeline, claims, entities and their co-occurrence, comparison',
      access: 'read',
      params: S.StoryIdParams,
      ok: { description: 'the story', content: { 'application/json': S.StoryDetail } },
      problems: storyProblems,
    },
    (c, { params }) => answer(c, `story ${params.id}`, (a) => storyDetail(a, params.id)),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/stories/{id}/analysis',
      tag: 'analysis',
      summary:
        'The analysis scoped to one story (its articles, entities, quotes, claims, events and sources)',
      access: 'read',
      params: S.StoryIdParams,
      ok: { description: "the story's analysis", content: { 'application/json': S.AnalysisDocument } },
      problems: storyProblems,
    },
    (c, { params }) => answer(c, `story-analysis ${params.id}`, (a) => analysisDocument(a, params.id)),
  );

  registerItemRoutes(app, { answer, current, problems, paged, param, dateParam, NO_ANALYSIS });
  registerExportRoutes(app, { answer, current, problems, paged, param, dateParam, NO_ANALYSIS });

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/brief',
      tag: 'analysis',
      summary: 'The cited brief of one story, or of the pile (its story index), as JSON, Markdown or HTML',
      access: 'read',
      query: z.object({
        format: param('format', z.enum(BRIEF_FORMATS as ['md']).optional(), 'json (default), md or html'),
        story: param('story', z.string().min(1).optional(), 'brief this story (default: the pile)'),
        words: param('words', z.coerce.number().int().min(20).max(5000).optional(), 'word budget'),
        top: param('top', z.coerce.number().int().min(0).max(50).optional(), 'stories in the pile index'),
        focus: param('focus', z.string().max(2000).optional(), 'what the reader cares about most'),
      }),
      ok: {
        description: 'the brief',
        content: {
          'application/json': S.Brief,
          'text/markdown': z.string(),
          'text/html': z.string(),
        },
      },
      problems,
    },
    (c, { query }) => {
      const format = query.format ?? 'json';
      const focus = query.focus?.trim();
      const type =
        format === 'json'
          ? JSON_TYPE
          : format === 'md'
            ? { 'content-type': 'text/markdown; charset=utf-8' }
            : {
                'content-type': 'text/html; charset=utf-8',
                // The page has no script and only its own inline style: a policy that allows nothing else.
                'content-security-policy':
                  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
              };
      return answer(
        c,
        `brief ${JSON.stringify([format, query.words, query.top, focus, query.story])}`,
        (a) =>
          writeBrief(a, {
            format,
            ...(query.story ? { storyId: resolveStoryId(a.stories, query.story) } : {}),
            ...(query.words !== undefined ? { words: query.words } : {}),
            ...(query.top !== undefined ? { top: query.top } : {}),
            ...(focus ? { focus } : {}),
          }),
        type,
        true,
      );
    },
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/articles/{id}/annotations',
      tag: 'analysis',
      summary: "An article's highlights (entities, quotes, claims) as spans of its clean text",
      access: 'read',
      params: S.IdParams,
      query: z.object({ ...paged(S.MAX_PAGE) }),
      ok: {
        description: 'one page of highlights, in text order',
        content: { 'application/json': S.AnnotationList },
      },
      problems: {
        400: 'a query parameter is not valid (USAGE)',
        404: 'no article has this id (NOT_FOUND)',
        503: NO_ANALYSIS,
      },
    },
    async (c, { params, query }) => {
      const unavailable = await current(c);
      if (unavailable instanceof Response) return unavailable;
      const article = await getArticleByIdOrPrefix(store, params.id);
      return answer(c, `annotations ${article.id} ${JSON.stringify(query)}`, (a) => {
        const all = articleAnnotations(a, article.id);
        const { items, ...page } = pageOf(all, query.limit ?? S.MAX_PAGE, query.offset ?? 0);
        return { articleId: article.id, annotations: items, ...page };
      });
    },
  );
}
