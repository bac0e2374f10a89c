import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from './http-errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
function bearerProblem(c: Context, token: string): Response | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  if (match?.[1] && timingSafeEqual(digest(match[1]), digest(token))) return undefined;
  c.header('WWW-Authenticate', 'Bearer realm="sitrep"');
  return errorResponse(
    c,
    401,
    'UNAUTHORIZED',
    match ? 'the bearer token is wrong' : 'this route needs an "Authorization: Bearer <token>" header',
  );
}

/**
 * Require the token for requests of `method` (all methods when absent) when a token is configured;
 * a no-op otherwise.
 */
export function requireToken(token: string | undefined, method?: string): MiddlewareHandler {
  return async (c, next) => {
    if (token === undefined || (method !== undefined && c.req.method !== method)) return next();
    return bearerProblem(c, token) ?? next();
  };
}

/**
 * Refuse requests whose Host is not one of the allowed names (DNS-rebinding defence), with or without
 * a token. Empty list: any host (a server off loopback, whose reads need the token instead).
 */
export function requireHost(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (allowed.length === 0) return next();
    const host = new URL(c.req.url).hostname.toLowerCase();
    if (allowed.includes(host)) return next();
    return errorResponse(c, 403, 'FORBIDDEN_HOST', `requests for host "${host}" are not served here`);
  };
}
