import type { DocumentHints } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import { fail, type Outcome, ok } from '../../core/outcome.ts';
import { normalizeDate } from '../extract/normalize-date.ts';
import { type DocumentItem, hashIdentity } from './document-item.ts';

const HINT_FIELDS = ['url', 'title', 'outlet', 'publishedAt', 'byline', 'language'] as const;

/**
 * Cut JSON input into items. JSON lines (every non-blank line one object)
 * give one item per line ('line:N', 1-based, blank lines skipped); a single
 * pretty-printed object gives one item (''); an array gives one per element
 * ('item:N'). When the text is neither one JSON value nor all valid lines,
 * it is read as JSON lines and each bad line is a failure of its own.
 * `where` prefixes failure locations: '<where>#line:3'.
 */
export function parseJsonLines(text: string, rawSha256: string, where: string): Outcome<DocumentItem>[] {
  const lines = text.split('\n');
  const parsed: { lineNo: number; value?: unknown; error?: string }[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    try {
      parsed.push({ lineNo: index + 1, value: JSON.parse(trimmed) });
    } catch (error) {
      parsed.push({ lineNo: index + 1, error: (error as Error).message });
    }
  });

  if (parsed.length > 1 || parsed.some((p) => p.error !== undefined)) {
    let whole: unknown;
    let wholeParses = false;
    try {
      whole = JSON.parse(text);
      wholeParses = true;
    } catch {
      // read as JSON lines below
    }
    if (wholeParses && Array.isArray(whole)) {
      return whole.map((value, i) => toItem(value, `item ${i + 1}`, `item:${i + 1}`, rawSha256, where));
    }
    if (wholeParses) return [toItem(whole, 'the JSON object', '', rawSha256, where)];
  } else if (parsed.length === 1 && Array.isArray(parsed[0]!.value)) {
    const array = parsed[0]!.value as unknown[];
    return array.map((value, i) => toItem(value, `item ${i + 1}`, `item:${i + 1}`, rawSha256, where));
  }

  return parsed.map(({ lineNo, value, error }) => {
    const itemKey = `line:${lineNo}`;
    if (error !== undefined) {
      return fail(
        `${where}#${itemKey}`,
        new SitrepError('INPUT_MALFORMED', `line ${lineNo}: invalid JSON (${error})`),
      );
    }
    return toItem(value, `line ${lineNo}`, itemKey, rawSha256, where);
  });
}

function toItem(
  value: unknown,
  label: string,
  itemKey: string,
  rawSha256: string,
  where: string,
): Outcome<DocumentItem> {
  const at = itemKey === '' ? where : `${where}#${itemKey}`;
  const bad = (message: string) =>
    fail<DocumentItem>(at, new SitrepError('INPUT_MALFORMED', `${label}: ${message}`));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return bad(`not a JSON object (got ${describeType(value)})`);
  }
  const record = value as Record<string, unknown>;
  const hints: DocumentHints = {};
  for (const field of [...HINT_FIELDS, 'text', 'html'] as const) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return bad(`"${field}" must be a string (got ${describeType(v)})`);
    }
  }
  for (const field of HINT_FIELDS) {
    const v = record[field];
    if (typeof v === 'string' && v.trim() !== '') hints[field] = v.trim();
  }
  // Every field is checked here, so that nothing stored can fail a later stage: a date is normalised
  // to ISO 8601 or the item is refused; a URL must be an absolute http(s) URL.
  if (hints.publishedAt !== undefined) {
    const date = normalizeDate(hints.publishedAt);
    if (!date.ok) return bad(`"publishedAt" ${date.reason}`);
    hints.publishedAt = date.iso;
  }
  if (hints.url !== undefined && !isHttpUrl(hints.url)) {
    return bad(`"url" must be an absolute http(s) URL (got "${hints.url.slice(0, 80)}")`);
  }
  const text = typeof record['text'] === 'string' ? record['text'] : '';
  const html = typeof record['html'] === 'string' ? record['html'] : '';
  const identity = hints.url ?? hashIdentity(rawSha256, itemKey);
  if (text.trim() !== '') return ok({ itemKey, identity, format: 'text', content: text, hints });
  if (html.trim() !== '') return ok({ itemKey, identity, format: 'html', content: html, hints });
  return bad('needs a non-empty "text" or "html" field');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
