import type { KeptBlock } from '../../../core/article.ts';
import type { WorkBudget } from '../budget.ts';
import { elementSignal, type Signal } from './boilerplate-signals.ts';
import { attr, type DomElement, type DomNode, isElement, isText } from './dom.ts';

/** An element on the way from the body to a block, with what it says about its content. */
export interface ElementNode {
  id: number;
  element: DomElement;
  tag: string;
  parent: ElementNode | null;
  signal: Signal | null;
  /** Characters of chosen article text inside this element (scratch space for the selectors). */
  keptChars: number;
}

/** One line of the page's visible text: the text of a block-level element between nested blocks. */
export interface TextBlock {
  index: number;
  text: string;
  /** Offsets into the raw text. */
  start: number;
  end: number;
  /** The block-level element whose text this is. */
  node: ElementNode;
  kind: KeptBlock['kind'];
  /** Characters of this line inside links. */
  linkChars: number;
}

export interface PageText {
  rawText: string;
  blocks: TextBlock[];
  nodes: ElementNode[];
  /** Block owner id of each non-blank text node, to follow text that Readability re-wraps. */
  textOwners: WeakMap<DomNode, number>;
}

/** Marks block owners so their lines can be found again in Readability's output. */
export const NODE_ID_ATTR = 'data-sitrep-node';

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'textarea',
  'input',
  'img',
  'picture',
  'source',
]);

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'button',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'select',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function kindOf(tag: string, inQuote: boolean): KeptBlock['kind'] {
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (inQuote) return 'quote';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'list-item';
  return 'paragraph';
}

/**
 * Split the visible text of the body into lines, one per run of text inside a block-level
 * element (a nested block or a <br> ends the run). Scripts, styles, templates and hidden
 * elements are dropped. Every block owner gets a NODE_ID_ATTR so it survives DOM rewrites.
 */
export function collectTextBlocks(body: DomElement, budget?: WorkBudget): PageText {
  const nodes: ElementNode[] = [];
  const textOwners = new WeakMap<DomNode, number>();
  const blocks: TextBlock[] = [];
  const lines: string[] = [];
  let offset = 0;
  let parts: string[] = [];
  let linkChars = 0;
  let owner: ElementNode | null = null;
  let ownerQuote = false;

  const flush = (): void => {
    if (parts.length > 0 && owner) {
      const text = parts.join('').replace(/\s+/g, ' ').trim();
      if (text) {
        if (!owner.element.hasAttribute(NODE_ID_ATTR))
          owner.element.setAttribute(NODE_ID_ATTR, String(owner.id));
        if (lines.length > 0) offset += 1;
        blocks.push({
          index: blocks.length,
          text,
          start: offset,
          end: offset + text.length,
          node: owner,
          kind: kindOf(owner.tag, ownerQuote),
          linkChars: Math.min(linkChars, text.length),
        });
        lines.push(text);
        offset += text.length;
      }
    }
    parts = [];
    linkChars = 0;
  };

  const newNode = (element: DomElement, tag: string, parent: ElementNode | null): ElementNode => {
    const node: ElementNode = {
      id: nodes.length,
      element,
      tag,
      parent,
      signal: elementSignal(element, tag),
      keptChars: 0,
    };
    nodes.push(node);
    return node;
  };

  const walk = (element: DomElement, node: ElementNode, inLink: boolean, inQuote: boolean): void => {
    for (let child: DomNode | null = element.firstChild; child; child = child.nextSibling) {
      budget?.check();
      if (isText(child)) {
        parts.push(child.data);
        if (owner && /\S/.test(child.data)) textOwners.set(child, owner.id);
        if (inLink) linkChars += child.data.trim().length;
        continue;
      }
      if (!isElement(child)) continue;
      const tag = child.localName;
      if (SKIPPED.has(tag) || isHidden(child)) continue;
      if (tag === 'br') {
        flush();
        continue;
      }
      const childNode = newNode(child, tag, node);
      const quote = inQuote || tag === 'blockquote' || tag === 'q';
      if (BLOCKS.has(tag)) {
        flush();
        const [outerOwner, outerQuote] = [owner, ownerQuote];
        owner = childNode;
        ownerQuote = quote;
        walk(child, childNode, inLink, quote);
        flush();
        owner = outerOwner;
        ownerQuote = outerQuote;
      } else {
        walk(child, childNode, inLink || (tag === 'a' && child.hasAttribute('href')), quote);
      }
    }
  };

  const root = newNode(body, 'body', null);
  owner = root;
  walk(body, root, false, false);
  flush();
  return { rawText: lines.join('\n'), blocks, nodes, textOwners };
}

/** Whether a block sits inside an element with the given attribute, e.g. `itemprop` = `articlebody`. */
export function hasAncestorAttr(node: ElementNode, name: string, value: string): boolean {
  for (let n: ElementNode | null = node; n; n = n.parent) if (attr(n.element, name) === value) return true;
  return false;
}

/** Text of a form control (a <select>'s options, a button): shown one item at a time, never prose. */
const FORM_CONTROLS = new Set(['select', 'option', 'optgroup', 'datalist', 'button']);
export function inFormControl(block: TextBlock): boolean {
  for (let n: ElementNode | null = block.node; n; n = n.parent) if (FORM_CONTROLS.has(n.tag)) return true;
  return false;
}
