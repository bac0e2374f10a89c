import type { Signal } from './boilerplate-signals.ts';
import { ancestrySignal, textSignal } from './cleanup.ts';
import type { ElementNode, PageText, TextBlock } from './text-blocks.ts';

/** The innermost element holding at least 80 % of the kept characters. */
function contentRoot(page: PageText, kept: number[]): ElementNode | null {
  const chars = new Map<ElementNode, number>();
  let total = 0;
  for (const i of kept) {
    const block = page.blocks[i]!;
    total += block.text.length;
    for (let n: ElementNode | null = block.node; n; n = n.parent)
      chars.set(n, (chars.get(n) ?? 0) + block.text.length);
  }
  let root: ElementNode | null = page.blocks[kept[0]!]?.node ?? null;
  while (root && (chars.get(root) ?? 0) < total * 0.8) root = root.parent;
  return root;
}

function isInside(node: ElementNode, container: ElementNode): boolean {
  for (let n: ElementNode | null = node; n; n = n.parent) if (n === container) return true;
  return false;
}

function inTableCell(block: TextBlock, root: ElementNode): boolean {
  for (let n: ElementNode | null = block.node; n && n !== root; n = n.parent)
    if (n.tag === 'td' || n.tag === 'th') return true;
  return false;
}

/**
 * List items, table cells and the headings over kept text that sit inside the article's content root, between its first
 * and last kept lines, and that nothing marks as furniture (no furniture ancestry, no text verdict,
 * under half link text): Readability's conditional cleaning drops such lists, tables and subheads from
 * inside an article. They go back in, in page order. Plain paragraphs are not filled: between kept lines
 * of a news page they are mostly teasers and promos the cleanup removed or Readability left out.
 */
export function fillGaps(page: PageText, kept: number[], dropped: Map<number, Signal>): number[] {
  if (kept.length < 2) return kept;
  const root = contentRoot(page, kept);
  if (!root || root.tag === 'body') return kept;
  const keptSet = new Set(kept);
  const first = kept[0]!;
  const last = kept[kept.length - 1]!;
  const fits = (i: number): boolean => {
    if (keptSet.has(i) || dropped.has(i)) return false;
    const block = page.blocks[i]!;
    if (!isInside(block.node, root) || block.linkChars >= block.text.length * 0.5) return false;
    return !ancestrySignal(block.node, null) && !textSignal(block);
  };
  const added = new Set<number>();
  for (let i = first + 1; i < last; i++) {
    const block = page.blocks[i]!;
    if ((block.kind === 'list-item' || inTableCell(block, root)) && fits(i)) added.add(i);
  }
  // A heading goes back only over text that is kept: one over a dropped box is that box's label.
  for (let i = last - 1; i > first; i--)
    if (page.blocks[i]!.kind === 'heading' && (keptSet.has(i + 1) || added.has(i + 1)) && fits(i))
      added.add(i);
  return added.size === 0 ? kept : [...kept, ...added].sort((a, b) => a - b);
}
