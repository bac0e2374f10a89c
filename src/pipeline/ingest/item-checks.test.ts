import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawInput, SourceDocument } from '../../core/article.ts';
import { sha256Hex } from '../../core/hash.ts';
import type { Outcome } from '../../core/outcome.ts';
import { normalizeDate } from '../extract/normalize-date.ts';
import { splitDocuments } from './split-documents.ts';

function raw(text: string): RawInput {
  const bytes = new TextEncoder().encode(text);
  return {
    sha256: sha256Hex(bytes),
    bytes,
    source: { kind: 'file', path: 'in/items.jsonl' },
    receivedAt: '2024-05-25T10:19:00.000Z',
  };
}

const summary = (outcomes: Outcome<SourceDocument>[]) =>
  outcomes.map((o) =>
    o.ok ? `ok ${o.value.itemKey} ${o.value.hints.publishedAt ?? '-'}` : `${o.error.code} ${o.error.message}`,
  );

describe('normalizeDate', () => {
  it('keeps valid ISO 8601 at its precision and normalises offsets', () => {
    assert.deepEqual(
      [
        '1998',
        '1998-06',
        '1998-06-04',
        '1998-06-04T10:19',
        '1998-06-04 10:19:00+0100',
        '1998-06-04T10:19:00.000Z',
      ].map((v) => normalizeDate(v)),
      [
        { ok: true, iso: '1998' },
        { ok: true, iso: '1998-06' },
        { ok: true, iso: '1998-06-04' },
        { ok: true, iso: '1998-06-04T10:19' },
        { ok: true, iso: '1998-06-04T10:19:00+01:00' },
        { ok: true, iso: '1998-06-04T10:19:00.000Z' },
      ],
    );
  });

  it('reads written and unambiguous slash dates', () => {
    assert.deepEqual(
      [
        'June 4, 1998',
        '4 Jun 1998 10:00 GMT',
        'Thu, 04 Jun 1998 10:00:00 +0000',
        '1998/06/04',
        '13/04/1998',
        '04/13/1998',
        '06/06/1998',
        '1998-14-06',
      ].map((v) => normalizeDate(v)),
      [
        { ok: true, iso: '1998-06-04' },
        { ok: true, iso: '1998-06-04T10:00Z' },
        { ok: true, iso: '1998-06-04T10:00:00+00:00' },
        { ok: true, iso: '1998-06-04' },
        { ok: true, iso: '1998-04-13' },
        { ok: true, iso: '1998-04-13' },
        { ok: true, iso: '1998-06-06' },
        { ok: true, iso: '1998-06-14' },
      ],
    );
  });

  it('refuses ambiguous, impossible and relative dates with the reason', () => {
    assert.deepEqual(normalizeDate('06/04/1998'), {
      ok: false,
      reason: '"06/04/1998" is ambiguous (day/month or month/day); give it as ISO 8601, e.g. YYYY-MM-DD',
    });
    for (const bad of [
      '2024-02-30',
      '2024-13-14',
      '2024-05-25T25:00',
      'yesterday',
      '2 hours ago',
      '19980604',
      '',
    ]) {
      assert.equal(normalizeDate(bad).ok, false, bad);
    }
  });
});

describe('splitDocuments: per-item checks', () => {
  it('normalises each item date, refusing only the items whose date cannot be read', () => {
    const lines = [
      '{"text":"One.","publishedAt":"June 4, 1998"}',
      '{"text":"Two.","publishedAt":"06/04/1998"}',
      '{"text":"Three.","publishedAt":"1998-06-04T10:00:00Z"}',
      '{"text":"Four.","url":"javascript:alert(1)"}',
      '{"text":"Five.","url":"https://wire.example/five"}',
    ];
    assert.deepEqual(summary(splitDocuments(raw(lines.join('\n')))), [
      'ok line:1 1998-06-04',
      'INPUT_MALFORMED line 2: "publishedAt" "06/04/1998" is ambiguous (day/month or month/day); give it as ISO 8601, e.g. YYYY-MM-DD',
      'ok line:3 1998-06-04T10:00:00Z',
      'INPUT_MALFORMED line 4: "url" must be an absolute http(s) URL (got "javascript:alert(1)")',
      'ok line:5 -',
    ]);
    const five = splitDocuments(raw(lines.join('\n')))[4];
    assert.deepEqual(five?.ok && five.value.input, {
      path: 'in/items.jsonl',
      url: 'https://wire.example/five',
    });
  });

  it('applies the size cap to each item, not to the whole JSON-lines input', () => {
    const small = JSON.stringify({ text: 'x'.repeat(60) });
    const big = JSON.stringify({ text: 'y'.repeat(200) });
    const input = raw([small, big, small, small, small].join('\n'));
    assert.ok(input.bytes.length > 300);
    assert.deepEqual(summary(splitDocuments(input, { maxBytes: 100 })), [
      'ok line:1 -',
      'INPUT_TOO_LARGE in/items.jsonl#line:2 is too large (200 bytes, over the 100 bytes limit); raise --max-bytes to read it',
      'ok line:3 -',
      'ok line:4 -',
      'ok line:5 -',
    ]);
  });

  it('applies the size cap to a single document', () => {
    const input = raw(`Headline\n\n${'word '.repeat(40)}`);
    assert.deepEqual(summary(splitDocuments(input, { maxBytes: 100 })), [
      'INPUT_TOO_LARGE in/items.jsonl is too large (210 bytes, over the 100 bytes limit); raise --max-bytes to read it',
    ]);
  });
});
