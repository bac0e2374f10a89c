/** The article fields the comparison and the brief need. `text` enables context checks for numbers. */
export interface SourceArticle {
  id: string;
  outlet?: string;
  publishedAt?: string;
  title?: string;
  text?: string;
}

/**
 * The name a source goes by: its outlet, or — when the outlet is unknown — a label naming the article,
 * so that two unnamed articles are never merged into one source.
 */
export function sourceLabel(article: { id: string; outlet?: string }): string {
  return article.outlet?.trim() || `unnamed source ${article.id.slice(0, 8)}`;
}

/** Compare ISO dates at the precision both have: <0, 0 (same or not comparable), >0. */
export function compareIsoAtCommonPrecision(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Lower-cased word tokens of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Jaccard similarity of the word sets of two texts. */
export function wordJaccard(a: string, b: string): number {
  return setJaccard(new Set(words(a)), new Set(words(b)));
}

/** Jaccard similarity of two word sets (1 when both are empty). */
export function setJaccard(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}
