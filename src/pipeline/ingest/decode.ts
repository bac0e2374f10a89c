import { TextDecoder } from 'node:util';
import { analyse } from 'chardet';
import type { SourceDocument } from '../../core/article.ts';
import { guessUtf16 } from './detect-binary.ts';

export type CharsetInfo = NonNullable<SourceDocument['charset']>;

export interface Decoded {
  text: string;
  charset: CharsetInfo;
}

/** How far into the bytes the <meta charset> / XML declaration prescan looks. */
const PRESCAN_BYTES = 4096;

/**
 * Decode raw bytes to a string. The encoding is chosen, in order, from a byte
 * order mark that the bytes after it fit (bomThatFits; a contradicted BOM is dropped and the rest is
 * sniffed), the Content-Type charset, an HTML <meta charset>/<meta
 * http-equiv> or XML encoding declaration in the first 4 KiB, a BOM-less
 * UTF-16 pattern, valid UTF-8, chardet's guess, and finally windows-1252.
 * Names are the WHATWG canonical names TextDecoder reports ('iso-8859-1' is
 * decoded, and reported, as 'windows-1252').
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): Decoded {
  const bom = sniffBom(bytes);
  if (bom && bomThatFits(bytes)) return decodeWith(bytes, bom, 'bom');
  if (bom) return decodeBytes(bytes.subarray(bom === 'utf-8' ? 3 : 2), contentType);

  const fromHeader = contentType ? charsetFromContentType(contentType) : undefined;
  const headerDecoder = fromHeader ? decoderFor(fromHeader) : undefined;
  if (headerDecoder) return run(headerDecoder, bytes, 'header');

  const fromMeta = prescanCharset(bytes);
  const metaDecoder = fromMeta ? decoderFor(fromMeta) : undefined;
  if (metaDecoder) {
    // A declaration readable as ASCII cannot be right about UTF-16 (WHATWG rule).
    const name = metaDecoder.encoding.startsWith('utf-16') ? 'utf-8' : metaDecoder.encoding;
    return decodeWith(bytes, name, 'meta');
  }

  const utf16 = guessUtf16(bytes);
  if (utf16) return decodeWith(bytes, utf16, 'detected');

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, charset: { name: 'utf-8', from: 'detected' } };
  } catch {
    // not UTF-8; guess below
  }

  const detected = detectCharset(bytes);
  if (detected) return run(detected, bytes, 'detected');
  return decodeWith(bytes, 'windows-1252', 'default');
}

/** chardet's first guess on the sample below is taken from this confidence (0–100) up. */
const SAMPLE_CONFIDENCE = 25;

/**
 * chardet's guess of a legacy charset (not UTF-8/16/32, confidence 10 or more), or undefined.
 * chardet runs every recogniser over every byte given (~0.6 MB/s: 30 ms for a typical page), and a
 * page is mostly ASCII markup that no recogniser learns from; so it reads first only the lines that
 * hold a byte over 0x7F, with their ASCII context, and the whole page only when that sample's guess
 * is weak (a page whose only such byte is a no-break space guessed Shift_JIS at confidence 10). On
 * the 121 development pages that reach this step: the same charset as the whole page on all 121,
 * 7 times faster (docs/decisions/0005).
 */
function detectCharset(bytes: Uint8Array): TextDecoder | undefined {
  const sample = linesWithHighBytes(bytes);
  if (sample.length < bytes.length) {
    const guess = firstLegacyGuess(sample);
    if (guess && guess.confidence >= SAMPLE_CONFIDENCE) return guess.decoder;
  }
  return firstLegacyGuess(bytes)?.decoder;
}

function firstLegacyGuess(bytes: Uint8Array): { decoder: TextDecoder; confidence: number } | undefined {
  for (const match of analyse(bytes)) {
    if (match.confidence < 10 || /^utf-(8|16|32)/i.test(match.name)) continue;
    const decoder = decoderFor(match.name);
    if (decoder) return { decoder, confidence: match.confidence };
  }
  return undefined;
}

