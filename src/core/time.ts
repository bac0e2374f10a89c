import type { Span } from './span.ts';

export type Granularity = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'minute' | 'vague';

/** A normalized temporal expression found in a text (TIMEX3-style). */
export interface TimeExpression extends Span {
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 value: `2024-05`, `2023-11-09`, `2024-W21`, `P2Y`, `PAST_REF`, `FUTURE_REF`, `PRESENT_REF`. */
  value: string;
  /** Modifier for partial ranges: 'EARLY', 'MID', 'LATE', 'EARLY-MID', 'START', 'END', 'APPROX', … */
  mod?: string;
  /** An interval, when the expression denotes one: ISO bounds at the expression's granularity. */
  interval?: { start: string; end: string; granularity: Granularity };
  /** What the value was resolved against: 'absolute', 'publication-date', 'previous-expression'. */
  anchor: 'absolute' | 'publication-date' | 'previous-expression' | 'none';
  /** When the expression is one end of a range ("between June and August 2024"): the range's span and interval. */
  range?: { start: number; end: number; interval: TimeInterval };
}

/** An interval on the timeline at a granularity; `start`/`end` are ISO at that granularity. */
export interface TimeInterval {
  start: string;
  end: string;
  granularity: Granularity;
  mod?: string;
}

/** A day number (days since 1970-01-01, UTC) for a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Narrowing of a month by a TIMEX3 modifier, in days of the month (inclusive). */
const MOD_DAYS: Record<string, [number, number | 'end']> = {
  EARLY: [1, 10],
  START: [1, 10],
  MID: [11, 20],
  'EARLY-MID': [1, 20],
  'MID-LATE': [11, 'end'],
  LATE: [21, 'end'],
  END: [21, 'end'],
};

/**
 * The first and last day (day numbers, inclusive) an interval covers. ISO bounds at any granularity:
 * `2024` → Jan 1 … Dec 31, `2024-10` → Oct 1 … Oct 31, `2024-10-23T16:28` → that day. A month-level
 * interval with a modifier ('EARLY', 'MID', 'LATE', 'EARLY-MID') narrows to that part of the month.
 */
export function intervalDays(interval: { start: string; end: string; mod?: string }): [number, number] {
  const a = parseIsoParts(interval.start);
  const b = parseIsoParts(interval.end);
  if (!a || !b) throw new Error(`not an ISO interval: ${interval.start}/${interval.end}`);
  let first = dayNumber(a.year, a.month ?? 1, a.day ?? 1);
  let last = dayNumber(b.year, b.month ?? 12, b.day ?? lastDayOfMonth(b.year, b.month ?? 12));
  const narrow = interval.mod ? MOD_DAYS[interval.mod] : undefined;
  if (narrow && a.month !== undefined && a.day === undefined && interval.start === interval.end) {
    const month = a.month;
    first = dayNumber(a.year, month, narrow[0]);
    const endDay = narrow[1] === 'end' ? lastDayOfMonth(a.year, month) : narrow[1];
    last = dayNumber(a.year, month, endDay);
  }
  return [first, last];
}

/** Year, month and day of an ISO date string at any precision (`2024`, `2024-05`, `2024-05-25T10:19`). */
export function parseIsoParts(iso: string): { year: number; month?: number; day?: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(iso);
  if (!m) return undefined;
  const out: { year: number; month?: number; day?: number } = { year: Number(m[1]) };
  if (m[2]) out.month = Number(m[2]);
  if (m[3]) out.day = Number(m[3]);
  return out;
}
