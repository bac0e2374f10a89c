import type { Range } from './span.ts';

/** Where an input came from. */
export type InputSource =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string; finalUrl: string }
  | { kind: 'stdin' };

/** Raw bytes exactly as read or fetched, identified by their SHA-256. */
export interface RawInput {
  sha256: string;
  bytes: Uint8Array;
  source: InputSource;
  /** Content-Type header of an HTTP response, when there was one. */
  contentType?: string;
  /** ISO 8601 instant at which the bytes were read or fetched. */
  receivedAt: string;
}

export type DocumentFormat = 'text' | 'html';

/**
 * Metadata that came with a document rather than from its content:
 * JSON-lines fields, feed item fields, the fetched URL.
 */
export interface DocumentHints {
  title?: string;
  url?: string;
  outlet?: string;
  byline?: string;
  publishedAt?: string;
  language?: string;
}

/**
 * One article candidate cut from a raw input: a whole file or page, one feed
 * item, or one JSON line. `content` is the decoded text or HTML.
 */
export interface SourceDocument {
  rawSha256: string;
  /** Locates the document inside its raw input: '' for the whole input, 'item:3', 'line:12'. */
  itemKey: string;
  /** Identity for re-ingest: a URL or GUID for feed and JSON items, else derived from the raw hash. */
  identity: string;
  format: DocumentFormat;
  content: string;
  /** Name of the encoding the bytes were decoded from, and how it was chosen. */
  charset?: { name: string; from: 'bom' | 'header' | 'meta' | 'detected' | 'default' | 'container' };
  hints: DocumentHints;
  input: { path?: string; url?: string };
}

/** Why a block of the raw text is not part of the article. */
export type RemovalReason =
  | 'share-widget'
  | 'navigation'
  | 'section-label'
  | 'byline'
  | 'dateline'
  | 'caption'
  | 'credit'
  | 'promo'
  | 'channel-plug'
  | 'related-links'
  | 'reactions'
  | 'comment-counter'
  | 'author-bio'
  | 'duplicate-title'
  | 'duplicate-lead'
  | 'duplicate-block'
  | 'source-stub'
  | 'advertisement'
  | 'comments'
  | 'newsletter'
  | 'cookie-notice'
  | 'legal'
  | 'boilerplate';

/** A removed block: offsets into the extractor's raw text, with the reason and a note on the evidence. */
export interface RemovedBlock extends Range {
  reason: RemovalReason;
  text: string;
  /** Which rule fired and on what, in words ("line repeats the title", "credit line '/ STR'"). */
  rule: string;
}

/** A kept block: where it sits in the raw text and where in the cleaned text. */
export interface KeptBlock {
  rawStart: number;
  rawEnd: number;
  start: number;
  end: number;
  kind: 'title' | 'heading' | 'paragraph' | 'quote' | 'list-item';
}

export type MetadataField =
  | 'title'
  | 'outlet'
  | 'byline'
  | 'publishedAt'
  | 'dateline'
  | 'canonicalUrl'
  | 'language'
  | 'section';

/** Where a metadata value came from, so a reader can check it. */
export interface Evidence {
  source: 'input' | 'meta-tag' | 'json-ld' | 'html' | 'text' | 'url' | 'detector';
  /** What was read, in words: `meta[property="og:site_name"]`, `line "May 25, 2024 - 10:19 By Yonhap"`. */
  detail: string;
  /** Offsets into the raw text when the evidence is a stretch of it. */
  raw?: Range;
}

export interface ArticleMetadata {
  title?: string;
  outlet?: string;
  byline?: string;
  /** ISO 8601 at the precision the evidence supports: `2024-05-25T10:19`, `2024-05-25`, `2024-05`. */
  publishedAt?: string;
  /** A place dateline such as "WASHINGTON". */
  dateline?: string;
  canonicalUrl?: string;
  /** ISO 639-1 code. */
  language?: string;
  section?: string;
}

/** What an extractor returns for one document. */
export interface Extraction {
  /** Cleaned text: the title (when known) as the first paragraph, then the body; paragraphs joined by a blank line. */
  text: string;
  /** Offset in `text` where the body starts (after the title paragraph). */
  bodyStart: number;
  /** The text the removed and kept offsets refer to (the decoded file, or the visible text of an HTML page). */
  rawText: string;
  removed: RemovedBlock[];
  kept: KeptBlock[];
  metadata: ArticleMetadata;
  evidence: Partial<Record<MetadataField, Evidence>>;
  extractor: { name: string; version: string };
}

/** A stored article: a document and its extraction. */
export interface Article {
  id: string;
  identity: string;
  rawSha256: string;
  itemKey: string;
  /** SHA-256 of the decoded document content; with the extractor version it decides re-ingest. */
  contentSha256: string;
  format: DocumentFormat;
  input: { path?: string; url?: string };
  title?: string;
  outlet?: string;
  byline?: string;
  publishedAt?: string;
  publishedAtEvidence?: 'metadata' | 'text' | 'inferred';
  dateline?: string;
  canonicalUrl?: string;
  language?: string;
  section?: string;
  text: string;
  bodyStart: number;
  rawText: string;
  removed: RemovedBlock[];
  kept: KeptBlock[];
  evidence: Partial<Record<MetadataField, Evidence>>;
  extractor: { name: string; version: string };
  ingestedAt: string;
}
