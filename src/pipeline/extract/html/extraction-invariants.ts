import type { Extraction } from '../../../core/article.ts';

/**
 * Problems with an extraction's offsets, in words (empty when sound): kept and removed
 * blocks must slice back to their text, every raw line must be kept or removed exactly
 * once, and the text must start with the title paragraph when there is one.
 */
export function extractionProblems(extraction: Extraction): string[] {
  const problems: string[] = [];
  const { text, rawText, kept, removed, bodyStart } = extraction;
  for (const block of kept) {
    if (rawText.slice(block.rawStart, block.rawEnd) !== text.slice(block.start, block.end)) {
      problems.push(
        `kept ${block.kind} at raw ${block.rawStart}-${block.rawEnd} does not match text ${block.start}-${block.end}`,
      );
    }
  }
  for (const block of removed) {
    if (rawText.slice(block.start, block.end) !== block.text)
      problems.push(`removed block at ${block.start} does not match its text`);
  }
  const spans = [
    ...kept.map((k) => [k.rawStart, k.rawEnd] as const),
    ...removed.map((r) => [r.start, r.end] as const),
  ];
  spans.sort((a, b) => a[0] - b[0]);
  if (spans.map(([start, end]) => rawText.slice(start, end)).join('\n') !== rawText) {
    problems.push('kept and removed blocks do not cover the raw text line by line');
  }
  const title = extraction.metadata.title;
  if (title && bodyStart > 0 && text.slice(0, bodyStart) !== `${title}\n\n`)
    problems.push('text does not start with the title');
  if (bodyStart > text.length) problems.push('bodyStart is past the end of the text');
  return problems;
}
