/**
 * Generators of API requests: refused writes (no token, wrong token, wrong media type, malformed or
 * non-object JSON, an oversized body, a foreign Host) and reads (health, pages of articles with odd
 * parameters, articles by id or prefix, full-text searches with operators and odd characters,
 * routes that do not exist). A read that names a stored article picks it when the run is made.
 */
import fc from 'fast-check';
import { ODD_TOKENS, word } from './text-arbitraries.ts';

export const TOKEN = 'fuzz-token-0123456789';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RefusedWrite {
  kind:
    | 'no-token'
    | 'wrong-token'
    | 'media-type'
    | 'malformed'
    | 'not-an-object'
    | 'too-large'
    | 'foreign-host';
  body: string;
  host: string;
}

/** The status each refused write must get. */
export const REFUSED_STATUS: Record<RefusedWrite['kind'], number> = {
  'no-token': 401,
  'wrong-token': 401,
  'media-type': 415,
  malformed: 400,
  'not-an-object': 400,
  'too-large': 413,
  'foreign-host': 403,
};

/** The body of a too-large write, made when it is sent (a counterexample prints its stand-in). */
export const TOO_LARGE = JSON.stringify({ items: [{ text: 'x'.repeat(MAX_BODY_BYTES) }] });

const goodBody = JSON.stringify({ items: [{ text: 'Refused\n\nThis item must never be stored.' }] });

export const refusedWrite: fc.Arbitrary<RefusedWrite> = fc.oneof(
  fc
    .constantFrom('no-token', 'wrong-token', 'media-type', 'foreign-host')
    .chain((kind) =>
      fc.domain().map((host) => ({ kind: kind as RefusedWrite['kind'], body: goodBody, host })),
    ),
  fc.nat().map((n) => ({
    kind: 'malformed' as const,
    body: goodBody.slice(0, n % goodBody.length),
    host: 'localhost',
  })),
  fc
    .oneof(
      fc.jsonValue({ maxDepth: 2 }).map((v) => {
        const object = v !== null && typeof v === 'object' && !Array.isArray(v);
        return JSON.stringify(object ? [v] : v);
      }),
      fc.constantFrom('{}', '{"items": []}', '{"items": "x"}', '{"urls": {}}', '{"items": null}'),
    )
    .map((body) => ({ kind: 'not-an-object' as const, body, host: 'localhost' })),
  fc.constant({ kind: 'too-large' as const, body: '(TOO_LARGE)', host: 'localhost' }),
);

export type Read =
  | { kind: 'path'; path: string }
  | { kind: 'stored'; index: number; length: number; upper: boolean }
  | { kind: 'search'; q: string; limit: string };

const param = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '1',
    '2',
    '50',
    '500',
    '501',
    '-1',
    '1.5',
    '1e3',
    ' 1',
    'ten',
    '9007199254740993',
    '０',
  ),
  fc.string({ maxLength: 6 }),
);

const query = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

const searchQuery = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: word, weight: 6 },
        {
          arbitrary: fc.constantFrom(
            'AND',
            'OR',
            'NOT',
            'NEAR',
            '"',
            '*',
            '(',
            ')',
            '-',
            '+',
            ':',
            '^',
            '|',
            '!',
            '&',
            "'",
            'title:x',
            'NEAR(a b)',
            '""',
          ),
          weight: 3,
        },
        { arbitrary: fc.constantFrom(...ODD_TOKENS), weight: 1 },
        { arbitrary: fc.string({ unit: 'binary', maxLength: 5 }), weight: 1 },
      ),
      { maxLength: 6 },
    ),
    fc.constantFrom(' ', ' ', ''),
  )
  .map(([parts, separator]) => parts.join(separator));

export const read: fc.Arbitrary<Read> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'path' as const, path: '/api/health' }), weight: 1 },
  {
    arbitrary: fc
      .tuple(
        fc.option(param, { nil: undefined }),
        fc.option(param, { nil: undefined }),
        fc.option(fc.oneof(word, fc.constantFrom('Example Wire', 'EXAMPLE WIRE', '%', '_')), {
          nil: undefined,
        }),
      )
      .map(([limit, offset, outlet]) => {
        const pairs: [string, string][] = [];
        if (limit !== undefined) pairs.push(['limit', limit]);
        if (offset !== undefined) pairs.push(['offset', offset]);
        if (outlet !== undefined) pairs.push(['outlet', outlet]);
        return { kind: 'path' as const, path: `/api/articles?${query(pairs)}` };
      }),
    weight: 3,
  },
  {
    arbitrary: fc
      .record({ index: fc.nat(), length: fc.integer({ min: 1, max: 16 }), upper: fc.boolean() })
      .map((r) => ({ kind: 'stored' as const, ...r })),
    weight: 4,
  },
  {
    arbitrary: fc
      .oneof(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom('%25%25%25%25', '____', 'ffff', '0000', '..', '%2e%2e', 'abcd%00'),
      )
      .map((id) => ({
        kind: 'path' as const,
        path: `/api/articles/${/%/.test(id) ? id : encodeURIComponent(id)}`,
      })),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(searchQuery, param).map(([q, limit]) => ({ kind: 'search' as const, q, limit })),
    weight: 5,
  },
  {
    arbitrary: fc
      .string({ maxLength: 12 })
      .map((s) => ({ kind: 'path' as const, path: `/api/${encodeURIComponent(s)}/x` })),
    weight: 1,
  },
);

/** The URL of a read, given the ids stored when it is made. */
export function readUrl(r: Read, ids: string[]): string {
  if (r.kind === 'path') return r.path;
  if (r.kind === 'search')
    return `/api/search?${query([['q', r.q], ...(r.limit ? [['limit', r.limit] as [string, string]] : [])])}`;
  const id = (ids[r.index % Math.max(1, ids.length)] ?? 'ffffffffffffffff').slice(0, r.length);
  return `/api/articles/${r.upper ? id.toUpperCase() : id}`;
}
