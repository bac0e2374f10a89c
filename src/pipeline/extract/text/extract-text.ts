/**
 * Plain-text extractor: cuts a scraped news page into blocks, removes page furniture with
 * a recorded reason per block, keeps the article body whole, and recovers metadata.
 * Blocks are kept or removed whole; the clean text is the title then the kept blocks.
 */
import type { DocumentHints, Extraction, KeptBlock, RemovedBlock } from '../../../core/article.ts';
import { SitrepError } from '../../../core/errors.ts';
import { applyContextRules } from './context-rules.ts';
import { findTitle } from './find-title.ts';
import { applyLocalRules } from './local-rules.ts';
import { recoverMetadata } from './recover-metadata.ts';
import { type Block, splitBlocks } from './split-blocks.ts';

export const TEXT_EXTRACTOR = { name: 'sitrep-text', version: '2' } as const;

function kindOf(b: Block): KeptBlock['kind'] {
  if (/^[–—-]\s.*\s[–—-]$/.test(b.flat)) return 'heading';
  if (/^(?:[-*•·▪◦]\s+|\d{1,2}[.)]\s+)\S/.test(b.flat)) return 'list-item';
  if (/^>\s?/.test(b.flat) || /^["“][^"“”]*["”]$/.test(b.flat)) return 'quote';
  if (
    b.words <= 12 &&
    b.flat.length <= 100 &&
    !/[.,;:!?…]["'”’)]*$/.test(b.flat) &&
    !/^[\p{Ll}"“‘'«(]/u.test(b.flat)
  ) {
    return 'heading';
  }
  return 'paragraph';
}

function empty(what: string): SitrepError {
  return new SitrepError(
    'EXTRACT_EMPTY',
    `No article text found: ${what}. Check that the input is a news article in plain text (not an empty file or a page of links).`,
  );
}

export function extractPlainText(content: string, hints: DocumentHints): Extraction {
  const blocks = splitBlocks(content);
  if (blocks.length === 0) throw empty('the text is empty or only whitespace');

  const verdicts = applyLocalRules(blocks);
  const title = findTitle(blocks, verdicts, hints);
  const byline = verdicts.flatMap((v) => v?.facts ?? []).find((f) => f.field === 'byline')?.value;
  const state = { blocks, verdicts, titleIndex: title.index, titleNorm: title.norm, byline };
  applyContextRules(state);

  let body = blocks.filter((b) => !verdicts[b.index] && b.index !== title.index).map((b) => b.index);
  if (body.length === 0 && title.index !== undefined && !title.fromHints) {
    // A lone headline-like line is the whole text, not a title over nothing.
    body = [title.index];
    title.index = undefined;
    title.text = undefined;
  }
  if (body.length === 0) throw empty('every block of the text was recognised as page furniture');

  const parts: string[] = [];
  const kept: KeptBlock[] = [];
  let offset = 0;
  const push = (text: string, b: Block | undefined, kind: KeptBlock['kind']) => {
    if (b) kept.push({ rawStart: b.start, rawEnd: b.end, start: offset, end: offset + text.length, kind });
    parts.push(text);
    offset += text.length + 2;
  };
  if (title.text !== undefined) {
    push(title.text, title.index === undefined ? undefined : blocks[title.index], 'title');
  }
  const bodyStart = title.text !== undefined ? offset : 0;
  for (const i of body) push(blocks[i]!.text, blocks[i], kindOf(blocks[i]!));

  const removed: RemovedBlock[] = [];
  verdicts.forEach((v, i) => {
    const b = blocks[i]!;
    if (v && i !== title.index)
      removed.push({ start: b.start, end: b.end, text: b.text, reason: v.reason, rule: v.rule });
  });

  const { metadata, evidence } = recoverMetadata(blocks, verdicts, body, title, hints);
  return {
    text: parts.join('\n\n'),
    bodyStart,
    rawText: content,
    removed,
    kept,
    metadata,
    evidence,
    extractor: { ...TEXT_EXTRACTOR },
  };
}
