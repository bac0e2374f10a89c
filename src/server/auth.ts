import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './http-errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Require `Authorization: Bearer <token>` when a token is configured; a no-op otherwise. */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token === undefined) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (match?.[1] && timingSafeEqual(digest(match[1]), digest(token))) return next();
    c.header('WWW-Authenticate', 'Bearer realm="sitrep"');
    return errorResponse(
      c,
      401,
      'UNAUTHORIZED',
      match ? 'the bearer token is wrong' : 'this route needs an "Authorization: Bearer <token>" header',
    );
  };
}

/**
 * Refuse requests whose Host is not one of the allowed names (DNS-rebinding defence for a server
 * bound to loopback, with or without a token). Empty list: any host.
 */
export function requireHost(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (allowed.length === 0) return next();
    const host = new URL(c.req.url).hostname.toLowerCase();
    if (allowed.includes(host)) return next();
    return errorResponse(c, 403, 'FORBIDDEN_HOST', `requests for host "${host}" are not served here`);
  };
}
