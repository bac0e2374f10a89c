/**
 * Block rules that need only the block itself, its position and its neighbours' text
 * (not other rules' decisions). The first rule that returns a verdict wins.
 */

import type { WorkBudget } from '../budget.ts';
import { creditRule } from './credit-rules.ts';
import { parseByline } from './parse-byline.ts';
import { parseTimestampLine } from './parse-timestamp.ts';
import { fact, type LocalRule, near, QUOTED_START } from './rule-kit.ts';
import type { Block } from './split-blocks.ts';
import { type Fact, quote, type Verdict } from './verdict.ts';
import {
  ADVERTISEMENT,
  IMPERATIVE_START,
  LEGAL,
  NEWSLETTER_BUTTON,
  NEWSLETTER_STRONG,
  NOTICE,
  PLATFORMS,
  PLUG_CUE,
  PROMO_MIXED,
  PROMO_WORDS,
  READING_TIME,
  SECTIONS,
  SOURCE_STUB,
} from './vocabulary.ts';
import {
  commentCounter,
  commentsHeading,
  cookieNotice,
  navigation,
  reactions,
  related,
  shareWidget,
} from './widget-rules.ts';

export type { LocalRule } from './rule-kit.ts';

const timestamp: LocalRule = (b) => {
  const parsed = parseTimestampLine(b.text);
  if (!parsed) return undefined;
  const facts: Fact[] = [];
  if (parsed.iso && parsed.label !== 'updated' && parsed.label !== 'relative') {
    const f = fact(b, 'publishedAt', parsed.iso, 'timestamp line', parsed.label === 'published' ? 1 : 2, 0);
    facts.push({ ...f, raw: { start: b.start, end: b.start + parsed.dateEnd } });
  }
  if (parsed.byline) {
    const by = parseByline(parsed.byline.text);
    if (by) {
      facts.push(fact(b, 'byline', by.byline, 'byline on the timestamp line', 2));
      if (by.outlet) {
        const what = by.organisation ? 'byline names an organisation, not a person' : 'outlet in byline';
        facts.push(fact(b, 'outlet', by.outlet, `${what} on the timestamp line`, by.organisation ? 4 : 5));
      }
    }
  }
  const what = parsed.label === 'relative' ? 'relative timestamp' : 'date/time line';
  return { reason: 'dateline', rule: `${what} ${quote(b.flat)}`, facts };
};

const readingTime: LocalRule = (b) =>
  READING_TIME.test(b.flat)
    ? { reason: 'boilerplate', rule: `reading-time marker ${quote(b.flat)}` }
    : undefined;

const bylineLine: LocalRule = (b, blocks) => {
  const m = /^(?:by|written by|words by|story by|author:?)\s+(\S.*)$/i.exec(b.flat);
  if (m && b.words <= 16) {
    const by = parseByline(m[1]!);
    if (!by) return undefined;
    const facts = [fact(b, 'byline', by.byline, 'byline line', 1)];
    if (by.outlet) facts.push(fact(b, 'outlet', by.outlet, 'outlet in byline', by.organisation ? 4 : 5));
    return { reason: 'byline', rule: `byline line ${quote(b.flat)}`, facts };
  }
  const credits =
    /^\(?(?:reporting|writing|additional reporting|editing|compiled|written|produced|graphics|research|translated|edited)\s+by\b/i;
  const contributed = /\bcontributed (?:to )?(?:this )?(?:report|story|article)(?:ing)?\.?$/i;
  const footer = credits.test(b.flat) || (contributed.test(b.flat) && b.words <= 30);
  if (footer && b.words <= 60 && b.index >= blocks.length * 0.6) {
    const rep = /\breporting by ([^;,.()]+?)(?:\s+in\s+[^;]*)?(?:[;.,)]|$)/i.exec(b.flat);
    const by = rep ? parseByline(rep[1]!) : undefined;
    const facts = by ? [fact(b, 'byline', by.byline, 'reporting credit', 3)] : [];
    return { reason: 'byline', rule: `staff credit line ${quote(b.flat)}`, facts };
  }
  return undefined;
};

