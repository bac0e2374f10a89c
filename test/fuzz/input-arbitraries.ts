/**
 * Generators of whole inputs: RSS/Atom/RDF feeds (with DOCTYPE and entity tricks, malformed XML),
 * JSON-lines items (wrong types, bad dates, bad URLs, duplicate URLs, huge and empty fields,
 * malformed lines), binary and mis-encoded bytes (BOMs that lie, UTF-16, Latin-1, magic numbers),
 * any of these as file bytes, and odd file names (controls, escapes, non-UTF-8 bytes).
 */
import fc from 'fast-check';
import { anyHtml, escapeHtml, ODD_TOKENS, paragraph, plainText, sentence, word } from './text-arbitraries.ts';

/** A small pool of URLs, so that items share them (duplicates within a run). */
const POOL_URL = fc.integer({ min: 0, max: 7 }).map((n) => `https://example.org/news/${n}`);

export const url = fc.oneof(
  { arbitrary: POOL_URL, weight: 4 },
  { arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      'not a url',
      '',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://',
      'https://exa mple.org/',
      'https://example.org/\u0000nul',
      'HTTPS://EXAMPLE.ORG/News/1',
      'https://example.org/news/1#frag',
      'https://[::1]/x',
      `https://example.org/${'a'.repeat(3000)}`,
      'ftp://example.org/x',
      'https://xn--e1afmkfd.xn--p1ai/',
    ),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
);

export const dateString = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2030-01-01') })
    .map((d) => d.toUTCString()),
  fc.constantFrom(
    '2024-06-01',
    '2024-02-30',
    '2023-13-01',
    '06/04/1998',
    '1998-06-04 10:00',
    '2024-06-01T25:00',
    'yesterday',
    '',
    ' ',
    '0',
    '-1',
    '+275760-09-13T00:00:00.000Z',
    '1970-01-01T00:00:00Z',
    'May 25, 2024',
    '2024-06-01T10:00:00+14:00',
    '2024-W23',
    '2024',
    '2024-06',
    '9999-12-31T23:59:59.999Z',
    'NaN',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const fieldValue = (good: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: good, weight: 8 },
    { arbitrary: fc.constantFrom(...ODD_TOKENS), weight: 1 },
    {
      arbitrary: fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string(), { maxLength: 2 }),
        fc.object({ maxDepth: 1 }),
      ),
      weight: 1,
    },
  );

