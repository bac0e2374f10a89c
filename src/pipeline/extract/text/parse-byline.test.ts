import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPersonName, parseByline } from './parse-byline.ts';

describe('parseByline', () => {
  it('reads people, agencies and trailing outlets', () => {
    assert.deepEqual(parseByline('Jane Doe and John Roe'), {
      byline: 'Jane Doe and John Roe',
      organisation: false,
    });
    assert.deepEqual(parseByline('Yonhap'), { byline: 'Yonhap', outlet: 'Yonhap', organisation: true });
    assert.deepEqual(parseByline('Associated Press'), {
      byline: 'Associated Press',
      outlet: 'Associated Press',
      organisation: true,
    });
    assert.deepEqual(parseByline('Jane Doe, AFP'), {
      byline: 'Jane Doe',
      outlet: 'AFP',
      organisation: false,
    });
    assert.deepEqual(parseByline('Jane Doe in Seoul'), { byline: 'Jane Doe', organisation: false });
    assert.deepEqual(parseByline('Maria Kowalski | The Daily Courier'), {
      byline: 'Maria Kowalski',
      outlet: 'The Daily Courier',
      organisation: false,
    });
    assert.deepEqual(parseByline('MATTHEW LEE and KIM TONG-HYUNG'), {
      byline: 'MATTHEW LEE and KIM TONG-HYUNG',
      organisation: false,
    });
  });

  it('rejects prose', () => {
    assert.equal(parseByline('contrast, the ministry said nothing'), undefined);
    assert.equal(parseByline('the end of the year'), undefined);
    assert.equal(isPersonName('Oleksiy Lutykov'), true);
    assert.equal(isPersonName('said Wednesday'), false);
  });
});
