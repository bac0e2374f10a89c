import { SitrepError } from '../core/errors.ts';
import { DEFAULT_MAX_BYTES, type ReadOptions } from '../pipeline/ingest/index.ts';
import type { Store } from '../store/store.ts';
import { emptyCounts, type IngestItem, type IngestReport, ingest } from './ingest.ts';

/** One posted article: the fields of a JSON line (see `sitrep ingest` JSON lines). */
export interface UploadItem {
  text?: string;
  html?: string;
  url?: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  byline?: string;
  language?: string;
}

/** Read options for uploads: no folders, no stdin, and never private addresses. */
export type UploadOptions = Pick<
  ReadOptions,
  'now' | 'timeoutMs' | 'maxBytes' | 'maxRedirects' | 'userAgent'
> &
  Pick<ReadOptions, 'lookup'>;

/** At most this many URLs are fetched for one request. */
export const MAX_UPLOAD_URLS = 50;

const HTTP_URL = /^https?:\/\//i;

function failed(where: string, code: SitrepError['code'], message: string): IngestItem {
  return { status: 'failed', where, error: { code, message } };
}

/** `-#line:3` / `stdin#line:3` (the JSON line of the 3rd posted object) → `items[i]` (its index in the request). */
function relabelWhere(where: string, indexOfLine: (line: number) => number | undefined): string {
  const match = /^(?:-|stdin)(?:#line:(\d+))?$/.exec(where);
  if (!match) return where;
  const index = match[1] === undefined ? undefined : indexOfLine(Number(match[1]));
  return index === undefined ? 'items' : `items[${index}]`;
}

/** An item's place, and a duplicate's first place, in the request's terms. */
function relabel(item: IngestItem, indexOfLine: (line: number) => number | undefined): IngestItem {
  const labelled = { ...item, where: relabelWhere(item.where, indexOfLine) };
  if (item.duplicateOf !== undefined) labelled.duplicateOf = relabelWhere(item.duplicateOf, indexOfLine);
  return labelled;
}

/**
 * The upload use-case behind `POST /api/ingest`: posted items are serialised as JSON lines and go
 * through the same pipeline as `sitrep ingest -` (one raw input, one article per item); URLs are
 * fetched with private addresses always refused. Anything that is not an http(s) URL is refused
 * without touching the file system. Items are reported first, in request order, then URLs.
 */
export async function ingestItems(
  store: Store,
  items: unknown[],
  urls: unknown[],
  options: UploadOptions,
): Promise<IngestReport> {
  if (urls.length > MAX_UPLOAD_URLS) {
    throw new SitrepError(
      'USAGE',
      `${urls.length} URLs in one request; send at most ${MAX_UPLOAD_URLS} per request`,
    );
  }
  const reported: { order: number; item: IngestItem }[] = [];
  const lines: string[] = [];
  const lineIndex: number[] = [];
  items.forEach((value, index) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      reported.push({
        order: index,
        item: failed(`items[${index}]`, 'INPUT_MALFORMED', 'an item must be a JSON object'),
      });
      return;
    }
    lines.push(JSON.stringify(value));
    lineIndex.push(index);
  });

  const readOptions: ReadOptions = { ...options, allowPrivate: false };
  if (lines.length > 0) {
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const report = await ingest(store, ['-'], { ...readOptions, readStdin: async () => bytes });
    for (const item of report.items) {
      const labelled = relabel(item, (line) => lineIndex[line - 1]);
      const index = /^items\[(\d+)\]$/.exec(labelled.where)?.[1];
      reported.push({ order: index === undefined ? -1 : Number(index), item: labelled });
    }
  }
  reported.sort((a, b) => a.order - b.order);

  const fetchable: string[] = [];
  const urlItems: IngestItem[] = [];
  for (const url of urls) {
    if (typeof url !== 'string' || !HTTP_URL.test(url.trim())) {
      const shown = typeof url === 'string' ? url : JSON.stringify(url);
      urlItems.push(failed(shown, 'INPUT_UNSUPPORTED', `${shown} is not an http(s) URL`));
    } else {
      fetchable.push(url.trim());
    }
  }
  // A server fetching on a client's behalf downloads no more than one document's worth per URL.
  const fetchOptions: ReadOptions = { ...readOptions, maxStreamBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  if (fetchable.length > 0) urlItems.push(...(await ingest(store, fetchable, fetchOptions)).items);

  const all = [...reported.map((r) => r.item), ...urlItems];
  const counts = emptyCounts();
  for (const item of all) counts[item.status] += 1;
  return { items: all, counts };
}

function arrayField(body: Record<string, unknown>, name: string): unknown[] {
  const value = body[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SitrepError('USAGE', `"${name}" must be an array`);
  return value;
}

/**
 * `POST /api/ingest`'s body as text (`{ "items": [...], "urls": [...] }`), parsed and checked here so
 * that a server can run the whole request, parsing included, on a worker thread.
 */
export async function ingestUploadBody(
  store: Store,
  text: string,
  options: UploadOptions,
): Promise<IngestReport> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new SitrepError('INPUT_MALFORMED', `request body is not valid JSON (${(error as Error).message})`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SitrepError('USAGE', 'request body must be a JSON object: { "items": [...], "urls": [...] }');
  }
  const record = body as Record<string, unknown>;
  const items = arrayField(record, 'items');
  const urls = arrayField(record, 'urls');
  if (items.length === 0 && urls.length === 0) {
    throw new SitrepError('USAGE', 'nothing to ingest: give a non-empty "items" or "urls" array');
  }
  return ingestItems(store, items, urls, options);
}
