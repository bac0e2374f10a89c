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

/** One title per problem type (RFC 9457: the same for every occurrence of the type). */
const TITLES: Record<string, string> = {
  USAGE: 'Bad request',
  INPUT_MALFORMED: 'Malformed input',
  NOT_FOUND: 'Not found',
  INPUT_NOT_FOUND: 'Input not found',
  AMBIGUOUS_ID: 'Ambiguous id',
  INPUT_TOO_LARGE: 'Input too large',
  INPUT_EMPTY: 'Empty input',
  INPUT_BINARY: 'Binary input',
  INPUT_UNSUPPORTED: 'Unsupported input',
  INPUT_UNREADABLE: 'Unreadable input',
  EXTRACT_EMPTY: 'No article text',
  EXTRACT_BUDGET: 'Extraction over budget',
  FETCH_FAILED: 'Fetch failed',
  FETCH_BLOCKED: 'Fetch refused',
  FETCH_TIMEOUT: 'Fetch timed out',
  FETCH_INCOMPLETE: 'Fetch incomplete',
  STORE_FAILED: 'Store failure',
  INTERNAL: 'Internal error',
  UNAUTHORIZED: 'Unauthorized',
  FORBIDDEN_HOST: 'Host not served',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  ANALYSIS_UNAVAILABLE: 'Analysis unavailable',
  ANALYSIS_PENDING: 'Analysis pending',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem details body; `code` (an extension member) is the stable error code. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
}

export const problemType = (code: string): string =>
  `urn:sitrep:problem:${code.toLowerCase().replaceAll('_', '-')}`;

/**
 * Engine messages say what to do in the CLI's words; an API client is told the API's. Each rule
 * rewrites one hint the engine gives (a test pins them against the engine's messages).
 */
const API_WORDING: [RegExp, string][] = [
  [
    /; pass --allow-private to fetch from local or private networks/,
    '; this server never fetches from local or private networks',
  ],
  [/`sitrep stories` lists them/, 'GET /api/stories lists them'],
  [/`sitrep articles` lists the ids/, 'GET /api/articles lists them'],
  [/`sitrep ingest <paths>` adds some/, 'POST /api/ingest adds some'],
  [/; raise --max-(?:stream-)?bytes to read it/, '; this server does not take larger documents'],
];

/** An engine message in the API's words. */
export function apiWording(message: string): string {
  let out = message;
  for (const [pattern, replacement] of API_WORDING) out = out.replace(pattern, replacement);
  return out;
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, detail: string) {
  const body: ProblemBody = { type: problemType(code), title: TITLES[code] ?? code, status, detail, code };
  return c.body(JSON.stringify(body), status, { 'content-type': PROBLEM_CONTENT_TYPE });
}

/** `app.onError`: SitrepErrors by their code; anything else is a bug, reported without its stack. */
export function handleError(error: Error, c: Context) {
  if (isSitrepError(error))
    return errorResponse(c, STATUS_FOR_CODE[error.code], error.code, apiWording(error.message));
  return errorResponse(c, 500, 'INTERNAL', `internal error: ${error.message} (please report this)`);
}
