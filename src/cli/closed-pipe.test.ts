import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';

const cli = resolve(import.meta.dirname, 'run.ts');
const examples = resolve(import.meta.dirname, '../../examples/korea-russia');

test('a reader that closes the pipe early (`| head`) stops the CLI quietly: no stack trace, exit 0', async () => {
  // The reader has gone before the CLI prints (its summary, line by line): its first write fails
  // with EPIPE.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--db', ':memory:', 'analyze', `${examples}/000_4ed6d99c9978a127.txt`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.destroy();
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
