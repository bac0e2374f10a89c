/**
 * The cases every Store driver's `withLock` passes (Store.withLock): two handles on one store (two
 * processes, as far as the lock can tell) and a handle on another store.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from './store.ts';

export interface LockHandles {
  first: Store;
  second: Store;
  /** A handle on a different store (another file, another schema). */
  elsewhere: Store;
}

/** A body that holds the lock until `release()` is called; `held` resolves once it runs. */
function holding() {
  let release = () => {};
  let entered = () => {};
  const released = new Promise<void>((r) => (release = r));
  const held = new Promise<void>((r) => (entered = r));
  return {
    release,
    held,
    body: async () => {
      entered();
      await released;
      return 'first';
    },
  };
}

export function runLockConformance(driver: string, open: () => Promise<LockHandles>): void {
  describe(`store locks: ${driver}`, () => {
    it('lets one holder at a time have a lock; a waiting caller runs once it is let go', async () => {
      const { first, second, elsewhere } = await open();
      try {
        const hold = holding();
        const firstDone = first.withLock('sitrep:test', hold.body);
        await hold.held;
        assert.deepEqual(await second.withLock('sitrep:test', async () => 'second', { wait: false }), {
          locked: false,
        });
        const order: string[] = [];
        const waiting = second.withLock('sitrep:test', async () => {
          order.push('second ran');
          return 2;
        });
        // Another name, and the same name on another store, are other locks.
        assert.deepEqual(await second.withLock('sitrep:other', async () => 3, { wait: false }), {
          locked: true,
          value: 3,
        });
        assert.deepEqual(await elsewhere.withLock('sitrep:test', async () => 4, { wait: false }), {
          locked: true,
          value: 4,
        });
        await new Promise((r) => setTimeout(r, 250));
        assert.equal(order.length, 0);
        order.push('first let go');
        hold.release();
        assert.deepEqual(await firstDone, { locked: true, value: 'first' });
        assert.deepEqual(await waiting, { locked: true, value: 2 });
        assert.deepEqual(order, ['first let go', 'second ran']);
      } finally {
        await Promise.all([first.close(), second.close(), elsewhere.close()]);
      }
    });

    it('lets go of a lock whose body throws, and gives the caller the error', async () => {
      const { first, second, elsewhere } = await open();
      try {
        await assert.rejects(
          first.withLock('sitrep:test', async () => {
            throw new Error('stage failed');
          }),
          /stage failed/,
        );
        assert.deepEqual(await second.withLock('sitrep:test', async () => 'free', { wait: false }), {
          locked: true,
          value: 'free',
        });
      } finally {
        await Promise.all([first.close(), second.close(), elsewhere.close()]);
      }
    });

    it('leaves the store readable and writable by others while a lock is held', async () => {
      const { first, second, elsewhere } = await open();
      try {
        const hold = holding();
        const firstDone = first.withLock('sitrep:test', hold.body);
        await hold.held;
        const record = {
          kind: 'test',
          key: 'k',
          version: '1',
          value: { n: 1 },
          updatedAt: '2026-12-07T00:00:00Z',
        };
        await second.putDerived(record);
        assert.deepEqual((await first.getDerived('test', 'k'))?.value, { n: 1 });
        hold.release();
        await firstDone;
      } finally {
        await Promise.all([first.close(), second.close(), elsewhere.close()]);
      }
    });
  });
}
