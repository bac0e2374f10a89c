import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findXmlError } from './check-xml.ts';

describe('findXmlError', () => {
  it('accepts well-formed XML with CDATA, comments, PIs, a doctype subset and self-closing tags', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY c "&#169;">]>\n<!-- <notatag> -->\n' +
      '<rss a="x > y"><channel><item><link href="/a"/><description><![CDATA[<p>1 < 2</p>]]></description></item></channel></rss>';
    assert.equal(findXmlError(xml), undefined);
  });

  const cases: [string, string][] = [
    ['<rss><channel></rss>', 'line 1: closing tag </rss> does not match <channel> opened on line 1'],
    ['<rss>\n<channel>\n<item>', 'line 3: <item> is never closed (truncated file?)'],
    ['<rss></rss></channel>', 'line 1: closing tag </channel> has no opening tag'],
    ['<rss><title>1 < 2</title></rss>', 'line 1: "<" is not followed by a tag name (escape it as &lt;)'],
    ['<rss><!-- open comment', 'line 1: comment is never closed'],
    ['<rss>\n<description><![CDATA[cut', 'line 2: CDATA section is never closed'],
    ['<rss><item title="a', 'line 1: tag <item> is never closed with ">"'],
  ];
  for (const [xml, expected] of cases) {
    it(expected, () => assert.equal(findXmlError(xml), expected));
  }
});
