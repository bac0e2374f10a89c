import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';

/** @mozilla/readability alone over a linkedom document: the text content of its article, or ''. */
export function readabilityText(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html') as never;
  const article = new Readability(document).parse();
  return article?.textContent ?? '';
}
