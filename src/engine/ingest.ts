import type { Article, SourceDocument } from '../core/article.ts';
import { describeError, SitrepError } from '../core/errors.ts';
import { extractDocument, extractorFor } from '../pipeline/extract/extract.ts';
import { type ReadOptions, readInputs, splitDocuments } from '../pipeline/ingest/index.ts';
import type { Store } from '../store/store.ts';
import { buildArticle, contentHash } from './build-article.ts';

export type IngestStatus = 'inserted' | 'updated' | 'unchanged' | 'failed';

/** What happened to one input item (a file, a page, a feed item, a JSON line). */
export interface IngestItem {
  status: IngestStatus;
  /** Where the item came from: a path, a URL, `-`, with `#line:3` / `#item:2` for items inside an input. */
  where: string;
  articleId?: string;
  title?: string;
  error?: { code: string; message: string };
}

export interface IngestReport {
  items: IngestItem[];
  counts: Record<IngestStatus, number>;
}

export interface IngestOptions extends ReadOptions {
  /** Called after each item, for progress displays. */
  onItem?: (item: IngestItem, counts: Record<IngestStatus, number>) => void;
}

/** Where a document came from: the input's label (path, URL, `-`) and the item's key within it. */
function whereOf(doc: SourceDocument, label: string): string {
  return doc.itemKey ? `${label}#${doc.itemKey}` : label;
}

function failure(where: string, error: unknown): IngestItem {
  const code = error instanceof SitrepError ? error.code : 'INTERNAL';
  return { status: 'failed', where, error: { code, message: describeError(error) } };
}

/**
 * The ingest use-case: read inputs, cut them into documents, extract each and
 * store it with its raw bytes. Per-item failures are reported and the rest
 * goes on; an unchanged document (same content, same extractor version) is
 * not extracted again.
 */
export async function ingest(store: Store, specs: string[], options: IngestOptions): Promise<IngestReport> {
  const items: IngestItem[] = [];
  const counts: Record<IngestStatus, number> = { inserted: 0, updated: 0, unchanged: 0, failed: 0 };
  const record = (item: IngestItem) => {
    items.push(item);
    counts[item.status] += 1;
    options.onItem?.(item, counts);
  };

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
      const stored = await store.findByIdentity(doc.identity);
      const extractor = extractorFor(doc.format);
      if (
        stored &&
        stored.contentSha256 === contentHash(doc) &&
        stored.extractorVersion === `${extractor.name}@${extractor.version}`
      ) {
        record({ status: 'unchanged', where, articleId: stored.id });
        continue;
      }
      let article: Article;
      try {
        article = buildArticle(doc, extractDocument(doc), options.now().toISOString());
      } catch (error) {
        // An extractor failure on one document is reported with the others and the batch goes on;
        // a failure that is not a SitrepError is a bug, and says so.
        record(
          failure(
            where,
            error instanceof SitrepError
              ? error
              : new SitrepError('INTERNAL', `extractor bug: ${describeError(error)}`, { cause: error }),
          ),
        );
        continue;
      }
      const status = await store.putArticle(raw, article);
      const item: IngestItem = { status, where, articleId: article.id };
      if (article.title) item.title = article.title;
      record(item);
    }
  }
  return { items, counts };
}
