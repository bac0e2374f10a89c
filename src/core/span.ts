/**
 * Provenance: a range of UTF-16 code units (JavaScript string indices) into
 * an article's cleaned `text`. `text.slice(start, end)` is the quoted text.
 */
export interface Span {
  articleId: string;
  start: number;
  end: number;
  /**
   * Set to 'raw' when the offsets index the article's raw text rather than its clean text: evidence
   * that lies in a removed block (a photo caption that alone names a place, say). Such a span always
   * falls inside one of the article's `removed` blocks, whose text it quotes.
   */
  in?: 'raw';
}

/** A half-open range [start, end) into some string named by its context. */
export interface Range {
  start: number;
  end: number;
}

/** Do two half-open ranges of the same string share a position? */
export const rangesOverlap = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;
