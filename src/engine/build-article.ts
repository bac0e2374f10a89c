import type { Article, Extraction, SourceDocument } from '../core/article.ts';
import { sha256Hex, stableId } from '../core/hash.ts';

/** How a publication date is known, in the analysis contract's words. */
function publishedAtEvidence(extraction: Extraction): Article['publishedAtEvidence'] {
  const evidence = extraction.evidence.publishedAt;
  if (!extraction.metadata.publishedAt || !evidence) return undefined;
  return evidence.source === 'text' ? 'text' : 'metadata';
}

/** The article id: a hash of the document's identity, so re-ingest upserts rather than duplicates. */
export function articleIdFor(identity: string): string {
  return stableId('article', identity);
}

export function contentHash(doc: SourceDocument): string {
  return sha256Hex(doc.content);
}

/** Join a document and its extraction into the stored article. */
export function buildArticle(doc: SourceDocument, extraction: Extraction, ingestedAt: string): Article {
  const m = extraction.metadata;
  const article: Article = {
    id: articleIdFor(doc.identity),
    identity: doc.identity,
    rawSha256: doc.rawSha256,
    itemKey: doc.itemKey,
    contentSha256: contentHash(doc),
    format: doc.format,
    input: doc.input,
    text: extraction.text,
    bodyStart: extraction.bodyStart,
    rawText: extraction.rawText,
    removed: extraction.removed,
    kept: extraction.kept,
    evidence: extraction.evidence,
    extractor: extraction.extractor,
    ingestedAt,
  };
  const evidence = publishedAtEvidence(extraction);
  if (m.title) article.title = m.title;
  if (m.outlet) article.outlet = m.outlet;
  if (m.byline) article.byline = m.byline;
  if (m.publishedAt) article.publishedAt = m.publishedAt;
  if (evidence) article.publishedAtEvidence = evidence;
  if (m.dateline) article.dateline = m.dateline;
  if (m.canonicalUrl) article.canonicalUrl = m.canonicalUrl;
  if (m.language) article.language = m.language;
  if (m.section) article.section = m.section;
  return article;
}
