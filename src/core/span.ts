/**
 * Provenance: a range of UTF-16 code units (JavaScript string indices) into
 * an article's cleaned `text`. `text.slice(start, end)` is the quoted text.
 */
export interface Span {
  articleId: string;
  start: number;
  end: number;
}

/** A half-open range [start, end) into some string named by its context. */
export interface Range {
  start: number;
  end: number;
}
