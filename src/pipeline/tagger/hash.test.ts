import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { f1, f2, f3, g1, g2, g3, hashString } from './hash.ts';

describe('feature hashes', () => {
  it('are the values the shipped weights files were trained with', () => {
    assert.deepEqual(
      [f1(0, 0), f2(42, -1, 0x9747b28c), f3(23, 0xfffffff0, 3, 1), hashString('Paris')],
      [2595213325, 3107721553, 3306662702, 611294528],
    );
  });

  it('are the bits of the shared hashes', () => {
    assert.equal(g1(0, 0) >>> 0, f1(0, 0));
    assert.equal(g2(42, -1, 0x9747b28c) >>> 0, f2(42, -1, 0x9747b28c));
    assert.equal(g3(23, 0xfffffff0, 3, 1) >>> 0, f3(23, 0xfffffff0, 3, 1));
    let x = 1;
    for (let k = 0; k < 2000; k++) {
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + k;
      const a = x >>> 0;
      const b = (x ^ 0x5555) | 0;
      const t = k % 50;
      assert.equal(g1(t, a) >>> 0, f1(t, a));
      assert.equal(g2(t, a, b) >>> 0, f2(t, a, b));
      assert.equal(g3(t, b, a, k) >>> 0, f3(t, b, a, k));
    }
  });

  it('are signed 32-bit integers', () => {
    assert.equal(g1(1, 7), f1(1, 7) | 0);
    assert.ok(Number.isInteger(g2(6, 1, 2)) && Math.abs(g2(6, 1, 2)) < 2 ** 31);
  });
});
