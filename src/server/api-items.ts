import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Analysis } from '../core/analysis.ts';
import {
  CLAIM_MODALITIES,
  CLAIM_SORTS,
  dateBound,
  ENTITY_TYPES,
  pageOf,
  selectClaims,
  selectEntities,
  selectEvents,
  selectQuotes,
  selectTimeline,
} from '../engine/analysis-query.ts';
import type { AnalysisSnapshot } from './analysis-state.ts';
import * as S from './api-schemas.ts';
import { type Api, endpoint } from './endpoint.ts';
import { entityDetail } from './entity-view.ts';

/**
 * `mentionLimit`: at most this many mentions per item, with `mentionCount` giving them all (a list
 * view that shows counts need not carry every span: at 5,000 articles a page of 100 entities with
 * every mention was 2.4 MB).
 */
const mentionLimit = z.coerce
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .optional()
  .openapi({
    param: {
      name: 'mentionLimit',
      in: 'query',
      description: 'at most this many mentions per item (default: all); `mentionCount` then counts them all',
    },
  });

/** Items with their mentions cut to `limit` (and counted), or as they are without a limit. */
function limitMentions<T extends { mentions: readonly unknown[] }>(items: T[], limit: number | undefined) {
  if (limit === undefined) return items;
  return items.map((x) => ({ ...x, mentions: x.mentions.slice(0, limit), mentionCount: x.mentions.length }));
}

/** A free-text filter value (a speaker, an outlet, an actor…). */
const text = z.string().min(1).max(200);

/** The default page of the analysis's item collections. */
export const ITEM_PAGE = 100;

/** What api-analysis.ts shares with these routes: answering from the analysis, and parameter helpers. */
export interface ItemRouteKit {
  answer: (
    c: Context,
    key: string,
    make: (analysis: Analysis) => unknown,
    type?: Record<string, string>,
    asText?: boolean,
  ) => Promise<Response>;
  current: (c: Context) => Promise<AnalysisSnapshot | Response>;
  problems: Record<number, string>;
  paged: (fallback: number) => { limit: ReturnType<typeof S.limitParam>; offset: typeof S.offsetParam };
  param: <T extends z.ZodType>(name: string, schema: T, description: string) => T;
  dateParam: (name: string, description: string) => z.ZodOptional<z.ZodString>;
  NO_ANALYSIS: string;
}

