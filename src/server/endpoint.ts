/**
 * One way to declare an API route: its method, path, parameters, body and responses as zod schemas
 * (api-schemas.ts). `endpoint` registers the route with its validation and its OpenAPI description in
 * one call, so the document cannot miss a route or describe parameters the route does not read.
 * Handlers return a Response (bodies go out through http-send.ts with ETags and encodings).
 */
import { createRoute, type OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Problem } from './api-schemas.ts';
import { errorResponse } from './http-errors.ts';

export type Api = OpenAPIHono;

/**
 * Who may call a route, as the document declares it: `read` needs the token only when the server
 * listens off loopback (app.ts), `write` whenever one is set (api-articles.ts).
 */
export type Access = 'read' | 'write';

interface Endpoint<Q extends z.ZodObject, P extends z.ZodObject, B extends z.ZodType> {
  method: 'get' | 'post';
  /** OpenAPI form: `/api/stories/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: Q;
  params?: P;
  body?: B;
  /** The 200 response: its schema per media type (JSON unless named), and what it is. */
  ok: { description: string; content: Record<string, z.ZodType> };
  /** The error statuses the route gives, each with when. */
  problems: Record<number, string>;
}

/** The validated parameters (a body is not validated: the handler reads it itself, see below). */
interface Input<Q extends z.ZodObject, P extends z.ZodObject> {
  query: z.output<Q>;
  params: z.output<P>;
}

const empty = z.object({});

const READ_SECURITY = [{}, { bearer: [] }];
const WRITE_SECURITY = [{ bearer: [] }];

export function endpoint<
  Q extends z.ZodObject = typeof empty,
  P extends z.ZodObject = typeof empty,
  B extends z.ZodType = z.ZodUndefined,
>(
  app: Api,
  e: Endpoint<Q, P, B>,
  handler: (c: Context, input: Input<Q, P>) => Promise<Response> | Response,
): void {
  const problems = Object.fromEntries(
    Object.entries(e.problems).map(([status, description]) => [
      status,
      { description, content: { 'application/problem+json': { schema: Problem } } },
    ]),
  );
  const config = {
    method: e.method,
    path: e.path,
    tags: [e.tag],
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    operationId: operationId(e.method, e.path),
    security: e.access === 'read' ? READ_SECURITY : WRITE_SECURITY,
    request: {
      ...(e.query ? { query: e.query } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.body ? { body: { required: true, content: { 'application/json': { schema: e.body } } } } : {}),
    },
    responses: {
      200: {
        description: e.ok.description,
        content: Object.fromEntries(Object.entries(e.ok.content).map(([type, schema]) => [type, { schema }])),
      },
      ...problems,
    },
  } as RouteConfig;
  if (e.body) {
    // A body is documented, not validated here: its reader reports each bad item on its own (one bad
    // item must not refuse the others), which a schema check of the whole body would do.
    app.openAPIRegistry.registerPath(createRoute(config));
    app.on(e.method.toUpperCase(), e.path.replace(/\{(\w+)\}/g, ':$1'), (c) =>
      handler(c, { query: {} as z.output<Q>, params: {} as z.output<P> }),
    );
    return;
  }
  app.openapi(createRoute(config), ((c: Context) =>
    handler(c, {
      query: (e.query ? c.req.valid('query' as never) : {}) as z.output<Q>,
      params: (e.params ? c.req.valid('param' as never) : {}) as z.output<P>,
    })) as never);
}

/** `getStoriesAnalysis` from `get /api/stories/{id}/analysis`, `getArticlesById` from `get /api/articles/{id}`. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split('/')
    .map((part) => part.replace(/[{}.]/g, ' ').trim())
    .filter((part) => part !== '' && part !== 'id' && part !== 'json');
  return (
    method +
    words
      .flatMap((w) => w.split(/\s+/))
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('') +
    (path.endsWith('{id}') ? 'ById' : '')
  );
}

/** Validation failures of parameters and bodies: 400 USAGE saying which parameter and why. */
export function validationProblem(
  result: { target: string } & ({ success: true } | { success: false; error: z.ZodError }),
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const where = result.target === 'json' ? 'body' : result.target === 'param' ? 'path' : 'query parameter';
  const detail = result.error.issues
    .map((issue) => {
      const name = issue.path.map(String).join('.');
      return `${where}${name ? ` "${name}"` : ''}: ${issue.message}`;
    })
    .join('; ');
  return errorResponse(c, 400, 'USAGE', detail);
}
