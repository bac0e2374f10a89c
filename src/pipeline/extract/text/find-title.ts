/**
 * Choose the title: the hints' title when given (matched to a raw line when one restates it),
 * else the first substantive line when it looks like a headline. Short labels above the
 * headline ("World", "EXCLUSIVE") are reported so they can be removed.
 */
import type { DocumentHints } from '../../../core/article.ts';
import { type Block, normalizeForCompare } from './split-blocks.ts';
import { quote, type Verdict } from './verdict.ts';
import { SECTIONS } from './vocabulary.ts';

export interface TitleChoice {
  /** The block kept as the title (kind 'title'), when the title is a line of the text. */
  index?: number;
  /** Title text as it opens the clean text. */
  text?: string;
  /** Normalised title, to spot repeats. */
  norm?: string;
  fromHints: boolean;
}

function headlineLike(b: Block): boolean {
  if (b.words < 2 || b.words > 30 || b.flat.length > 250 || b.sentences > 2) return false;
  if (/^\p{Ll}/u.test(b.flat) || /[.,;:]$/.test(b.flat) || /(?:\.\.\.|…)$/.test(b.flat)) return false;
  return b.letters >= 8;
}

function labelLike(b: Block): boolean {
  if (b.terminal || b.letters < 2 || /[,;:]$/.test(b.flat)) return false;
  return b.words <= 2 || (b.words <= 4 && (SECTIONS.has(b.flat.toLowerCase()) || b.capsRatio > 0.9));
}

function similarTitle(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= long.length * 0.6 && long.includes(short);
}

/** Verdict for a short label above the headline. */
export function labelVerdict(b: Block): Verdict {
  if (SECTIONS.has(b.flat.toLowerCase())) {
    return {
      reason: 'section-label',
      rule: `section label above the headline ${quote(b.flat)}`,
      facts: [
        {
          field: 'section',
          value: b.flat,
          detail: `section label above the headline: line ${quote(b.text)}`,
          raw: { start: b.start, end: b.end },
          rank: 2,
        },
      ],
    };
  }
  return { reason: 'boilerplate', rule: `kicker label above the headline ${quote(b.flat)}` };
}

/** Pick the title; mutates `verdicts` for labels above it and for a raw line restating a hinted title. */
export function findTitle(
  blocks: Block[],
  verdicts: (Verdict | undefined)[],
  hints: DocumentHints,
): TitleChoice {
  const hint = hints.title?.trim();
  const top = (i: number) => i < 15 && !verdicts[i];
  if (hint) {
    const norm = normalizeForCompare(hint);
    const exact = blocks.findIndex((b, i) => top(i) && b.text === hint);
    if (exact >= 0) return { index: exact, text: hint, norm, fromHints: true };
    const similar = blocks.findIndex((b, i) => top(i) && b.words <= 40 && similarTitle(b.norm, norm));
    if (similar >= 0) {
      verdicts[similar] = {
        reason: 'duplicate-title',
        rule: 'line restates the title given with the document',
      };
    }
    return { text: hint, norm, fromHints: true };
  }
  const labels: number[] = [];
  const open = blocks.map((_, i) => i).filter((i) => !verdicts[i]);
  for (let k = 0; k < open.length && open[k]! < 15 && labels.length < 3; k++) {
    const b = blocks[open[k]!]!;
    const hasBody = k + 1 < open.length;
    const next = blocks[open[k + 1] ?? -1];
    if (labelLike(b) && next && headlineLike(next) && next.words > b.words) {
      labels.push(b.index);
      continue;
    }
    if (headlineLike(b) && hasBody) {
      for (const i of labels) verdicts[i] = labelVerdict(blocks[i]!);
      return { index: b.index, text: b.text, norm: b.norm, fromHints: false };
    }
    break;
  }
  return { fromHints: false };
}