/** Entities, an entity, claims, quotes, events and the timeline: the analysis's items, paged. */
export function registerItemRoutes(app: Api, kit: ItemRouteKit): void {
  const { answer, problems, paged, param, dateParam, NO_ANALYSIS } = kit;
  endpoint(
    app,
    {
      method: 'get',
      path: '/api/entities',
      tag: 'analysis',
      summary: 'Entities (one per real-world thing) with their mentions, most mentioned first',
      access: 'read',
      query: z.object({
        type: param('type', z.enum(ENTITY_TYPES as ['person']).optional(), 'only this type'),
        mentionLimit,
        ...paged(ITEM_PAGE),
      }),
      ok: {
        description: 'one page of entities, with the total',
        content: { 'application/json': S.EntityList },
      },
      problems: { 400: 'a query parameter is not valid (USAGE)', 503: NO_ANALYSIS },
    },
    (c, { query }) =>
      answer(c, `entities ${JSON.stringify(query)}`, (a) => {
        const all = selectEntities(a, { type: query.type });
        const { items, ...page } = pageOf(all, query.limit ?? ITEM_PAGE, query.offset ?? 0);
        return { entities: limitMentions(items, query.mentionLimit), ...page };
      }),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/entities/{id}',
      tag: 'analysis',
      summary: 'One entity: the articles and stories that mention it, who it appears with, what it said',
      access: 'read',
      params: S.pathId('entity id'),
      ok: { description: 'the entity', content: { 'application/json': S.EntityDetail } },
      problems: { 404: 'no entity has this id (NOT_FOUND)', 503: NO_ANALYSIS },
    },
    (c, { params }) => answer(c, `entity ${params.id}`, (a) => entityDetail(a, params.id)),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/claims',
      tag: 'analysis',
      summary: 'Claims with their attribution chains and independent origins',
      access: 'read',
      query: z.object({
        story: S.storyParam,
        minOrigins: param(
          'minOrigins',
          z.coerce.number().int().min(0).max(1_000_000).optional(),
          'at least this many independent origins',
        ),
        modality: param(
          'modality',
          z.enum(CLAIM_MODALITIES as ['asserted']).optional(),
          'only this modality',
        ),
        outlet: param(
          'outlet',
          text.optional(),
          'only claims an article from this outlet carries (any case)',
        ),
        sort: param(
          'sort',
          z.enum(CLAIM_SORTS).optional(),
          'mentions (default: most mentioned first) or origins (most independent origins first)',
        ),
        mentionLimit,
        ...paged(ITEM_PAGE),
      }),
      ok: { description: 'one page of claims, with the total', content: { 'application/json': S.ClaimList } },
      problems,
    },
    (c, { query }) =>
      answer(c, `claims ${JSON.stringify(query)}`, (a) => {
        const { limit, offset, mentionLimit: cut, ...filter } = query;
        const { items, ...page } = pageOf(selectClaims(a, filter), limit ?? ITEM_PAGE, offset ?? 0);
        return { claims: limitMentions(items, cut), ...page };
      }),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/quotes',
      tag: 'analysis',
      summary: 'Quotes (direct and reported) with their speakers, cues and the medium they went through',
      access: 'read',
      query: z.object({
        story: S.storyParam,
        speaker: param(
          'speaker',
          text.optional(),
          "only quotes whose speaker's words contain this (any case)",
        ),
        article: param('article', text.optional(), 'only quotes from this article (id or id prefix)'),
        ...paged(ITEM_PAGE),
      }),
      ok: { description: 'one page of quotes, with the total', content: { 'application/json': S.QuoteList } },
      problems,
    },
    (c, { query }) =>
      answer(c, `quotes ${JSON.stringify(query)}`, (a) => {
        const { limit, offset, ...filter } = query;
        const { items, ...page } = pageOf(selectQuotes(a, filter), limit ?? ITEM_PAGE, offset ?? 0);
        return { quotes: items, ...page };
      }),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/events',
      tag: 'analysis',
      summary: 'Actor–action–target events with their modality, time, place and mentions',
      access: 'read',
      query: z.object({
        story: S.storyParam,
        type: param('type', text.optional(), 'only events of this ontology type (e.g. meet, deploy-forces)'),
        actor: param('actor', text.optional(), "only events whose actor's words contain this (any case)"),
        mentionLimit,
        ...paged(ITEM_PAGE),
      }),
      ok: { description: 'one page of events, with the total', content: { 'application/json': S.EventList } },
      problems,
    },
    (c, { query }) =>
      answer(c, `events ${JSON.stringify(query)}`, (a) => {
        const { limit, offset, mentionLimit: cut, ...filter } = query;
        const { items, ...page } = pageOf(selectEvents(a, filter), limit ?? ITEM_PAGE, offset ?? 0);
        return { events: limitMentions(items, cut), ...page };
      }),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/api/timeline',
      tag: 'analysis',
      summary: 'The timeline: dated entries with the events and mentions behind them',
      access: 'read',
      query: z.object({
        story: S.storyParam,
        from: dateParam('from', 'entries ending on or after this date'),
        to: dateParam('to', 'entries starting on or before this date'),
        ...paged(ITEM_PAGE),
      }),
      ok: {
        description: 'one page of the timeline, with the total',
        content: { 'application/json': S.Timeline },
      },
      problems,
    },
    (c, { query }) => {
      const from = dateBound('query parameter "from"', query.from, 'first');
      const to = dateBound('query parameter "to"', query.to, 'last');
      return answer(c, `timeline ${JSON.stringify(query)}`, (a) => {
        const entries = selectTimeline(a, { story: query.story, from, to });
        const { items, ...page } = pageOf(entries, query.limit ?? ITEM_PAGE, query.offset ?? 0);
        return { timeline: items, ...page };
      });
    },
  );
}
