import { z } from '@hono/zod-openapi';
import { CSV_KINDS, exportCsv } from '../engine/export-csv.ts';
import { stixBundle } from '../engine/export-stix.ts';
import type { ItemRouteKit } from './api-items.ts';
import * as S from './api-schemas.ts';
import { type Api, endpoint } from './endpoint.ts';

/** A download's file name: the kind and, when given, the story. */
const fileName = (base: string, story: string | undefined, ext: string) =>
  `${base}${story ? `-${story.replace(/[^A-Za-z0-9_-]/g, '_')}` : ''}.${ext}`;

/** CSV of claims, quotes or events, and a STIX 2.1 bundle: the analysis for other tools. */
export function registerExportRoutes(app: Api, kit: ItemRouteKit): void {
  const { answer, problems, param } = kit;
  endpoint(
    app,
    {
      method: 'get',
      path: '/api/export/csv',
      tag: 'analysis',
      summary: 'Claims, quotes or events as CSV, each row with its first mention (article and span)',
      access: 'read',
      query: z.object({
        kind: param('kind', z.enum(CSV_KINDS), 'claims, quotes or events').openapi({
          param: { name: 'kind', in: 'query', required: true },
        }),
        story: S.storyParam,
      }),
      ok: { description: 'the CSV file (RFC 4180)', content: { 'text/csv': z.string() } },
      problems,
    },
    (c, { query }) =>
      answer(
        c,
        `csv ${query.kind} ${query.story ?? ''}`,
        (a) => exportCsv(a, query.kind, query.story),
        {
          'content-type': 'text/csv; charset=utf-8; header=present',
          'content-disposition': `attachment; filename="${fileName(query.kind, query.story, 'csv')}"`,
        },
        true,
      ),
  );
  endpoint(
    app,
    {
      method: 'get',
      path: '/api/export/stix',
      tag: 'analysis',
      summary:
        'A STIX 2.1 bundle: stories as reports, people and organizations as identities, countries as locations, events as relationships, claims as notes',
      access: 'read',
      query: z.object({ story: S.storyParam }),
      ok: {
        description: 'the bundle',
        content: {
          'application/stix+json': z
            .looseObject({
              type: z.literal('bundle'),
              id: z.string(),
              objects: z.array(z.looseObject({ type: z.string(), id: z.string() })),
            })
            .openapi('StixBundle'),
        },
      },
      problems,
    },
    (c, { query }) =>
      answer(c, `stix ${query.story ?? ''}`, (a) => stixBundle(a, query.story), {
        'content-type': 'application/stix+json;version=2.1',
        'content-disposition': `attachment; filename="${fileName('sitrep-stix', query.story, 'json')}"`,
      }),
  );
}
