import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { SitrepError } from '../core/errors.ts';
import { apiWording, handleError, STATUS_FOR_CODE } from './http-errors.ts';

describe('handleError', () => {
  const app = new Hono();
  app.onError(handleError);
  app.get('/ambiguous', () => {
    throw new SitrepError('AMBIGUOUS_ID', 'id prefix "abcd" matches several articles');
  });
  app.get('/empty', () => {
    throw new SitrepError('EXTRACT_EMPTY', 'no text left');
  });
  app.get('/bug', () => {
    throw new TypeError('x is undefined');
  });

  it('maps SitrepError codes to statuses with a JSON error body', async () => {
    const res = await app.request('/ambiguous');
    assert.equal(res.status, 409);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(await res.json(), {
      type: 'urn:sitrep:problem:ambiguous-id',
      title: 'Ambiguous id',
      status: 409,
      detail: 'id prefix "abcd" matches several articles',
      code: 'AMBIGUOUS_ID',
    });
    assert.equal((await app.request('/empty')).status, 422);
    assert.deepEqual(
      [
        STATUS_FOR_CODE.USAGE,
        STATUS_FOR_CODE.NOT_FOUND,
        STATUS_FOR_CODE.INPUT_TOO_LARGE,
        STATUS_FOR_CODE.STORE_FAILED,
      ],
      [400, 404, 413, 500],
    );
  });

  it('reports other errors as INTERNAL 500 without a stack', async () => {
    const res = await app.request('/bug');
    assert.equal(res.status, 500);
    assert.deepEqual(await res.json(), {
      type: 'urn:sitrep:problem:internal',
      title: 'Internal error',
      status: 500,
      detail: 'internal error: x is undefined (please report this)',
      code: 'INTERNAL',
    });
  });
});

describe('apiWording', () => {
  it("rewrites the engine's CLI hints in the API's words", () => {
    assert.equal(
      apiWording(
        'refusing to fetch http://10.0.0.1/: 10.0.0.1 is a private address; pass --allow-private to fetch from local or private networks',
      ),
      'refusing to fetch http://10.0.0.1/: 10.0.0.1 is a private address; this server never fetches from local or private networks',
    );
    assert.equal(
      apiWording('no story with id s9; `sitrep stories` lists them'),
      'no story with id s9; GET /api/stories lists them',
    );
    assert.equal(
      apiWording('items[0] is too large (12 MiB, over the 10 MiB limit); raise --max-bytes to read it'),
      'items[0] is too large (12 MiB, over the 10 MiB limit); this server does not take larger documents',
    );
    assert.equal(
      apiWording('no article with id abcd; `sitrep articles` lists the ids'),
      'no article with id abcd; GET /api/articles lists them',
    );
  });
});
