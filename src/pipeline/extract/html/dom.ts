import { DOMParser } from 'linkedom';
import { parse, serialize } from 'parse5';

/** The slice of the DOM (as linkedom implements it) that the HTML extractor uses. */
export interface DomNode {
  readonly nodeType: number;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
}

export interface DomText extends DomNode {
  readonly data: string;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly parentElement: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: DomNode): node is DomText {
  return node.nodeType === TEXT_NODE;
}

/**
 * Parse HTML into a document that always has <html>, <head> and <body>, built as a browser builds
 * it. The page is first parsed by parse5 — the WHATWG tree-construction algorithm, which repairs what
 * browsers repair: a second <html>, a <style> or text before <body>, misnested and unclosed tags — and
 * serialised again; linkedom (the DOM Readability and the rules walk) then parses that well-formed
 * markup. linkedom alone follows no such algorithm and returned an empty <body> for many such pages
 * (docs/decisions/0005). <noscript> content is parsed as markup (scripting off), as before.
 */
export function parseHtmlDocument(html: string): DomDocument {
  return parseWithLinkedom(serialize(parse(html, { scriptingEnabled: false })));
}

/** linkedom's parse; a page without an <html> element is wrapped first (linkedom drops leading text). */
function parseWithLinkedom(html: string): DomDocument {
  const parser = new DOMParser();
  const parse = (source: string) => parser.parseFromString(source, 'text/html') as unknown as DomDocument;
  if (/<html[\s>]/i.test(html)) {
    const document = parse(html);
    if (document.documentElement?.localName === 'html' && document.body) return document;
  }
  return parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
}

/** Lower-cased attribute value, or '' when absent. */
export function attr(element: DomElement, name: string): string {
  return element.getAttribute(name)?.toLowerCase() ?? '';
}

/** Text content with whitespace runs collapsed to single spaces, trimmed. */
export function collapsedText(node: DomNode | null | undefined): string {
  return collapseWhitespace(node?.textContent ?? '');
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const LINE_BREAKERS =
  /^(p|div|br|ul|ol|li|table|section|article|header|footer|h[1-6]|blockquote|figure|form|aside|nav)$/;

/** The element's first line: its text up to the first nested block element or <br>. */
export function firstLineText(element: DomElement): string {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (isElement(child)) {
      if (LINE_BREAKERS.test(child.localName)) {
        if (collapseWhitespace(text)) break;
        continue;
      }
      text += child.textContent ?? '';
    } else if (isText(child)) text += child.data;
  }
  return collapseWhitespace(text);
}
