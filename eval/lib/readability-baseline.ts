import { Readability } from '@mozilla/readability';
import { parseHtmlDocument } from '../../src/pipeline/extract/html/dom.ts';

/**
 * @mozilla/readability alone over the document Sitrep parses (parse5's spec-compliant tree, as a
 * browser builds it, in linkedom): the text content of its article, or '' when it finds none or
 * throws on the page (a peer's failure on one page is scored as an empty extraction, not a crash of
 * the whole run).
 */
export function readabilityText(html: string): string {
  try {
    const document = parseHtmlDocument(html) as never;
    const article = new Readability(document).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
}
