/**
 * `sitrep watch <feed-url>…`: poll feeds on a schedule and queue their new items for the fleet
 * (docs/decisions/0090). Each poll is a conditional GET: the ETag and Last-Modified of the feed's last
 * response are kept in the store (derived records `feed-validators`) and sent back, so an unchanged
 * feed costs a 304. An item already stored with the same content is not queued again.
 */
import { SitrepError } from '../core/errors.ts';
import { type Conditional, fetchUrl, type ReadOptions, splitDocuments } from '../pipeline/ingest/index.ts';
import type { PgQueue } from '../queue/pg-queue.ts';
import type { Store } from '../store/store.ts';
import { contentHash } from './build-article.ts';
import { IngestQueuer } from './fleet-ingest.ts';

const VALIDATORS = 'feed-validators';

export interface FeedPoll {
  url: string;
  at: string;
  status: 'not-modified' | 'read' | 'failed';
  /** Items in the feed, those already stored unchanged, those queued, those that failed. */
  items: number;
  known: number;
  queued: number;
  failed: number;
  error?: { code: string; message: string };
}

export interface WatchOptions extends ReadOptions {
  /** Time between the starts of two rounds of polls. */
  everyMs: number;
  /** One round, then stop. */
  once?: boolean;
  /** Stops the watch (between polls, or during the wait). */
  signal?: AbortSignal;
  onPoll?: (poll: FeedPoll) => void;
}

interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Poll one feed: fetch it if it changed, queue its new items, keep its validators. */
export async function pollFeed(
  store: Store,
  queue: PgQueue,
  url: string,
  options: ReadOptions,
): Promise<FeedPoll> {
  const at = options.now().toISOString();
  const poll: FeedPoll = { url, at, status: 'read', items: 0, known: 0, queued: 0, failed: 0 };
  const kept = await store.getDerived<Validators>(VALIDATORS, url);
  const conditional: Conditional = { ...(kept?.value ?? {}) };
  const outcome = await fetchUrl(url, options, conditional);
  if (conditional.received?.notModified) return { ...poll, status: 'not-modified' };
  if (!outcome.ok) {
    return { ...poll, status: 'failed', error: { code: outcome.error.code, message: outcome.error.message } };
  }
  const raw = outcome.value;
  const queuer = new IngestQueuer(store, queue);
  const seen = new Set<string>();
  for (const doc of splitDocuments(raw, options.maxBytes ? { maxBytes: options.maxBytes } : {})) {
    poll.items += 1;
    if (!doc.ok) {
      queuer.record({
        status: 'failed',
        where: doc.where,
        error: { code: doc.error.code, message: doc.error.message },
      });
      continue;
    }
    const item = doc.value;
    if (seen.has(item.identity)) continue;
    seen.add(item.identity);
    const stored = await store.findByIdentity(item.identity);
    if (stored && stored.contentSha256 === contentHash(item)) {
      poll.known += 1;
      continue;
    }
    await queuer.add(raw, item, item.itemKey ? `${url}#${item.itemKey}` : url);
  }
  const report = await queuer.finish();
  poll.queued = report.counts.queued;
  poll.failed = report.counts.failed;
  // Kept only once its items are queued: a poll that failed half-way reads the feed whole next time.
  const received = conditional.received;
  if (received?.etag || received?.lastModified) {
    const value: Validators = {
      ...(received.etag ? { etag: received.etag } : {}),
      ...(received.lastModified ? { lastModified: received.lastModified } : {}),
    };
    await store.putDerived({ kind: VALIDATORS, key: url, version: '1', value, updatedAt: at });
  }
  return poll;
}

/** Poll the feeds every `everyMs` until the signal stops it (or once). Returns the last round. */
export async function watchFeeds(
  store: Store,
  queue: PgQueue,
  urls: string[],
  options: WatchOptions,
): Promise<FeedPoll[]> {
  if (urls.length === 0) throw new SitrepError('USAGE', 'sitrep watch needs at least one feed URL');
  for (const url of urls) {
    if (!/^https?:\/\//i.test(url)) throw new SitrepError('USAGE', `not an http(s) feed URL: ${url}`);
  }
  for (;;) {
    const started = Date.now();
    const round: FeedPoll[] = [];
    for (const url of urls) {
      if (options.signal?.aborted) return round;
      let poll: FeedPoll;
      try {
        poll = await pollFeed(store, queue, url, options);
      } catch (error) {
        // The store or the queue failed: this poll fails, the watch goes on.
        const e = error instanceof SitrepError ? error : new SitrepError('STORE_FAILED', String(error));
        poll = {
          url,
          at: options.now().toISOString(),
          status: 'failed',
          items: 0,
          known: 0,
          queued: 0,
          failed: 0,
          error: { code: e.code, message: e.message },
        };
      }
      round.push(poll);
      options.onPoll?.(poll);
    }
    if (options.once || options.signal?.aborted) return round;
    const wait = Math.max(0, options.everyMs - (Date.now() - started));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, wait);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (options.signal?.aborted) return round;
  }
}
