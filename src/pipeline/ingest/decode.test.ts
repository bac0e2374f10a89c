import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  charsetFromContentType,
  decodeBytes,
  decodeWindows1252,
  linesWithHighBytes,
  prescanCharset,
} from './decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

/** windows-1251 encoding of Russian letters (А..я are 0xC0..0xFF, Ё 0xA8, ё 0xB8), ASCII as is. */
function cp1251(text: string): number[] {
  return [...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (c === 'Ё') return 0xa8;
    if (c === 'ё') return 0xb8;
    throw new Error(`not in the test encoder: ${c}`);
  });
}

describe('decodeBytes', () => {
  it('uses a UTF-8 byte order mark and drops it', () => {
    assert.deepEqual(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'Grüße aus Köln')), {
      text: 'Grüße aus Köln',
      charset: { name: 'utf-8', from: 'bom' },
    });
  });

  it('uses a UTF-16LE byte order mark', () => {
    const body = Buffer.from('Hello, Welt — ü', 'utf16le');
    assert.deepEqual(decodeBytes(bytes([0xff, 0xfe], [...body])), {
      text: 'Hello, Welt — ü',
      charset: { name: 'utf-16le', from: 'bom' },
    });
  });

  it('uses a UTF-16BE byte order mark', () => {
    assert.deepEqual(decodeBytes(bytes([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69])), {
      text: 'Hi',
      charset: { name: 'utf-16be', from: 'bom' },
    });
  });

  it('takes Latin-1 from the Content-Type header (decoded as windows-1252, per WHATWG)', () => {
    assert.deepEqual(
      decodeBytes(bytes('Caf', [0xe9], ' cr', [0xe8], 'me'), 'text/plain; charset=ISO-8859-1'),
      {
        text: 'Café crème',
        charset: { name: 'windows-1252', from: 'header' },
      },
    );
  });

  it('takes windows-1251 from an HTML <meta charset>', () => {
    const html = bytes(
      '<html><head><meta charset="windows-1251"><title>',
      cp1251('Новости дня'),
      '</title></head>',
    );
    assert.deepEqual(decodeBytes(html), {
      text: '<html><head><meta charset="windows-1251"><title>Новости дня</title></head>',
      charset: { name: 'windows-1251', from: 'meta' },
    });
  });

  it('takes windows-1251 from <meta http-equiv="Content-Type">', () => {
    const html = bytes(
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>',
      cp1251('Ёлка'),
      '</p>',
    );
    const decoded = decodeBytes(html);
    assert.deepEqual(decoded.charset, { name: 'windows-1251', from: 'meta' });
    assert.ok(decoded.text.endsWith('<p>Ёлка</p>'));
  });

  it('lets the header win over the meta tag, and ignores an unknown header label', () => {
    const html = bytes('<meta charset="windows-1251"><p>', [0xe9], '</p>');
    assert.deepEqual(decodeBytes(html, 'text/html; charset=iso-8859-15').charset, {
      name: 'iso-8859-15',
      from: 'header',
    });
    assert.deepEqual(decodeBytes(html, 'text/html; charset=x-no-such-thing').charset, {
      name: 'windows-1251',
      from: 'meta',
    });
  });

  it('reads an XML encoding declaration', () => {
    const xml = bytes(
      '<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>',
      cp1251('Лента'),
      '</title>',
    );
    const decoded = decodeBytes(xml);
    assert.deepEqual(decoded.charset, { name: 'windows-1251', from: 'meta' });
    assert.ok(decoded.text.endsWith('<title>Лента</title>'));
  });

  it('treats a UTF-16 declaration in ASCII-readable bytes as UTF-8', () => {
    assert.deepEqual(decodeBytes(bytes('<meta charset="utf-16"><p>naïve</p>')), {
      text: '<meta charset="utf-16"><p>naïve</p>',
      charset: { name: 'utf-8', from: 'meta' },
    });
  });

  it('accepts undeclared valid UTF-8', () => {
    assert.deepEqual(decodeBytes(bytes('Ünïcödé — “quoted”')), {
      text: 'Ünïcödé — “quoted”',
      charset: { name: 'utf-8', from: 'detected' },
    });
  });

  it('recognises BOM-less UTF-16LE by its zero bytes', () => {
    assert.deepEqual(decodeBytes(Uint8Array.from(Buffer.from('Plain words here', 'utf16le'))), {
      text: 'Plain words here',
      charset: { name: 'utf-16le', from: 'detected' },
    });
  });

  it('detects undeclared windows-1252 bytes, curly quotes and dashes included', () => {
    const raw = bytes(
      'Caf',
      [0xe9],
      ' au lait, na',
      [0xef],
      've ',
      [0x93],
      'quote',
      [0x94],
      ' ',
      [0x96],
      ' and more text here for the detector to see. The d',
      [0xe9],
      'j',
      [0xe0],
      ' vu.\n',
    );
    assert.deepEqual(decodeBytes(raw), {
      text: 'Café au lait, naïve “quote” – and more text here for the detector to see. The déjà vu.\n',
      charset: { name: 'windows-1252', from: 'detected' },
    });
  });
});

