/**
 * The API's request and response schemas, declared once: the routes validate their parameters with
 * them and the OpenAPI document is generated from them (openapi.ts). Responses are not validated at
 * run time; the route tests parse every 2xx body with its schema, so a schema that drifts from what a
 * route sends fails a test.
 */
import { z } from '@hono/zod-openapi';
import { ENTITY_TYPES } from '../engine/analysis-query.ts';
import { STORY_KINDS, STORY_SORTS } from '../engine/story-list.ts';

/** The largest page any collection gives. */
export const MAX_PAGE = 500;

const int = z.number().int();
const text = z.string();

// ---- parameters -------------------------------------------------------------------------------

const queryParam = <T extends z.ZodType>(name: string, schema: T, description: string) =>
  schema.openapi({ param: { name, in: 'query', description } });

export const limitParam = (fallback: number) =>
  queryParam(
    'limit',
    z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
    `at most this many items (default ${fallback}, at most ${MAX_PAGE})`,
  );
export const offsetParam = queryParam(
  'offset',
  z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  'skip this many items (default 0)',
);
export const storyParam = queryParam(
  'story',
  z.string().min(1).optional(),
  'only items of this story (id from GET /api/stories)',
);

/** The `{id}` path parameter, described. */
export const pathId = (description: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .openapi({ param: { name: 'id', in: 'path', description } }),
  });

export const IdParams = pathId('article id, or a unique prefix of at least 4 characters');
export const StoryIdParams = pathId('story id');

// ---- errors -----------------------------------------------------------------------------------

