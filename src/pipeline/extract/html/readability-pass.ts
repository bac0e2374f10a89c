import { Readability } from '@mozilla/readability';
import { type DomDocument, type DomElement, type DomNode, isElement, isText } from './dom.ts';
import { NODE_ID_ATTR, type PageText } from './text-blocks.ts';

/**
 * Run @mozilla/readability over the document (it rewrites the DOM, so read everything else
 * first) and return the ids of the block owners its article kept, or null when it found none.
 * Owners are found by the id attribute they carry and, where Readability re-wrapped text in
 * new elements, by the text nodes it moved.
 */
export function readabilityNodeIds(document: DomDocument, page: PageText): Set<number> | null {
  let content: DomElement | null | undefined;
  try {
    const reader = new Readability<DomElement>(document as never, { serializer: (node) => node as never });
    content = reader.parse()?.content;
  } catch {
    return null;
  }
  if (!content) return null;
  const ids = new Set<number>();
  const visit = (node: DomNode): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (isText(child)) {
        const owner = page.textOwners.get(child);
        if (owner !== undefined) ids.add(owner);
      } else if (isElement(child)) {
        const id = child.getAttribute(NODE_ID_ATTR);
        if (id !== null) ids.add(Number(id));
        visit(child);
      }
    }
  };
  const own = content.getAttribute(NODE_ID_ATTR);
  if (own !== null) ids.add(Number(own));
  visit(content);
  return ids.size > 0 ? ids : null;
}
