import type { MetadataField, RemovalReason } from '../../../core/article.ts';
import type { Range } from '../../../core/span.ts';

/** A metadata value read off a block, with where and how it was read. */
export interface Fact {
  field: MetadataField;
  value: string;
  /** Rule and line, in words, for `Evidence.detail`. */
  detail: string;
  raw: Range;
  /** Lower is stronger when several facts give the same field. */
  rank: number;
}

/** A rule's decision to remove a block. */
export interface Verdict {
  reason: RemovalReason;
  rule: string;
  /** Signal for later rules: 'credit-line', 'credit-suffix', 'related-heading', 'comments-heading', 'reaction-heading'. */
  tag?: string;
  facts?: Fact[];
}

/**
 * Quote a block's text for a rule note, shortened when long. The cut never splits a surrogate pair:
 * half of one is a lone surrogate, which the note (stored with the article) must not hold.
 */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return `"${flat}"`;
  const cut = /[\ud800-\udbff]/.test(flat[max - 2] ?? '') ? max - 2 : max - 1;
  return `"${flat.slice(0, cut)}…"`;
}
