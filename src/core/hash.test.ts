import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sha256Hex, stableId } from './hash.ts';

test('sha256Hex: the standard digest of a string (UTF-8) and of bytes', () => {
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Hex('é'), sha256Hex(new Uint8Array([0xc3, 0xa9])));
});

test('stableId: the first 16 hex digits of SHA-256 over the fields joined by U+001F', () => {
  assert.equal(stableId('a', 'b'), 'f04cdced9736a69d');
});
