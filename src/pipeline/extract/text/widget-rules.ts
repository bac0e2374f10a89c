/**
 * Rules for page widgets recognisable from the block and its neighbours: cookie banners,
 * navigation, share toolbars, counters, related-links headings, reaction buttons and the
 * comments heading.
 */

import { looksLikeFlattenedPage } from './block-model.ts';
import { atEdge, fact, type LocalRule, near } from './rule-kit.ts';
import type { Block } from './split-blocks.ts';
import { quote } from './verdict.ts';
import {
  BREADCRUMB,
  COMMENT_COUNTER,
  COMMENT_COUNTER_LABEL,
  COMMENTS_HEADING,
  COOKIE_BUTTON,
  COOKIE_CONTEXT,
  COOKIE_SENTENCE,
  NAVIGATION,
  REACTION_HEADING,
  REACTION_WORD,
  RELATED_HEADING,
  RELATED_INLINE,
  SECTIONS,
  SHARE_STRONG,
  SHARE_WEAK,
} from './vocabulary.ts';

export const cookieNotice: LocalRule = (b, blocks) => {
  const sentence = (x: Block) => COOKIE_SENTENCE.test(x.flat) && COOKIE_CONTEXT.test(x.flat) && x.words <= 80;
  if (sentence(b) && atEdge(b, blocks)) return { reason: 'cookie-notice', rule: 'cookie consent text' };
  if (COOKIE_BUTTON.test(b.flat) && near(blocks, b.index, 3, sentence)) {
    return { reason: 'cookie-notice', rule: `cookie banner button ${quote(b.flat)}` };
  }
  return undefined;
};

export const navigation: LocalRule = (b, blocks) => {
  if (NAVIGATION.test(b.flat) && atEdge(b, blocks)) {
    return { reason: 'navigation', rule: `site navigation item ${quote(b.flat)}` };
  }
  if (b.index < 10 && BREADCRUMB.test(b.flat)) {
    const crumbs = b.flat.split(/\s+[>›»/|]\s+/);
    if (crumbs.length < 3 && !/^home$/i.test(crumbs[0]!)) return undefined;
    const section = crumbs.slice(1).find((c) => SECTIONS.has(c.toLowerCase()));
    const facts = section ? [fact(b, 'section', section, 'breadcrumb', 3)] : [];
    return { reason: 'navigation', rule: `breadcrumb trail ${quote(b.flat)}`, facts };
  }
  return undefined;
};

export const shareWidget: LocalRule = (b, blocks) => {
  if (b.words > 6) return undefined;
  if (SHARE_STRONG.test(b.flat))
    return { reason: 'share-widget', rule: `share toolbar item ${quote(b.flat)}` };
  const tool = (x: Block) => SHARE_STRONG.test(x.flat) || SHARE_WEAK.test(x.flat);
  if (SHARE_WEAK.test(b.flat) && near(blocks, b.index, 2, tool)) {
    return { reason: 'share-widget', rule: `toolbar word ${quote(b.flat)} next to other toolbar items` };
  }
  return undefined;
};

export const commentCounter: LocalRule = (b, blocks) => {
  const numbers = b.flat.match(/\d[\d.,]*/g)?.length ?? 0;
  const labelled = /[\p{L}\p{So}]/u.test(b.flat);
  const shape = COMMENT_COUNTER.test(b.flat) || COMMENT_COUNTER_LABEL.test(b.flat);
  const isCounter = shape && numbers > 0 && (labelled || numbers >= 2);
  if (!isCounter) return undefined;
  if (COMMENTS_HEADING.test(b.flat) && b.index >= blocks.length * 0.5) return undefined;
  return { reason: 'comment-counter', rule: `counter line ${quote(b.flat)}` };
};

export const related: LocalRule = (b) => {
  if (b.words <= 7 && !b.terminal && RELATED_HEADING.test(b.flat)) {
    return {
      reason: 'related-links',
      rule: `related-links heading ${quote(b.flat)}`,
      tag: 'related-heading',
    };
  }
  if (b.words <= 30 && RELATED_INLINE.test(b.flat)) {
    return { reason: 'related-links', rule: `inline link to another story ${quote(b.flat)}` };
  }
  return undefined;
};

/**
 * Where each run of consecutive reaction-word blocks starts and ends, per page, computed once: a
 * walk over the run from each of its blocks was quadratic on a long run.
 */
const REACTION_RUNS = new WeakMap<Block[], { lo: Int32Array; hi: Int32Array }>();

function reactionRuns(blocks: Block[]): { lo: Int32Array; hi: Int32Array } {
  let runs = REACTION_RUNS.get(blocks);
  if (runs) return runs;
  const n = blocks.length;
  const word = blocks.map((x) => REACTION_WORD.test(x.flat));
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (let j = 0; j < n; j++) lo[j] = j > 0 && word[j - 1] && word[j] ? lo[j - 1]! : j;
  for (let j = n - 1; j >= 0; j--) hi[j] = j < n - 1 && word[j + 1] && word[j] ? hi[j + 1]! : j;
  runs = { lo, hi };
  REACTION_RUNS.set(blocks, runs);
  return runs;
}

export const reactions: LocalRule = (b, blocks) => {
  if (REACTION_HEADING.test(b.flat)) {
    return { reason: 'reactions', rule: `reaction widget heading ${quote(b.flat)}`, tag: 'reaction-heading' };
  }
  if (!REACTION_WORD.test(b.flat)) return undefined;
  const runs = reactionRuns(blocks);
  const lo = runs.lo[b.index]!;
  const hi = runs.hi[b.index]!;
  const headed = lo > 0 && REACTION_HEADING.test(blocks[lo - 1]!.flat);
  if (headed || hi - lo >= 2) return { reason: 'reactions', rule: `reaction button ${quote(b.flat)}` };
  return undefined;
};

/**
 * Whether block i comes after the article's prose: the page's longest block and at least three
 * paragraphs of prose (twelve words or more, ending as a sentence) are before it.
 */
function afterProse(blocks: Block[], i: number): boolean {
  let longest = 0;
  for (const b of blocks) if (b.words > blocks[longest]!.words) longest = b.index;
  if (longest >= i) return false;
  let count = 0;
  for (let k = 0; k < i; k++) if (blocks[k]!.words >= 12 && /[.!?]["'”’)]*$/.test(blocks[k]!.flat)) count++;
  return count >= 3;
}

/**
 * A comments heading in the second half of the text, or — on a whole page flattened to text, whose
 * menus and footers can be long enough to put the comments before the middle — after the article's
 * prose. (An article given as text keeps the half-way test: a "Discussion" section there is text.)
 */
export const commentsHeading: LocalRule = (b, blocks) =>
  COMMENTS_HEADING.test(b.flat) &&
  (b.index >= blocks.length * 0.5 || (looksLikeFlattenedPage(blocks) && afterProse(blocks, b.index)))
    ? { reason: 'comments', rule: `comments section heading ${quote(b.flat)}`, tag: 'comments-heading' }
    : undefined;
