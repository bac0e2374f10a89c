import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { bodyOf, COMPRESS_FROM, chooseEncoding, etagMatches, etagOf, sendBody } from './http-send.ts';

describe('http-send', () => {
  it('chooseEncoding: brotli before gzip, by q-value, never at q=0', () => {
    assert.equal(chooseEncoding(undefined), undefined);
    assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
    assert.equal(chooseEncoding('br;q=0.5, gzip'), 'gzip');
    assert.equal(chooseEncoding('gzip;q=0, br;q=0'), undefined);
    assert.equal(chooseEncoding('identity'), undefined);
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*;q=0.1, br;q=0'), 'gzip');
  });

  it('etagMatches: weak comparison over a list, and *', () => {
    const etag = etagOf(bodyOf('{"a":1}'));
    assert.match(etag, /^W\/"[A-Za-z0-9_-]{27}"$/);
    assert.equal(etag, etagOf(bodyOf('{"a":1}')));
    assert.notEqual(etag, etagOf(bodyOf('{"a":2}')));
    assert.equal(etagMatches(`"x", ${etag.slice(2)}`, etag), true);
    assert.equal(etagMatches('"x"', etag), false);
    assert.equal(etagMatches('*', etag), true);
    assert.equal(etagMatches(undefined, etag), false);
  });

  const big = bodyOf(JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => `item number ${i}`) }));
  const app = new Hono();
  app.get('/big', (c) => sendBody(c, big, { 'content-type': 'application/json' }));
  app.get('/small', (c) => sendBody(c, bodyOf('{}'), { 'content-type': 'application/json' }));

  it('sendBody: encodes once per body, 304 for a held ETag, small bodies as they are', async () => {
    assert.ok(big.bytes.length >= COMPRESS_FROM);
    const plain = await app.request('/big');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.deepEqual(Buffer.from(await plain.arrayBuffer()), Buffer.from(big.bytes));
    const br = await app.request('/big', { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'accept-encoding');
    assert.deepEqual(brotliDecompressSync(Buffer.from(await br.arrayBuffer())), Buffer.from(big.bytes));
    const gz = await app.request('/big', { headers: { 'accept-encoding': 'gzip' } });
    assert.deepEqual(gunzipSync(Buffer.from(await gz.arrayBuffer())), Buffer.from(big.bytes));
    const first = big.encoded?.br;
    await app.request('/big', { headers: { 'accept-encoding': 'br' } });
    assert.equal(big.encoded?.br, first);

    const etag = plain.headers.get('etag')!;
    const held = await app.request('/big', { headers: { 'if-none-match': etag } });
    assert.equal(held.status, 304);
    assert.equal(held.headers.get('etag'), etag);
    assert.equal(await held.text(), '');
    assert.equal((await app.request('/big', { headers: { 'if-none-match': 'W/"other"' } })).status, 200);

    const small = await app.request('/small', { headers: { 'accept-encoding': 'br' } });
    assert.equal(small.headers.get('content-encoding'), null);
    assert.equal(await small.text(), '{}');
  });
});
