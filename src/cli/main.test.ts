import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './main.ts';
import type { Io } from './output.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/korea-russia', import.meta.url));

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    isTty: false,
    columns: 120,
  };
}

async function run(args: string[]) {
  const io = capture();
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('sitrep CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  const db = join(dir, 'test.db');

  it('prints help with every command and exits 0', async () => {
    const { code, out } = await run(['--help']);
    assert.equal(code, 0);
    for (const command of ['ingest', 'articles', 'show', 'search', 'demo'])
      assert.match(out, new RegExp(`\\b${command}\\b`));
  });

  it('exits 2 on an unknown command or a bad option value', async () => {
    assert.equal((await run(['frobnicate'])).code, 2);
    const bad = await run(['--db', db, 'articles', '--limit', 'ten']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--limit.*expected a positive whole number/);
    const words = await run(['--db', db, 'brief', '--words', '5']);
    assert.equal(words.code, 2);
    assert.equal(words.err, 'sitrep: --words must be a whole number from 20 to 5000, got "5" [USAGE]');
  });

  it('refuses to read a database that does not exist, without creating it', async () => {
    const { code, err } = await run(['--db', join(dir, 'missing.db'), 'articles']);
    assert.equal(code, 1);
    assert.match(err, /no database at .*missing\.db.*\[NOT_FOUND\]/);
  });

  it('ingests the example corpus, then reports it unchanged', async () => {
    const first = await run(['--db', db, 'ingest', EXAMPLES, '--include', '*.txt']);
    assert.equal(first.code, 0, first.err);
    assert.equal(first.out, 'ingested 5 (5 new, 0 updated), 0 unchanged, 0 failed');
    const second = await run(['--db', db, 'ingest', EXAMPLES, '--include', '*.txt', '--json']);
    assert.equal(second.code, 0);
    const report = JSON.parse(second.out);
    assert.deepEqual(report.counts, { inserted: 0, updated: 0, unchanged: 5, duplicate: 0, failed: 0 });
  });

  it('lists, shows and searches what it stored', async () => {
    const listed = JSON.parse((await run(['--db', db, 'articles', '--json'])).out);
    assert.equal(listed.length, 5);
    const yonhap = listed.find((a: { outlet?: string }) => a.outlet === 'Yonhap');
    assert.equal(yonhap.publishedAt, '2024-05-25T10:19');

    const shown = await run(['--db', db, 'show', yonhap.id.slice(0, 8)]);
    assert.equal(shown.code, 0);
    assert.match(shown.out, /outlet {7}Yonhap {2}\(text: wire sign-off/);
    assert.match(shown.out, /\[share-widget\]/);
    assert.match(shown.out, /\[caption\]/);

    const hits = JSON.parse((await run(['--db', db, 'search', '"nuclear submarine"', '--json'])).out);
    assert.equal(hits.length, 3);
  });

  it('reports bad inputs per item with a reason and keeps the good ones', async () => {
    const jsonl = join(dir, 'batch.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({
          text: 'Seoul said on Monday that the talks would resume in the spring, officials said.',
        }),
        '{"text": broken',
        JSON.stringify({ title: 'No body' }),
      ].join('\n'),
    );
    const binary = join(dir, 'image.png');
    writeFileSync(
      binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    );
    const result = await run(['--db', db, 'ingest', jsonl, binary, join(dir, 'nope.txt')]);
    assert.equal(result.code, 1);
    assert.match(result.out, /^ingested 1 \(1 new, 0 updated\), 0 unchanged, 4 failed/);
    assert.match(result.out, /line 2: invalid JSON/);
    assert.match(result.out, /line 3: needs a non-empty "text" or "html" field/);
    assert.match(result.out, /\[INPUT_BINARY\]/);
    assert.match(result.out, /\[INPUT_NOT_FOUND\]/);
    const listed = JSON.parse((await run(['--db', db, 'articles', '--json'])).out);
    assert.equal(listed.length, 6, 'the five stored articles are intact and the good line was added');
  });

  it('says what is wrong with an unknown or ambiguous id', async () => {
    const missing = await run(['--db', db, 'show', 'ffffffffffff']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no article, story or entity with id ffffffffffff/);
    const short = await run(['--db', db, 'show', 'ab']);
    assert.equal(short.code, 2);
  });
});
