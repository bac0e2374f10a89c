import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { InputSource, RawInput, SourceDocument } from '../../core/article.ts';
import { sha256Hex } from '../../core/hash.ts';
import type { Outcome } from '../../core/outcome.ts';
import { splitDocuments } from './split-documents.ts';

function raw(
  content: string | Uint8Array,
  source: InputSource = { kind: 'file', path: 'in/doc' },
  contentType?: string,
): RawInput {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const input: RawInput = { sha256: sha256Hex(bytes), bytes, source, receivedAt: '2024-05-25T10:19:00.000Z' };
  if (contentType) input.contentType = contentType;
  return input;
}

function failures(outcomes: Outcome<SourceDocument>[]): string[] {
  return outcomes.flatMap((o) => (o.ok ? [] : [`${o.error.code} ${o.where}: ${o.error.message}`]));
}

function docs(outcomes: Outcome<SourceDocument>[]): SourceDocument[] {
  return outcomes.flatMap((o) => (o.ok ? [o.value] : []));
}

describe('splitDocuments: whole inputs', () => {
  it('makes one text document identified by the raw hash', () => {
    const input = raw('WASHINGTON (AP) — The Senate voted.\n');
    assert.deepEqual(splitDocuments(input), [
      {
        ok: true,
        value: {
          rawSha256: input.sha256,
          itemKey: '',
          identity: `sha256:${input.sha256}`,
          format: 'text',
          content: 'WASHINGTON (AP) — The Senate voted.\n',
          charset: { name: 'utf-8', from: 'detected' },
          hints: {},
          input: { path: 'in/doc' },
        },
      },
    ]);
  });

  it('makes one HTML document for a page, identified by its final URL without the fragment', () => {
    const input = raw(
      '<!doctype html><title>x</title>',
      { kind: 'url', url: 'http://news.example/a', finalUrl: 'https://news.example/2024/a.html#top' },
      'text/html; charset=utf-8',
    );
    const [doc] = docs(splitDocuments(input));
    assert.deepEqual(doc, {
      rawSha256: input.sha256,
      itemKey: '',
      identity: 'https://news.example/2024/a.html',
      format: 'html',
      content: '<!doctype html><title>x</title>',
      charset: { name: 'utf-8', from: 'header' },
      hints: { url: 'https://news.example/2024/a.html' },
      input: { url: 'http://news.example/a' },
    });
  });

  it('reads stdin with no input location', () => {
    const [doc] = docs(splitDocuments(raw('hello', { kind: 'stdin' })));
    assert.deepEqual(doc?.input, {});
  });

  it('keeps lenient about broken HTML', () => {
    const [doc] = docs(splitDocuments(raw('<html><body><p>unclosed <div><span>')));
    assert.equal(doc?.format, 'html');
  });

  it('refuses binary inputs with a message naming the format', () => {
    const pdf = raw('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj');
    const png = raw(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const gz = raw(Uint8Array.from(gzipSync('hello')));
    const zip = raw(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]));
    const nul = raw(Uint8Array.from([...new TextEncoder().encode('text then'), 0, 1, 2, 3]));
    const controls = raw(Uint8Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    assert.deepEqual(
      [pdf, png, gz, zip, nul, controls].flatMap((input) => failures(splitDocuments(input))),
      [
        'INPUT_BINARY in/doc: binary file (looks like PDF) — Sitrep reads text, HTML, RSS/Atom and JSON lines',
        'INPUT_BINARY in/doc: binary file (looks like PNG) — Sitrep reads text, HTML, RSS/Atom and JSON lines',
        'INPUT_BINARY in/doc: binary file (looks like GZIP) — Sitrep reads text, HTML, RSS/Atom and JSON lines',
        'INPUT_BINARY in/doc: binary file (looks like ZIP) — Sitrep reads text, HTML, RSS/Atom and JSON lines',
        'INPUT_BINARY in/doc: binary file (contains NUL bytes) — Sitrep reads text, HTML, RSS/Atom and JSON lines',
        'INPUT_BINARY in/doc: binary file (mostly control characters) — Sitrep reads text, HTML, RSS/Atom and JSON lines',
      ],
    );
  });

  it('refuses text that is mostly invalid UTF-8 under a UTF-8 declaration', () => {
    const junk = Uint8Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 0xff : 0x41));
    assert.deepEqual(failures(splitDocuments(raw(junk, { kind: 'stdin' }, 'text/plain; charset=utf-8'))), [
      'INPUT_BINARY stdin: binary file (mostly undecodable or control characters) — Sitrep reads text, HTML, RSS/Atom and JSON lines',
    ]);
  });

  it('reports UTF-16 whitespace as empty', () => {
    assert.deepEqual(failures(splitDocuments(raw(Uint8Array.from([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00])))), [
      'INPUT_EMPTY in/doc: in/doc contains only whitespace; there is nothing to read',
    ]);
  });
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Daily Planet</title>
  <link>https://planet.example/</link>
  <description>World news</description>
  <language>en-us</language>
  <item>
    <title>Council approves  new bridge</title>
    <link>https://planet.example/2024/05/25/bridge</link>
    <guid isPermaLink="false">planet-12345</guid>
    <pubDate>Sat, 25 May 2024 10:19:00 +0200</pubDate>
    <dc:creator>Lois Lane</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>The city council voted 7-2 on Friday to fund the bridge.</p><p>Work starts in June.</p>]]></content:encoded>
  </item>
  <item>
    <title>Storm warning for the coast</title>
    <link>/2024/05/24/storm</link>
    <pubDate>Fri, 24 May 2024 18:00:00 GMT</pubDate>
    <description>&lt;p&gt;Forecasters warn of &lt;b&gt;gale-force&lt;/b&gt; winds tonight.&lt;/p&gt;</description>
  </item>
  <item>
    <description>Plain teaser with no link &amp; no title.</description>
  </item>
