import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTimestampLine } from './parse-timestamp.ts';

describe('parseTimestampLine', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['May 25, 2024 - 10:19', '2024-05-25T10:19', 'plain'],
    ['Oct 23, 2024\u00a0-\u00a016:28', '2024-10-23T16:28', 'plain'],
    ['May 25, 2024', '2024-05-25', 'plain'],
    ['25 May 2024', '2024-05-25', 'plain'],
    ['Published 25 May 2024, 10:19 BST', '2024-05-25T10:19+01:00', 'published'],
    ['Wed 23 Oct 2024 16.28 BST', '2024-10-23T16:28+01:00', 'plain'],
    ['Published: October 30, 2024 at 2:15 p.m. ET', '2024-10-30T14:15', 'published'],
    ['October 18, 2024 6:24 AM UTC', '2024-10-18T06:24Z', 'plain'],
    ['October 18, 2024 3:24 PM GMT+9', '2024-10-18T15:24+09:00', 'plain'],
    ['2024-05-25T10:19:00', '2024-05-25T10:19:00', 'plain'],
    ['23.10.2024 16:28', '2024-10-23T16:28', 'plain'],
    ['Updated 4:12 AM EDT, October 24, 2024', '2024-10-24T04:12-04:00', 'updated'],
    ['Last modified on Wed 23 Oct 2024 16.28 BST', '2024-10-23T16:28+01:00', 'updated'],
    ['May 2024', '2024-05', 'plain'],
    ['05/06/2024', '2024', 'plain'],
    ['Updated 2 hours ago', undefined, 'relative'],
  ];
  for (const [line, iso, label] of cases) {
    it(`reads ${JSON.stringify(line)}`, () => {
      const parsed = parseTimestampLine(line);
      assert.ok(parsed);
      assert.equal(parsed.iso, iso);
      assert.equal(parsed.label, label);
    });
  }

  it('returns the byline after the stamp with its offset', () => {
    const line = 'May 25, 2024 - 10:19 By Yonhap';
    const parsed = parseTimestampLine(line);
    assert.deepEqual(parsed?.byline, { text: 'Yonhap', index: line.indexOf('Yonhap') });
    assert.equal(line.slice(0, parsed?.dateEnd), 'May 25, 2024 - 10:19');
  });

  it('rejects sentences that merely contain a date, and impossible dates', () => {
    assert.equal(parseTimestampLine('May 25, 2024 was the day the officials met in Seoul.'), undefined);
    assert.equal(parseTimestampLine('February 30, 2024'), undefined);
    assert.equal(parseTimestampLine('May 25, 2024 - 25:61'), undefined);
    assert.equal(parseTimestampLine('In 2024, tensions rose'), undefined);
  });
});
