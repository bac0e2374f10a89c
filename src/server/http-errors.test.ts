import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { SitrepError } from '../core/errors.ts';
import { handleError, STATUS_FOR_CODE } from './http-errors.ts';

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
    assert.deepEqual(await res.json(), {
      error: { code: 'AMBIGUOUS_ID', message: 'id prefix "abcd" matches several articles' },
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
      error: { code: 'INTERNAL', message: 'internal error: x is undefined (please report this)' },
    });
  });
});