/** One JSON-lines item as a value (usually an object, sometimes not). */
export const jsonItem = fc.oneof(
  {
    arbitrary: fc.record(
      {
        url: fieldValue(url),
        title: fieldValue(sentence),
        outlet: fieldValue(
          fc.constantFrom('Example Wire', 'The Daily Ledger', 'x'.repeat(300), 'Outlet\u0000'),
        ),
        publishedAt: fieldValue(dateString),
        byline: fieldValue(fc.constantFrom('Jane Doe', 'By Sam Roe', '')),
        language: fieldValue(fc.constantFrom('en', 'de', 'xx', 'english', '')),
        text: fieldValue(plainText),
        html: fieldValue(anyHtml),
        extra: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    ),
    weight: 10,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  {
    arbitrary: fc.constant(
      JSON.parse('{"__proto__":{"text":"polluted"},"text":"Proto item\\n\\nBody of the proto item."}'),
    ),
    weight: 1,
  },
);

/** One JSON line as text: usually the item serialised, sometimes malformed, blank or huge. */
export const jsonLine = fc.oneof(
  { arbitrary: jsonItem.map((v) => JSON.stringify(v) ?? 'undefined'), weight: 12 },
  {
    arbitrary: fc.tuple(jsonItem, fc.nat()).map(([v, n]) => {
      const s = JSON.stringify(v) ?? '';
      return s.slice(0, n % (s.length + 1));
    }),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '{',
      '}',
      '[]',
      '[{"text":"Array item\\n\\nIts body."}]',
      'null',
      '{"text": "unterminated',
      '\ufeff{"text":"BOM in a line"}',
    ),
    weight: 1,
  },
  {
    arbitrary: fc
      .integer({ min: 17, max: 24 })
      .map((k) => JSON.stringify({ text: `Huge\n\n${'Long words here. '.repeat(k * 64)}` })),
    weight: 1,
  },
);

/** JSON lines joined into one input, with LF or CRLF breaks. */
export const jsonLines = fc
  .tuple(fc.array(jsonLine, { minLength: 4, maxLength: 40, size: 'max' }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => `${lines.join(eol)}${eol}`);

const xmlText = fc.oneof(
  { arbitrary: sentence.map(escapeHtml), weight: 6 },
  { arbitrary: sentence.map((s) => `<![CDATA[${s.replaceAll(']]>', '')}]]>`), weight: 2 },
  { arbitrary: word, weight: 1 },
  { arbitrary: fc.constantFrom('&lol3;', '&xxe;', '&nbsp;', '&amp;amp;', '&#0;', '&#x1F600;'), weight: 1 },
);

const FEED_PROLOGS = [
  '',
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<?xml version="1.0" encoding="ISO-8859-1"?>',
  '<?xml version="1.0" encoding="utf-16"?>',
  '<?xml version="1.0" encoding="x-bogus"?>',
  '\ufeff<?xml version="1.0"?>',
  '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
  '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;">]>',
  '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]>',
  '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "&b;"><!ENTITY b "&a;">]>',
];

const feedItem = fc.record({
  title: fc.option(xmlText, { nil: undefined }),
  link: fc.option(url.map(escapeHtml), { nil: undefined }),
  guid: fc.option(fc.oneof(POOL_URL, fc.string({ maxLength: 8 })).map(escapeHtml), { nil: undefined }),
  date: fc.option(dateString.map(escapeHtml), { nil: undefined }),
  body: fc.oneof(
    paragraph.map(escapeHtml),
    anyHtml.map(escapeHtml),
    anyHtml.map((h) => `<![CDATA[${h.replaceAll(']]>', '')}]]>`),
    xmlText,
  ),
});

type FeedItem = typeof feedItem extends fc.Arbitrary<infer T> ? T : never;
const tag = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${value}</${name}>`;

function rssItem(i: FeedItem): string {
  return `<item>${tag('title', i.title)}${tag('link', i.link)}${tag('guid', i.guid)}${tag('pubDate', i.date)}${tag('description', i.body)}</item>`;
}
function atomEntry(i: FeedItem): string {
  const link = i.link === undefined ? '' : `<link href="${i.link}"/>`;
  return `<entry>${tag('title', i.title)}${link}${tag('id', i.guid)}${tag('updated', i.date)}<content type="html">${i.body}</content></entry>`;
}
function rdfItem(i: FeedItem): string {
  return `<item rdf:about="${i.link ?? ''}">${tag('title', i.title)}${tag('link', i.link)}${tag('dc:date', i.date)}${tag('description', i.body)}</item>`;
}

/** A feed: RSS 2.0, Atom or RSS 1.0, with a prolog that may declare entities, sometimes cut short. */
export const feed = fc
  .tuple(
    fc.constantFrom(...FEED_PROLOGS),
    fc.constantFrom('rss', 'atom', 'rdf'),
    fc.option(xmlText, { nil: undefined }),
    fc.array(feedItem, { maxLength: 8 }),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined, freq: 8 }),
  )
  .map(([prolog, kind, title, items, cut]) => {
    const xml =
      kind === 'rss'
        ? `${prolog}<rss version="2.0"><channel>${tag('title', title)}<link>https://example.org/</link>${items.map(rssItem).join('')}</channel></rss>`
        : kind === 'atom'
          ? `${prolog}<feed xmlns="http://www.w3.org/2005/Atom">${tag('title', title)}${items.map(atomEntry).join('')}</feed>`
          : `${prolog}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${tag('title', title)}</channel>${items.map(rdfItem).join('')}</rdf:RDF>`;
    return cut === undefined ? xml : xml.slice(0, Math.floor(xml.length * cut));
  });

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const BOMS: Record<string, number[]> = {
  none: [],
  utf8: [0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
  utf32le: [0xff, 0xfe, 0, 0],
};
const MAGIC = [
  '%PDF-1.7\n',
  '\x89PNG\r\n\x1a\n',
  '\x1f\x8b\x08\x00',
  'PK\x03\x04',
  '\x7fELF\x02\x01',
  'GIF89a',
  '\xff\xd8\xff\xe0',
];

/** Text as bytes in an encoding, behind a BOM that may or may not fit it. */
function encode(text: string, encoding: 'utf8' | 'utf16le' | 'utf16be' | 'latin1', bom: string): Uint8Array {
  let body: Buffer;
  if (encoding === 'utf16be') body = Buffer.from(text, 'utf16le').swap16();
  else body = Buffer.from(text, encoding);
  return new Uint8Array([...(BOMS[bom] ?? []), ...body]);
}

/** Bytes that are not text, or text in an encoding (and a BOM) that may not match. */
export const oddBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc
    .tuple(fc.constantFrom(...Object.keys(BOMS)), fc.uint8Array({ maxLength: 300 }))
    .map(([bom, b]) => new Uint8Array([...(BOMS[bom] ?? []), ...b])),
  fc
    .tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 200 }))
    .map(([m, b]) => new Uint8Array([...Buffer.from(m, 'latin1'), ...b])),
  fc
    .tuple(
      plainText,
      fc.constantFrom('utf8', 'utf16le', 'utf16be', 'latin1') as fc.Arbitrary<
        'utf8' | 'utf16le' | 'utf16be' | 'latin1'
      >,
      fc.constantFrom(...Object.keys(BOMS)),
    )
    .map(([text, encoding, bom]) => encode(text, encoding, bom)),
  fc.tuple(plainText, fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat()).map(([text, junk, at]) => {
    const bytes = utf8(text);
    const cut = at % (bytes.length + 1);
    return new Uint8Array([...bytes.slice(0, cut), ...junk, ...bytes.slice(cut)]);
  }),
);

