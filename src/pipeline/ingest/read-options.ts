export interface ReadOptions {
  /** Globs (picomatch) matched against paths relative to a folder argument; default: all files. */
  include?: string[];
  /** Globs; default excludes dotfiles/dot-folders and node_modules. */
  exclude?: string[];
  /** Allow loopback/private/link-local/unique-local/CGNAT/multicast/unspecified addresses. */
  allowPrivate?: boolean;
  /** Overall limit for one URL (connect + headers + body, all redirect hops); default 15000. */
  timeoutMs?: number;
  /**
   * Size cap for one document — a page, a text file, one JSON line, one feed item; default 10 MiB.
   * A JSON-lines file or a feed may be larger as a whole: see maxStreamBytes.
   */
  maxBytes?: number;
  /** Size cap for one whole input (a file, stdin, a download), whatever it holds; default 256 MiB. */
  maxStreamBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** Clock, used for RawInput.receivedAt. */
  now: () => Date;
  /** How '-' reads; default process.stdin. */
  readStdin?: () => Promise<Uint8Array>;
  /** DNS, injectable for tests; default dns.promises.lookup with all: true. */
  lookup?: (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;
}

export const DEFAULT_USER_AGENT =
  'SitrepBot/0.1 (+https://github.com/sitrep/sitrep; local-first news analysis)';
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_STREAM_BYTES = 256 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;
/** Dotfiles, dot-folders and node_modules, at any depth. */
export const DEFAULT_EXCLUDE = ['**/.*', '**/node_modules'];

/** Human-readable byte count for messages: '10 MiB', '512 KiB', '17 bytes'. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** True when the bytes are empty or only ASCII whitespace (an optional UTF-8 BOM aside). */
export function isBlankBytes(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}
