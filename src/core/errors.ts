/**
 * Stable error codes. The CLI and the server translate them into exit codes
 * and HTTP statuses at the edge; nothing below them knows either.
 */
export type ErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_MALFORMED'
  | 'INPUT_UNSUPPORTED'
  | 'FETCH_FAILED'
  | 'FETCH_BLOCKED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_INCOMPLETE'
  | 'EXTRACT_EMPTY'
  | 'EXTRACT_BUDGET'
  | 'NOT_FOUND'
  | 'AMBIGUOUS_ID'
  | 'USAGE'
  | 'STORE_FAILED'
  | 'INTERNAL';

/** The one error base class: a stable code, a message that says what to do, and a cause. */
export class SitrepError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SitrepError';
    this.code = code;
  }
}

export function isSitrepError(value: unknown): value is SitrepError {
  return value instanceof SitrepError;
}

/** Describe an unknown thrown value in one line (for per-item failure reports). */
export function describeError(value: unknown): string {
  if (value instanceof Error) return value.message;
  return String(value);
}
