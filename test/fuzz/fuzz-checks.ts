/**
 * The properties every fuzz run checks, on every driver: no crash (every item ends stored,
 * unchanged, duplicate or failed with a stable error code, never INTERNAL, never a stack trace), no
 * corrupted row (every stored article reads back, holds no disallowed character, its raw bytes
 * hash to their key and cut again into the same document, its offsets satisfy the extraction
 * invariants), and a re-run of the same input changes nothing.
 */
import assert from 'node:assert/strict';
import type { Article, Extraction, RawInput } from '../../src/core/article.ts';
import type { ErrorCode } from '../../src/core/errors.ts';
import { sha256Hex } from '../../src/core/hash.ts';
import type { IngestItem, IngestReport } from '../../src/engine/ingest.ts';
import { extractionProblems as htmlProblems } from '../../src/pipeline/extract/html/extraction-invariants.ts';
import { extractionProblems as textProblems } from '../../src/pipeline/extract/text/check-extraction.ts';
import { splitDocuments } from '../../src/pipeline/ingest/index.ts';
import type { Store } from '../../src/store/store.ts';

/** Every stable code (the Record makes tsc fail when errors.ts gains one this list lacks). */
const CODES: Record<ErrorCode, true> = {
  INPUT_NOT_FOUND: true,
  INPUT_UNREADABLE: true,
  INPUT_EMPTY: true,
  INPUT_BINARY: true,
  INPUT_TOO_LARGE: true,
  INPUT_MALFORMED: true,
  INPUT_UNSUPPORTED: true,
  FETCH_FAILED: true,
  FETCH_BLOCKED: true,
  FETCH_TIMEOUT: true,
  FETCH_INCOMPLETE: true,
  EXTRACT_EMPTY: true,
  EXTRACT_BUDGET: true,
  NOT_FOUND: true,
  AMBIGUOUS_ID: true,
  USAGE: true,
  STORE_FAILED: true,
  INTERNAL: true,
};

/** What no stored text may hold (clean-chars.ts): NUL, C0 controls but tab/LF/CR, lone surrogates. */
export const DISALLOWED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A stack trace line, as V8 prints them. */
const STACK = /\n\s+at \S/;

/** Check one report item: a known status, and a failure with a stable code that is not a bug. */
export function checkItem(item: IngestItem): void {
  const shown = JSON.stringify(item);
  assert.ok(['inserted', 'updated', 'unchanged', 'duplicate', 'failed'].includes(item.status), shown);
  if (item.status === 'failed') {
    const code = item.error?.code ?? '';
    assert.ok(code in CODES, `unknown error code: ${shown}`);
    assert.notEqual(code, 'INTERNAL', `a bug reached the report: ${shown}`);
    assert.ok((item.error?.message ?? '').length > 0, shown);
    assert.doesNotMatch(item.error?.message ?? '', STACK, shown);
  } else {
    assert.match(item.articleId ?? '', /^[0-9a-f]{16}$/, shown);
  }
}

export function checkReport(report: IngestReport): void {
  for (const item of report.items) checkItem(item);
  // A duplicate names its first item; it points at that item's article when that one was stored.
  const byWhere = new Map(report.items.map((i) => [i.where, i]));
  for (const item of report.items.filter((i) => i.status === 'duplicate')) {
    const first = byWhere.get(item.duplicateOf ?? '');
    assert.ok(first, `duplicate of an unknown item: ${JSON.stringify(item)}`);
    if (first.status !== 'failed') assert.equal(item.articleId, first.articleId);
  }
  const counts = { inserted: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0 };
  for (const item of report.items) counts[item.status] += 1;
  assert.deepEqual(report.counts, counts);
}

