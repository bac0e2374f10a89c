import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  createTestDatabase,
  postgresProblem,
  type TestDatabase,
} from '../../test/fixtures/fleet/pg-database.ts';
import type { Store } from '../store/store.ts';
import { withQueue } from './fleet-status.ts';
import { type FeedPoll, watchFeeds } from './fleet-watch.ts';
import { startSitrepWorker } from './fleet-worker.ts';
import { openStore } from './open-store.ts';

const problem = await postgresProblem();
const now = () => new Date('2026-12-01T00:00:00Z');

const item = (n: number, text: string) =>
  `<item><title>Bridge update ${n}</title><link>https://news.example/bridge-${n}</link><guid>bridge-${n}</guid>` +
  `<pubDate>Tue, 0${n} Dec 2026 08:00:00 GMT</pubDate><description>${text}</description></item>`;
const feed = (items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>City desk</title>${items.join('')}</channel></rss>`;

if (problem?.mustFail) {
  it('reaches PostgreSQL', () => assert.fail(problem.reason));
} else {
  describe('sitrep watch: feeds polled into the queue', { skip: problem?.reason ?? false }, () => {
    let db: TestDatabase;
    let store: Store;
    let server: Server;
    let url: string;
    let body = '';
    let etag = '';
    const requests: (string | undefined)[] = [];
    before(async () => {
      db = await createTestDatabase('watch');
      store = await openStore({ db: db.url });
      server = createServer((req, res) => {
        requests.push(req.headers['if-none-match']);
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
        res.end(body);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    });
    after(async () => {
      await new Promise((r) => server?.close(r));
      await store?.close();
      await db?.drop();
    });

    const pollOnce = () =>
      withQueue(db.url, (queue) =>
        watchFeeds(store, queue, [url], { now, everyMs: 1000, once: true, allowPrivate: true }),
      );
    const strip = ({ at: _at, ...rest }: FeedPoll) => rest;

    it('queues new items, sends the validators back, and skips what is stored', async () => {
      body = feed([
        item(1, 'The council approved the new bridge on Tuesday after a two-year review of its cost.'),
        item(2, 'Work on the bridge will start in the spring, the city engineer said at the meeting.'),
      ]);
      etag = '"v1"';
      assert.deepEqual((await pollOnce()).map(strip), [
        { url, status: 'read', items: 2, known: 0, queued: 2, failed: 0 },
      ]);
      // Unchanged: the server sees the ETag and answers 304.
      assert.deepEqual((await pollOnce()).map(strip), [
        { url, status: 'not-modified', items: 0, known: 0, queued: 0, failed: 0 },
      ]);
      assert.deepEqual(requests, [undefined, '"v1"']);
      // A worker stores the two; then the feed gains an item.
      const worker = await startSitrepWorker({ db: db.url, now, analyzeDelayMs: 60_000 });
      try {
        const end = Date.now() + 30_000;
        while ((await store.countArticles()) < 2) {
          if (Date.now() > end) assert.fail('the worker did not store the items');
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await worker.stop();
      }
      body = feed([
        item(
          3,
          'The bridge will carry two lanes of traffic and a cycle path, the plans published today show.',
        ),
        ...body.match(/<item>.*?<\/item>/g)!,
      ]);
      etag = '"v2"';
      assert.deepEqual((await pollOnce()).map(strip), [
        { url, status: 'read', items: 3, known: 2, queued: 1, failed: 0 },
      ]);
      assert.deepEqual(requests, [undefined, '"v1"', '"v1"']);
    });

    it('refuses what is not an http(s) URL', async () => {
      await assert.rejects(
        withQueue(db.url, (queue) =>
          watchFeeds(store, queue, ['feeds.xml'], { now, everyMs: 1000, once: true }),
        ),
        { code: 'USAGE', message: 'not an http(s) feed URL: feeds.xml' },
      );
    });
  });
}
