import { ENTITY_TYPES } from './analysis-views.ts';
import { MAX_PAGE } from './api-articles.ts';
import { schemas } from './openapi-schemas.ts';
import { WEB_FILES } from './web-static.ts';

/** The hand-written OpenAPI 3.1 description of every route `createApp` serves (checked by a test). */

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description = 'OK'): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string): Json => json(ref('Error'), description);
const query = (name: string, description: string, schema: Json, required = false): Json => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const idParam: Json = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'article id, or a unique prefix of at least 4 characters',
  schema: { type: 'string' },
};
const limit = (fallback: number) =>
  query('limit', `at most this many (default ${fallback})`, {
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE,
  });
const noAnalysis = error(
  'the server has no analysis engine (ANALYSIS_UNAVAILABLE), or its first analysis is still being computed (ANALYSIS_PENDING, with Retry-After)',
);
const badQuery = error('bad query parameter (USAGE)');
const arrayOf = (name: string, items: Json): Json => ({
  type: 'object',
  required: [name],
  properties: { [name]: { type: 'array', items } },
});

const get = (summary: string, ok: Json, extra: Json = {}): Json => ({
  get: { summary, responses: { 200: ok, ...extra } },
});

const apiPaths: Record<string, Json> = {
  '/api/health': get(
    'Liveness, the number of stored articles and, with an analysis engine, the state of the analysis',
    json(ref('Health')),
  ),
  '/api/articles': {
    get: {
      summary: 'List stored articles (oldest publication date first; undated last)',
      parameters: [
        query('outlet', 'only articles from this outlet', { type: 'string' }),
        limit(50),
        query('offset', 'skip this many', { type: 'integer', minimum: 0 }),
      ],
      responses: { 200: json(ref('ArticleList')), 400: badQuery },
    },
  },
  '/api/articles/{id}': {
    get: {
      summary: 'One article: metadata with evidence, clean text, raw text and every removed block',
      parameters: [idParam],
      responses: {
        200: json(ref('Article')),
        400: error('id shorter than 4 characters (USAGE)'),
        404: error('no such article (NOT_FOUND)'),
        409: error('the prefix matches several articles (AMBIGUOUS_ID)'),
      },
    },
  },
  '/api/articles/{id}/annotations': {
    get: {
      summary: "Highlights for one article's clean text: entity mentions, quotes and claim mentions",
      parameters: [idParam],
      responses: {
        200: json({
          type: 'object',
          required: ['articleId', 'annotations'],
          properties: {
            articleId: { type: 'string' },
            annotations: { type: 'array', items: ref('Annotation') },
          },
        }),
        404: error('no such article (NOT_FOUND)'),
        409: error('ambiguous prefix (AMBIGUOUS_ID)'),
        503: noAnalysis,
      },
    },
  },
  '/api/search': {
    get: {
      summary: 'Full-text search over titles and clean text (words, "phrases", prefix*, AND/OR/NOT)',
      parameters: [query('q', 'what to look for', { type: 'string', minLength: 1 }, true), limit(20)],
      responses: {
        200: json({
          type: 'object',
          required: ['query', 'hits'],
          properties: { query: { type: 'string' }, hits: { type: 'array', items: ref('SearchHit') } },
        }),
        400: error('missing or empty query (USAGE)'),
      },
    },
  },
  '/api/ingest': {
    post: {
      summary: 'Ingest posted items and/or fetch URLs (private addresses are always refused)',
      description:
        'Needs `Authorization: Bearer <token>` when the server has a token; a server bound to loopback without a token accepts it from local clients. Each item and URL succeeds or fails on its own; the report lists them in request order (items as `items[i]`, then URLs).',
      security: [{ bearer: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: ref('IngestRequest') } } },
      responses: {
        200: json(ref('IngestReport'), 'per-item report, as `sitrep ingest --json` prints it'),
        400: error('body is not a JSON object with a non-empty "items" or "urls" array, or too many URLs'),
        401: error('missing or wrong bearer token (UNAUTHORIZED)'),
        413: error('request body over the size limit (INPUT_TOO_LARGE)'),
        415: error('body is not application/json (UNSUPPORTED_MEDIA_TYPE)'),
      },
    },
  },
  '/api/analysis': get(
    "The whole analysis (`sitrep/analysis@2`: article texts by reference — id, `textLength`, `textSha256`; the text is GET /api/articles/{id}); one story's is GET /api/stories/{id}/analysis",
    json(ref('Analysis')),
    { 503: noAnalysis },
  ),
  '/api/stories': {
    get: {
      summary:
        'One page of the stories, with their sizes, periods and outlets, and the total the query matches (largest first by default)',
      parameters: [
        query('kind', 'only storylines or only events', { enum: ['storyline', 'event'] }),
        query('sort', 'size: most articles first (default); recent: latest period end first', {
          enum: ['size', 'recent'],
        }),
        limit(50),
        query('offset', 'skip this many', { type: 'integer', minimum: 0 }),
      ],
      responses: { 200: json(ref('StoryList')), 400: badQuery, 503: noAnalysis },
    },
  },
  '/api/stories/{id}': {
    get: {
      summary: 'One story: articles, timeline, claims, claim × source comparison, entities, derivations',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: json(ref('StoryDetail')), 404: error('no such story (NOT_FOUND)'), 503: noAnalysis },
    },
  },
  '/api/stories/{id}/analysis': {
    get: {
      summary:
        "One story's analysis (`sitrep/analysis@2`, with `story` set): its articles by reference, the story and its events, and every item resting on its articles; entities and outlets' loaded terms keep their mentions in the story",
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string' },
          description: 'a story id or a unique prefix',
        },
      ],
      responses: {
        200: json(ref('Analysis')),
        404: error('no such story (NOT_FOUND)'),
        409: error('the prefix matches several stories (AMBIGUOUS_ID)'),
        503: noAnalysis,
      },
    },
  },
  '/api/entities': {
    get: {
      summary: 'Canonical entities with their mentions',
      parameters: [query('type', 'only entities of this type', { type: 'string', enum: ENTITY_TYPES })],
      responses: { 200: json(arrayOf('entities', ref('Entity'))), 400: badQuery, 503: noAnalysis },
    },
  },
  '/api/claims': {
    get: {
      summary: 'Claims with their mentions, attribution chains and independent origins',
      parameters: [
        query('story', 'only claims mentioned in this story', { type: 'string' }),
        query('minOrigins', 'only claims with at least this many independent origins', {
          type: 'integer',
          minimum: 0,
        }),
      ],
      responses: {
        200: json(arrayOf('claims', ref('Claim'))),
        400: badQuery,
        404: error('no such story (NOT_FOUND)'),
        503: noAnalysis,
      },
    },
  },
  '/api/timeline': {
    get: {
      summary: 'Timeline entries, optionally those overlapping [from, to]',
      parameters: [
        query('from', 'ISO date (2024, 2024-05, 2024-05-25): entries ending on or after it', {
          type: 'string',
        }),
        query('to', 'ISO date: entries starting on or before it', { type: 'string' }),
      ],
      responses: { 200: json(arrayOf('timeline', ref('TimelineEntry'))), 400: badQuery, 503: noAnalysis },
    },
  },
  '/api/brief': {
    get: {
      summary:
        "The brief: one story's (story), else the pile's — a story index and the top stories' briefs — when there are several storylines",
      parameters: [
        query('story', 'story id or unique prefix', { type: 'string' }),
        query('format', 'json (sitrep/brief@1, default), md or html (one self-contained page)', {
          type: 'string',
          enum: ['json', 'md', 'html'],
        }),
        query('words', 'word budget of the executive summary (default 250)', {
          type: 'integer',
          minimum: 20,
          maximum: 5000,
        }),
        query('focus', 'a query or narrative that steers what the summary selects', { type: 'string' }),
        query('top', 'without story: how many top stories get a full brief (default 3)', {
          type: 'integer',
          minimum: 0,
          maximum: 50,
        }),
      ],
      responses: {
        200: {
          description: 'The brief',
          content: {
            'application/json': { schema: { type: 'object' } },
            'text/markdown': { schema: { type: 'string' } },
            'text/html': { schema: { type: 'string' } },
          },
        },
        400: badQuery,
        404: error('no such story (NOT_FOUND)'),
        503: noAnalysis,
      },
    },
  },
  '/api/openapi.json': get('This description', json({ type: 'object' })),
};

