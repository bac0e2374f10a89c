/**
 * Features of a plain-text block for the learned boilerplate model (block-model.ts): what the block
 * looks like (length, sentence punctuation, stop words, capitals, digits, separators), where it sits
 * (position, distance from the page's longest block, how prose-like its neighbours are) and whether
 * the page repeats it. No phrase lists: the model has to generalise to sites it has not seen.
 */
import { STOPWORDS } from '../../dedupe/text-features.ts';
import type { Block } from './split-blocks.ts';

export const BLOCK_FEATURES = [
  'bias',
  'log words',
  'sentence end',
  'stop-word share',
  'capitalised-word share',
  'digit share',
  'position',
  'at most 4 words',
  'copyright mark',
  'separators',
  'neighbour prose',
  'commas per word',
  'starts lower-case',
  'share of page words',
  'distance to longest block',
  'repeated on the page',
  'upper-case share',
  'url or e-mail',
] as const;

const tokens = (flat: string) => flat.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

/** The feature vector of every block of a page (in BLOCK_FEATURES order). */
export function blockFeatures(blocks: Block[]): number[][] {
  const n = blocks.length;
  const words = blocks.map((b) => tokens(b.flat));
  const total = Math.max(
    1,
    words.reduce((s, w) => s + w.length, 0),
  );
  const longest = words.reduce((best, w, i) => (w.length > (words[best]?.length ?? 0) ? i : best), 0);
  const prose = blocks.map((b, i) => (words[i]!.length >= 12 && /[.!?]["'”’)]*$/.test(b.flat) ? 1 : 0));
  const seen = new Map<string, number>();
  for (const b of blocks) if (b.norm) seen.set(b.norm, (seen.get(b.norm) ?? 0) + 1);
  return blocks.map((b, i) => {
    const w = words[i]!;
    const count = Math.max(1, w.length);
    const letters = b.flat.replace(/[^\p{L}]/gu, '');
    const near = [i - 2, i - 1, i + 1, i + 2].filter((j) => j >= 0 && j < n);
    return [
      1,
      Math.log1p(w.length),
      /[.!?]["'”’)]*$/.test(b.flat) ? 1 : 0,
      w.filter((t) => STOPWORDS.has(t.toLowerCase())).length / count,
      w.filter((t) => /^\p{Lu}/u.test(t)).length / count,
      (b.flat.match(/\d/g)?.length ?? 0) / Math.max(1, b.flat.length),
      n > 1 ? i / (n - 1) : 0,
      w.length <= 4 ? 1 : 0,
      /©|\(c\)\s*\d{4}|copyright|all rights reserved/i.test(b.flat) ? 1 : 0,
      /\s[|»›•·]\s|\s[|»›•·]$/.test(b.flat) ? 1 : 0,
      near.length > 0 ? near.reduce((s, j) => s + prose[j]!, 0) / near.length : 0,
      (b.flat.match(/,/g)?.length ?? 0) / count,
      /^\p{Ll}/u.test(b.flat) ? 1 : 0,
      w.length / total,
      Math.abs(i - longest) / Math.max(1, n),
      (seen.get(b.norm) ?? 0) > 1 ? 1 : 0,
      letters.length > 0 ? (letters.match(/\p{Lu}/gu)?.length ?? 0) / letters.length : 0,
      /https?:\/\/|www\.|\S+@\S+\.\w/.test(b.flat) ? 1 : 0,
    ];
  });
}