/** The ids a report says are in the store (a duplicate's first item says it for the duplicate). */
export function storedIds(report: IngestReport): Set<string> {
  const ids = new Set<string>();
  for (const item of report.items) {
    if (item.status !== 'failed' && item.status !== 'duplicate' && item.articleId) ids.add(item.articleId);
  }
  return ids;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function asExtraction(article: Article): Extraction {
  return {
    text: article.text,
    bodyStart: article.bodyStart,
    rawText: article.rawText,
    removed: article.removed,
    kept: article.kept,
    metadata: article.title ? { title: article.title } : {},
    evidence: article.evidence,
    extractor: article.extractor,
  };
}

/** Check one stored article and its raw input. */
function checkArticle(article: Article, raw: RawInput | undefined): void {
  const at = `article ${article.id} (${article.identity})`;
  // Every text field, the provenance path aside (a file name is not text Sitrep extracted).
  const { input: _input, ...fields } = article;
  for (const value of strings(fields)) {
    assert.doesNotMatch(value, DISALLOWED, `${at}: disallowed character in ${JSON.stringify(value)}`);
  }
  assert.ok(!/\u0000/.test(JSON.stringify(article.input)), `${at}: NUL in its input`);
  assert.ok(article.text.trim().length > 0, `${at}: stored with no text`);
  const problems =
    article.extractor.name === 'sitrep-html'
      ? htmlProblems(asExtraction(article))
      : textProblems(asExtraction(article));
  assert.deepEqual(problems, [], at);
  for (const evidence of Object.values(article.evidence)) {
    const range = evidence?.raw;
    if (range)
      assert.ok(0 <= range.start && range.start <= range.end && range.end <= article.rawText.length, at);
  }
  assert.ok(raw, `${at}: raw input ${article.rawSha256} is missing`);
  assert.equal(raw.sha256, article.rawSha256, at);
  assert.equal(sha256Hex(raw.bytes), raw.sha256, `${at}: raw bytes do not hash to their key`);
  // The stored bytes cut again give the same document: the row is what the bytes say.
  const doc = splitDocuments(raw, { maxBytes: 1 << 30 }).find(
    (d) => d.ok && d.value.itemKey === article.itemKey,
  );
  assert.ok(doc?.ok, `${at}: its raw bytes no longer yield item "${article.itemKey}"`);
  assert.equal(doc.value.identity, article.identity, at);
  assert.equal(sha256Hex(doc.value.content), article.contentSha256, at);
  assert.equal(doc.value.format, article.format, at);
}

/** Everything a store holds about the stored ids, in a form two drivers can be compared by. */
export interface StoreSnapshot {
  articles: Article[];
  raws: { sha256: string; source: RawInput['source']; receivedAt: string; contentType?: string }[];
}

/** Check every row the report names, and that the store holds nothing else; returns the rows. */
export async function checkStore(store: Store, report: IngestReport): Promise<StoreSnapshot> {
  const ids = [...storedIds(report)].sort();
  assert.equal(await store.countArticles(), ids.length, 'the store holds rows no item reported');
  const listed = (await store.listArticles({ limit: ids.length + 1 })).map((s) => s.id).sort();
  assert.deepEqual(listed, ids);
  const articles: Article[] = [];
  const raws = new Map<string, StoreSnapshot['raws'][number]>();
  for (const id of ids) {
    const article = await store.getArticle(id);
    assert.ok(article, `article ${id} does not read back`);
    assert.equal(article.id, id);
    const raw = await store.getRawInput(article.rawSha256);
    checkArticle(article, raw);
    articles.push(article);
    if (raw) {
      const { bytes: _bytes, ...rest } = raw;
      raws.set(raw.sha256, rest);
    }
  }
  return { articles, raws: [...raws.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)) };
}

/** A re-run's report: the same items, each unchanged where it was stored, nothing written. */
export function checkRerun(first: IngestReport, again: IngestReport): void {
  assert.equal(again.counts.inserted + again.counts.updated, 0, 'a re-run wrote rows');
  assert.deepEqual(
    again.items.map((i) => [i.where, i.status === 'failed' ? i.error?.code : i.articleId]),
    first.items.map((i) => [i.where, i.status === 'failed' ? i.error?.code : i.articleId]),
  );
  again.items.forEach((item, n) => {
    const was = first.items[n]?.status;
    const expected = was === 'failed' || was === 'duplicate' ? was : 'unchanged';
    assert.equal(item.status, expected, `re-run of ${item.where}`);
  });
}

/** Ingest twice into one store and check it all; returns what a driver comparison needs. */
export async function ingestTwiceAndCheck(
  store: Store,
  run: () => Promise<IngestReport>,
): Promise<{ first: IngestReport; again: IngestReport; snapshot: StoreSnapshot }> {
  const first = await run();
  checkReport(first);
  const snapshot = await checkStore(store, first);
  const again = await run();
  checkReport(again);
  checkRerun(first, again);
  assert.deepEqual(await checkStore(store, again), snapshot, 'a re-run changed stored rows');
  return { first, again, snapshot };
}