/** "Oleksiy LutykovWorld": a byline and a section label run together by the scraper. */
const gluedByline: LocalRule = (b) => {
  if (b.words > 6 || b.terminal) return undefined;
  for (let k = 1; k < b.flat.length - 1; k++) {
    if (!/\p{Ll}/u.test(b.flat[k - 1]!) || !/\p{Lu}/u.test(b.flat[k]!)) continue;
    const name = b.flat.slice(0, k);
    const section = b.flat.slice(k);
    if (!SECTIONS.has(section.toLowerCase())) continue;
    const by = parseByline(name);
    if (!by || by.organisation) continue;
    return {
      reason: 'byline',
      rule: `byline ${quote(name)} glued to section label ${quote(section)}`,
      facts: [
        fact(b, 'byline', by.byline, 'byline glued to a section label', 1, 0),
        fact(b, 'section', section, 'section label glued to the byline', 1, k),
      ],
    };
  }
  return undefined;
};

const advertisement: LocalRule = (b) => {
  const parts = b.flat.split(/\s*[·|•]\s*/).filter((p) => p.length > 0);
  if (parts.length === 0 || !parts.every((p) => ADVERTISEMENT.test(p))) return undefined;
  return { reason: 'advertisement', rule: `ad marker ${quote(b.flat)}` };
};

/** Lines without letters or digits ("___", "* * *") and page notices about the article's age. */
const furniture: LocalRule = (b) => {
  if (!/[\p{L}\p{N}]/u.test(b.flat))
    return { reason: 'boilerplate', rule: `separator line ${quote(b.flat)}` };
  if (NOTICE.test(b.flat)) return { reason: 'boilerplate', rule: `page notice ${quote(b.flat)}` };
  return undefined;
};

/** A short pointer to more coverage with a web address: "Follow our coverage at https://…". */
const coverageLink: LocalRule = (b) =>
  b.words <= 25 &&
  /\bhttps?:\/\/\S+|\bwww\.\S+/i.test(b.flat) &&
  /^(?:follow|read|see|more|watch|visit|find|for more)/i.test(b.flat)
    ? { reason: 'related-links', rule: `pointer to more coverage ${quote(b.flat)}` }
    : undefined;

const newsletter: LocalRule = (b, blocks) => {
  if (b.words > 45 || QUOTED_START.test(b.flat)) return undefined;
  const strong = (x: Block) =>
    NEWSLETTER_STRONG.test(x.flat) && (IMPERATIVE_START.test(x.flat) || /\b(?:our|your)\b/i.test(x.flat));
  if (strong(b)) return { reason: 'newsletter', rule: `newsletter sign-up text ${quote(b.flat)}` };
  if (NEWSLETTER_BUTTON.test(b.flat) && near(blocks, b.index, 3, strong)) {
    return { reason: 'newsletter', rule: `sign-up form control ${quote(b.flat)}` };
  }
  if (/privacy (?:policy|notice)/i.test(b.flat) && b.words <= 30 && near(blocks, b.index, 2, strong)) {
    return { reason: 'newsletter', rule: 'privacy note of a sign-up form' };
  }
  return undefined;
};

const channelPlug: LocalRule = (b) => {
  if (b.words > 45 || QUOTED_START.test(b.flat) || !PLATFORMS.test(b.flat) || !PLUG_CUE.test(b.flat)) {
    return undefined;
  }
  const facts: Fact[] = [];
  const m =
    /\bour\s+(?:official\s+)?(?:Telegram|Viber|WhatsApp|YouTube|Facebook|Instagram|TikTok|Twitter|X)\s+(?:channel|page|account|group|community)\s+["“«]?([\p{Lu}\p{N}][\p{L}\p{N}.&_+-]*(?:\s[\p{Lu}\p{N}][\p{L}\p{N}.&_+-]*){0,2})/u.exec(
      b.flat,
    );
  if (m) {
    const name = m[1]!.replace(/[.]$/, '');
    facts.push(fact(b, 'outlet', name, `"our … channel" plug names the outlet`, 3));
  }
  return { reason: 'channel-plug', rule: `social-channel plug ${quote(b.flat)}`, facts };
};

