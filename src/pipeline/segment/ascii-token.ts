/**
 * `tokenize`'s pattern (segment.ts) read by hand for a token of ASCII characters — a number
 * `\p{N}+(?:[.,]\p{N}+)*%?`, a word `\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{N}]+)*\.?` or one other
 * character that is no space — several times as fast as the regular expression, which reads the
 * tokens with any other character (the scan gives up as soon as it reads one).
 */

/** What `asciiToken` found: its kind in the low two bits (1 number, 2 word, 3 other), its end above. */
export const NUMBER = 1;
export const WORD = 2;
export const OTHER = 3;

/** The character at i, or −1 at the end (no closure: tsx names each one it makes, at a cost). */
function at(text: string, i: number, end: number): number {
  return i < end ? text.charCodeAt(i) : -1;
}

const digit = (c: number): boolean => c >= 48 && c <= 57;
const alnum = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/**
 * The token starting at `q` (an ASCII character that is no space) of `text` read up to `end`, as
 * (end << 2) | kind, or −1 when the token may hold a character beyond ASCII (the caller then uses the
 * regular expression).
 */
export function asciiToken(text: string, q: number, end: number): number {
  let c = at(text, q, end);
  let i = q + 1;
  if (digit(c)) {
    for (c = at(text, i, end); digit(c); c = at(text, ++i, end));
    if (c >= 128) return -1;
    while (c === 46 || c === 44) {
      const d = at(text, i + 1, end);
      if (d >= 128) return -1;
      if (!digit(d)) break;
      i += 2;
      for (c = at(text, i, end); digit(c); c = at(text, ++i, end));
      if (c >= 128) return -1;
    }
    if (c === 37) i += 1;
    return (i << 2) | NUMBER;
  }
  if (alnum(c)) {
    for (c = at(text, i, end); alnum(c); c = at(text, ++i, end));
    if (c >= 128) return -1;
    while (c === 39 || c === 45 || c === 46) {
      const d = at(text, i + 1, end);
      if (d >= 128) return -1;
      if (!alnum(d)) break;
      i += 2;
      for (c = at(text, i, end); alnum(c); c = at(text, ++i, end));
      if (c >= 128) return -1;
    }
    if (c === 46) i += 1;
    return (i << 2) | WORD;
  }
  return (i << 2) | OTHER;
}
