/**
 * Photo captions and credits recognisable from the block alone: credit lines
 * ("/ JUNG YEON-JE / AFP", "Photo: Reuters", "Jung Yeon-je/AFP", "Getty Images"), captions that
 * end in a labelled credit ("… Source: Russian media") and caption paragraphs that end in a
 * parenthesised photo credit ("… (AP-Yonhap)", "… (AP Photo/Ahn Young-joon)").
 */
import type { Block } from './split-blocks.ts';
import { quote, type Verdict } from './verdict.ts';
import { CREDIT_LABEL } from './vocabulary.ts';

const SLASH_CREDIT = /^\/\s*\p{L}[\p{L}\p{M} .'’&-]*(?:\s*\/\s*\p{L}[\p{L}\p{M} .'’&-]*)*$/u;
const LABELLED_LINE = new RegExp(`^${CREDIT_LABEL}\\s*[:,]\\s*\\S.{0,100}$`, 'i');
const PHOTO_BY = /^\(?(?:photo(?:graph)?|image|picture|video)s?\s+(?:by|courtesy(?: of)?|credit)\b.{1,100}$/i;
const NAME_SLASH_AGENCY =
  /^\p{Lu}[\p{L}.'’ -]{1,40}\/\s?(?:\p{Lu}{2,6}|\p{Lu}\p{L}+ Images|Shutterstock|Pool)(?:\s+via\s+.{1,30})?\)?$/u;
const STOCK = /^(?:getty images|shutterstock|alamy|.{0,40}\bvia getty images)\.?$/i;
const CAPTION_LABEL = /^(?:image|photo|video|picture) caption\s*[,:]/i;
const LABELLED_SUFFIX = new RegExp(
  `^(.{3,400}?[.!?…"”]?)\\s+(?:[-–—|]\\s*)?(${CREDIT_LABEL})\\s*[:,]\\s*([^.]{2,80})$`,
  'i',
);
const TOKEN = "\\p{Lu}[\\p{L}'’]+\\.?";
const PAREN_CREDIT = new RegExp(
  `\\((?:[^()]*\\b(?:[Pp]hotos?|PHOTO|Images?|[Ff]ile|Pool|[Hh]andout|via)\\b[^()]*|(?=[^()]*[-/])${TOKEN}(?:(?:\\s?[-/]\\s?|\\s)${TOKEN})+)\\)\\s*$`,
  'u',
);

function creditLine(b: Block): string | undefined {
  if (b.words > 12) return undefined;
  if (SLASH_CREDIT.test(b.flat)) return 'slash credit line';
  if (CAPTION_LABEL.test(b.flat)) return undefined;
  if (LABELLED_LINE.test(b.flat)) return 'labelled credit line';
  if (PHOTO_BY.test(b.flat)) return 'photo-by credit line';
  if (NAME_SLASH_AGENCY.test(b.flat)) return 'photographer/agency credit line';
  if (STOCK.test(b.flat)) return 'stock-agency credit line';
  return undefined;
}

export function creditRule(b: Block): Verdict | undefined {
  const line = creditLine(b);
  if (line) return { reason: 'credit', rule: `${line} ${quote(b.flat)}`, tag: 'credit-line' };
  if (CAPTION_LABEL.test(b.flat) && b.words <= 80) {
    return { reason: 'caption', rule: `labelled caption ${quote(b.flat)}` };
  }
  if (b.words > 80) return undefined;
  const suffix = LABELLED_SUFFIX.exec(b.flat);
  if (suffix && /^\p{Lu}/u.test(suffix[2]!) && suffix[3]!.split(/\s+/).length <= 8) {
    const credit = b.flat.slice(b.flat.lastIndexOf(suffix[2]!));
    return { reason: 'credit', rule: `caption ending in credit ${quote(credit)}`, tag: 'credit-suffix' };
  }
  const paren = PAREN_CREDIT.exec(b.flat);
  if (paren && b.sentences <= 4) {
    return { reason: 'caption', rule: `paragraph ending in photo credit ${quote(paren[0].trim())}` };
  }
  return undefined;
}
