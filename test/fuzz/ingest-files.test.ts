/**
 * Fuzz: files of every kind Sitrep reads (plain text, HTML, feeds, JSON lines, binary and
 * mis-encoded bytes) under odd names (controls, escapes, bytes that are not UTF-8), ingested as a
 * folder and some again by name (as a shell would pass them: decoded with U+FFFD for bad bytes), on
 * SQLite and PostgreSQL. The batch must complete (every file reported, a good file named after the
 * folder stored), every stored row must be sound, a re-run must change nothing, and both drivers
 * must agree.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { ingest } from '../../src/engine/ingest.ts';
import { displayPath } from '../../src/pipeline/ingest/fs-path.ts';
import type { Store } from '../../src/store/store.ts';
import { DISALLOWED, ingestTwiceAndCheck } from './fuzz-checks.ts';
import { expectInputs, fuzzDrivers, fuzzParameters, onEveryDriver, postgresMissing } from './fuzz-run.ts';
import { fuzzStores } from './fuzz-stores.ts';
import { fileBytes, fileName } from './input-arbitraries.ts';

const now = () => new Date('2024-06-01T00:00:00Z');
const stores = await fuzzStores('files');
const drivers = fuzzDrivers(stores);
const root = mkdtempSync(join(tmpdir(), 'sitrep-fuzz-files-'));
const sentinels = join(root, 'sentinels');
mkdirSync(sentinels);
const goodFile = (name: string) => {
  const path = join(sentinels, `${name}.txt`);
  writeFileSync(
    path,
    `Good file ${name}\n\nThe council said on Tuesday that the ${name} bridge would reopen.\n`,
  );
  return path;
};
const [first, last] = [goodFile('first'), goodFile('last')];

interface GeneratedFile {
  name: Buffer;
  bytes: Uint8Array;
  /** Also passed by name after the folder (a duplicate of the folder's item). */
  byName: boolean;
}

const files = fc.uniqueArray(fc.record({ name: fileName, bytes: fileBytes, byName: fc.boolean() }), {
  minLength: 1,
  maxLength: 24,
  size: 'max',
  selector: (f) => f.name.toString('hex'),
});

const utf16 = (s: string, bom: number[]) => new Uint8Array([...bom, ...Buffer.from(s, 'utf16le')]);
/** Issue 18's file findings, run through every property (their own tests: see each comment). */
const FINDINGS: GeneratedFile[][] = [
  [
    // 6: short random binary files were stored as articles (src/pipeline/ingest/refuse-non-articles.test.ts).
    {
      name: Buffer.from('random.txt'),
      bytes: new Uint8Array([0xc3, 0x28, 0x9f, 0x41, 0xe2, 0x82]),
      byName: false,
    },
    // 6: UTF-8 text behind a UTF-16 BOM was stored as CJK garbage.
    {
      name: Buffer.from('bom.txt'),
      bytes: new Uint8Array([0xff, 0xfe, ...Buffer.from('A report\n\nThe council met on Tuesday.\n')]),
      byName: true,
    },
    {
      name: Buffer.from('utf16.txt'),
      bytes: utf16('A report\n\nThe council met on Tuesday.\n', [0xff, 0xfe]),
      byName: false,
    },
    // 6: a billion-laughs feed was stored holding the literal entity.
    {
      name: Buffer.from('laughs.xml'),
      bytes: Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss version="2.0"><channel><title>T</title><item><title>&lol2;</title><link>https://example.org/l</link><description>A body of text.</description></item></channel></rss>',
      ),
      byName: false,
    },
    // 9: a name that is not UTF-8 failed with INPUT_NOT_FOUND (src/cli/non-utf8-path.test.ts), and
    // 5: escapes in a name (src/cli/terminal-text.test.ts).
    {
      name: Buffer.from([0x6e, 0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74]),
      bytes: Buffer.from('Name\n\nA text whose name is not UTF-8.\n'),
      byName: true,
    },
    {
      name: Buffer.from('\u001b[31mred\u202e.txt'),
      bytes: Buffer.from('Red\n\nA text whose name holds escapes.\n'),
      byName: true,
    },
  ],
];

let dirs = 0;
/** Write one run's files into a new folder; returns the specs to ingest and each file's shown path. */
function writeRun(batch: GeneratedFile[]): { specs: string[]; shown: string[] } {
  const dir = join(root, `run-${dirs++}`);
  mkdirSync(dir);
  const dirBytes = Buffer.from(`${dir}/`);
  const byName: string[] = [];
  const shown: string[] = [];
  for (const file of batch) {
    const path = Buffer.concat([dirBytes, file.name]);
    writeFileSync(path, file.bytes);
    shown.push(displayPath(path));
    if (file.byName) byName.push(path.toString('utf8'));
  }
  return { specs: [first, dir, ...byName, last], shown };
}

function run(store: Store, specs: string[]) {
  return ingest(store, specs, { now, maxBytes: 64 * 1024 });
}

describe('fuzz: files through ingest', () => {
  after(async () => {
    rmSync(root, { recursive: true, force: true });
    await stores.cleanup();
  });

  it('reports every file, stores only sound rows, re-runs as a no-op, and agrees across drivers', async (t) => {
    let inputs = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(files, async (batch) => {
        runs += 1;
        inputs += batch.length;
        const { specs, shown } = writeRun(batch);
        await onEveryDriver(drivers, async (store) => {
          const result = await ingestTwiceAndCheck(store, () => run(store, specs));
          const { items } = result.first;
          assert.equal(items[0]?.status, 'inserted');
          assert.equal(items.at(-1)?.status, 'inserted', 'the good file after the others is stored');
          for (const path of shown) {
            const reported = items.some((i) => i.where === path || i.where.startsWith(`${path}#`));
            assert.ok(reported, `${JSON.stringify(path)} is in no report item`);
          }
          for (const item of items) assert.doesNotMatch(item.where, /\u0000/);
          for (const article of result.snapshot.articles) {
            assert.doesNotMatch(article.text, /root:x?:0:0/, 'an external entity was expanded');
            assert.doesNotMatch(article.text, DISALLOWED);
          }
          return result;
        });
      }),
      fuzzParameters(
        60,
        FINDINGS.map((f) => [f] as [GeneratedFile[]]),
      ),
    );
    expectInputs(t, 'files', inputs, runs, 550, drivers);
  });

  postgresMissing(stores);
});
