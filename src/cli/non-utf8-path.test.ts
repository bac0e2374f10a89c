import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCaptured } from './capture.fixtures.ts';

const run = runCaptured;

describe('file names that are not UTF-8', {
  skip: process.platform !== 'linux' && 'needs byte file names',
}, () => {
  it('ingests a folder holding one, and the file by the path Node decoded from argv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-bytes-'));
    const folder = join(dir, 'in');
    mkdirSync(folder);
    // caf<0xFF>.txt: 0xFF can never appear in UTF-8.
    const name = Buffer.concat([Buffer.from(`${folder}/caf`), Buffer.from([0xff]), Buffer.from('.txt')]);
    writeFileSync(
      name,
      'Harbour reopens\n\nThe port authority said on Friday that the harbour would reopen.\n',
    );
    const db = join(dir, 'bytes.db');

    const folderRun = await run(['--db', db, 'ingest', folder]);
    assert.equal(folderRun.code, 0, folderRun.out);
    assert.equal(folderRun.out, 'ingested 1 (1 new, 0 updated), 0 unchanged, 0 failed');
    const [listed] = JSON.parse((await run(['--db', db, 'articles', '--json'])).out);
    assert.equal(listed.input.path, `${folder}/caf\\xff.txt`);
    const shown = await run(['--db', db, 'show', listed.id, '--no-removed']);
    assert.match(shown.out, /source {7}.*\/caf\\xff\.txt/);

    // What process.argv holds for that name: U+FFFD where the byte was.
    const fileRun = await run(['--db', db, 'ingest', `${folder}/caf\ufffd.txt`]);
    assert.equal(fileRun.code, 0, fileRun.out);
    assert.equal(fileRun.out, 'ingested 0 (0 new, 0 updated), 1 unchanged, 0 failed');
  });
});
