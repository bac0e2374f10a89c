import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { collectGarbage } from './collect-garbage.ts';

it('collects an object nothing refers to any more, without --expose-gc on the command line', async () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
  let held: { payload: number[] } | undefined = { payload: Array.from({ length: 1000 }, (_, i) => i) };
  const ref = new WeakRef(held);
  held = undefined;
  // A WeakRef's target is kept to the end of the job that made or read it.
  await nextTurn();
  collectGarbage();
  assert.equal(ref.deref(), undefined);
});
