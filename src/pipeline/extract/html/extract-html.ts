import type { DocumentHints, Extraction, KeptBlock, RemovedBlock } from '../../../core/article.ts';
import { SitrepError } from '../../../core/errors.ts';
import { describeSize, type WorkBudget } from '../budget.ts';
import { detectLanguage } from '../detect-language.ts';
import type { Signal } from './boilerplate-signals.ts';
import { runCascade } from './cascade.ts';
import { ancestrySignal, textSignal } from './cleanup.ts';
import { parseHtmlDocument } from './dom.ts';
import { applyHints, readPageMetadata } from './metadata.ts';
import { collectTextBlocks } from './text-blocks.ts';

export const HTML_EXTRACTOR = { name: 'sitrep-html', version: '4' } as const;

const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

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
  const { kept, dropped, method } = runCascade(document, page, budget);
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
