/**
 * Fuzz: JSON lines read from stdin through the real ingest path, on SQLite and PostgreSQL. Each run
 * is one input of random lines between two good items; the batch must complete (one report item
 * per line, the last good item stored after every bad one), every stored row must be sound, a
 * re-run must change nothing, and both drivers must agree on the report and the rows.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { ingest } from '../../src/engine/ingest.ts';
import type { Store } from '../../src/store/store.ts';
import { ingestTwiceAndCheck } from './fuzz-checks.ts';
import { expectInputs, fuzzDrivers, fuzzParameters, onEveryDriver, postgresMissing } from './fuzz-run.ts';
import { fuzzStores } from './fuzz-stores.ts';
import { jsonLines } from './input-arbitraries.ts';

const now = () => new Date('2024-06-01T00:00:00Z');
const stores = await fuzzStores('jsonl');
const drivers = fuzzDrivers(stores);

const good = (n: string) =>
  JSON.stringify({
    url: `https://example.org/good/${n}`,
    title: `Good item ${n}`,
    text: `Good item ${n}\n\nThe council said on Tuesday that the ${n} bridge would reopen after storm repairs.`,
  });

/** Issue 18's JSON-lines findings, run through every property (their own tests: see each comment). */
const FINDINGS: string[] = [
  // 1: a NUL in one item aborted the batch on PostgreSQL (src/store/postgres/postgres-store.test.ts).
  `${JSON.stringify({ url: 'https://example.org/nul', text: 'A\u0000 title\n\nA body\u0000 with NUL and \u0007 bells in it.' })}\n`,
  // 8: two lines sharing one URL reported "2 updated" on every run (src/engine/ingest.test.ts).
  `${JSON.stringify({ url: 'https://example.org/same', text: 'First\n\nThe first body of this report.' })}\n${JSON.stringify({ url: 'https://example.org/same', text: 'Second\n\nA second body under the same URL.' })}\n`,
  // Lone surrogates and terminal escapes in every field (5: terminal output, src/cli/terminal-text.test.ts).
  `${JSON.stringify({ url: 'https://example.org/esc', title: '\u001b[31mRed\ud800', byline: '\u202eevil', text: 'T\udc00\n\nBody \u001b]0;x\u0007 text.' })}\n`,
];

async function runLines(store: Store, text: string) {
  const bytes = new TextEncoder().encode(`${good('first')}\n${text}${good('last')}\n`);
  return ingest(store, ['-'], { now, maxBytes: 16 * 1024, readStdin: async () => bytes });
}

describe('fuzz: JSON lines through ingest', () => {
  after(() => stores.cleanup());

  it('completes every batch, stores only sound rows, re-runs as a no-op, and agrees across drivers', async (t) => {
    let inputs = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(jsonLines, async (text) => {
        runs += 1;
        const lines = `${good('first')}\n${text}${good('last')}\n`.split('\n').filter((l) => l.trim() !== '');
        inputs += lines.length - 2;
        await onEveryDriver(drivers, async (store) => {
          const result = await ingestTwiceAndCheck(store, () => runLines(store, text));
          const { items } = result.first;
          assert.equal(items.length, lines.length, 'one report item per line');
          assert.equal(items[0]?.status, 'inserted');
          assert.equal(items.at(-1)?.status, 'inserted', 'the good item after the bad ones is stored');
          return result;
        });
      }),
      fuzzParameters(
        110,
        FINDINGS.map((f) => [f] as [string]),
      ),
    );
    expectInputs(t, 'JSON lines', inputs, runs, 1800, drivers);
  });

  postgresMissing(stores);
});
