/**
 * Plain-text extractor: cuts a scraped news page into blocks, removes page furniture with
 * a recorded reason per block, keeps the article body whole, and recovers metadata.
 * Blocks are kept or removed whole; the clean text is the title then the kept blocks.
 */
import type { DocumentHints, Extraction, KeptBlock, RemovedBlock } from '../../../core/article.ts';
import { SitrepError } from '../../../core/errors.ts';
import { describeSize, type WorkBudget } from '../budget.ts';
import { blockFeatures } from './block-features.ts';
import {
  BLOCK_MODEL_THRESHOLD,
  bodyProbability,
  isProseSentence,
  looksLikeFlattenedPage,
} from './block-model.ts';
import { applyContextRules } from './context-rules.ts';
import { findTitle } from './find-title.ts';
import { applyLocalRules } from './local-rules.ts';
import { recoverMetadata } from './recover-metadata.ts';
import { type Block, splitBlocks } from './split-blocks.ts';
import type { Verdict } from './verdict.ts';

export const TEXT_EXTRACTOR = { name: 'sitrep-text', version: '4' } as const;

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

/**
 * The learned model over what the rules kept (not the title): a block unlikely to be article body is
 * removed as boilerplate, its probability and the features that weighed against it in the audit.
 */
function applyBlockModel(blocks: Block[], verdicts: (Verdict | undefined)[], titleIndex: number | undefined) {
  if (!looksLikeFlattenedPage(blocks)) return;
  const features = blockFeatures(blocks);
  // The first block kept after the title with eight words or more is its standfirst.
  const after = titleIndex === undefined ? -1 : titleIndex;
  const standfirst = blocks.findIndex((b, i) => i > after && !verdicts[i] && b.words >= 8);
  blocks.forEach((b, i) => {
    if (verdicts[i] || i === titleIndex || i === standfirst || isProseSentence(b.flat, b.words)) return;
    const { p, against } = bodyProbability(features[i]!);
    if (p >= BLOCK_MODEL_THRESHOLD) return;
    verdicts[i] = {
      reason: 'boilerplate',
      rule: `block model: p(body) ${p.toFixed(2)} < ${BLOCK_MODEL_THRESHOLD} (${against.join(', ')})`,
    };
  });
}

function empty(what: string): SitrepError {
  return new SitrepError(
    'EXTRACT_EMPTY',
    `No article text found: ${what}. Check that the input is a news article in plain text (not an empty file or a page of links).`,
  );
}

/**
 * `blockModel: false` leaves the learned model out (its training script scores the rules alone).
 * `budget` bounds the work: checked between the phases and inside the loops over blocks, it throws
 * EXTRACT_BUDGET once spent.
 */
export function extractPlainText(
  content: string,
  hints: DocumentHints,
  options: { blockModel?: boolean; budget?: WorkBudget } = {},
): Extraction {
  const budget = options.budget;
  const blocks = splitBlocks(content);
  if (blocks.length === 0) throw empty('the text is empty or only whitespace');
  if (budget) budget.subject = `plain text of ${describeSize(content.length)} in ${blocks.length} blocks`;
  budget?.checkNow();

  const verdicts = applyLocalRules(blocks, budget);
  budget?.checkNow();
  const title = findTitle(blocks, verdicts, hints);
  const byline = verdicts.flatMap((v) => v?.facts ?? []).find((f) => f.field === 'byline')?.value;
  const state = { blocks, verdicts, titleIndex: title.index, titleNorm: title.norm, byline };
  applyContextRules(state, budget);
  budget?.checkNow();
  if (options.blockModel !== false) applyBlockModel(blocks, verdicts, title.index);
  budget?.checkNow();

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
