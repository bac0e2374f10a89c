import { SitrepError } from '../core/errors.ts';

/** A whole-number query parameter in [min, max]; absent → undefined; anything else → USAGE (400). */
export function intParam(
  name: string,
  value: string | undefined,
  range: { min: number; max: number },
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new SitrepError(
      'USAGE',
      `query parameter "${name}" must be a whole number from ${range.min} to ${range.max} (got ${JSON.stringify(value)})`,
    );
  }
  return n;
}

/** A query parameter that must be one of a fixed set of values. */
export function enumParam<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new SitrepError(
      'USAGE',
      `query parameter "${name}" must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
    );
  }
  return value as T;
}

/** A required, non-blank query parameter. */
export function requiredParam(name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw new SitrepError('USAGE', `query parameter "${name}" is required`);
  }
  return value;
}
