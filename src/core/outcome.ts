import type { SitrepError } from './errors.ts';

/**
 * Per-item results: one bad page never aborts a batch. Bugs and infrastructure
 * failures throw; a bad input item is a value.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SitrepError; where: string };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T>(where: string, error: SitrepError): Outcome<T> {
  return { ok: false, error, where };
}
