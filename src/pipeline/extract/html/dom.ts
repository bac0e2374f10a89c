import { DOMParser } from 'linkedom';
import { type DefaultTreeAdapterMap, defaultTreeAdapter, parse, serialize } from 'parse5';
import { SitrepError } from '../../../core/errors.ts';
import type { WorkBudget } from '../budget.ts';

type P5Node = DefaultTreeAdapterMap['node'];

/**
 * Elements nested deeper than this are refused (EXTRACT_BUDGET). Real pages stay far below it (51 at
 * most over the 923 pages of the extraction sets); Readability's work grows with the square of the
 * depth (400 nested <div>s: 2.4 s) and linkedom and our walkers recurse (5,000 overflowed the stack).
 */
export const MAX_HTML_DEPTH = 256;

/**
 * Pages with more elements than this are refused (EXTRACT_BUDGET) while parse5 reads them, before
 * linkedom builds its DOM, which cannot be interrupted and slows down past a few hundred thousand
 * elements (every node is an entry of one WeakMap: 800,000 <p> took 9 s to walk). The largest page of
 * the extraction sets has 3,022.
 */
export const MAX_HTML_ELEMENTS = 100_000;

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
 * (docs/decisions/0005). Scripting is on, as in browsers: <noscript> content is raw text, so an unclosed
 * tag in it (`<noscript><div></noscript>`) cannot swallow the rest of the page into the skipped element.
 */
export function parseHtmlDocument(html: string, budget?: WorkBudget): DomDocument {
  let elements = 0;
  const objects: P5Node[] = [];
  const treeAdapter = {
    ...defaultTreeAdapter,
    // Refused as soon as an element goes in too deep (the walk below checks the finished tree).
    appendChild: (parent: DefaultTreeAdapterMap['parentNode'], child: DefaultTreeAdapterMap['childNode']) => {
      if (depthOf(parent) >= MAX_HTML_DEPTH) throw tooDeep();
      defaultTreeAdapter.appendChild(parent, child);
    },
    createElement: (...args: Parameters<typeof defaultTreeAdapter.createElement>) => {
      if (++elements > MAX_HTML_ELEMENTS) {
        throw new SitrepError(
          'EXTRACT_BUDGET',
          `the HTML has more than ${MAX_HTML_ELEMENTS} elements (real article pages have a few thousand); it is too large to extract`,
        );
      }
      budget?.check();
      const element = defaultTreeAdapter.createElement(...args);
      // Noted as the parser makes them (document order), so their fallback needs no walk of its own.
      if (element.tagName === 'object') objects.push(element);
      return element;
    },
  };
  const tree = parse(html, { scriptingEnabled: true, treeAdapter });
  budget?.checkNow();
  if (nestingDepth(tree, budget) > MAX_HTML_DEPTH) throw tooDeep();
  renderObjectFallback(objects);
  const document = parseWithLinkedom(serialize(tree));
  budget?.checkNow();
  return document;
}

/**
 * Each `<object>` replaced by its fallback content (its children but `<param>`), as a browser shows
 * an object it cannot render — every plugin object since browsers dropped plugins. Pages of the
 * Flash era put a video's caption or a transcript there; read as an opaque embed, it was lost.
 * Innermost objects first, so nested fallbacks come out whole. `objects`: every object element
 * the parser made, in the order it made them.
 */
function renderObjectFallback(objects: P5Node[]): void {
  // Made parents before children (document order): unwrap children first. An object the parser
  // made but did not keep in the tree has no parent and is passed over.
  for (const object of objects.reverse()) {
    const parent = ('parentNode' in object ? object.parentNode : null) as P5Node | null;
    if (!parent || !('childNodes' in parent) || !('childNodes' in object)) continue;
    const fallback = object.childNodes.filter((c) => !('tagName' in c && c.tagName === 'param'));
    for (const child of fallback) child.parentNode = parent as never;
    const at = parent.childNodes.indexOf(object as never);
    if (at >= 0) parent.childNodes.splice(at, 1, ...(fallback as never[]));
  }
}

function tooDeep(): SitrepError {
  return new SitrepError(
    'EXTRACT_BUDGET',
    `the HTML nests elements more than ${MAX_HTML_DEPTH} deep (real pages stay under 100); it is too deeply nested to extract`,
  );
}

/** How many ancestors a node has, counted up to MAX_HTML_DEPTH. */
function depthOf(node: P5Node): number {
  let depth = 0;
  for (let n: P5Node | null = node; n && 'parentNode' in n && depth < MAX_HTML_DEPTH; n = n.parentNode)
    depth++;
  return depth;
}

/** How deep the parse5 tree nests elements, walked without recursion (template contents included). */
function nestingDepth(root: P5Node, budget: WorkBudget | undefined): number {
  let deepest = 0;
  const stack: Array<[P5Node, number]> = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    budget?.check();
    const [node, depth] = top;
    if (depth > deepest) deepest = depth;
    if ('content' in node) stack.push([node.content, depth + 1]);
    if ('childNodes' in node) {
      for (const child of node.childNodes) if ('tagName' in child) stack.push([child, depth + 1]);
    }
  }
  return deepest;
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
