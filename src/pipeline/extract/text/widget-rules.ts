/**
 * Rules for page widgets recognisable from the block and its neighbours: cookie banners,
 * navigation, share toolbars, counters, related-links headings, reaction buttons and the
 * comments heading.
 */

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

export const reactions: LocalRule = (b, blocks) => {
  if (REACTION_HEADING.test(b.flat)) {
    return { reason: 'reactions', rule: `reaction widget heading ${quote(b.flat)}`, tag: 'reaction-heading' };
  }
  if (!REACTION_WORD.test(b.flat)) return undefined;
  let lo = b.index;
  let hi = b.index;
  while (lo > 0 && REACTION_WORD.test(blocks[lo - 1]!.flat)) lo--;
  while (hi < blocks.length - 1 && REACTION_WORD.test(blocks[hi + 1]!.flat)) hi++;
  const headed = lo > 0 && REACTION_HEADING.test(blocks[lo - 1]!.flat);
  if (headed || hi - lo >= 2) return { reason: 'reactions', rule: `reaction button ${quote(b.flat)}` };
  return undefined;
};

export const commentsHeading: LocalRule = (b, blocks) =>
  COMMENTS_HEADING.test(b.flat) && b.index >= blocks.length * 0.5
    ? { reason: 'comments', rule: `comments section heading ${quote(b.flat)}`, tag: 'comments-heading' }
    : undefined;
