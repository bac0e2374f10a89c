import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { STATUS_CODES } from 'node:http';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import type { RawInput } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import { fail, type Outcome } from '../../core/outcome.ts';
import { classifyAddress } from './address-policy.ts';
import { concat, tooLarge, toRawInput } from './read-files.ts';
import {
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_STREAM_BYTES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  type ReadOptions,
} from './read-options.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

type Lookup = NonNullable<ReadOptions['lookup']>;

const defaultLookup: Lookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * A conditional GET (`sitrep watch`): the validators of the last response are sent (If-None-Match,
 * If-Modified-Since), and `received` is filled with the new response's and whether the server
 * answered 304 Not Modified (the outcome is then a failure the caller does not report).
 */
export interface Conditional {
  etag?: string;
  lastModified?: string;
  received?: { notModified: boolean; etag?: string; lastModified?: string };
}

/**
 * Fetch one http(s) URL with GET. Every address a hostname resolves to is
 * checked at connect time (and IP-literal hosts before connecting), on every
 * redirect hop; redirects are followed by hand up to maxRedirects. One overall
 * timeout covers all hops and the body; the size cap is enforced while the
 * body streams.
 */
export async function fetchUrl(
  url: string,
  options: ReadOptions,
  conditional?: Conditional,
): Promise<Outcome<RawInput>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const allowPrivate = options.allowPrivate ?? false;
  const resolve = options.lookup ?? defaultLookup;
  let blocked: SitrepError | undefined;

  let current = url;
  const connectLookup: LookupFunction = (hostname, opts, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
          return;
        }
        if (!allowPrivate) {
          for (const { address } of addresses) {
            const kind = classifyAddress(address);
            if (kind) {
              blocked = blockedError(url, current, hostname, address, kind);
              callback(blocked as NodeJS.ErrnoException, '');
              return;
            }
          }
        }
        const list: LookupAddress[] = addresses.map((a) => ({ address: a.address, family: a.family }));
        if (opts.all) callback(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
  const agent = new Agent({ connect: { lookup: connectLookup } });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  /** Set once the headers of the final response are in and its body is being read. */
  let reading: { url: string; length: number } | undefined;
  try {
    for (let hop = 0; ; hop++) {
      const target = new URL(current);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        return fail(
          url,
          new SitrepError('FETCH_FAILED', `${url} redirected to ${current}: only http and https are fetched`),
        );
      }
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!allowPrivate && isIP(host) !== 0) {
        const kind = classifyAddress(host);
        if (kind) return fail(url, blockedError(url, current, host, host, kind));
      }
      const response = await request(target, {
        method: 'GET',
        dispatcher: agent,
        signal: controller.signal,
        headers: {
          'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
          accept: ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
          ...(conditional?.etag ? { 'if-none-match': conditional.etag } : {}),
          ...(conditional?.lastModified ? { 'if-modified-since': conditional.lastModified } : {}),
        },
      });
      if (conditional) {
        const etag = header(response.headers, 'etag');
        const lastModified = header(response.headers, 'last-modified');
        conditional.received = {
          notModified: response.statusCode === 304,
          ...(etag ? { etag } : {}),
          ...(lastModified ? { lastModified } : {}),
        };
        if (response.statusCode === 304) {
          await response.body.dump();
          return fail(url, new SitrepError('FETCH_FAILED', `${url} has not changed since it was last read`));
        }
      }
      const location = header(response.headers, 'location');
      if (REDIRECT_STATUSES.has(response.statusCode) && location !== undefined) {
        await response.body.dump();
        if (hop >= maxRedirects) {
          return fail(
            url,
            new SitrepError(
              'FETCH_FAILED',
              `too many redirects fetching ${url} (more than ${maxRedirects}); last one to ${new URL(location, current).href}`,
            ),
          );
        }
        current = new URL(location, current).href;
        continue;
      }
      if (response.statusCode < 200 || response.statusCode > 299) {
        await response.body.dump();
        const text = STATUS_CODES[response.statusCode] ?? 'error';
        const finalNote = current === url ? '' : ` (redirected to ${current})`;
        return fail(
          url,
          new SitrepError('FETCH_FAILED', `HTTP ${response.statusCode} ${text} from ${url}${finalNote}`),
        );
      }
      const length = Number(header(response.headers, 'content-length'));
      const encoding = (header(response.headers, 'content-encoding') ?? 'identity').trim().toLowerCase();
      if (!['identity', 'gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) {
        response.body.destroy();
        return fail(
          url,
          new SitrepError('FETCH_FAILED', `${url} came with an unsupported Content-Encoding: ${encoding}`),
        );
      }
      if (Number.isFinite(length) && length > maxBytes && encoding === 'identity') {
        response.body.destroy();
        return fail(url, tooLarge(url, maxBytes, length));
      }
      reading = { url: current, length };
      const body = await readBody(response.body, encoding, maxBytes);
      if (body === undefined) return fail(url, tooLarge(url, maxBytes));
      const { bytes, received } = body;
      // A connection closed early can end a response as if it were complete (undici does so when the
      // server sent "Connection: close"): compare what came with what Content-Length announced.
      if (Number.isFinite(length) && received < length) {
        return fail(
          url,
          incomplete(
            url,
            current,
            `ended after ${received} of the ${length} bytes its Content-Length announced`,
          ),
        );
      }
      const contentType = header(response.headers, 'content-type');
      return toRawInput(url, bytes, { kind: 'url', url, finalUrl: current }, options.now(), contentType);
    }
  } catch (error) {
    if (blocked) return fail(url, blocked);
    if (controller.signal.aborted) {
      return fail(
        url,
        new SitrepError(
          'FETCH_TIMEOUT',
          `timed out after ${timeoutMs} ms fetching ${url}; raise --timeout or try again later`,
          { cause: error },
        ),
      );
    }
    if (error instanceof SitrepError) return fail(url, error);
    // undici's own checks: a body that ended before its Content-Length, a connection lost mid-body.
    const code = (error as { code?: string }).code;
    if (reading && (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_SOCKET')) {
      const announced = Number.isFinite(reading.length)
        ? ` before the ${reading.length} bytes its Content-Length announced`
        : '';
      return fail(url, incomplete(url, reading.url, `was cut short${announced}`, error));
    }
    const detail = describeCause(error);
    return fail(url, new SitrepError('FETCH_FAILED', `could not fetch ${url}: ${detail}`, { cause: error }));
  } finally {
    clearTimeout(timer);
    agent.destroy().catch(() => {});
  }
}

