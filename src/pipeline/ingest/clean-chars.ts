import type { DocumentHints } from '../../core/article.ts';

/**
 * Characters no stored text may hold, under any driver: NUL (PostgreSQL text cannot hold it), the other
 * C0 controls except tab, newline and carriage return, and lone UTF-16 surrogates (no UTF-8 form).
 * Form feed and vertical tab separate lines, so they become a newline; the rest are dropped, and a
 * lone surrogate becomes U+FFFD, as a UTF-8 encoder would write it.
 */
const DISALLOWED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with the disallowed characters replaced or removed (the same string when there are none). */
export function cleanChars(text: string): string {
  DISALLOWED.lastIndex = 0;
  if (!DISALLOWED.test(text)) return text;
  return text.replace(DISALLOWED, (c) => {
    if (c === '\u000b' || c === '\u000c') return '\n';
    return c.length === 1 && c.charCodeAt(0) >= 0xd800 ? '\ufffd' : '';
  });
}

/** The hints with every value cleaned; a value left empty is dropped. */
export function cleanHints(hints: DocumentHints): DocumentHints {
  const out: DocumentHints = {};
  for (const [key, value] of Object.entries(hints) as [keyof DocumentHints, string | undefined][]) {
    if (value === undefined) continue;
    const clean = cleanChars(value).trim();
    if (clean !== '') out[key] = clean;
  }
  return out;
}
