import { ENTITY_TYPES } from './analysis-views.ts';

/** Component schemas of the OpenAPI description (see openapi.ts). */

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const span: Json = {
  type: 'object',
  required: ['articleId', 'start', 'end'],
  properties: { articleId: str, start: { type: 'integer' }, end: { type: 'integer' } },
};
const open = (required: string[], properties: Json): Json => ({ type: 'object', required, properties });

export const schemas: Record<string, Json> = {
  Error: open(['error'], { error: open(['code', 'message'], { code: str, message: str }) }),
  Health: open(['ok', 'driver', 'articles'], {
    ok: { type: 'boolean' },
    driver: str,
    articles: { type: 'integer' },
    analysis: open(['version', 'pending'], {
      generatedAt: str,
      version: { type: 'integer', description: '0 until the first analysis is complete' },
      pending: { type: 'boolean', description: 'a recompute is running or scheduled' },
      lastRun: open(['finishedAt', 'ms', 'ok'], {
        finishedAt: str,
        ms: { type: 'integer' },
        ok: { type: 'boolean' },
      }),
      error: {
        ...open(['code', 'message', 'at'], { code: str, message: str, at: str }),
        description:
          'why the last recompute failed (the previous analysis is still served); gone after one succeeds',
      },
    }),
  }),
  ArticleSummary: open(['id', 'input', 'chars', 'removedBlocks', 'ingestedAt'], {
    id: str,
    title: str,
    outlet: str,
    publishedAt: str,
    input: open([], { path: str, url: str }),
    chars: { type: 'integer' },
    removedBlocks: { type: 'integer' },
    ingestedAt: str,
  }),
  ArticleList: open(['articles', 'limit', 'offset', 'total'], {
    articles: { type: 'array', items: ref('ArticleSummary') },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    total: { type: 'integer' },
  }),
  Article: open(['id', 'text', 'rawText', 'removed', 'kept', 'evidence', 'extractor'], {
    id: str,
    title: str,
    outlet: str,
    byline: str,
    publishedAt: str,
    text: str,
    rawText: str,
    removed: {
      type: 'array',
      items: open(['start', 'end', 'reason', 'text', 'rule'], {
        start: { type: 'integer' },
        end: { type: 'integer' },
        reason: str,
        text: str,
        rule: str,
      }),
    },
    kept: { type: 'array', items: { type: 'object' } },
    evidence: { type: 'object' },
    extractor: open(['name', 'version'], { name: str, version: str }),
  }),
  SearchHit: open(['id', 'snippet', 'rank'], {
    id: str,
    title: str,
    outlet: str,
    snippet: str,
    rank: { type: 'number' },
  }),
  IngestRequest: open([], {
    items: {
      type: 'array',
      items: open([], {
        text: str,
        html: str,
        url: str,
        title: str,
        outlet: str,
        publishedAt: str,
        byline: str,
        language: str,
      }),
    },
    urls: { type: 'array', items: { type: 'string', format: 'uri' } },
  }),
  IngestReport: open(['items', 'counts'], {
    items: {
      type: 'array',
      items: open(['status', 'where'], {
        status: { enum: ['inserted', 'updated', 'unchanged', 'duplicate', 'failed'] },
        where: str,
        articleId: str,
        title: str,
        duplicateOf: str,
        error: open(['code', 'message'], { code: str, message: str }),
      }),
    },
    counts: { type: 'object', additionalProperties: { type: 'integer' } },
  }),
  Analysis: open(
    ['schema', 'articles', 'stories', 'entities', 'quotes', 'claims', 'events', 'timeline', 'sources'],
    {
      schema: { const: 'sitrep/analysis@2' },
      story: { type: 'string', description: 'the story this analysis is scoped to, when it is one story' },
      articles: {
        type: 'array',
        items: open(['id', 'title', 'textLength', 'textSha256', 'removed'], {
          id: str,
          title: str,
          textLength: { type: 'integer' },
          textSha256: str,
          removed: { type: 'array', items: open(['start', 'end', 'reason'], {}) },
        }),
      },
    },
  ),
  StorySummary: open(['id', 'kind', 'title', 'period', 'articleCount', 'outlets'], {
    id: str,
    kind: { enum: ['event', 'storyline'] },
    title: str,
    period: open([], { start: str, end: str }),
    articleCount: { type: 'integer' },
    outlets: { type: 'array', items: str },
  }),
  StoryList: open(['stories', 'sort', 'limit', 'offset', 'total'], {
    stories: { type: 'array', items: ref('StorySummary') },
    sort: { enum: ['size', 'recent'] },
    kind: { enum: ['event', 'storyline'] },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    total: { type: 'integer' },
  }),
  StoryDetail: open(['story', 'articles', 'timeline', 'claims', 'entities', 'cooccurrence', 'derivations'], {
    comparison: { type: 'object', description: 'the SourceComparison of the analysis for this story' },
  }),
  Entity: open(['id', 'name', 'type', 'aliases', 'mentions'], {
    id: str,
    name: str,
    type: { enum: ENTITY_TYPES },
    aliases: { type: 'array', items: str },
    mentions: { type: 'array', items: span },
  }),
  Claim: open(['id', 'text', 'modality', 'mentions', 'attribution', 'independentOrigins'], {
    id: str,
    text: str,
    modality: { enum: ['asserted', 'reported', 'expected', 'speculative', 'denied'] },
    mentions: { type: 'array', items: span },
    attribution: { type: 'array', items: { type: 'array', items: str } },
    independentOrigins: { type: 'integer' },
  }),
  TimelineEntry: open(['start', 'end', 'granularity', 'label', 'eventIds', 'mentions'], {
    start: str,
    end: str,
    granularity: str,
    label: str,
    eventIds: { type: 'array', items: str },
    mentions: { type: 'array', items: span },
  }),
  Annotation: open(['kind', 'start', 'end', 'label', 'ref'], {
    kind: { enum: ['entity', 'quote', 'claim'] },
    start: { type: 'integer' },
    end: { type: 'integer' },
    label: str,
    ref: str,
  }),
};
