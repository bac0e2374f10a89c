/**
 * Sending a JSON (or text) body the way every API read is sent: a weak ETag from its bytes, 304 Not
 * Modified when the client already holds it (`If-None-Match`), and brotli or gzip for clients that
 * accept them (by their q-values), each encoding made once per body and off the event loop. An
 * analysis view keeps its `CachedBody` (analysis-state.ts), so its hash and encodings are made once
 * per analysis and query; a store read makes a fresh one per request.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type Encoding = 'br' | 'gzip';

/** A response body: UTF-8 bytes, and (made on first need) its ETag and its encodings. */
export interface CachedBody {
  bytes: Uint8Array<ArrayBuffer>;
  etag?: string;
  encoded?: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>>;
}

/** Bodies smaller than this are sent as they are (compressing them saves next to nothing). */
export const COMPRESS_FROM = 1024;

const encoder = new TextEncoder();

export const bodyOf = (text: string): CachedBody => ({ bytes: encoder.encode(text) });

/** The body's weak ETag: a hash of its bytes (weak: the same for every encoding of them). */
export function etagOf(body: CachedBody): string {
  body.etag ??= `W/"${createHash('sha256').update(body.bytes).digest('base64url').slice(0, 27)}"`;
  return body.etag;
}

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 13.1.2), or is `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The encoding to send for an Accept-Encoding header: brotli before gzip, never one at q=0. */
export function chooseEncoding(accept: string | undefined): Encoding | undefined {
  if (!accept) return undefined;
  const weights = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name!.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const)
    .filter((e) => weight(e) > 0)
    .sort((a, b) => weight(b) - weight(a))[0];
  return best;
}

const asBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.length) as Uint8Array<ArrayBuffer>;

/** The bytes of `body` in `encoding`, compressed once per body on libuv's thread pool. */
export function encodeBody(body: CachedBody, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  body.encoded ??= {};
  body.encoded[encoding] ??=
    encoding === 'gzip'
      ? gzipAsync(body.bytes).then(asBytes)
      : brotliAsync(body.bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.bytes.length,
          },
        }).then(asBytes);
  return body.encoded[encoding];
}

/** Send `body` with `headers` (its content type among them): 200, or 304 when the client has it. */
export async function sendBody(
  c: Context,
  body: CachedBody,
  headers: Record<string, string>,
): Promise<Response> {
  const etag = etagOf(body);
  const common = { etag, vary: 'accept-encoding', 'cache-control': 'no-cache', ...headers };
  if (etagMatches(c.req.header('if-none-match'), etag)) {
    const rest: Record<string, string> = { ...common };
    delete rest['content-type'];
    return c.body(null, 304, rest);
  }
  const encoding =
    body.bytes.length >= COMPRESS_FROM ? chooseEncoding(c.req.header('accept-encoding')) : undefined;
  if (!encoding) return c.body(body.bytes, 200, common);
  return c.body(await encodeBody(body, encoding), 200, { ...common, 'content-encoding': encoding });
}

export const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** Send a value as JSON through `sendBody`. */
export const sendJson = (c: Context, value: unknown, headers: Record<string, string> = {}) =>
  sendBody(c, bodyOf(JSON.stringify(value)), { ...JSON_TYPE, ...headers });
