import { languagePack } from '../../language/language-pack.ts';
import { SMALL_NUMBERS } from '../numbers/number-words.ts';
import type { Cal } from './calendar.ts';

export type Rel = 'last' | 'this' | 'next';
export type Unit = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'decade';

/** What a rule recognised, before it is resolved against the document date. */
export type TimeSpec =
  | { kind: 'cal'; cal: Cal }
  | { kind: 'month'; month: number; day?: number; hour?: number; minute?: number; rel?: Rel }
  | { kind: 'weekday'; weekday: number; dayOfMonth?: number; rel?: Rel }
  | { kind: 'clock'; hour: number; minute: number }
  | { kind: 'unit'; unit: Unit; offset: number; part?: Cal['part'] }
  | { kind: 'ago'; unit: Unit; n: number; direction: -1 | 1 }
  | { kind: 'season'; season: NonNullable<Cal['season']>; rel?: Rel; year?: number }
  | { kind: 'quarter'; quarter?: number; year?: number; previous?: boolean }
  | { kind: 'ref'; value: 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF' }
  | { kind: 'duration'; value: string; back?: { n: number; unit: Unit } }
  | { kind: 'set'; value: string };

/** A candidate expression: where it is, what it is, and how sure the rule is. */
export interface Candidate {
  start: number;
  end: number;
  spec: TimeSpec;
  mod?: string;
  /** Higher wins between overlapping candidates of equal length. */
  priority: number;
  source: string;
}

/** Month forms ("january", "jan", "sept") → 1–12, and weekday names → 0 (Sunday) … 6: the language pack's. */
export const MONTHS: Readonly<Record<string, number>> = languagePack().months;
export const WEEKDAYS: Readonly<Record<string, number>> = languagePack().weekdays;

const SMALL: Record<string, number> = { a: 1, an: 1, ...SMALL_NUMBERS, hundred: 100 };

/** Regex source for a count: digits, number words ("twenty four", "twenty-four"), vague counts. */
export const NUM_SOURCE =
  '(?:\\d+(?:\\.\\d+)?|a couple of|a few|several|many|few|some|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine))|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)';

/** A count from its words; 'X' for vague counts ("several", "a few"). */
export function parseCount(words: string): number | 'X' {
  const w = words.toLowerCase().trim();
  if (/^\d/.test(w)) return Number(w);
  if (w === 'a couple of') return 2;
  if (/^(a few|several|many|few|some)$/.test(w)) return 'X';
  const parts = w.split(/[- ]/);
  let total = 0;
  for (const p of parts) total += SMALL[p] ?? 0;
  return total || 'X';
}

export function unitOf(word: string): Unit | 'hour' | 'minute' | 'century' | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w === 'year' || w === 'month' || w === 'week' || w === 'day' || w === 'quarter' || w === 'decade')
    return w;
  if (w === 'hour' || w === 'minute') return w;
  if (w === 'century' || w === 'centurie') return 'century';
  return undefined;
}

/** TIMEX3 duration value: P2Y, P3M, PT24H, PXY, P10Y for a decade. */
export function durationValue(n: number | 'X', unit: string): string {
  const count = n === 'X' ? 'X' : String(n);
  switch (unit) {
    case 'hour':
      return `PT${count}H`;
    case 'minute':
      return `PT${count}M`;
    case 'decade':
      return n === 'X' ? 'PXDE' : `P${n * 10}Y`;
    case 'century':
      return n === 'X' ? 'PXCE' : `P${n * 100}Y`;
    case 'quarter':
      return `P${count}Q`;
    default:
      return `P${count}${unit[0]?.toUpperCase()}`;
  }
}