describe('charset detection on the lines that hold non-ASCII bytes', () => {
  const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
  const prose = 'The committee met on Tuesday to discuss the budget and the schedule for the coming year.\n';

  it('keeps each line holding a byte over 0x7F, with its newline, and nothing else', () => {
    const sample = linesWithHighBytes(latin1('<p>plain</p>\ncaf\xe9 noir\n<br>\nna\xefve'));
    assert.equal(Buffer.from(sample).toString('latin1'), 'caf\xe9 noir\nna\xefve');
    const ascii = latin1('only\nascii\n');
    assert.equal(linesWithHighBytes(ascii).length, 0);
    const allHigh = latin1('\xe9t\xe9\n');
    assert.equal(linesWithHighBytes(allHigh), allHigh);
  });

  it('detects windows-1251 from the Cyrillic lines of a page that is mostly ASCII markup', () => {
    const russian = 'Совет директоров утвердил бюджет компании на следующий год и обсудил планы развития.\n';
    const raw = bytes(
      '<html><head><title>x</title></head><body>\n',
      ...Array.from({ length: 30 }, () => '<div class="nav"><a href="/news/index.html">link</a></div>\n'),
      cp1251(russian.repeat(6)),
      '</body></html>\n',
    );
    const decoded = decodeBytes(raw);
    assert.deepEqual(decoded.charset, { name: 'windows-1251', from: 'detected' });
    assert.ok(decoded.text.includes(russian.trim()));
  });

  it('reads the whole page when its few non-ASCII lines give only a weak guess', () => {
    // The sample alone is one no-break space, which chardet guesses as a CJK charset at confidence
    // 10; the whole page is plainly English.
    const page = latin1(`<html><body>\n${prose.repeat(40)}<P>\xA0</P>\n${prose.repeat(40)}</body></html>\n`);
    const decoded = decodeBytes(page);
    assert.deepEqual(decoded.charset, { name: 'windows-1252', from: 'detected' });
    assert.ok(decoded.text.includes('<P>\u00a0</P>'));
  });
});

describe('charset helpers', () => {
  it('parses the Content-Type charset parameter', () => {
    assert.equal(charsetFromContentType('text/html; charset="ISO-8859-1"'), 'ISO-8859-1');
    assert.equal(charsetFromContentType('text/html;charset=utf-8;foo=bar'), 'utf-8');
    assert.equal(charsetFromContentType('text/html'), undefined);
  });

  it('ignores a <meta charset> inside a comment', () => {
    assert.equal(prescanCharset(utf8('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">')), 'utf-8');
    assert.equal(prescanCharset(utf8('<!-- <meta charset="koi8-r"> -->')), undefined);
  });

  it('maps windows-1252 0x80..0x9F the WHATWG way', () => {
    assert.equal(
      decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x93, 0x94, 0x96, 0x97, 0x99, 0x81, 0xe9])),
      '€…“”–—™\u0081é',
    );
  });

  it('maps every byte to its windows-1252 code point', () => {
    const all = Uint8Array.from({ length: 256 }, (_, b) => b);
    const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const expected = Array.from({ length: 256 }, (_, b) =>
      b >= 0x80 && b < 0xa0 ? high[b - 0x80] : String.fromCharCode(b),
    ).join('');
    assert.equal(decodeWindows1252(all), expected);
    assert.equal(decodeWindows1252(all.subarray(0x90, 0x95)), '\u0090‘’“”');
  });
});
