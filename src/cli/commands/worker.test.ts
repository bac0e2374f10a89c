import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCaptured } from '../capture.fixtures.ts';

describe('sitrep worker / status / ingest --queue without PostgreSQL', () => {
  const needs = (what: string) =>
    `sitrep: ${what} needs a PostgreSQL store (the job queue lives in it): pass --db postgres://…; SQLite runs everything in one process (\`sitrep ingest\`, \`sitrep analyze\`) [USAGE]`;

  it('refuses a SQLite store with a usage error (exit 2), naming what to do', async () => {
    for (const [args, what] of [
      [['--db', ':memory:', 'worker'], '`sitrep worker`'],
      [['--db', ':memory:', 'status'], '`sitrep status`'],
      [['--db', ':memory:', 'ingest', '--queue', 'examples/korea-russia'], '`sitrep ingest --queue`'],
    ] as const) {
      const { code, out, err } = await runCaptured([...args]);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.equal(err, needs(what));
    }
  });
});