export const Problem = z
  .object({
    type: text.openapi({ description: 'URI naming the kind of problem (urn:sitrep:problem:<code>)' }),
    title: text,
    status: int,
    detail: text.openapi({ description: 'what went wrong and what to do about it' }),
    code: text.openapi({ description: 'the stable error code (USAGE, NOT_FOUND, …)' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem details object' });

// ---- store ------------------------------------------------------------------------------------

const analysisStatus = z.object({
  generatedAt: text.optional(),
  version: int.openapi({ description: '0 until the first analysis is complete' }),
  pending: z.boolean().openapi({ description: 'a recompute is running or scheduled' }),
  lastRun: z.object({ finishedAt: text, ms: int, ok: z.boolean() }).optional(),
  error: z
    .object({ code: text, message: text, at: text })
    .optional()
    .openapi({ description: 'why the last recompute failed (the previous analysis is still served)' }),
});

export const Health = z
  .object({
    ok: z.boolean(),
    driver: text,
    articles: int,
    writes: z.enum(['open', 'token']).openapi({ description: 'whether POST /api/ingest needs the token' }),
    analysis: analysisStatus.optional(),
  })
  .openapi('Health');

export const ArticleSummary = z
  .object({
    id: text,
    title: text.optional(),
    outlet: text.optional(),
    publishedAt: text.optional(),
    input: z.object({ path: text.optional(), url: text.optional() }),
    chars: int,
    removedBlocks: int,
    ingestedAt: text,
  })
  .openapi('ArticleSummary');

const page = {
  limit: int,
  offset: int,
  total: int.openapi({ description: 'items matching, over all pages' }),
};

export const ArticleList = z.object({ articles: z.array(ArticleSummary), ...page }).openapi('ArticleList');

export const Article = z
  .looseObject({
    id: text,
    title: text.optional(),
    outlet: text.optional(),
    byline: text.optional(),
    publishedAt: text.optional(),
    text,
    rawText: text,
    removed: z.array(z.looseObject({ start: int, end: int, reason: text, text })),
    evidence: z.looseObject({}),
    extractor: z.object({ name: text, version: text }),
  })
  .openapi('Article');

export const SearchHit = z
  .object({ id: text, title: text.optional(), outlet: text.optional(), snippet: text, rank: z.number() })
  .openapi('SearchHit');

export const SearchResults = z
  .object({ query: text, hits: z.array(SearchHit), ...page })
  .openapi('SearchResults');

export const IngestRequest = z
  .object({
    items: z
      .array(
        z.object({
          text: text.optional(),
          html: text.optional(),
          url: text.optional(),
          title: text.optional(),
          outlet: text.optional(),
          publishedAt: text.optional(),
          byline: text.optional(),
          language: text.optional(),
        }),
      )
      .optional(),
    urls: z
      .array(z.string())
      .optional()
      .openapi({ description: 'http(s) URLs to fetch; anything else fails as its own item' }),
  })
  .openapi('IngestRequest');

export const IngestReport = z
  .object({
    items: z.array(
      z.object({
        status: z.enum(['inserted', 'updated', 'unchanged', 'duplicate', 'failed']),
        where: text,
        articleId: text.optional(),
        title: text.optional(),
        duplicateOf: text.optional(),
        error: z.object({ code: text, message: text }).optional(),
      }),
    ),
    counts: z.record(z.string(), int),
  })
  .openapi('IngestReport');

// ---- analysis ---------------------------------------------------------------------------------

const Span = z.object({ articleId: text, start: int, end: int }).openapi('Span');

export const StorySummary = z
  .object({
    id: text,
    kind: z.enum(STORY_KINDS as ['storyline', 'event']),
    title: text,
    period: z.object({ start: text.optional(), end: text.optional() }),
    articleCount: int,
    outlets: z.array(text),
    storylineId: text.optional(),
    eventIds: z.array(text).optional(),
  })
  .openapi('StorySummary');

export const StoryList = z
  .object({
    stories: z.array(StorySummary),
    sort: z.enum(STORY_SORTS),
    kind: z.enum(STORY_KINDS as ['storyline', 'event']).optional(),
    ...page,
  })
  .openapi('StoryList');

export const Entity = z
  .looseObject({
    id: text,
    name: text,
    type: z.enum(ENTITY_TYPES as ['person']),
    aliases: z.array(text),
    mentions: z.array(Span),
    mentionCount: int
      .optional()
      .openapi({ description: 'how many mentions in all, when `mentionLimit` shortened `mentions`' }),
  })
  .openapi('Entity');

const ClaimMention = z.looseObject({
  articleId: text,
  start: int,
  end: int,
  text,
  modality: text,
  attribution: z.array(text),
});

export const Claim = z
  .looseObject({
    id: text,
    text,
    modality: z.enum(['asserted', 'reported', 'expected', 'speculative', 'denied']),
    mentions: z.array(ClaimMention),
    mentionCount: int
      .optional()
      .openapi({ description: 'how many mentions in all, when `mentionLimit` shortened `mentions`' }),
    attribution: z.array(z.array(text)),
    independentOrigins: int,
  })
  .openapi('Claim');

export const Quote = z
  .looseObject({
    id: text,
    articleId: text,
    speaker: z.looseObject({ text, entityId: text.optional(), kind: text.optional() }),
    cue: text,
    direct: z.boolean(),
    content: z.looseObject({ articleId: text, start: int, end: int, text }),
    via: text.optional(),
    citing: text.optional(),
  })
  .openapi('Quote');

export const Event = z
  .looseObject({
    id: text,
    type: text,
    action: text,
    modality: z.enum(['occurred', 'reported', 'expected', 'denied', 'alleged']),
    actor: z.looseObject({ text }).optional(),
    target: z.looseObject({ text }).optional(),
    place: z.looseObject({ text }).optional(),
    mentions: z.array(z.looseObject({ articleId: text, start: int, end: int })),
    mentionCount: int
      .optional()
      .openapi({ description: 'how many mentions in all, when `mentionLimit` shortened `mentions`' }),
  })
  .openapi('Event');

export const TimelineEntry = z
  .looseObject({
    start: text,
    end: text,
    granularity: text,
    label: text,
    eventIds: z.array(text),
    mentions: z.array(Span),
  })
  .openapi('TimelineEntry');

export const Annotation = z
  .object({ kind: z.enum(['entity', 'quote', 'claim']), start: int, end: int, label: text, ref: text })
  .openapi('Annotation');

export const EntityList = z.object({ entities: z.array(Entity), ...page }).openapi('EntityList');
export const ClaimList = z.object({ claims: z.array(Claim), ...page }).openapi('ClaimList');
export const QuoteList = z.object({ quotes: z.array(Quote), ...page }).openapi('QuoteList');
export const EventList = z.object({ events: z.array(Event), ...page }).openapi('EventList');
export const Timeline = z.object({ timeline: z.array(TimelineEntry), ...page }).openapi('Timeline');
export const AnnotationList = z
  .object({ articleId: text, annotations: z.array(Annotation), ...page })
  .openapi('AnnotationList');

export const StoryDetail = z
  .looseObject({
    story: z.looseObject({ id: text, kind: text, title: text, articleIds: z.array(text) }),
    articles: z.array(z.looseObject({ id: text, title: text })),
    timeline: z.array(TimelineEntry),
    claims: z.array(Claim),
    entities: z.array(z.looseObject({ id: text, name: text, mentions: int })),
    cooccurrence: z.array(z.object({ a: text, b: text, articles: int })),
    derivations: z.array(z.looseObject({})),
    comparison: z.looseObject({}).optional(),
    forecasts: z.array(z.looseObject({ id: text, text, by: z.array(text) })),
  })
  .openapi('StoryDetail');

export const AnalysisDocument = z
  .looseObject({
    schema: text,
    story: text.optional().openapi({ description: 'the story this analysis is scoped to' }),
    articles: z.array(z.looseObject({ id: text, textLength: int, textSha256: text })),
    stories: z.array(z.looseObject({})),
    entities: z.array(z.looseObject({})),
    quotes: z.array(z.looseObject({})),
    claims: z.array(z.looseObject({})),
    events: z.array(z.looseObject({})),
    timeline: z.array(z.looseObject({})),
    sources: z.array(z.looseObject({})),
  })
  .openapi('Analysis');

export const Brief = z
  .looseObject({
    schema: text,
    storyId: text.optional(),
    title: text.optional(),
    sections: z.array(
      z.looseObject({
        id: text,
        title: text,
        sentences: z.array(
          z.looseObject({
            text,
            citations: z.array(z.looseObject({ n: int, articleId: text, start: int, end: int })),
          }),
        ),
      }),
    ),
  })
  .openapi('Brief', {
    description: 'A cited brief (sitrep/brief@1): every sentence with the spans it rests on',
  });

export const EntityDetail = z
  .object({
    entity: Entity,
    articleCount: int,
    articles: z.array(
      z.object({
        id: text,
        title: text,
        outlet: text.optional(),
        publishedAt: text.optional(),
        mentions: int,
      }),
    ),
    stories: z.array(StorySummary),
    cooccurring: z.array(z.object({ id: text, name: text, type: text, articles: int })),
    quotes: z.array(Quote),
    contexts: z.array(
      z.object({
        articleId: text,
        start: int,
        end: int,
        before: z.string(),
        text: z.string(),
        after: z.string(),
      }),
    ),
  })
  .openapi('EntityDetail');
