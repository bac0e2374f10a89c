import type { DocumentFormat, DocumentHints } from '../../core/article.ts';

/** What a format parser cuts from a decoded input; split-documents adds the raw hash, charset and input. */
export interface DocumentItem {
  itemKey: string;
  identity: string;
  format: DocumentFormat;
  content: string;
  hints: DocumentHints;
}

/** Identity derived from the raw bytes: 'sha256:<hex>' for a whole input, 'sha256:<hex>#line:3' for an item. */
export function hashIdentity(rawSha256: string, itemKey: string): string {
  return itemKey === '' ? `sha256:${rawSha256}` : `sha256:${rawSha256}#${itemKey}`;
}
