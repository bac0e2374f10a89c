import type { NumberMention } from '../../../core/analysis.ts';
import {
  CURRENCIES,
  MONTHS,
  NOT_PLURAL,
  PHRASE_STOPS,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
  SCALES,
  SMALL_NUMBERS,
  UNIT_ALIASES,
} from './number-words.ts';

export const NUMBER_EXTRACTOR = { name: 'numbers', version: '1' } as const;

interface Numeral {
  start: number;
  end: number;
  value: number;
  currency?: string;
  fromWords: boolean;
}

const DIGITS =
  /(?<![\p{L}\p{N}_.,:/#-])(US\$|\$|€|£)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\p{L}\p{N}_:/]|[.,]\d)/gu;
const WORD_NUMBER = new RegExp(
  `\\b(?:(a|${Object.keys(SMALL_NUMBERS).join('|')})(?:-(${Object.keys(SMALL_NUMBERS).slice(0, 9).join('|')}))?)` +
    `(?:\\s+(${Object.keys(SCALES).join('|')}))?\\b`,
  'gi',
);
const SCALE_AFTER = new RegExp(`^\\s+(${Object.keys(SCALES).join('|')})\\b`, 'i');
/** A comma, one space and exactly three digits: a thousands group only when no list is in sight. */
const SPACED_GROUP = /^, (\d{3})(?![\d.,]|\s*,\s*\d)/;
const WORD = /^[ \t\u00a0]+([\p{L}][\p{L}'’-]*)/u;
const OF_PHRASE =
  /^[ \t\u00a0]+of[ \t\u00a0]+((?:(?:the|its|their|his|her|a|an)[ \t\u00a0]+)?[\p{Ll}][\p{L}-]*)/u;

function digitNumerals(text: string): Numeral[] {
  const found: Numeral[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const start = m.index;
    let end = start + m[0].length;
    let digits = (m[2] ?? '').replaceAll(',', '');
    const spaced = m[3] === undefined && /^\d{1,3}$/.test(digits) ? SPACED_GROUP.exec(text.slice(end)) : null;
    if (spaced && !/\d,\s*$/.test(text.slice(Math.max(0, start - 4), start))) {
      digits += spaced[1];
      end += spaced[0].length;
    }
    let value = Number(digits + (m[3] ?? ''));
    const scale = SCALE_AFTER.exec(text.slice(end));
    if (scale) {
      value *= SCALES[(scale[1] ?? '').toLowerCase()] ?? 1;
      end += scale[0].length;
    }
    if (isDateOrLabel(text, start, end, digits, m[1] !== undefined || scale !== null)) continue;
    const currency = m[1] ? CURRENCIES[m[1]] : undefined;
    found.push({ start, end, value, fromWords: false, ...(currency ? { currency } : {}) });
  }
  return found;
}

/** Years, days of the month, list numbers ("No. 3"): not counts. */
function isDateOrLabel(text: string, start: number, end: number, digits: string, marked: boolean): boolean {
  if (marked) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const prevWord = /([\p{L}]+)\.?\s+$/u.exec(before)?.[1]?.toLowerCase();
  if (prevWord && (MONTHS.has(prevWord) || prevWord === 'no' || prevWord === 'number')) return true;
  const nextWord = /^\s+([\p{L}]+)/u.exec(text.slice(end, end + 14))?.[1]?.toLowerCase();
  if (nextWord && MONTHS.has(nextWord) && Number(digits) <= 31) return true;
  if (/^\d{4}$/.test(digits) && Number(digits) >= 1800 && Number(digits) <= 2099) {
    return !(nextWord && isPlural(nextWord));
  }
  return false;
}

function wordNumerals(text: string): Numeral[] {
  const found: Numeral[] = [];
  for (const m of text.matchAll(WORD_NUMBER)) {
    const head = (m[1] ?? '').toLowerCase();
    const scale = m[3]?.toLowerCase();
    if (head === 'a' && !scale) continue;
    let value = head === 'a' ? 1 : (SMALL_NUMBERS[head] ?? 0);
    if (m[2]) value += SMALL_NUMBERS[m[2].toLowerCase()] ?? 0;
    if (scale) value *= SCALES[scale] ?? 1;
    if (/\bno\s+$/i.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, value, fromWords: true });
  }
  return found;
}

function isPlural(word: string): boolean {
  return /[a-z]s$/.test(word) && !word.endsWith('ss') && !NOT_PLURAL.has(word) && !PHRASE_STOPS.has(word);
}

interface Phrase {
  end: number;
  head: string;
  counted?: string;
}

/** The counted phrase after a number: modifiers up to the head noun, and an "of …" complement. */
function countedPhrase(text: string, from: number, value: number): Phrase {
  let pos = from;
  let end = from;
  let head = '';
  let sawLower = false;
  for (let i = 0; i < 5; i++) {
    const m = WORD.exec(text.slice(pos));
    const word = m?.[1];
    if (!m || !word) break;
    const lower = word.toLowerCase();
    const capital = word[0] !== lower[0];
    const acronym = /^\p{Lu}{2,4}$/u.test(word);
    if (PHRASE_STOPS.has(lower) || (capital && sawLower && !acronym)) break;
    pos += m[0].length;
    end = pos;
    head = lower;
    if (!capital) sawLower = true;
    if (!capital && value !== 1 && isPlural(lower)) break;
  }
  if (!head) return { end: from, head: '' };
  end += ofComplement(text, end);
  return { end, head: UNIT_ALIASES[head] ?? head, counted: text.slice(from, end).trim() };
}

/** Length of an "of …" complement at `at` ("of artillery", "of its population"), or 0. */
function ofComplement(text: string, at: number): number {
  const of = OF_PHRASE.exec(text.slice(at));
  return of?.[1] && !PHRASE_STOPS.has(of[1].toLowerCase()) ? of[0].length : 0;
}

function qualifierBefore(text: string, start: number): { qualifier: string; start: number } | undefined {
  const before = text.slice(Math.max(0, start - 20), start).toLowerCase();
  for (const q of QUALIFIERS_BEFORE) {
    if (new RegExp(`(?:^|[^\\p{L}])${q}\\s+$`, 'u').test(before)) {
      const at = before.lastIndexOf(q);
      return { qualifier: q, start: start - (before.length - at) };
    }
  }
  return undefined;
}

/**
 * Cardinal numbers in a clean article text, with the qualifier ("at least", "about", "or more"), the unit
 * or head noun of what is counted, and a span from the qualifier to the end of the counted phrase.
 * Years, days of the month, clock times, ordinals and list labels are not counts and are skipped.
 */
export function extractNumbers(articleId: string, text: string): NumberMention[] {
  const numerals = [...digitNumerals(text), ...wordNumerals(text)]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((n, i, all) => i === 0 || n.start >= (all[i - 1]?.end ?? 0));
  const mentions: NumberMention[] = [];
  for (const n of numerals) {
    let end = n.end;
    let qualifier: string | undefined;
    let start = n.start;
    const before = qualifierBefore(text, n.start);
    if (before) ({ qualifier, start } = before);
    const percent = /^(?:%|\s+per\s?cent\b)/i.exec(text.slice(end));
    let unit = n.currency ?? '';
    let counted: string | undefined;
    if (percent) {
      end += percent[0].length;
      unit = 'percent';
      const of = ofComplement(text, end);
      if (of > 0) counted = text.slice(end, end + of).trim();
      end += of;
    } else {
      const after = new RegExp(`^\\s+(${QUALIFIERS_AFTER.join('|')})\\b`, 'i').exec(text.slice(end));
      if (after?.[1]) {
        qualifier = qualifier ? `${qualifier} … ${after[1].toLowerCase()}` : after[1].toLowerCase();
        end += after[0].length;
      }
      if (!n.currency) {
        const phrase = countedPhrase(text, end, n.value);
        if (phrase.head) {
          ({ end, head: unit, counted } = { end: phrase.end, head: phrase.head, counted: phrase.counted });
        }
      }
    }
    if (n.fromWords && !unit) continue;
    const mention: NumberMention = {
      articleId,
      start,
      end,
      text: text.slice(start, end),
      value: n.value,
      unit,
    };
    if (qualifier) mention.qualifier = qualifier;
    if (counted) mention.counted = counted;
    if (unit) mention.unitFrom = 'text';
    else inheritUnit(text, mention, mentions);
    mentions.push(mention);
  }
  return mentions;
}

/** "3,000 troops have left, and another 7,000 are expected": the unit of the previous number in the sentence. */
function inheritUnit(text: string, mention: NumberMention, earlier: NumberMention[]): void {
  const prev = earlier.at(-1);
  if (!prev?.unit || /[.!?]\s/.test(text.slice(prev.end, mention.start))) return;
  mention.unit = prev.unit;
  if (prev.counted) mention.counted = prev.counted;
  mention.unitFrom = 'previous-number';
}
