import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, isSitrepError } from '../core/errors.ts';

/** The HTTP status for each stable error code: the server's one translation table. */
export const STATUS_FOR_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  USAGE: 400,
  INPUT_MALFORMED: 400,
  NOT_FOUND: 404,
  INPUT_NOT_FOUND: 404,
  AMBIGUOUS_ID: 409,
  INPUT_TOO_LARGE: 413,
  INPUT_EMPTY: 422,
  INPUT_BINARY: 422,
  INPUT_UNSUPPORTED: 422,
  INPUT_UNREADABLE: 422,
  EXTRACT_EMPTY: 422,
  EXTRACT_BUDGET: 422,
  FETCH_FAILED: 422,
  FETCH_BLOCKED: 422,
  FETCH_TIMEOUT: 422,
  FETCH_INCOMPLETE: 422,
  STORE_FAILED: 500,
  INTERNAL: 500,
};

/** Every error body has this shape; `code` is a SitrepError code or one of the edge's own (UNAUTHORIZED, …). */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  const body: ErrorBody = { error: { code, message } };
  return c.json(body, status);
}

/** `app.onError`: SitrepErrors by their code; anything else is a bug, reported without its stack. */
export function handleError(error: Error, c: Context) {
  if (isSitrepError(error)) return errorResponse(c, STATUS_FOR_CODE[error.code], error.code, error.message);
  return errorResponse(c, 500, 'INTERNAL', `internal error: ${error.message} (please report this)`);
}
