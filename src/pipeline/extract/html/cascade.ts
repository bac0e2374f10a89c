import type { WorkBudget } from '../budget.ts';
import type { Signal } from './boilerplate-signals.ts';
import { cleanSelection } from './cleanup.ts';
import type { DomDocument } from './dom.ts';
import { blocksInside, fallbackContainer } from './fallback-scorer.ts';
import { fillGaps } from './gap-fill.ts';
import { readabilityNodeIds } from './readability-pass.ts';
import { inFormControl, type PageText } from './text-blocks.ts';

export type Method = 'readability' | 'fallback scorer' | 'whole page';

export const charsOf = (page: PageText, indexes: number[]) =>
  indexes.reduce((n, i) => n + page.blocks[i]!.text.length, 0);
/** Characters of text a reader sees as such: a <select>'s options do not count (one shows at a time). */
const readableCharsOf = (page: PageText, indexes: number[]) =>
  indexes.reduce((n, i) => n + (inFormControl(page.blocks[i]!) ? 0 : page.blocks[i]!.text.length), 0);
const linkCharsOf = (page: PageText, indexes: number[]) =>
  indexes.reduce((n, i) => n + page.blocks[i]!.linkChars, 0);

/** What the cascade chose, with what it saw on the way (the block scorer reads all of it). */
export interface CascadeResult {
  kept: number[];
  dropped: Map<number, Signal>;
  method: Method;
  /** Blocks in Readability's article (empty when it found none). */
  readability: number[];
  /** Blocks in our densest-prose container. */
  fallback: number[];
}

/**
 * Candidate selections, best first: Readability's, unless it under-delivers (little text,
 * mostly links, or far less than our scorer found); then our scorer's; then the whole page.
 */
function candidates(page: PageText, fromReadability: number[], fallback: number[]) {
  const chars = readableCharsOf(page, fromReadability);
  const fallbackChars = readableCharsOf(page, fallback);
  const underDelivers =
    chars < 250 || linkCharsOf(page, fromReadability) > chars * 0.5 || fallbackChars > chars * 3;
  const list: Array<{ chosen: number[]; method: Method }> = [];
  const readability = { chosen: fromReadability, method: 'readability' as Method };
  const scorer = { chosen: fallback, method: 'fallback scorer' as Method };
  if (underDelivers && fallbackChars > chars) list.push(scorer, readability);
  else list.push(readability, scorer);
  list.push({ chosen: page.blocks.map((b) => b.index), method: 'whole page' });
  return list.filter((c) => c.chosen.length > 0);
}

/** Clean each candidate in turn; take the first that keeps a fair share of what it chose. */
function select(page: PageText, list: ReturnType<typeof candidates>) {
  let best: (ReturnType<typeof cleanSelection> & { method: Method }) | undefined;
  for (const { chosen, method } of list) {
    const cleaned = { ...cleanSelection(page, chosen), method };
    if (cleaned.kept.length > 0 && charsOf(page, cleaned.kept) >= charsOf(page, chosen) * 0.2) return cleaned;
    if (!best || charsOf(page, cleaned.kept) > charsOf(page, best.kept)) best = cleaned;
  }
  return best ?? { kept: [], dropped: new Map(), method: 'whole page' as Method };
}

/**
 * The cascade of docs/decisions/0005: Readability (over the same DOM) proposes the article, our
 * scorer replaces it when it finds little or mostly links, and cleanup drops the furniture kept.
 * Readability rewrites the DOM: read everything else from the document first.
 */
export function runCascade(document: DomDocument, page: PageText, budget?: WorkBudget): CascadeResult {
  const container = fallbackContainer(page);
  const fallback = container ? blocksInside(page, container) : [];
  budget?.checkNow();
  // Readability cannot be interrupted: its cost is bounded by the depth limit and checked after it.
  const readabilityIds = readabilityNodeIds(document, page);
  budget?.checkNow();
  const readability = readabilityIds
    ? page.blocks.filter((b) => readabilityIds.has(b.node.id)).map((b) => b.index)
    : [];
  const { kept, dropped, method } = select(page, candidates(page, readability, fallback));
  return { kept: fillGaps(page, kept, dropped), dropped, method, readability, fallback };
}
