import { attr } from './dom.ts';
import { type ElementNode, inFormControl, type PageText, type TextBlock } from './text-blocks.ts';

const linkDensity = (block: TextBlock) => block.linkChars / Math.max(1, block.text.length);

function containsNode(block: TextBlock, container: ElementNode): boolean {
  for (let n: ElementNode | null = block.node; n; n = n.parent) if (n === container) return true;
  return false;
}

/** Indexes of the blocks inside a container. */
export function blocksInside(page: PageText, container: ElementNode): number[] {
  return page.blocks.filter((b) => containsNode(b, container)).map((b) => b.index);
}

/**
 * Our own main-text finder for pages Readability gets wrong: an element marked
 * itemprop="articleBody" with enough text, else the element holding the densest run of
 * prose lines (paragraph text, not a form control's options, discounted for links, credited to the parent and half to
 * the grandparent; <article>/<main> favoured, furniture-classed elements penalised).
 */
export function fallbackContainer(page: PageText): ElementNode | null {
  const textIn = new Map<ElementNode, number>();
  const scores = new Map<ElementNode, number>();
  for (const block of page.blocks) {
    for (let n: ElementNode | null = block.node; n; n = n.parent)
      textIn.set(n, (textIn.get(n) ?? 0) + block.text.length);
    if (block.kind === 'heading' || block.text.length < 25 || linkDensity(block) > 0.5) continue;
    if (inFormControl(block)) continue;
    const words = block.text.split(' ').length;
    const score = block.text.length * (1 - linkDensity(block)) * (words >= 8 ? 1 : 0.3);
    const container = block.node.tag === 'p' && block.node.parent ? block.node.parent : block.node;
    scores.set(container, (scores.get(container) ?? 0) + score);
    if (container.parent) scores.set(container.parent, (scores.get(container.parent) ?? 0) + score / 2);
  }
  for (const node of page.nodes) {
    if (attr(node.element, 'itemprop') === 'articlebody' && (textIn.get(node) ?? 0) >= 300) return node;
  }
  let best: ElementNode | null = null;
  let bestScore = 0;
  for (const [node, raw] of scores) {
    let score = raw;
    if (node.tag === 'article' || node.tag === 'main') score *= 1.25;
    if (node.signal && node.signal.reason !== 'boilerplate') score *= 0.3;
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}
