import type { DocumentHints, Extraction, KeptBlock, RemovedBlock } from '../../../core/article.ts';
import { SitrepError } from '../../../core/errors.ts';
import { describeSize, type WorkBudget } from '../budget.ts';
import { detectLanguage } from '../detect-language.ts';
import type { Signal } from './boilerplate-signals.ts';
import { ancestrySignal, cleanSelection, textSignal } from './cleanup.ts';
import { parseHtmlDocument } from './dom.ts';
import { blocksInside, fallbackContainer } from './fallback-scorer.ts';
import { applyHints, readPageMetadata } from './metadata.ts';
import { readabilityNodeIds } from './readability-pass.ts';
import { collectTextBlocks, type PageText } from './text-blocks.ts';

export const HTML_EXTRACTOR = { name: 'sitrep-html', version: '2' } as const;

type Method = 'readability' | 'fallback scorer' | 'whole page';

const charsOf = (page: PageText, indexes: number[]) =>
  indexes.reduce((n, i) => n + page.blocks[i]!.text.length, 0);
const linkCharsOf = (page: PageText, indexes: number[]) =>
  indexes.reduce((n, i) => n + page.blocks[i]!.linkChars, 0);
const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Candidate selections, best first: Readability's, unless it under-delivers (little text,
 * mostly links, or far less than our scorer found); then our scorer's; then the whole page.
 */
function candidates(page: PageText, readabilityIds: Set<number> | null, fallback: number[]) {
  const fromReadability = readabilityIds
    ? page.blocks.filter((b) => readabilityIds.has(b.node.id)).map((b) => b.index)
    : [];
  const chars = charsOf(page, fromReadability);
  const fallbackChars = charsOf(page, fallback);
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

/** Merge runs of adjacent removed lines that share a reason and rule. */
function mergeRemoved(rawText: string, removed: Array<RemovedBlock & { index: number }>): RemovedBlock[] {
  const merged: Array<RemovedBlock & { index: number; joined: boolean }> = [];
  let last: (RemovedBlock & { index: number; joined: boolean }) | undefined;
  for (const block of removed) {
    if (last && block.index === last.index + 1 && block.reason === last.reason && block.rule === last.rule) {
      last.end = block.end;
      last.index = block.index;
      last.joined = true;
      continue;
    }
    last = { ...block, joined: false };
    merged.push(last);
  }
  // A merged run's text is cut once, at the end (cutting it at every merge was quadratic on a long run).
  return merged.map(({ start, end, reason, text, rule, joined }) => ({
    start,
    end,
    reason,
    text: joined ? rawText.slice(start, end) : text,
    rule,
  }));
}

/**
 * Main text and metadata of an HTML news page. Readability (over linkedom) proposes the
 * article; our scorer replaces it when it finds little or mostly links; furniture it kept
 * (share bars, related links, newsletters, ads, captions) is dropped. Every visible line of
 * the page ends up either kept (mapped into `text`) or removed with a reason.
 */
export function extractHtml(
  content: string,
  hints: DocumentHints,
  options: { url?: string; budget?: WorkBudget },
): Extraction {
  const budget = options.budget;
  if (budget) budget.subject = `HTML of ${describeSize(content.length)}`;
  const document = parseHtmlDocument(content, budget);
  const page = collectTextBlocks(document.body!, budget);
  if (budget) budget.subject = `HTML of ${describeSize(content.length)} with ${page.nodes.length} elements`;
  budget?.checkNow();
  if (page.blocks.length === 0) {
    throw new SitrepError(
      'EXTRACT_EMPTY',
      'The HTML page has no visible text to extract; check that it is the article page and not a script shell or an empty response.',
    );
  }
  const meta = readPageMetadata(document, options.url ?? hints.url);
  applyHints(meta, hints);
  const container = fallbackContainer(page);
  const fallback = container ? blocksInside(page, container) : [];
  budget?.checkNow();
  // Readability cannot be interrupted: its cost is bounded by the depth limit and checked after it.
  const readabilityIds = readabilityNodeIds(document, page);
  budget?.checkNow();
  const { kept, dropped, method } = select(page, candidates(page, readabilityIds, fallback));
  budget?.checkNow();
  if (kept.length === 0) {
    throw new SitrepError(
      'EXTRACT_EMPTY',
      'No article text found in the HTML page: every visible line looks like navigation or page furniture.',
    );
  }

  const title = meta.metadata.title;
  const titleKey = title ? comparable(title) : '';
  const titleBlock = titleKey ? (page.blocks.find((b) => b.text === title) ?? undefined) : undefined;
  const body = kept.filter(
    (i) => i !== titleBlock?.index && !(titleKey && comparable(page.blocks[i]!.text) === titleKey),
  );
  const inBody = new Set(body);
  for (const i of kept)
    if (!inBody.has(i) && i !== titleBlock?.index)
      dropped.set(i, { reason: 'duplicate-title', rule: 'line repeats the title' });

  const keptBlocks: KeptBlock[] = [];
  const paragraphs: string[] = [];
  let offset = 0;
  if (title) {
    if (titleBlock)
      keptBlocks.push({
        rawStart: titleBlock.start,
        rawEnd: titleBlock.end,
        start: 0,
        end: title.length,
        kind: 'title',
      });
    paragraphs.push(title);
    offset = title.length + 2;
  }
  const bodyStart = title ? offset : 0;
  for (const index of body) {
    const block = page.blocks[index]!;
    keptBlocks.push({
      rawStart: block.start,
      rawEnd: block.end,
      start: offset,
      end: offset + block.text.length,
      kind: block.kind,
    });
    paragraphs.push(block.text);
    offset += block.text.length + 2;
  }
  const text = paragraphs.join('\n\n');

  const keptSet = new Set(body);
  if (titleBlock) keptSet.add(titleBlock.index);
  const removed: Array<RemovedBlock & { index: number }> = [];
  for (const block of page.blocks) {
    if (keptSet.has(block.index)) continue;
    const signal: Signal = dropped.get(block.index) ??
      ancestrySignal(block.node, null) ??
      textSignal(block) ??
      (titleKey && comparable(block.text) === titleKey
        ? { reason: 'duplicate-title', rule: 'line repeats the title' }
        : null) ?? {
        reason: 'boilerplate',
        rule: `outside the article text found by the ${method}`,
      };
    removed.push({
      index: block.index,
      start: block.start,
      end: block.end,
      text: block.text,
      reason: signal.reason,
      rule: signal.rule,
    });
  }

  if (!meta.metadata.language) {
    const language = detectLanguage(text.slice(bodyStart));
    if (language) {
      meta.metadata.language = language;
      meta.evidence.language = { source: 'detector', detail: 'eld n-gram detection on the article text' };
    }
  }

  return {
    text,
    bodyStart,
    rawText: page.rawText,
    removed: mergeRemoved(page.rawText, removed),
    kept: keptBlocks,
    metadata: meta.metadata,
    evidence: meta.evidence,
    extractor: { ...HTML_EXTRACTOR },
  };
}
