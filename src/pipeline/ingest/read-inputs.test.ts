import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RawInput } from '../../core/article.ts';
import { sha256Hex } from '../../core/hash.ts';
import type { Outcome } from '../../core/outcome.ts';
import { type ReadOptions, readInputs } from './index.ts';

const now = () => new Date('2024-05-25T10:19:00.000Z');

async function collect(specs: string[], options: Partial<ReadOptions> = {}): Promise<Outcome<RawInput>[]> {
  const out: Outcome<RawInput>[] = [];
  for await (const outcome of readInputs(specs, { now, ...options })) out.push(outcome);
  return out;
}

/** 'ok <path>' or '<CODE> <where>' per outcome, paths relative to `root`. */
function summary(outcomes: Outcome<RawInput>[], root: string): string[] {
  const rel = (p: string) => (p.startsWith(`${root}/`) ? p.slice(root.length + 1) : p);
  return outcomes.map((o) => {
    if (!o.ok) return `${o.error.code} ${rel(o.where)}`;
    return o.value.source.kind === 'file' ? `ok ${rel(o.value.source.path)}` : `ok ${o.value.source.kind}`;
  });
}

describe('readInputs: files and folders', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sitrep-ingest-'));
    await mkdir(join(root, 'sub', 'deep'), { recursive: true });
    await mkdir(join(root, '.git'));
    await mkdir(join(root, 'node_modules', 'x'), { recursive: true });
    await writeFile(join(root, 'a.html'), '<p>A</p>');
    await writeFile(join(root, 'b.txt'), 'Bee text\n');
    await writeFile(join(root, 'notes.md'), '# Notes');
    await writeFile(join(root, 'empty.txt'), '');
    await writeFile(join(root, 'blank.txt'), '  \n\t\r\n');
    await writeFile(join(root, '.hidden.txt'), 'hidden');
    await writeFile(join(root, '.git', 'config'), '[core]');
    await writeFile(join(root, 'node_modules', 'x', 'y.html'), '<p>dep</p>');
    await writeFile(join(root, 'sub', 'c.html'), '<p>C</p>');
    await writeFile(join(root, 'sub', 'deep', 'd.txt'), 'Dee');
    await symlink(root, join(root, 'loop'));
    await symlink(join(root, 'sub', 'deep'), join(root, 'sub', 'zz-deep-link'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('walks a folder in sorted order, skipping dot entries, node_modules and symlink loops', async () => {
    assert.deepEqual(summary(await collect([root]), root), [
      'ok a.html',
      'ok b.txt',
      'INPUT_EMPTY blank.txt',
      'INPUT_EMPTY empty.txt',
      'ok notes.md',
      'ok sub/c.html',
      'ok sub/deep/d.txt',
      'ok sub/zz-deep-link/d.txt',
    ]);
  });

  it('keeps the bytes unchanged, hashes them and stamps the clock', async () => {
    const [first] = await collect([join(root, 'b.txt')]);
    assert.ok(first?.ok);
    assert.deepEqual(first.value, {
      sha256: sha256Hex('Bee text\n'),
      bytes: first.value.bytes,
      source: { kind: 'file', path: join(root, 'b.txt') },
      receivedAt: '2024-05-25T10:19:00.000Z',
    });
    assert.equal(Buffer.from(first.value.bytes).toString('utf8'), 'Bee text\n');
  });

  it('applies include globs (slash-less patterns match the base name at any depth)', async () => {
    assert.deepEqual(summary(await collect([root], { include: ['*.html'] }), root), [
      'ok a.html',
      'ok sub/c.html',
    ]);
    assert.deepEqual(summary(await collect([root], { include: ['sub/**/*.txt'] }), root), [
      'ok sub/deep/d.txt',
      'ok sub/zz-deep-link/d.txt',
    ]);
  });

  it('replaces the default excludes with the given ones', async () => {
    assert.deepEqual(summary(await collect([root], { exclude: ['sub', 'loop', '*.txt'] }), root), [
      'ok .git/config',
      'ok a.html',
      'ok node_modules/x/y.html',
      'ok notes.md',
    ]);
  });

  it('reports a folder with no matching files, naming the globs', async () => {
    const [only, ...rest] = await collect([root], { include: ['*.pdf'] });
    assert.equal(rest.length, 0);
    assert.ok(only && !only.ok);
    assert.equal(only.error.code, 'INPUT_NOT_FOUND');
    assert.equal(
      only.error.message,
      `no files matching *.pdf in folder ${root} (excluding **/.*, **/node_modules); check the --include/--exclude globs`,
    );
  });

  it('reports a missing path and goes on with the next spec', async () => {
    const missing = join(root, 'nope.txt');
    const outcomes = await collect([missing, join(root, 'notes.md')]);
    assert.deepEqual(summary(outcomes, root), ['INPUT_NOT_FOUND nope.txt', 'ok notes.md']);
    const [first] = outcomes;
    assert.ok(first && !first.ok);
    assert.equal(first.error.message, `no such file or folder: ${missing}`);
  });

  it('reports empty and whitespace-only files', async () => {
    const outcomes = await collect([join(root, 'empty.txt'), join(root, 'blank.txt')]);
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? 'ok' : o.error.message)),
      [
        `${join(root, 'empty.txt')} is empty (0 bytes); there is nothing to read`,
        `${join(root, 'blank.txt')} contains only whitespace; there is nothing to read`,
      ],
    );
  });

  it('refuses files over maxStreamBytes', async () => {
    const [outcome] = await collect([join(root, 'b.txt')], { maxStreamBytes: 4 });
    assert.ok(outcome && !outcome.ok);
    assert.equal(outcome.error.code, 'INPUT_TOO_LARGE');
    assert.equal(
      outcome.error.message,
      `${join(root, 'b.txt')} is too large (9 bytes, over the 4 bytes limit); raise --max-stream-bytes to read it`,
    );
  });

  it('reports a broken symbolic link inside a folder', async () => {
    const dir = join(root, '..', `${root.split('/').pop()}-broken`);
    await mkdir(dir);
    try {
      await writeFile(join(dir, 'ok.txt'), 'fine');
      await symlink(join(dir, 'gone.txt'), join(dir, 'link.txt'));
      const outcomes = await collect([dir]);
      assert.deepEqual(summary(outcomes, dir), ['INPUT_NOT_FOUND link.txt', 'ok ok.txt']);
      const [first] = outcomes;
      assert.ok(first && !first.ok);
      assert.equal(
        first.error.message,
        `broken symbolic link: ${join(dir, 'link.txt')} (its target does not exist)`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a named pipe as unreadable instead of blocking on it', async () => {
    const fifo = join(root, '..', `${root.split('/').pop()}.fifo`);
    execFileSync('mkfifo', [fifo]);
    try {
      const [outcome] = await collect([fifo]);
      assert.ok(outcome && !outcome.ok);
      assert.equal(outcome.error.code, 'INPUT_UNREADABLE');
      assert.equal(outcome.error.message, `cannot read ${fifo}: not a regular file or folder`);
    } finally {
      await rm(fifo, { force: true });
    }
  });

  it('reports an unreadable folder', {
    skip: process.getuid?.() === 0 && 'root can read anything',
  }, async () => {
    const locked = join(root, 'sub', 'deep');
    await chmod(locked, 0o000);
    try {
      const outcomes = await collect([join(root, 'sub')]);
      assert.deepEqual(summary(outcomes, root), [
        'ok sub/c.html',
        'INPUT_UNREADABLE sub/deep',
        'INPUT_UNREADABLE sub/zz-deep-link',
      ]);
    } finally {
      await chmod(locked, 0o755);
    }
  });
});

