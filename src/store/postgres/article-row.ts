/**
 * The articles and raw_inputs rows as this driver writes and reads them. The
 * mapping between domain objects and rows is shared by both drivers (the columns
 * are the same); what differs is how values travel: BYTEA as a Buffer, and the
 * JSON columns cast to text on the way out so they come back exactly as written.
 */
import type { Article, RawInput } from '../../core/article.ts';
import { type ArticleRow, articleToRow, rawToRow } from '../article-rows.ts';

export {
  type ArticleRow,
  type IdentityRow,
  type RawInputRow,
  rowToArticle,
  rowToIdentity,
  rowToRaw,
  rowToSummary,
  type SummaryRow,
} from '../article-rows.ts';

export const COLUMNS: readonly (keyof ArticleRow)[] = [
  'id',
  'identity',
  'raw_sha256',
  'item_key',
  'content_sha256',
  'format',
  'input_path',
  'input_url',
  'title',
  'outlet',
  'byline',
  'published_at',
  'published_at_evidence',
  'dateline',
  'canonical_url',
  'language',
  'section',
  'text',
  'body_start',
  'raw_text',
  'removed_json',
  'kept_json',
  'evidence_json',
  'extractor_name',
  'extractor_version',
  'ingested_at',
];
export const JSON_COLUMNS = new Set<string>(['removed_json', 'kept_json', 'evidence_json']);
/** JSON columns are read back as text, exactly as written, and parsed by the shared row mapping. */
export const SELECT_ARTICLE = COLUMNS.map((c) => (JSON_COLUMNS.has(c) ? `${c}::text AS ${c}` : c)).join(', ');
/** The articles row in it; the JSON columns travel as the JSON text `articleToRow` wrote. */
export const articleValues = (article: Article): unknown[] => {
  const row = articleToRow(article);
  return COLUMNS.map((c) => row[c]);
};

/** `raw_inputs` values in column order; bytes go to BYTEA as a Buffer. */
export const rawValues = (raw: RawInput): unknown[] => {
  const row = rawToRow(raw);
  const bytes = Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  return [
    row.sha256,
    bytes,
    row.source_kind,
    row.source_path,
    row.source_url,
    row.final_url,
    row.content_type,
    row.received_at,
  ];
};
