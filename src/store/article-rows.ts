import type { Article, RawInput } from '../core/article.ts';
import type { ArticleSummary } from './store.ts';

/** An `articles` row as the driver reads and writes it. */
export interface ArticleRow {
  id: string;
  identity: string;
  raw_sha256: string;
  item_key: string;
  content_sha256: string;
  format: string;
  input_path: string | null;
  input_url: string | null;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published_at: string | null;
  published_at_evidence: string | null;
  dateline: string | null;
  canonical_url: string | null;
  language: string | null;
  section: string | null;
  text: string;
  body_start: number;
  raw_text: string;
  removed_json: string;
  kept_json: string;
  evidence_json: string;
  extractor_name: string;
  extractor_version: string;
  ingested_at: string;
}

export interface RawInputRow {
  sha256: string;
  bytes: Uint8Array;
  source_kind: 'file' | 'url' | 'stdin';
  source_path: string | null;
  source_url: string | null;
  final_url: string | null;
  content_type: string | null;
  received_at: string;
}

const orNull = (value: string | undefined): string | null => value ?? null;

/** Copy the present (non-null) values of a row onto an object, leaving absent fields out. */
function definedOnly<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined || value[key] === null) delete value[key];
  }
  return value;
}

export function articleToRow(article: Article): ArticleRow {
  return {
    id: article.id,
    identity: article.identity,
    raw_sha256: article.rawSha256,
    item_key: article.itemKey,
    content_sha256: article.contentSha256,
    format: article.format,
    input_path: orNull(article.input.path),
    input_url: orNull(article.input.url),
    title: orNull(article.title),
    outlet: orNull(article.outlet),
    byline: orNull(article.byline),
    published_at: orNull(article.publishedAt),
    published_at_evidence: orNull(article.publishedAtEvidence),
    dateline: orNull(article.dateline),
    canonical_url: orNull(article.canonicalUrl),
    language: orNull(article.language),
    section: orNull(article.section),
    text: article.text,
    body_start: article.bodyStart,
    raw_text: article.rawText,
    removed_json: JSON.stringify(article.removed),
    kept_json: JSON.stringify(article.kept),
    evidence_json: JSON.stringify(article.evidence),
    extractor_name: article.extractor.name,
    extractor_version: article.extractor.version,
    ingested_at: article.ingestedAt,
  };
}

export function rowToArticle(row: ArticleRow): Article {
  return definedOnly<Article>({
    id: row.id,
    identity: row.identity,
    rawSha256: row.raw_sha256,
    itemKey: row.item_key,
    contentSha256: row.content_sha256,
    format: row.format as Article['format'],
    input: definedOnly({ path: row.input_path ?? undefined, url: row.input_url ?? undefined }),
    title: row.title ?? undefined,
    outlet: row.outlet ?? undefined,
    byline: row.byline ?? undefined,
    publishedAt: row.published_at ?? undefined,
    publishedAtEvidence: (row.published_at_evidence ?? undefined) as Article['publishedAtEvidence'],
    dateline: row.dateline ?? undefined,
    canonicalUrl: row.canonical_url ?? undefined,
    language: row.language ?? undefined,
    section: row.section ?? undefined,
    text: row.text,
    bodyStart: row.body_start,
    rawText: row.raw_text,
    removed: JSON.parse(row.removed_json),
    kept: JSON.parse(row.kept_json),
    evidence: JSON.parse(row.evidence_json),
    extractor: { name: row.extractor_name, version: row.extractor_version },
    ingestedAt: row.ingested_at,
  });
}

export type SummaryRow = Pick<
  ArticleRow,
  | 'id'
  | 'title'
  | 'outlet'
  | 'byline'
  | 'published_at'
  | 'language'
  | 'input_path'
  | 'input_url'
  | 'ingested_at'
> & { chars: number; removed_blocks: number };

export function rowToSummary(row: SummaryRow): ArticleSummary {
  return definedOnly<ArticleSummary>({
    id: row.id,
    title: row.title ?? undefined,
    outlet: row.outlet ?? undefined,
    byline: row.byline ?? undefined,
    publishedAt: row.published_at ?? undefined,
    language: row.language ?? undefined,
    input: definedOnly({ path: row.input_path ?? undefined, url: row.input_url ?? undefined }),
    chars: row.chars,
    removedBlocks: row.removed_blocks,
    ingestedAt: row.ingested_at,
  });
}

/** The columns `findByIdentity` reads: what decides whether a re-ingested document is new. */
export type IdentityRow = Pick<ArticleRow, 'id' | 'content_sha256' | 'extractor_name' | 'extractor_version'>;

export function rowToIdentity(row: IdentityRow): {
  id: string;
  contentSha256: string;
  extractorVersion: string;
} {
  return {
    id: row.id,
    contentSha256: row.content_sha256,
    extractorVersion: `${row.extractor_name}@${row.extractor_version}`,
  };
}

export function rawToRow(raw: RawInput): RawInputRow {
  const source = raw.source;
  return {
    sha256: raw.sha256,
    bytes: raw.bytes,
    source_kind: source.kind,
    source_path: source.kind === 'file' ? source.path : null,
    source_url: source.kind === 'url' ? source.url : null,
    final_url: source.kind === 'url' ? source.finalUrl : null,
    content_type: raw.contentType ?? null,
    received_at: raw.receivedAt,
  };
}

export function rowToRaw(row: RawInputRow): RawInput {
  const source: RawInput['source'] =
    row.source_kind === 'file'
      ? { kind: 'file', path: row.source_path ?? '' }
      : row.source_kind === 'url'
        ? { kind: 'url', url: row.source_url ?? '', finalUrl: row.final_url ?? row.source_url ?? '' }
        : { kind: 'stdin' };
  return definedOnly<RawInput>({
    sha256: row.sha256,
    bytes: new Uint8Array(row.bytes),
    source,
    contentType: row.content_type ?? undefined,
    receivedAt: row.received_at,
  });
}