describe('readInputs: stdin and schemes', () => {
  it("reads '-' through the injected reader", async () => {
    const outcomes = await collect(['-'], { readStdin: async () => new TextEncoder().encode('from stdin') });
    assert.ok(outcomes[0]?.ok);
    assert.deepEqual(outcomes[0].value.source, { kind: 'stdin' });
    assert.equal(outcomes[0].value.sha256, sha256Hex('from stdin'));
  });

  it('reports empty and oversized stdin', async () => {
    const empty = await collect(['-'], { readStdin: async () => new Uint8Array(0) });
    const large = await collect(['-'], {
      readStdin: async () => new Uint8Array(11).fill(65),
      maxStreamBytes: 10,
    });
    assert.deepEqual(
      [...empty, ...large].map((o) => (o.ok ? 'ok' : `${o.error.code}: ${o.error.message}`)),
      [
        'INPUT_EMPTY: stdin is empty (0 bytes); there is nothing to read',
        'INPUT_TOO_LARGE: stdin is too large (11 bytes, over the 10 bytes limit); raise --max-stream-bytes to read it',
      ],
    );
  });

  it('refuses URL schemes other than http and https', async () => {
    const outcomes = await collect(['ftp://example.com/feed.xml', 'file:///etc/passwd']);
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? 'ok' : `${o.error.code}: ${o.error.message}`)),
      [
        'INPUT_UNSUPPORTED: unsupported URL scheme "ftp:" in ftp://example.com/feed.xml; Sitrep fetches http and https URLs',
        'INPUT_UNSUPPORTED: unsupported URL scheme "file:" in file:///etc/passwd; Sitrep fetches http and https URLs',
      ],
    );
  });
});
