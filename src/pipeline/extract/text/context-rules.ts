/**
 * Block rules that depend on other blocks' decisions: runs after a widget heading, captions
 * next to credits, repeats of the title or of the lead, first-person bios after the end of
 * the article, repeated blocks. Applied in document order, so a rule sees final decisions
 * for earlier blocks and local decisions for later ones. The title block is never removed.
 */
import type { WorkBudget as Budget } from '../budget.ts';
import { parseByline } from './parse-byline.ts';
import type { Block } from './split-blocks.ts';
import { type Fact, quote, type Verdict } from './verdict.ts';
import { JOURNALIST, REACTION_WORD, SECTIONS } from './vocabulary.ts';

export interface ContextState {
  blocks: Block[];
  verdicts: (Verdict | undefined)[];
  titleIndex?: number;
  /** Normalised title text (from the text or the hints). */
  titleNorm?: string;
  /** Byline found so far, to spot a contributor note that starts with the name. */
  byline?: string;
}

/** Widgets that mark the end of the article proper. */
const TAIL = new Set([
  'reactions',
  'share-widget',
  'related-links',
  'comments',
  'newsletter',
  'comment-counter',
  'source-stub',
  'legal',
  'channel-plug',
  'author-bio',
  'promo',
  'advertisement',
]);

/**
 * What the rules need of the blocks around block i, carried forward as the loop advances instead of
 * walking back over earlier blocks or forward over later ones (that was quadratic: 80k short
 * paragraphs took 12.6 s). Earlier blocks' verdicts are final when block i is decided; later blocks'
 * are still the local rules' ones, which is what `nextKept` and `lastKept` were computed from.
 */
export interface Carried {
  /** Per tag, the nearest verdict carrying it in the run of removed blocks just before i. */
  runTags: Map<string, Verdict>;
  /** Whether that run holds an end-of-article widget (TAIL). */
  runHasTail: boolean;
  /** Normalised text of every earlier block that is kept, or is the title. */
  keptNorms: Set<string>;
  /** nextKept[k]: the first index ≥ k without a local verdict (blocks.length when none). */
  nextKept: Int32Array;
  /** The last index without a local verdict (-1 when none). */
  lastKept: number;
}

export type ContextRule = (i: number, s: ContextState, c: Carried) => Verdict | undefined;

function startCarried(s: ContextState): Carried {
  const n = s.blocks.length;
  const nextKept = new Int32Array(n + 1);
  nextKept[n] = n;
  for (let k = n - 1; k >= 0; k--) nextKept[k] = s.verdicts[k] ? nextKept[k + 1]! : k;
  let lastKept = n - 1;
  while (lastKept >= 0 && s.verdicts[lastKept]) lastKept--;
  return { runTags: new Map(), runHasTail: false, keptNorms: new Set(), nextKept, lastKept };
}

/** Move past block i once its verdict is final. */
function advance(c: Carried, i: number, s: ContextState): void {
  const v = s.verdicts[i];
  if (!v) {
    c.runTags.clear();
    c.runHasTail = false;
  } else {
    if (v.tag) c.runTags.set(v.tag, v);
    if (TAIL.has(v.reason)) c.runHasTail = true;
  }
  if (!v || i === s.titleIndex) c.keptNorms.add(s.blocks[i]!.norm);
}

