import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { checkBinding, isLoopbackHost } from '../../server/serve.ts';
import type { Io } from '../output.ts';
import { readToken, registerServe } from './serve.ts';

function program(io: Io, until: () => Promise<void>) {
  const p = new Command('sitrep').option('--db <file>', 'db', ':memory:').exitOverride();
  registerServe(p, io, { until });
  return p;
}

describe('sitrep serve', () => {
  it('binds loopback without a token and refuses other hosts without one', () => {
    assert.ok(isLoopbackHost('127.0.0.1') && isLoopbackHost('localhost') && isLoopbackHost('::1'));
    assert.ok(!isLoopbackHost('0.0.0.0') && !isLoopbackHost('192.168.1.4'));
    assert.doesNotThrow(() => checkBinding('127.0.0.1', undefined));
    assert.throws(() => checkBinding('0.0.0.0', undefined), {
      code: 'USAGE',
      message: /refusing to listen on 0\.0\.0\.0 without a token.*--token/,
    });
    assert.doesNotThrow(() => checkBinding('0.0.0.0', 'a-long-enough-secret'));
    assert.throws(() => checkBinding('0.0.0.0', 'short'), { code: 'USAGE', message: /too short/ });
  });

  it('prints the URL and serves the API until stopped', async () => {
    const out: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: () => {}, isTty: false, columns: 100 };
    let health: unknown;
    let rebound = 0;
    const until = async () => {
      const url = /serving (\S+) /.exec(out[0] ?? '')?.[1] ?? '';
      health = await (await fetch(`${url}api/health`)).json();
      // DNS rebinding: a page on another name that resolves to 127.0.0.1 is refused.
      const u = new URL(url);
      const http = await import('node:http');
      rebound = await new Promise<number>((resolve, reject) => {
        http
          .get(
            { host: u.hostname, port: u.port, path: '/api/health', headers: { host: 'evil.example' } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          )
          .on('error', reject);
      });
    };
    await program(io, until).parseAsync(['serve', '--port', '0'], { from: 'user' });
    assert.match(out[0] ?? '', /^sitrep: serving http:\/\/127\.0\.0\.1:\d+\/ /);
    assert.deepEqual(health, { ok: true, driver: 'sqlite', articles: 0, writes: 'open' });
    assert.equal(rebound, 403);
    assert.match(out.join('\n'), /\/api\/analysis answers 503/);
  });

  it('serves only loopback names on loopback with a token too (DNS rebinding)', async () => {
    const out: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: () => {}, isTty: false, columns: 100 };
    let rebound = 0;
    const until = async () => {
      const u = new URL(/serving (\S+) /.exec(out[0] ?? '')?.[1] ?? '');
      const http = await import('node:http');
      rebound = await new Promise<number>((resolve, reject) => {
        http
          .get(
            { host: u.hostname, port: u.port, path: '/api/health', headers: { host: 'evil.example' } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          )
          .on('error', reject);
      });
    };
    const saved = process.env['SITREP_TOKEN'];
    process.env['SITREP_TOKEN'] = 'a-long-enough-secret-token';
    try {
      await program(io, until).parseAsync(['serve', '--port', '0'], { from: 'user' });
    } finally {
      if (saved === undefined) delete process.env['SITREP_TOKEN'];
      else process.env['SITREP_TOKEN'] = saved;
    }
    assert.equal(rebound, 403);
  });

  it('reads the token from a file, warns when it is typed on the command line, and refuses an empty file', () => {
    const err: string[] = [];
    const io: Io = { out: () => {}, err: (t) => err.push(t), isTty: false, columns: 100 };
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-token-'));
    writeFileSync(join(dir, 'token'), 'from-the-file-0123456789\n');
    writeFileSync(join(dir, 'empty'), '\n');
    assert.equal(
      readToken({ tokenFile: join(dir, 'token'), token: 'ignored' }, io),
      'from-the-file-0123456789',
    );
    assert.deepEqual(err, []);
    assert.equal(readToken({ token: 'typed-on-the-command-line' }, io), 'typed-on-the-command-line');
    assert.match(err.join('\n'), /warning: a token given with --token is visible to other users/);
    assert.throws(() => readToken({ tokenFile: join(dir, 'empty') }, io), {
      code: 'USAGE',
      message: /is empty/,
    });
    assert.throws(() => readToken({ tokenFile: join(dir, 'missing') }, io), {
      code: 'USAGE',
      message: /cannot read the token file/,
    });
  });

  it('refuses to start on a public address without a token', async () => {
    const io: Io = { out: () => {}, err: () => {}, isTty: false, columns: 100 };
    const saved = process.env['SITREP_TOKEN'];
    delete process.env['SITREP_TOKEN'];
    try {
      await assert.rejects(
        program(io, async () => {}).parseAsync(['serve', '--host', '0.0.0.0', '--port', '0'], {
          from: 'user',
        }),
        { code: 'USAGE', message: /refusing to listen on 0\.0\.0\.0 without a token/ },
      );
    } finally {
      if (saved !== undefined) process.env['SITREP_TOKEN'] = saved;
    }
  });
});
