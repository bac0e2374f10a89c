import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { sampleArticle, sampleRaw } from '../store/store-conformance.ts';
import { runCaptured } from './capture.fixtures.ts';
import { terminalSafe } from './terminal-text.ts';

const run = runCaptured;

/** What a terminal would act on: C0 controls but newline and tab, DEL, C1, bidi overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal-safe output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-tty-'));

  it('escapes controls, C1 and bidi marks, keeping newlines only in multi-line text', () => {
    assert.equal(
      terminalSafe('a\u001b[31mb\u009b2J\u202ec\nd\te'),
      'a\\u001b[31mb\\u009b2J\\u202ec\\u000ad\\u0009e',
    );
    assert.equal(
      terminalSafe('a\u001b]0;x\u0007\nb\tc\rd', { multiline: true }),
      'a\\u001b]0;x\\u0007\nb\tc\\u000dd',
    );
  });

  it('prints titles, file names and text with escape sequences escaped in articles, show and ingest', async () => {
    const db = join(dir, 'tty.db');
    const store = createSqliteStore({ path: db });
    const body =
      'Red \u001b[31malert\u001b[0m \u202eevil\u202c title\n\nThe body says \u009b2J and \u001b]0;pwned\u0007 here.';
    const raw = sampleRaw(body, join(dir, 'feed\u001b[2J.txt'));
    const article = sampleArticle(raw, { outlet: 'Wire\u2066x\u2069' });
    await store.putArticle(raw, article);
    await store.close();

    const listed = await run(['--db', db, 'articles']);
    assert.equal(listed.code, 0, listed.err);
    assert.doesNotMatch(listed.out, RAW_CONTROL);
    assert.match(listed.out, /Red \\u001b\[31malert\\u001b\[0m \\u202eevil\\u202c title/);
    assert.match(listed.out, /Wire\\u2066x\\u2069/);

    const shown = await run(['--db', db, 'show', article.id, '--no-removed']);
    assert.equal(shown.code, 0, shown.err);
    assert.doesNotMatch(shown.out, RAW_CONTROL);
    assert.match(shown.out, /source {7}.*feed\\u001b\[2J\.txt/);
    assert.match(shown.out, /The body says \\u009b2J and \\u001b\]0;pwned\\u0007 here\./);

    const asJson = await run(['--db', db, 'show', article.id, '--json']);
    assert.doesNotMatch(asJson.out, RAW_CONTROL);
    assert.equal(JSON.parse(asJson.out).title, article.title, 'JSON output stays JSON, with the same values');

    const empty = join(dir, 'empty\u001b[31m\u202e.txt');
    writeFileSync(empty, '');
    const ingested = await run(['--db', db, 'ingest', empty]);
    assert.equal(ingested.code, 1);
    assert.doesNotMatch(ingested.out, RAW_CONTROL);
    assert.match(ingested.out, /failed: .*empty\\u001b\[31m\\u202e\.txt: .*\[INPUT_EMPTY\]/);
  });
});