function linkLike(b: Block): boolean {
  return b.words <= 25 && b.flat.length <= 180 && !/[.…]["'”’)]*$/.test(b.flat);
}

function captionLike(b: Block): boolean {
  return b.words <= 70 && b.sentences <= 3 && !/^["“‘«]/.test(b.flat) && !/^[–—-]\s.*\s[–—-]$/.test(b.flat);
}

const relatedRun: ContextRule = (i, s, c) => {
  const b = s.blocks[i]!;
  if (!linkLike(b) || !c.runTags.has('related-heading')) return undefined;
  return { reason: 'related-links', rule: `link-list item after related-links heading: ${quote(b.flat)}` };
};

const reactionRun: ContextRule = (i, s) => {
  const b = s.blocks[i]!;
  if (!REACTION_WORD.test(b.flat) || s.verdicts[i - 1]?.reason !== 'reactions') return undefined;
  return { reason: 'reactions', rule: `reaction button ${quote(b.flat)}` };
};

const commentsRun: ContextRule = (i, s, c) =>
  c.runTags.has('comments-heading')
    ? { reason: 'comments', rule: `reader comment after comments heading: ${quote(s.blocks[i]!.flat)}` }
    : undefined;

const duplicateTitle: ContextRule = (i, s) =>
  s.titleNorm && s.blocks[i]!.norm === s.titleNorm
    ? { reason: 'duplicate-title', rule: `line repeats the title ${quote(s.blocks[i]!.flat)}` }
    : undefined;

/** A teaser near the top ending in "…" whose words begin a later stretch of the text. */
const teaser: ContextRule = (i, s, c) => {
  const b = s.blocks[i]!;
  if (!/(?:\.\.\.|…)\s*$/.test(b.flat) || b.words < 8 || i > s.blocks.length * 0.4) return undefined;
  const words = b.norm.split(' ');
  const whole = words.slice(0, -1);
  const partial = words[words.length - 1]!;
  for (let j = i + 1; j < Math.min(s.blocks.length, i + 9); j++) {
    const following: string[] = [];
    for (let k = c.nextKept[j]!; k < s.blocks.length && following.length <= words.length; ) {
      following.push(...s.blocks[k]!.norm.split(' '));
      k = c.nextKept[k + 1]!;
    }
    const matches = whole.every((w, n) => following[n] === w);
    if (matches && (following[whole.length] ?? '').startsWith(partial)) {
      return {
        reason: 'duplicate-lead',
        rule: `teaser ending in "…" repeats the text from ${quote(s.blocks[j]!.flat, 40)}`,
      };
    }
  }
  return undefined;
};

/** "Seoul correspondent" under a removed byline. */
const bylineRole: ContextRule = (i, s) => {
  const b = s.blocks[i]!;
  if (s.verdicts[i - 1]?.reason === 'byline' && b.words <= 6 && !b.terminal && JOURNALIST.test(b.flat)) {
    return { reason: 'byline', rule: `author's role under the byline ${quote(b.flat)}` };
  }
  return undefined;
};

const caption: ContextRule = (i, s) => {
  const b = s.blocks[i]!;
  const next = s.blocks[i + 1];
  const nextV = s.verdicts[i + 1];
  if (!captionLike(b)) return undefined;
  if (next && nextV?.tag === 'credit-line') {
    return { reason: 'caption', rule: `caption right before credit line ${quote(next.flat)}` };
  }
  if (next && nextV?.tag === 'credit-suffix' && b.words <= 30 && next.norm.startsWith(b.norm)) {
    return { reason: 'caption', rule: 'caption text repeated at the start of the next caption-with-credit' };
  }
  if (b.words > 60 || b.sentences > 2 || b.words < 3) return undefined;
  const prev = s.blocks[i - 1];
  if (prev && prev.norm === b.norm && s.verdicts[i - 1]?.reason === 'caption') {
    return { reason: 'caption', rule: 'second copy of a repeated caption' };
  }
  if (next && next.norm === b.norm && (!nextV || nextV.reason === 'caption')) {
    return { reason: 'caption', rule: 'caption printed twice in a row (image text and caption)' };
  }
  return undefined;
};

/**
 * In the page header (after the title; at most one kept standfirst in between): a bare name is
 * a byline, a role under it ("Seoul correspondent") belongs to it, a section word is a label.
 */
const headerLabel: ContextRule = (i, s) => {
  if (s.titleIndex === undefined || i <= s.titleIndex || i > s.titleIndex + 8) return undefined;
  let keptBetween = 0;
  for (let j = s.titleIndex + 1; j < i; j++) if (!s.verdicts[j]) keptBetween++;
  if (keptBetween > 1) return undefined;
  const b = s.blocks[i]!;

  if (SECTIONS.has(b.flat.toLowerCase())) {
    const f: Fact = {
      field: 'section',
      value: b.flat,
      detail: `section label under the title: line ${quote(b.text)}`,
      raw: { start: b.start, end: b.end },
      rank: 2,
    };
    return { reason: 'section-label', rule: `section label ${quote(b.flat)}`, facts: [f] };
  }
  const by = !b.terminal && b.words <= 10 ? parseByline(b.flat) : undefined;
  if (by && !by.organisation) {
    const at = b.text.indexOf(by.byline);
    const raw = (start: number, len: number) => ({ start: b.start + start, end: b.start + start + len });
    const facts: Fact[] = [
      {
        field: 'byline',
        value: by.byline,
        detail: `name under the title: line ${quote(b.text)}`,
        raw: raw(at, by.byline.length),
        rank: 2,
      },
    ];
    if (by.outlet) {
      const o = b.text.lastIndexOf(by.outlet);
      facts.push({
        field: 'outlet',
        value: by.outlet,
        detail: `outlet next to the author's name: line ${quote(b.text)}`,
        raw: raw(o, by.outlet.length),
        rank: 4,
      });
    }
    return { reason: 'byline', rule: `author name under the title ${quote(b.flat)}`, facts };
  }
  return undefined;
};

const authorBio: ContextRule = (i, s, c) => {
  const b = s.blocks[i]!;
  const n = s.blocks.length;
  if (i < n * 0.5) return undefined;
  const firstPerson = b.firstPerson >= 3 && b.firstPerson / Math.max(1, b.words) >= 0.03;
  const contributor =
    /^(?:\p{Lu}[\p{L}'’.-]+\s){1,3}(?:is|was|has been|covers|writes|reports)\b/u.test(b.flat) &&
    JOURNALIST.test(b.flat);
  const aboutAuthor = /^about the author\b/i.test(b.flat);
  const byName = s.byline !== undefined && s.byline.length > 3 && b.flat.startsWith(s.byline);
  if (c.runHasTail && (firstPerson || contributor || aboutAuthor || byName)) {
    const why = firstPerson ? 'first-person note' : contributor ? 'contributor note' : 'author note';
    return { reason: 'author-bio', rule: `${why} after the end-of-article widgets: ${quote(b.flat, 40)}` };
  }
  const last = c.lastKept <= i;
  if (last && (contributor || aboutAuthor || (byName && JOURNALIST.test(b.flat))) && b.words <= 120) {
    return { reason: 'author-bio', rule: `contributor note closing the page: ${quote(b.flat, 40)}` };
  }
  return undefined;
};

const duplicateBlock: ContextRule = (i, s, c) => {
  const b = s.blocks[i]!;
  if (b.words < 3 || !c.keptNorms.has(b.norm)) return undefined;
  return { reason: 'duplicate-block', rule: `repeats an earlier block ${quote(b.flat, 40)}` };
};

export const CONTEXT_RULES: ContextRule[] = [
  relatedRun,
  reactionRun,
  commentsRun,
  duplicateTitle,
  teaser,
  bylineRole,
  caption,
  headerLabel,
  authorBio,
  duplicateBlock,
];

export function applyContextRules(s: ContextState, budget?: Budget): void {
  const c = startCarried(s);
  for (let i = 0; i < s.blocks.length; advance(c, i, s), i++) {
    budget?.check();
    if (s.verdicts[i] || i === s.titleIndex) continue;
    for (const rule of CONTEXT_RULES) {
      const v = rule(i, s, c);
      if (v) {
        s.verdicts[i] = v;
        break;
      }
    }
  }
}
