import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAddress, isBlockedAddress } from './address-policy.ts';

describe('classifyAddress', () => {
  const cases: [string, string | undefined][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.15.255.255', undefined],
    ['172.32.0.0', undefined],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.255', 'shared (CGNAT)'],
    ['100.128.0.0', undefined],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this-network'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['8.8.8.8', undefined],
    ['93.184.216.34', undefined],
    ['1.1.1.1', undefined],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:8.8.8.8', undefined],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['64:ff9b::8.8.8.8', undefined],
    ['2002:c0a8:0101::1', 'private'],
    ['2001:db8::1', 'reserved'],
    ['2001:4860::8888', undefined],
    ['2001:4860:4860::8888', undefined],
    ['2606:4700:4700::1111', undefined],
    ['not-an-ip', 'invalid'],
    ['256.1.1.1', 'invalid'],
    ['', 'invalid'],
  ];
  for (const [address, expected] of cases) {
    it(`${address || '(empty)'} → ${expected ?? 'public'}`, () => {
      assert.equal(classifyAddress(address), expected);
      assert.equal(isBlockedAddress(address), expected !== undefined);
    });
  }
});