</channel>
</rss>
`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Wire Service</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-05-25T12:00:00Z</updated>
  <entry>
    <title>Election results are in</title>
    <link rel="alternate" href="https://wire.example/news/election"/>
    <id>tag:wire.example,2024:election</id>
    <published>2024-05-25T08:30:00+02:00</published>
    <updated>2024-05-25T09:00:00Z</updated>
    <author><name>Ann Reporter</name></author>
    <author><name>Bo Writer</name></author>
    <summary>Results summary.</summary>
    <content type="html">&lt;p&gt;The incumbent won 54 percent of the vote.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Markets close higher</title>
    <link href="https://wire.example/news/markets"/>
    <id>tag:wire.example,2024:markets</id>
    <updated>2024-05-24T20:15:00Z</updated>
    <summary>Stocks rose for a third day.

Bonds were flat.</summary>
  </entry>
</feed>
`;

describe('splitDocuments: feeds', () => {
  it('cuts an RSS 2.0 feed into one HTML document per item with exact hints', () => {
    const input = raw(RSS, {
      kind: 'url',
      url: 'https://planet.example/rss',
      finalUrl: 'https://planet.example/rss.xml',
    });
    const outcomes = splitDocuments(input);
    assert.deepEqual(failures(outcomes), []);
    const [first, second, third] = docs(outcomes);
    assert.deepEqual(
      docs(outcomes).map((d) => [d.itemKey, d.identity, d.format, d.hints, d.charset, d.input]),
      [
        [
          'item:1',
          'planet-12345',
          'html',
          {
            title: 'Council approves new bridge',
            url: 'https://planet.example/2024/05/25/bridge',
            publishedAt: '2024-05-25T08:19:00.000Z',
            byline: 'Lois Lane',
            outlet: 'The Daily Planet',
            language: 'en-us',
          },
          { name: 'utf-8', from: 'container' },
          { url: 'https://planet.example/2024/05/25/bridge' },
        ],
        [
          'item:2',
          'https://planet.example/2024/05/24/storm',
          'html',
          {
            title: 'Storm warning for the coast',
            url: 'https://planet.example/2024/05/24/storm',
            publishedAt: '2024-05-24T18:00:00.000Z',
            outlet: 'The Daily Planet',
            language: 'en-us',
          },
          { name: 'utf-8', from: 'container' },
          { url: 'https://planet.example/2024/05/24/storm' },
        ],
        [
          'item:3',
          `sha256:${input.sha256}#item:3`,
          'html',
          { outlet: 'The Daily Planet', language: 'en-us' },
          { name: 'utf-8', from: 'container' },
          { url: 'https://planet.example/rss' },
        ],
      ],
    );
    assert.equal(
      first?.content,
      '<!DOCTYPE html>\n<html lang="en-us"><head><meta charset="utf-8"><title>Council approves new bridge</title></head><body><article>\n' +
        '<p>The city council voted 7-2 on Friday to fund the bridge.</p><p>Work starts in June.</p>\n</article></body></html>\n',
    );
    assert.ok(
      second?.content.includes(
        '<article>\n<p>Forecasters warn of <b>gale-force</b> winds tonight.</p>\n</article>',
      ),
    );
    assert.ok(
      third?.content.includes('<article>\n<p>Plain teaser with no link &amp; no title.</p>\n</article>'),
    );
  });

  it('cuts an Atom feed, preferring the longer body and falling back to the updated date', () => {
    const input = raw(ATOM);
    const found = docs(splitDocuments(input));
    assert.deepEqual(
      found.map((d) => [d.itemKey, d.identity, d.hints]),
      [
        [
          'item:1',
          'tag:wire.example,2024:election',
          {
            title: 'Election results are in',
            url: 'https://wire.example/news/election',
            publishedAt: '2024-05-25T06:30:00.000Z',
            byline: 'Ann Reporter, Bo Writer',
            outlet: 'Wire Service',
            language: 'de',
          },
        ],
        [
          'item:2',
          'tag:wire.example,2024:markets',
          {
            title: 'Markets close higher',
            url: 'https://wire.example/news/markets',
            publishedAt: '2024-05-24T20:15:00.000Z',
            outlet: 'Wire Service',
            language: 'de',
          },
        ],
      ],
    );
    assert.ok(
      found[0]?.content.includes('<article>\n<p>The incumbent won 54 percent of the vote.</p>\n</article>'),
    );
    assert.ok(
      found[1]?.content.includes(
        '<article>\n<p>Stocks rose for a third day.</p>\n<p>Bonds were flat.</p>\n</article>',
      ),
    );
    assert.deepEqual(found[0]?.input, { path: 'in/doc', url: 'https://wire.example/news/election' });
  });

  it('reports a feed without items as empty', () => {
    assert.deepEqual(
      failures(splitDocuments(raw('<rss version="2.0"><channel><title>Quiet</title></channel></rss>'))),
      ['INPUT_EMPTY in/doc: feed in/doc has no items; there is nothing to read'],
    );
  });

  it('reports malformed feed XML instead of silently losing items', () => {
    const truncated = RSS.slice(0, RSS.indexOf('<item>', RSS.indexOf('</item>')) + 30);
    const misnested = '<rss>\n<channel>\n<item><title>A <br> B</title></item>\n</channel></rss>';
    assert.deepEqual(
      [...failures(splitDocuments(raw(truncated))), ...failures(splitDocuments(raw(misnested)))],
      [
        'INPUT_MALFORMED in/doc: malformed feed XML in in/doc: line 18: <title> is never closed (truncated file?)',
        'INPUT_MALFORMED in/doc: malformed feed XML in in/doc: line 3: closing tag </title> does not match <br> opened on line 3',
      ],
    );
  });
});

