/** How many leading bytes the binary heuristics look at. */
const SAMPLE_BYTES = 8192;

interface Magic {
  name: string;
  offset: number;
  bytes: number[];
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Signatures of formats people are likely to point Sitrep at by mistake. */
const MAGICS: Magic[] = [
  { name: 'PDF', offset: 0, bytes: ascii('%PDF-') },
  { name: 'ZIP', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'PNG', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'GZIP', offset: 0, bytes: [0x1f, 0x8b] },
  { name: 'JPEG', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', offset: 0, bytes: ascii('GIF87a') },
  { name: 'GIF', offset: 0, bytes: ascii('GIF89a') },
  { name: 'WebP', offset: 8, bytes: ascii('WEBP') },
  { name: 'BZIP2', offset: 0, bytes: [...ascii('BZh'), -1, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { name: '7-Zip', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'XZ', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'Zstandard', offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'SQLite database', offset: 0, bytes: [...ascii('SQLite format 3'), 0] },
  { name: 'legacy Office document', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'MP4/QuickTime', offset: 4, bytes: ascii('ftyp') },
];

/** The name of a known binary format whose signature starts the bytes, if any. */
export function sniffMagic(bytes: Uint8Array): string | undefined {
  for (const magic of MAGICS) {
    if (bytes.length < magic.offset + magic.bytes.length) continue;
    if (magic.bytes.every((b, i) => b === -1 || bytes[magic.offset + i] === b)) return magic.name;
  }
  return undefined;
}

/**
 * Guess UTF-16 without a BOM: ASCII-range text in UTF-16 has a zero byte in
 * every other position. Returns the endianness or undefined.
 */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05) return 'utf-16le';
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Why single-byte or UTF-8 bytes look binary: NUL bytes, or more than 10% C0
 * control characters (other than tab, newlines, form feed and ESC) in the
 * first 8 KiB. Undefined when they look like text.
 */
export function sniffControlBytes(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return 'contains NUL bytes';
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) {
      controls++;
    }
  }
  return n > 0 && controls / n > 0.1 ? 'mostly control characters' : undefined;
}

/**
 * Why decoded text looks like binary data: more than 10% replacement or
 * control characters in its first 8192 characters. Undefined when it is text.
 */
export function sniffUndecodable(text: string): string | undefined {
  const n = Math.min(text.length, SAMPLE_BYTES);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0xfffd ||
      c === 0 ||
      (c >= 0x80 && c < 0xa0) ||
      (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1b)
    ) {
      bad++;
    }
  }
  return n >= 16 && bad / n > 0.1 ? 'mostly undecodable or control characters' : undefined;
}

/** Shortest undeclared non-UTF-8 input whose encoding Sitrep guesses: below it there is too little to go on. */
export const MIN_GUESSED_BYTES = 64;

/**
 * Characters of running text in any script: letters, combining marks, digits, punctuation, spaces and
 * the line breaks, and the ASCII symbols prose uses. What is left (controls, U+FFFD, the symbols of
 * the Latin-1 block such as ¤ ¦ ¬ ± × ÷) is what random bytes decode to in a guessed encoding.
 */
const TEXT_CHAR = /[\p{L}\p{M}\p{N}\p{P}\p{Zs}\t\n\r\f$+<=>^`|~]/u;

/**
 * Why bytes decoded with a guessed encoding (no BOM, header or declaration, and not UTF-8) look like
 * binary data rather than text: fewer than 64 bytes, too few to tell an encoding by; or more than 2% of
 * the first 8192 characters outside running text (TEXT_CHAR). Real text in a legacy encoding (Latin-1,
 * windows-1251, Shift_JIS …) decodes to letters and punctuation with next to no such characters;
 * random bytes decoded as windows-1252 leave about a fifth, and in a multi-byte encoding mostly U+FFFD.
 * Undefined when it reads as text.
 */
export function sniffGuessedText(bytes: Uint8Array, text: string): string | undefined {
  if (bytes.length < MIN_GUESSED_BYTES) {
    return `${bytes.length} bytes that are not UTF-8 and declare no encoding`;
  }
  const sample = [...text.slice(0, SAMPLE_BYTES)];
  let odd = 0;
  for (const c of sample) if (!TEXT_CHAR.test(c)) odd++;
  return odd / sample.length > 0.02
    ? `${Math.round((100 * odd) / sample.length)}% of its characters are not text in the guessed encoding`
    : undefined;
}

export function binaryMessage(what: string): string {
  return `binary file (${what}) — Sitrep reads text, HTML, RSS/Atom and JSON lines`;
}