/** Headers of every answer made from the analysis: which analysis it is and whether a newer one is coming. */
const freshnessHeaders: Json = {
  'sitrep-analysis-generated-at': {
    description: '`generatedAt` of the analysis this answer was made from',
    schema: { type: 'string', format: 'date-time' },
  },
  'sitrep-analysis-version': {
    description: 'the analysis this server computed: 1 for its first, one more per new analysis',
    schema: { type: 'integer', minimum: 1 },
  },
  'sitrep-analysis-pending': {
    description:
      'true while a recompute runs or is scheduled (an ingest wrote since): the answer is from the previous analysis',
    schema: { type: 'boolean' },
  },
};
const ANALYSIS_ROUTES = [
  '/api/analysis',
  '/api/stories',
  '/api/stories/{id}',
  '/api/entities',
  '/api/claims',
  '/api/timeline',
  '/api/brief',
  '/api/articles/{id}/annotations',
];
for (const path of ANALYSIS_ROUTES) {
  const ok = (apiPaths[path] as { get: { responses: Record<string, Json> } }).get.responses[200];
  if (ok) ok['headers'] = freshnessHeaders;
}

const webPaths: Record<string, Json> = Object.fromEntries(
  ['/', ...Object.keys(WEB_FILES).map((name) => `/${name}`)].map((path) => {
    const type = WEB_FILES[path === '/' ? 'index.html' : path.slice(1)] ?? 'text/plain';
    const media = type.split(';')[0] ?? type;
    return [
      path,
      {
        get: {
          summary: path === '/' ? 'The web UI' : `Web UI file ${path.slice(1)}`,
          tags: ['web'],
          responses: { 200: { description: 'OK', content: { [media]: { schema: { type: 'string' } } } } },
        },
      },
    ];
  }),
);

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Sitrep API',
    version: '0.1.0',
    description:
      'Articles, search and ingest over the store, and views of the `sitrep/analysis@2` analysis. Errors are `{ "error": { "code", "message" } }`. A server bound to loopback answers 403 FORBIDDEN_HOST to requests addressed to other host names, with or without a token (DNS-rebinding defence). Offsets are UTF-16 code units into the clean text. The analysis routes answer from the last complete analysis: after an ingest writes, a new one is computed behind the reads (off the event loop) and replaces it when done; the `sitrep-analysis-*` headers and `/api/health` say which analysis answered and whether a newer one is pending.',
  },
  paths: { ...apiPaths, ...webPaths },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas,
  },
};