/** The lines (LF-separated, each with its LF) that hold a byte over 0x7F, joined. */
export function linesWithHighBytes(bytes: Uint8Array): Uint8Array {
  const kept: Array<[number, number]> = [];
  let length = 0;
  let start = 0;
  let high = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      if (high) {
        kept.push([start, i + 1]);
        length += i + 1 - start;
      }
      start = i + 1;
      high = false;
    } else if (b > 0x7f) high = true;
  }
  if (high) {
    kept.push([start, bytes.length]);
    length += bytes.length - start;
  }
  if (length === bytes.length) return bytes;
  const out = new Uint8Array(length);
  let at = 0;
  for (const [from, to] of kept) {
    out.set(bytes.subarray(from, to), at);
    at += to - from;
  }
  return out;
}

/** The encoding named by a byte order mark, if any (UTF-32 is not supported by TextDecoder). */
export function sniffBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The byte order mark, when the bytes after it fit its encoding: a UTF-8 BOM needs valid UTF-8 after
 * it; a UTF-16 BOM needs an even number of bytes that decode without a lone surrogate and are not
 * plainly UTF-8 instead (valid UTF-8 without a NUL byte: UTF-16 text of any length holds NUL bytes
 * for its ASCII characters, spaces and newlines included). Undefined when there is no BOM or the
 * bytes contradict it; reading text that was saved with a stray BOM as UTF-16 gave CJK garbage.
 */
export function bomThatFits(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  const bom = sniffBom(bytes);
  if (!bom) return undefined;
  const rest = bytes.subarray(bom === 'utf-8' ? 3 : 2);
  if (bom === 'utf-8') return isUtf8(rest) ? bom : undefined;
  if (rest.length % 2 !== 0) return undefined;
  try {
    new TextDecoder(bom, { fatal: true }).decode(rest);
  } catch {
    return undefined;
  }
  return !rest.includes(0) && isUtf8(rest) ? undefined : bom;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset parameter of a Content-Type value: 'text/html; charset="ISO-8859-1"' → 'ISO-8859-1'. */
export function charsetFromContentType(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType);
  const value = (match?.[1] ?? match?.[2])?.trim();
  return value ? value : undefined;
}

/**
 * Find a declared encoding in the first bytes: an XML declaration
 * (`<?xml version="1.0" encoding="…"?>`) at the very start, or an HTML
 * `<meta charset>` / `<meta http-equiv="Content-Type" content="…; charset=…">`
 * outside comments.
 */
export function prescanCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1];
  const visible = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of visible.matchAll(/<meta\s[^>]*>/gi)) {
    const text = tag[0];
    const direct = /\scharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(text);
    if (direct) return direct[1];
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(text)) {
      const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(text);
      const value = content?.[1] ?? content?.[2];
      const charset = value ? /charset\s*=\s*["']?([^\s"';]+)/i.exec(value) : null;
      if (charset) return charset[1];
    }
  }
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label.trim());
  } catch {
    return undefined;
  }
}

function decodeWith(bytes: Uint8Array, label: string, from: CharsetInfo['from']): Decoded {
  return run(new TextDecoder(label), bytes, from);
}

function run(decoder: TextDecoder, bytes: Uint8Array, from: CharsetInfo['from']): Decoded {
  const text = decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
  return { text, charset: { name: decoder.encoding, from } };
}

/** WHATWG windows-1252 mappings of 0x80..0x9F (the rest of the bytes map to the same code point). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

const C1 = /[\u0080-\u009f]/g;
const fromC1 = (c: string) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);

/**
 * Decode windows-1252 (and its aliases iso-8859-1, latin1, ascii) by hand:
 * Node 20's TextDecoder decodes this label as ISO-8859-1, turning curly
 * quotes and dashes (0x80..0x9F) into C1 control characters. Read as Latin-1 (each byte its own
 * code point, native), then those C1 characters mapped (five of them have no mapping and stay).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1').replace(C1, fromC1);
}
