/**
 * Reading a derived record's stored JSON text. Derived records are caches of recomputable results: a
 * reader that can compute a record again asks to be told of one whose text is not JSON (a damaged
 * file, a write cut short outside a transaction, a hand edit) instead of failing every later read.
 */

/** What a record whose text is not JSON is read as when the reader asked to be told of it. */
export const UNREADABLE: unique symbol = Symbol('unreadable derived record');

/** Told of each record of a listing whose text is not JSON; the record is left out of the listing. */
export type OnUnreadable = (key: string, error: SyntaxError) => void;

/**
 * The record's value from its column: JSON text (SQLite; PostgreSQL since its migration 3), or a value
 * the driver already parsed (a PostgreSQL schema migrated only as far as 2, as tests and benchmarks
 * make, still has JSONB). See `UNREADABLE`.
 */
export function derivedValue<T>(
  key: string,
  column: unknown,
  unreadable?: OnUnreadable,
): T | typeof UNREADABLE {
  if (typeof column !== 'string') return column as T;
  if (!unreadable) return JSON.parse(column) as T;
  try {
    return JSON.parse(column) as T;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    unreadable(key, error);
    return UNREADABLE;
  }
}
