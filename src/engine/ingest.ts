import type { Article, RawInput, SourceDocument } from '../core/article.ts';
import { describeError, SitrepError } from '../core/errors.ts';
import { DEFAULT_EXTRACT_BUDGET_MS, WorkBudget } from '../pipeline/extract/budget.ts';

export { DEFAULT_EXTRACT_BUDGET_MS };

import { extractDocument, extractorFor } from '../pipeline/extract/extract.ts';
import { type ReadOptions, readInputs, splitDocuments } from '../pipeline/ingest/index.ts';
import type { Store } from '../store/store.ts';
import { articleIdFor, buildArticle, contentHash } from './build-article.ts';

/** `duplicate`: an item whose identity an earlier item of the same run already had; it is not stored. */
export type IngestStatus = 'inserted' | 'updated' | 'unchanged' | 'duplicate' | 'failed';

/** What happened to one input item (a file, a page, a feed item, a JSON line). */
export interface IngestItem {
  status: IngestStatus;
  /** Where the item came from: a path, a URL, `-`, with `#line:3` / `#item:2` for items inside an input. */
  where: string;
  articleId?: string;
  title?: string;
  /** For a duplicate: where the item with the same identity came from. */
  duplicateOf?: string;
  error?: { code: string; message: string };
}

export interface IngestReport {
  items: IngestItem[];
  counts: Record<IngestStatus, number>;
}

export interface IngestOptions extends ReadOptions {
  /** Called after each item, for progress displays. */
  onItem?: (item: IngestItem, counts: Record<IngestStatus, number>) => void;
  /** Time one document may take to extract before it fails with EXTRACT_BUDGET; default 5000 ms. */
  extractBudgetMs?: number;
  /** Monotonic clock in milliseconds for that budget; default performance.now. */
  monotonicMs?: () => number;
}

/** Where a document came from: the input's label (path, URL, `-`) and the item's key within it. */
function whereOf(doc: SourceDocument, label: string): string {
  return doc.itemKey ? `${label}#${doc.itemKey}` : label;
}

/** Counts with every status at zero. */
export function emptyCounts(): Record<IngestStatus, number> {
  return { inserted: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0 };
}

function failure(where: string, error: unknown): IngestItem {
  const code = error instanceof SitrepError ? error.code : 'INTERNAL';
  return { status: 'failed', where, error: { code, message: describeError(error) } };
}

/** A store error as a SitrepError: a driver's own, or STORE_FAILED with the underlying message. */
function storeError(error: unknown): SitrepError {
  if (error instanceof SitrepError) return error;
  return new SitrepError('STORE_FAILED', `cannot store the article: ${describeError(error)}`, {
    cause: error,
  });
}

/**
 * The ingest use-case: read inputs, cut them into documents, extract each and
 * store it with its raw bytes. Per-item failures are reported and the rest
 * goes on, a failed store write included; an unchanged document (same content, same extractor
 * version) is not extracted again. An item whose identity an earlier item of the run had (two JSON
 * lines with one URL) is reported as a duplicate and not stored: the first one wins, so a re-run of
 * the same input changes nothing.
 */
export async function ingest(store: Store, specs: string[], options: IngestOptions): Promise<IngestReport> {
  const items: IngestItem[] = [];
  const counts = emptyCounts();
  const record = (item: IngestItem) => {
    items.push(item);
    counts[item.status] += 1;
    options.onItem?.(item, counts);
  };
  await forEachDocument(specs, options, record, async (raw, doc, where) =>
    record(await ingestDocument(store, raw, doc, where, options)),
  );
  return { items, counts };
}

/**
 * Read the inputs and cut them into documents, each handed to `handle` with its raw input (stored by
 * `ingest`, queued for the fleet by fleet-ingest.ts). Inputs or documents that cannot be read, and
 * documents whose identity an earlier one of the run had (the first wins), go to `record` as failed
 * or duplicate items.
 */
export async function forEachDocument(
  specs: string[],
  options: ReadOptions,
  record: (item: IngestItem) => void,
  handle: (raw: RawInput, doc: SourceDocument, where: string) => Promise<void>,
): Promise<void> {
  /** Identity → where its first item of this run came from. */
  const seen = new Map<string, string>();
  for await (const input of readInputs(specs, options)) {
    if (!input.ok) {
      record(failure(input.where, input.error));
      continue;
    }
    const raw = input.value;
    const label =
      raw.source.kind === 'file' ? raw.source.path : raw.source.kind === 'url' ? raw.source.url : '-';
    const split = splitDocuments(raw, options.maxBytes ? { maxBytes: options.maxBytes } : {});
    for (const docOutcome of split) {
      if (!docOutcome.ok) {
        record(failure(docOutcome.where, docOutcome.error));
        continue;
      }
      const doc = docOutcome.value;
      const where = whereOf(doc, label);
      const first = seen.get(doc.identity);
      if (first !== undefined) {
        record({ status: 'duplicate', where, articleId: articleIdFor(doc.identity), duplicateOf: first });
        continue;
      }
      seen.set(doc.identity, where);
      await handle(raw, doc, where);
    }
  }
}

/**
 * Extract one document and store it with its raw input (the raw bytes are sent only when the store
 * lacks them): unchanged when the stored article has the same content and extractor version. Every
 * failure is the item's own, returned as a failed item.
 */
export async function ingestDocument(
  store: Store,
  raw: RawInput,
  doc: SourceDocument,
  where: string,
  options: Pick<IngestOptions, 'now' | 'extractBudgetMs' | 'monotonicMs'>,
  /** Called with each article stored (not an unchanged one), before the item is reported. */
  onStored?: (article: Article) => Promise<void>,
): Promise<IngestItem> {
  let stored: Awaited<ReturnType<Store['findByIdentity']>>;
  try {
    stored = await store.findByIdentity(doc.identity);
  } catch (error) {
    return failure(where, storeError(error));
  }
  const extractor = extractorFor(doc.format);
  if (
    stored &&
    stored.contentSha256 === contentHash(doc) &&
    stored.extractorVersion === `${extractor.name}@${extractor.version}`
  ) {
    return { status: 'unchanged', where, articleId: stored.id };
  }
  let article: Article;
  try {
    const budget = new WorkBudget(
      options.extractBudgetMs ?? DEFAULT_EXTRACT_BUDGET_MS,
      options.monotonicMs ?? (() => performance.now()),
    );
    article = buildArticle(doc, extractDocument(doc, budget), options.now().toISOString());
  } catch (error) {
    // An extractor failure on one document is reported with the others and the batch goes on;
    // a failure that is not a SitrepError is a bug, and says so.
    return failure(
      where,
      error instanceof SitrepError
        ? error
        : new SitrepError('INTERNAL', `extractor bug: ${describeError(error)}`, { cause: error }),
    );
  }
  let status: IngestStatus;
  try {
    status = await store.putArticle(raw, article);
  } catch (error) {
    // One item the store refuses (or a write that fails) is that item's failure; the batch goes on.
    return failure(where, storeError(error));
  }
  const item: IngestItem = { status, where, articleId: article.id };
  if (article.title) item.title = article.title;
  if (status !== 'unchanged') await onStored?.(article);
  return item;
}