/** A body that did not arrive whole: worth another try, unlike most fetch failures. */
function incomplete(url: string, current: string, what: string, cause?: unknown): SitrepError {
  const hop = current === url ? '' : ` (redirected to ${current})`;
  return new SitrepError(
    'FETCH_INCOMPLETE',
    `the body of ${url}${hop} ${what}: the connection closed early; nothing was stored, try again later`,
    cause === undefined ? undefined : { cause },
  );
}

function blockedError(
  url: string,
  current: string,
  host: string,
  address: string,
  kind: string,
): SitrepError {
  const resolves = host === address ? 'is' : `resolves to ${address},`;
  const hop = current === url ? '' : ` (redirected to ${current})`;
  return new SitrepError(
    'FETCH_BLOCKED',
    `refusing to fetch ${url}${hop}: ${host} ${resolves} a ${kind} address; pass --allow-private to fetch from local or private networks`,
  );
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Read the body (decompressing gzip/deflate/br), or undefined once it exceeds maxBytes. `received` counts
 * the bytes as they came over the wire (before decompression), to compare with Content-Length.
 */
async function readBody(
  body: Readable,
  encoding: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; received: number } | undefined> {
  let stream: Readable = body;
  let received = 0;
  if (encoding !== 'identity') body.on('data', (chunk: Uint8Array) => (received += chunk.length));
  const ignore = () => {};
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = pipeline(body, createGunzip(), ignore);
  else if (encoding === 'deflate') stream = pipeline(body, createInflate(), ignore);
  else if (encoding === 'br') stream = pipeline(body, createBrotliDecompress(), ignore);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > maxBytes) {
        body.destroy();
        stream.destroy();
        return undefined;
      }
      chunks.push(chunk);
    }
  } finally {
    if (stream !== body) body.destroy();
  }
  return { bytes: concat(chunks, total), received: encoding === 'identity' ? total : received };
}

function describeCause(error: unknown): string {
  const err = error as { message?: string; code?: string; cause?: unknown };
  const cause = err.cause as { message?: string } | undefined;
  const message = cause?.message ?? err.message ?? String(error);
  return message;
}