describe('splitDocuments: JSON', () => {
  it('cuts JSON lines into documents and per-line failures', () => {
    const text = [
      '{"text":"Rain in Paris.","url":"https://a.example/1","title":"Rain","outlet":"AE","publishedAt":"2024-05-25","byline":"Jo","language":"fr"}',
      '',
      '{"text": "unterminated}',
      '{"title":"no body","text":"   "}',
      '{"html":"<p>Sun in Rome.</p>","url":null}',
      '{"text":"x","title":42}',
      '["not","an","object"]',
    ].join('\r\n');
    const input = raw(text, { kind: 'stdin' });
    const outcomes = splitDocuments(input);
    assert.deepEqual(failures(outcomes), [
      'INPUT_MALFORMED stdin#line:3: line 3: invalid JSON (Unterminated string in JSON at position 23)',
      'INPUT_MALFORMED stdin#line:4: line 4: needs a non-empty "text" or "html" field',
      'INPUT_MALFORMED stdin#line:6: line 6: "title" must be a string (got a number)',
      'INPUT_MALFORMED stdin#line:7: line 7: not a JSON object (got an array)',
    ]);
    assert.deepEqual(docs(outcomes), [
      {
        rawSha256: input.sha256,
        itemKey: 'line:1',
        identity: 'https://a.example/1',
        format: 'text',
        content: 'Rain in Paris.',
        charset: { name: 'utf-8', from: 'container' },
        hints: {
          url: 'https://a.example/1',
          title: 'Rain',
          outlet: 'AE',
          publishedAt: '2024-05-25',
          byline: 'Jo',
          language: 'fr',
        },
        input: { url: 'https://a.example/1' },
      },
      {
        rawSha256: input.sha256,
        itemKey: 'line:5',
        identity: `sha256:${input.sha256}#line:5`,
        format: 'html',
        content: '<p>Sun in Rome.</p>',
        charset: { name: 'utf-8', from: 'container' },
        hints: {},
        input: {},
      },
    ]);
  });

  it('accepts a single pretty-printed object and an array of objects', () => {
    const single = raw('{\n  "text": "One story.",\n  "title": "One"\n}\n');
    const array = raw(
      '[{"text":"First."}, {"html":"<p>Second.</p>","url":"https://b.example/2"}, {"text":""}]',
    );
    assert.deepEqual(
      docs(splitDocuments(single)).map((d) => [d.itemKey, d.identity, d.content, d.hints]),
      [['', `sha256:${single.sha256}`, 'One story.', { title: 'One' }]],
    );
    const outcomes = splitDocuments(array);
    assert.deepEqual(
      docs(outcomes).map((d) => [d.itemKey, d.identity, d.format]),
      [
        ['item:1', `sha256:${array.sha256}#item:1`, 'text'],
        ['item:2', 'https://b.example/2', 'html'],
      ],
    );
    assert.deepEqual(failures(outcomes), [
      'INPUT_MALFORMED in/doc#item:3: item 3: needs a non-empty "text" or "html" field',
    ]);
  });
});
