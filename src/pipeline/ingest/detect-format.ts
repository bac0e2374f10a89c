export type InputFormat = 'feed' | 'json' | 'html' | 'text';

/** Tags common in HTML pages; three different ones make a document HTML. */
const COMMON_TAGS =
  /<\/?(p|div|span|a|br|hr|img|ul|ol|li|h[1-6]|article|section|header|footer|nav|main|aside|table|tr|td|meta|title|script|style|link|strong|em|b|i|blockquote|figure|figcaption|time)[\s>/]/gi;

/**
 * Detect what decoded text is: an RSS/Atom/RDF feed (root element rss, feed
 * or rdf:RDF after an optional XML prolog, comments, processing instructions
 * and doctype), JSON (starts with '{' and the whole text or one of its
 * lines parses, or starts with '[' and parses as an array), HTML (starts with
 * a doctype/html/head/body tag, contains three different common tags, or the
 * Content-Type says HTML), else plain text.
 */
export function detectFormat(text: string, contentType?: string): InputFormat {
  const start = skipProlog(text);
  if (/^<(rss|feed|(?:[\w.-]+:)?RDF)[\s>/]/.test(start)) return 'feed';

  const trimmed = text.replace(/^[\s\uFEFF]+/, '');
  if (trimmed.startsWith('{') && looksLikeJson(trimmed)) return 'json';
  if (trimmed.startsWith('[') && isJsonArray(trimmed)) return 'json';

  if (/^<(!doctype\s+html|html|head|body)[\s>]/i.test(start)) return 'html';
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  const tags = new Set<string>();
  for (const match of text.slice(0, 65536).matchAll(COMMON_TAGS)) {
    tags.add(match[1]!.toLowerCase());
    if (tags.size >= 3) return 'html';
  }
  return 'text';
}

/** The text after a leading BOM, whitespace, XML declaration, processing instructions, comments and doctype. */
export function skipProlog(text: string): string {
  let at = /^[\s\uFEFF]*/.exec(text)![0].length;
  for (;;) {
    const end = prologItemEnd(text, at);
    if (end === undefined) return text.slice(at);
    at = end;
    while (at < text.length && /\s/.test(text[at]!)) at++;
  }
}

/**
 * Where the prolog item at `at` ends (an XML declaration or processing instruction, a comment, a
 * doctype other than HTML's with an optional internal subset), or undefined when there is none. Scans
 * forward once: the regular expression this replaces backtracked over a doctype that never closed
 * (`<!DOCTYPE` then 100 KB of spaces took 9.9 s).
 */
function prologItemEnd(text: string, at: number): number | undefined {
  const closing = (open: string, close: string): number | undefined => {
    if (!text.startsWith(open, at)) return undefined;
    const end = text.indexOf(close, at + open.length);
    return end === -1 ? undefined : end + close.length;
  };
  const item = closing('<?', '?>') ?? closing('<!--', '-->');
  if (item !== undefined) return item;
  if (text.slice(at, at + 9).toUpperCase() !== '<!DOCTYPE') return undefined;
  let i = at + 9;
  let spaces = i;
  while (spaces < text.length && /\s/.test(text[spaces]!)) spaces++;
  if (spaces > i && /^html[\s>]/i.test(text.slice(spaces, spaces + 5))) return undefined;
  while (i < text.length && text[i] !== '>' && text[i] !== '[') i++;
  if (text[i] === '>') return i + 1;
  if (text[i] !== '[') return undefined;
  // An internal subset: the first "]" followed by optional whitespace and ">" closes it.
  for (let close = text.indexOf(']', i + 1); close !== -1; close = text.indexOf(']', close + 1)) {
    let j = close + 1;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text[j] === '>') return j + 1;
  }
  return undefined;
}

/** The whole text is one JSON value, or one of its first 50 non-blank lines is a JSON object. */
function looksLikeJson(text: string): boolean {
  if (parses(text)) return true;
  let seen = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '') continue;
    if (t.startsWith('{') && parses(t)) return true;
    if (++seen >= 50) break;
  }
  return false;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
