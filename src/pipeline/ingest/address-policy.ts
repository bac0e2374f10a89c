import { isIP } from 'node:net';

/** Why an address is not on the public internet; undefined for public unicast addresses. */
export type AddressKind =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'shared (CGNAT)'
  | 'multicast'
  | 'unspecified'
  | 'this-network'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

/**
 * Classify an IPv4 or IPv6 literal. Returns the reason it is not public, or
 * undefined when it is a public unicast address. IPv4-mapped, IPv4-compatible,
 * NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses are judged by the IPv4
 * address they embed. Anything that does not parse is 'invalid' (fail closed).
 */
export function classifyAddress(address: string): AddressKind | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 4) return classifyIpv4(parseIpv4(bare)!);
  if (version === 6) {
    const groups = parseIpv6(bare);
    return groups ? classifyIpv6(groups) : 'invalid';
  }
  return 'invalid';
}

/** True when connecting to the address must be refused unless private addresses are allowed. */
export function isBlockedAddress(address: string): boolean {
  return classifyAddress(address) !== undefined;
}

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

function inV4(ip: number, base: string, bits: number): boolean {
  const start = parseIpv4(base)!;
  const size = 2 ** (32 - bits);
  return ip >= start && ip < start + size;
}

function classifyIpv4(ip: number): AddressKind | undefined {
  if (ip === 0) return 'unspecified';
  if (ip === 0xffffffff) return 'broadcast';
  if (inV4(ip, '0.0.0.0', 8)) return 'this-network';
  if (inV4(ip, '127.0.0.0', 8)) return 'loopback';
  if (inV4(ip, '10.0.0.0', 8) || inV4(ip, '172.16.0.0', 12) || inV4(ip, '192.168.0.0', 16)) return 'private';
  if (inV4(ip, '169.254.0.0', 16)) return 'link-local';
  if (inV4(ip, '100.64.0.0', 10)) return 'shared (CGNAT)';
  if (inV4(ip, '224.0.0.0', 4)) return 'multicast';
  if (inV4(ip, '240.0.0.0', 4)) return 'reserved';
  // IETF protocol assignments, documentation and benchmarking ranges never reach a news site.
  if (
    inV4(ip, '192.0.0.0', 24) ||
    inV4(ip, '192.0.2.0', 24) ||
    inV4(ip, '198.18.0.0', 15) ||
    inV4(ip, '198.51.100.0', 24) ||
    inV4(ip, '203.0.113.0', 24)
  ) {
    return 'reserved';
  }
  return undefined;
}

/** Parse an IPv6 literal (already validated by net.isIP) into eight 16-bit groups. */
function parseIpv6(text: string): number[] | undefined {
  let head = text.toLowerCase();
  const tail: number[] = [];
  const lastColon = head.lastIndexOf(':');
  const maybeV4 = head.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    const v4 = parseIpv4(maybeV4);
    if (v4 === undefined) return undefined;
    tail.push(Math.floor(v4 / 65536), v4 % 65536);
    head = head.slice(0, lastColon + 1);
    // keep a trailing '::' (as in '::1.2.3.4'), drop a single trailing ':'
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const toGroups = (s: string | undefined): number[] =>
    s
      ? s
          .split(':')
          .filter((g) => g !== '')
          .map((g) => Number.parseInt(g, 16))
      : [];
  const leftGroups = toGroups(left);
  const rightGroups = [...toGroups(right), ...tail];
  if (right === undefined) {
    const all = [...leftGroups, ...tail];
    return all.length === 8 ? all : undefined;
  }
  const missing = 8 - leftGroups.length - rightGroups.length;
  if (missing < 0) return undefined;
  return [...leftGroups, ...new Array<number>(missing).fill(0), ...rightGroups];
}

function embeddedV4(hi: number, lo: number): number {
  return hi * 65536 + lo;
}

function classifyIpv6(g: number[]): AddressKind | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const firstSixZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstSixZero && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  if (firstSixZero && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (deprecated IPv4-compatible)
  if (firstSixZero && (g5 === 0xffff || g5 === 0)) return classifyIpv4(embeddedV4(g6, g7));
  // 64:ff9b::/96 NAT64 well-known prefix
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return classifyIpv4(embeddedV4(g6, g7));
  }
  // 2002::/16 6to4 embeds an IPv4 address in bits 16..47
  if (g0 === 0x2002) return classifyIpv4(embeddedV4(g1, g2));
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  // 2001:db8::/32 documentation
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved';
  return undefined;
}
