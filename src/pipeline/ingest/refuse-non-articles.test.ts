import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawInput, SourceDocument } from '../../core/article.ts';
import { sha256Hex } from '../../core/hash.ts';
import type { Outcome } from '../../core/outcome.ts';
import { bomThatFits, decodeBytes } from './decode.ts';
import { splitDocuments } from './split-documents.ts';

function raw(bytes: Uint8Array | string, path = 'in/doc'): RawInput {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return {
    sha256: sha256Hex(b),
    bytes: b,
    source: { kind: 'file', path },
    receivedAt: '2024-05-25T10:19:00.000Z',
  };
}

const outcome = (o: Outcome<SourceDocument>) => (o.ok ? 'ok' : `${o.error.code}: ${o.error.message}`);

/** Deterministic pseudo-random bytes (a linear congruential generator), as a file of noise would hold. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s >>> 23;
  }
  return out;
}

const ARTICLE =
  'Flood barriers held overnight\n\nThe river crested at 8.2 metres early on Tuesday, the city said, and the barriers held.\n';

describe('refusing what is not an article', () => {
  it('refuses short and long binary noise, whatever encoding a guess would give it', () => {
    let stored = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const bytes = noise(8 + ((seed * 37) % 2000), seed);
      const outcomes = splitDocuments(raw(bytes));
      if (outcomes.some((o) => o.ok)) stored++;
      for (const o of outcomes) if (!o.ok) assert.equal(o.error.code, 'INPUT_BINARY');
    }
    assert.equal(stored, 0);
  });

  it('refuses noise without NUL or control bytes that a legacy encoding would decode', () => {
    // Bytes 0x20..0xFF only: no NUL, no C0 control, invalid UTF-8; windows-1252 decodes every one.
    const bytes = noise(600, 7).map((b) => 0x20 + (b % 0xe0));
    assert.match(
      outcome(splitDocuments(raw(bytes))[0]!),
      /^INPUT_BINARY: binary file \(\d+% of its characters are not text/,
    );
    const short = Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1, 0x41, 0xe2, 0x82]);
    assert.match(
      outcome(splitDocuments(raw(short))[0]!),
      /^INPUT_BINARY: binary file \(7 bytes that are not UTF-8/,
    );
  });

  it('still reads legacy-encoded text: Latin-1 prose with no declaration', () => {
    const latin1 = Uint8Array.from(
      Buffer.from(
        `${ARTICLE}Les habitants de la vieille ville ont pu rentrer chez eux apr\u00e8s la crue, a d\u00e9clar\u00e9 le maire.\n`,
        'latin1',
      ),
    );
    const [doc] = splitDocuments(raw(latin1));
    assert.ok(doc?.ok, doc && outcome(doc));
    assert.match(doc.value.content, /après la crue, a déclaré le maire/);
  });

  it('refuses a feed whose DOCTYPE declares entities (billion laughs) instead of storing &lol9;', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE rss [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`),
      ']>',
      '<rss version="2.0"><channel><title>Laughs</title>',
      '<item><title>Item</title><description>&lol9;</description></item>',
      '<item><title>Other</title><description>A real body of text for the item.</description></item>',
      '</channel></rss>',
    ].join('\n');
    const outcomes = splitDocuments(raw(laughs, 'in/feed.xml'));
    assert.deepEqual(outcomes.map(outcome), [
      'INPUT_UNSUPPORTED: feed in/feed.xml declares entities in its DOCTYPE (lol, lol1, lol2 and 7 more); Sitrep does not expand DTD entities, which can nest without bound (billion laughs), so the feed is not read',
    ]);
  });

  it('reads a feed whose DOCTYPE only names an external DTD', () => {
    const rss091 =
      '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>T</title><item><title>Bridge</title><description>The council approved the bridge on Tuesday.</description></item></channel></rss>';
    assert.deepEqual(splitDocuments(raw(rss091, 'in/feed.xml')).map(outcome), ['ok']);
  });

  it('honours a UTF-16 BOM the bytes fit, and sniffs when the bytes are plainly UTF-8', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(ARTICLE, 'utf16le')]);
    assert.equal(bomThatFits(utf16), 'utf-16le');
    assert.deepEqual(decodeBytes(utf16), { text: ARTICLE, charset: { name: 'utf-16le', from: 'bom' } });

    const stray = Uint8Array.from([0xff, 0xfe, ...Buffer.from(`${ARTICLE}Grüße aus Köln.\n`, 'utf8')]);
    assert.equal(bomThatFits(stray), undefined);
    assert.deepEqual(decodeBytes(stray), {
      text: `${ARTICLE}Grüße aus Köln.\n`,
      charset: { name: 'utf-8', from: 'detected' },
    });
    const [doc] = splitDocuments(raw(stray));
    assert.ok(doc?.ok, doc && outcome(doc));
    assert.match(doc.value.content, /^Flood barriers held overnight/);

    const oddBe = Uint8Array.from([0xfe, 0xff, ...Buffer.from('Plain ASCII text, an odd number.', 'utf8')]);
    assert.equal(decodeBytes(oddBe).text, 'Plain ASCII text, an odd number.');
  });

  it('honours a UTF-8 BOM over valid UTF-8, and sniffs windows-1252 behind a stray one', () => {
    const good = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('Grüße', 'utf8')]);
    assert.deepEqual(decodeBytes(good).charset, { name: 'utf-8', from: 'bom' });
    const cp1252 = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('Caf\u00e9 cr\u00e8me', 'latin1')]);
    assert.equal(decodeBytes(cp1252, 'text/plain; charset=windows-1252').text, 'Café crème');
  });
});
