import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { RawInput } from '../../core/article.ts';
import { sha256Hex } from '../../core/hash.ts';
import type { Outcome } from '../../core/outcome.ts';
import { fetchUrl } from './fetch-url.ts';
import type { ReadOptions } from './read-options.ts';
import { splitDocuments } from './split-documents.ts';

const now = () => new Date('2024-05-25T10:19:00.000Z');
const LATIN1_PAGE = Uint8Array.from([
  ...Buffer.from('<p>Caf'),
  0xe9,
  ...Buffer.from(' cr'),
  0xe8,
  ...Buffer.from('me</p>'),
]);

describe('fetchUrl against a local server', () => {
  let server: Server;
  let base: string;
  let port: number;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

  before(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      const url = req.url ?? '/';
      const redirect = /^\/redirect\/(\d+)$/.exec(url);
      if (redirect) {
        const n = Number(redirect[1]);
        if (n === 0) {
          res.setHeader('content-type', 'text/plain');
          res.end('arrived');
        } else {
          res.writeHead(302, { location: `/redirect/${n - 1}` }).end();
        }
      } else if (url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' }).end(LATIN1_PAGE);
      } else if (url === '/to-ftp') {
        res.writeHead(301, { location: 'ftp://files.example/a.txt' }).end();
      } else if (url === '/hang') {
        // never answer
      } else if (url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 64; i++) res.write('x'.repeat(1024));
        res.end();
      } else if (url === '/big-declared') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 65536 }).end('y'.repeat(65536));
      } else if (url === '/gzip') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' });
        res.end(gzipSync('Zipped news: Grüße.'));
      } else if (url === '/truncated' || url === '/truncated-gzip') {
        // Announces more than it sends, then closes: undici ends such a response as if complete.
        const gzip = url === '/truncated-gzip';
        const body = gzip ? gzipSync('A whole article. '.repeat(200)) : Buffer.from('z'.repeat(100));
        const headers = { 'content-type': 'text/plain', connection: 'close' };
        res.writeHead(200, {
          ...headers,
          'content-length': gzip ? body.length : 1000,
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        });
        res.write(gzip ? body.subarray(0, body.length - 20) : body);
        res.socket?.end();
      } else if (url === '/empty') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end();
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetchWith = (url: string, options: Partial<ReadOptions> = {}): Promise<Outcome<RawInput>> =>
    fetchUrl(url, { now, ...options });
  const describeFailure = (o: Outcome<RawInput>) => (o.ok ? 'ok' : `${o.error.code}: ${o.error.message}`);

  it('refuses a loopback IP literal without allowPrivate, before connecting', async () => {
    const before = seen.length;
    const outcome = await fetchWith(`${base}/page`);
    assert.equal(
      describeFailure(outcome),
      `FETCH_BLOCKED: refusing to fetch ${base}/page: 127.0.0.1 is a loopback address; pass --allow-private to fetch from local or private networks`,
    );
    assert.equal(seen.length, before);
  });

  it('refuses a loopback address written as a decimal number (normalised by the URL parser)', async () => {
    assert.equal(
      describeFailure(await fetchWith(`http://2130706433:${port}/page`)),
      `FETCH_BLOCKED: refusing to fetch http://2130706433:${port}/page: 127.0.0.1 is a loopback address; pass --allow-private to fetch from local or private networks`,
    );
  });

  it('refuses a loopback IPv6 literal', async () => {
    assert.equal(
      describeFailure(await fetchWith(`http://[::1]:${port}/page`)),
      `FETCH_BLOCKED: refusing to fetch http://[::1]:${port}/page: ::1 is a loopback address; pass --allow-private to fetch from local or private networks`,
    );
  });

  it('checks the addresses a hostname resolves to at connect time', async () => {
    const before = seen.length;
    const lookups: string[] = [];
    const outcome = await fetchWith(`http://news.example:${port}/page`, {
      lookup: async (hostname) => {
        lookups.push(hostname);
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    assert.equal(
      describeFailure(outcome),
      `FETCH_BLOCKED: refusing to fetch http://news.example:${port}/page: news.example resolves to 127.0.0.1, a loopback address; pass --allow-private to fetch from local or private networks`,
    );
    assert.deepEqual(lookups, ['news.example']);
    assert.equal(seen.length, before);
  });

  it('refuses when any one of the resolved addresses is private', async () => {
    const outcome = await fetchWith(`http://mixed.example:${port}/page`, {
      lookup: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: 'fd00::7', family: 6 },
      ],
    });
    assert.equal(
      describeFailure(outcome),
      `FETCH_BLOCKED: refusing to fetch http://mixed.example:${port}/page: mixed.example resolves to fd00::7, a unique-local address; pass --allow-private to fetch from local or private networks`,
    );
  });

  it('fetches with allowPrivate through the injected lookup, recording type, final URL and UA', async () => {
    const outcome = await fetchWith(`http://news.example:${port}/page`, {
      allowPrivate: true,
      lookup: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    assert.ok(outcome.ok, describeFailure(outcome));
    assert.deepEqual(outcome.value, {
      sha256: sha256Hex(LATIN1_PAGE),
      bytes: outcome.value.bytes,
      source: {
        kind: 'url',
        url: `http://news.example:${port}/page`,
        finalUrl: `http://news.example:${port}/page`,
      },
      contentType: 'text/html; charset=ISO-8859-1',
      receivedAt: '2024-05-25T10:19:00.000Z',
    });
    assert.deepEqual([...outcome.value.bytes], [...LATIN1_PAGE]);
    const request = seen.at(-1)!;
    assert.equal(request.headers.host, `news.example:${port}`);
    assert.equal(
      request.headers['user-agent'],
      'SitrepBot/0.1 (+https://github.com/sitrep/sitrep; local-first news analysis)',
    );
  });

  it('decodes with the charset from the Content-Type header', async () => {
    const outcome = await fetchWith(`${base}/page`, { allowPrivate: true });
    assert.ok(outcome.ok);
    const [doc] = splitDocuments(outcome.value);
    assert.ok(doc?.ok);
    assert.deepEqual(
      [doc.value.format, doc.value.content, doc.value.charset, doc.value.identity],
      ['html', '<p>Café crème</p>', { name: 'windows-1252', from: 'header' }, `${base}/page`],
    );
  });

  it('follows redirects up to maxRedirects and records the final URL', async () => {
    const outcome = await fetchWith(`${base}/redirect/3`, { allowPrivate: true, maxRedirects: 3 });
    assert.ok(outcome.ok, describeFailure(outcome));
    assert.deepEqual(outcome.value.source, {
      kind: 'url',
      url: `${base}/redirect/3`,
      finalUrl: `${base}/redirect/0`,
    });
    assert.equal(Buffer.from(outcome.value.bytes).toString(), 'arrived');
  });

  it('stops after maxRedirects', async () => {
    assert.equal(
      describeFailure(await fetchWith(`${base}/redirect/3`, { allowPrivate: true, maxRedirects: 2 })),
      `FETCH_FAILED: too many redirects fetching ${base}/redirect/3 (more than 2); last one to ${base}/redirect/0`,
    );
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    assert.equal(
      describeFailure(await fetchWith(`${base}/to-ftp`, { allowPrivate: true })),
      `FETCH_FAILED: ${base}/to-ftp redirected to ftp://files.example/a.txt: only http and https are fetched`,
    );
  });

  it('reports non-2xx statuses', async () => {
    assert.equal(
      describeFailure(await fetchWith(`${base}/missing`, { allowPrivate: true })),
      `FETCH_FAILED: HTTP 404 Not Found from ${base}/missing`,
    );
  });

  it('times out on a server that never answers', async () => {
    const started = Date.now();
    const outcome = await fetchWith(`${base}/hang`, { allowPrivate: true, timeoutMs: 200 });
    assert.equal(
      describeFailure(outcome),
      `FETCH_TIMEOUT: timed out after 200 ms fetching ${base}/hang; raise --timeout or try again later`,
    );
    assert.ok(Date.now() - started < 2000);
  });

  it('enforces the size cap while streaming and from Content-Length', async () => {
    assert.deepEqual(
      [
        describeFailure(await fetchWith(`${base}/big`, { allowPrivate: true, maxStreamBytes: 1000 })),
        describeFailure(
          await fetchWith(`${base}/big-declared`, { allowPrivate: true, maxStreamBytes: 1000 }),
        ),
      ],
      [
        `INPUT_TOO_LARGE: ${base}/big is too large (more than the 1000 bytes limit); raise --max-stream-bytes to read it`,
        `INPUT_TOO_LARGE: ${base}/big-declared is too large (64 KiB, over the 1000 bytes limit); raise --max-stream-bytes to read it`,
      ],
    );
  });

  it('decompresses gzip bodies', async () => {
    const outcome = await fetchWith(`${base}/gzip`, { allowPrivate: true });
    assert.ok(outcome.ok, describeFailure(outcome));
    assert.equal(Buffer.from(outcome.value.bytes).toString('utf8'), 'Zipped news: Grüße.');
  });

  it('refuses a body shorter than its Content-Length as incomplete, plain or compressed', async () => {
    assert.equal(
      describeFailure(await fetchWith(`${base}/truncated`, { allowPrivate: true })),
      `FETCH_INCOMPLETE: the body of ${base}/truncated was cut short before the 1000 bytes its Content-Length announced: the connection closed early; nothing was stored, try again later`,
    );
    assert.match(
      describeFailure(await fetchWith(`${base}/truncated-gzip`, { allowPrivate: true })),
      /^FETCH_INCOMPLETE: the body of .*\/truncated-gzip was cut short before the \d+ bytes its Content-Length announced/,
    );
  });

  it('reports an empty body', async () => {
    assert.equal(
      describeFailure(await fetchWith(`${base}/empty`, { allowPrivate: true })),
      `INPUT_EMPTY: ${base}/empty is empty (0 bytes); there is nothing to read`,
    );
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    assert.equal(
      describeFailure(await fetchWith(`http://127.0.0.1:${closedPort}/`, { allowPrivate: true })),
      `FETCH_FAILED: could not fetch http://127.0.0.1:${closedPort}/: connect ECONNREFUSED 127.0.0.1:${closedPort}`,
    );
  });
});