/** The bytes of one file of any kind Sitrep reads. */
export const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: plainText.map(utf8), weight: 4 },
  { arbitrary: anyHtml.map(utf8), weight: 4 },
  { arbitrary: feed.map(utf8), weight: 3 },
  { arbitrary: jsonLines.map(utf8), weight: 2 },
  { arbitrary: oddBytes, weight: 3 },
);

const NAME_CHARS = fc.oneof(
  { arbitrary: fc.constantFrom(...'abcxyz019 -_,;()[]{}#%&+=@!~\'"$`'.split('')), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      '\u0001',
      '\n',
      '\t',
      '\u001b[31m',
      '\u007f',
      '\u202e',
      '\u200b',
      'é',
      'ß',
      '東',
      '😀',
      '\ufffd',
      '\\',
      '*',
      '?',
    ),
    weight: 2,
  },
);

/**
 * A file name: a string of odd characters (never `/` or NUL, never `.`/`..`), sometimes raw bytes
 * that are not UTF-8, with an extension of any kind. Returned as bytes, which is how names reach the
 * file system; the caller makes them unique.
 */
export const fileName = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.array(NAME_CHARS, { minLength: 1, maxLength: 24 }),
        fc.constantFrom(
          '.txt',
          '.html',
          '.htm',
          '.xml',
          '.rss',
          '.json',
          '.jsonl',
          '',
          '.TXT',
          '.pdf',
          '.txt.gz',
          '.',
        ),
      )
      .map(([chars, ext]) => Buffer.from(`${chars.join('')}${ext}`, 'utf8')),
    weight: 5,
  },
  {
    arbitrary: fc
      .tuple(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.constantFrom('.txt', '.html', ''))
      .map(([b, ext]) => {
        const bytes = [...b].map((x) => (x === 0 || x === 0x2f ? 0x80 : x));
        return Buffer.concat([Buffer.from('n-'), Buffer.from(bytes), Buffer.from(ext)]);
      }),
    weight: 1,
  },
);