const legal: LocalRule = (b) => {
  if (!LEGAL.test(b.flat) || b.words > 60 || QUOTED_START.test(b.flat)) return undefined;
  const word = "\\p{Lu}[\\p{L}\\p{N}&'’-]*(?:\\.[\\p{L}\\p{N}]+)*";
  const holder = new RegExp(
    `(?:©|\\([Cc]\\)|[Cc]opyright)\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*,?\\s*)?(${word}(?:\\s(?:${word}|of|and|&)){0,5})`,
    'u',
  ).exec(b.text);
  const name = holder?.[1]?.replace(/\s+(?:All|Inc|Ltd|LLC|Co)$/, '');
  const facts =
    name && !/^(?:all|copyright)\b/i.test(name) ? [fact(b, 'outlet', name, 'copyright holder', 3)] : [];
  return { reason: 'legal', rule: `copyright/standards notice ${quote(b.flat)}`, facts };
};

const promo: LocalRule = (b) => {
  if (b.index === 0) return undefined;
  if (b.capsRatio >= 0.85 && b.letters >= 10 && b.words >= 3) {
    const signals = [
      PROMO_WORDS.test(b.flat) && 'promotional wording',
      /[\p{Lu}\p{N}]\+(?:\s|$)/u.test(b.flat) && 'brand with "+"',
      /\b(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?\s+\d{1,2}\b/.test(b.flat) &&
        'release date',
      /\d+\s?%\s?OFF\b/.test(b.flat) && 'discount',
    ].filter(Boolean);
    if (signals.length > 0) {
      return { reason: 'promo', rule: `all-caps line with ${signals.join(', ')}: ${quote(b.flat)}` };
    }
  }
  if (b.words <= 25 && PROMO_MIXED.test(b.flat))
    return { reason: 'promo', rule: `call to action ${quote(b.flat)}` };
  return undefined;
};

const sourceStub: LocalRule = (b, blocks) => {
  if (b.index < blocks.length - 3 || b.words > 8) return undefined;
  if (SOURCE_STUB.test(b.flat))
    return { reason: 'source-stub', rule: `trailing source stub ${quote(b.flat)}` };
  if (/^(?:source|via)\s*:\s*\S/i.test(b.flat) && !b.terminal) {
    return { reason: 'source-stub', rule: `trailing source line ${quote(b.flat)}` };
  }
  return undefined;
};

/**
 * Markup left in a plain-text scrape: a block that is one SGML/XML element, or a bare tag
 * (newswire feeds: "<ANNOTATION> (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS) </ANNOTATION>").
 */
const markup: LocalRule = (b) => {
  const text = b.text.trim();
  const element = /^<([A-Za-z][\w:-]*)(?:\s[^<>]*)?>[\s\S]*<\/\1\s*>$/.exec(text);
  if (element || /^<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>$/.test(text)) {
    return { reason: 'boilerplate', rule: `markup left in the text ${quote(b.flat)}` };
  }
  return undefined;
};

export const LOCAL_RULES: LocalRule[] = [
  markup,
  cookieNotice,
  navigation,
  shareWidget,
  commentCounter,
  timestamp,
  readingTime,
  bylineLine,
  gluedByline,
  sourceStub,
  creditRule,
  advertisement,
  furniture,
  coverageLink,
  newsletter,
  channelPlug,
  related,
  reactions,
  commentsHeading,
  legal,
  promo,
];

export function applyLocalRules(blocks: Block[], budget?: WorkBudget): (Verdict | undefined)[] {
  return blocks.map((b) => {
    budget?.check();
    for (const rule of LOCAL_RULES) {
      const v = rule(b, blocks);
      if (v) return v;
    }
    return undefined;
  });
}
