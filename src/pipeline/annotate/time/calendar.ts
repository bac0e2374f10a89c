import type { Granularity } from '../../../core/time.ts';

/** A calendar value at the precision the text supports; absent fields are unknown. */
export interface Cal {
  year: number;
  month?: number;
  day?: number;
  week?: number;
  quarter?: number;
  half?: number;
  season?: 'SP' | 'SU' | 'FA' | 'WI';
  decade?: boolean;
  hour?: number;
  minute?: number;
  part?: 'MO' | 'AF' | 'EV' | 'NI';
}

/** The reference date (document creation time) parsed to the precision it has. */
export interface RefDate {
  year: number;
  month?: number;
  day?: number;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function parseRef(iso: string | undefined): RefDate | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  const ref: RefDate = { year: Number(m[1]) };
  if (m[2]) ref.month = Number(m[2]);
  if (m[3]) ref.day = Number(m[3]);
  return ref;
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(cal: { year: number; month: number; day: number }, days: number): Cal {
  const d = utc(cal.year, cal.month, cal.day);
  d.setUTCDate(d.getUTCDate() + days);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(year: number, month: number, day: number): number {
  return utc(year, month, day).getUTCDay();
}

export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const d = utc(year, month, day);
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return { year: d.getUTCFullYear(), week };
}

/** Monday of an ISO week. */
function isoWeekMonday(year: number, week: number): Cal {
  const jan4 = utc(year, 1, 4);
  const dow = jan4.getUTCDay() || 7;
  const monday = addDays({ year, month: 1, day: 4 }, 1 - dow);
  return addDays(monday as { year: number; month: number; day: number }, (week - 1) * 7);
}

/** TIMEX3 value of a calendar value. */
export function timexValue(cal: Cal): string {
  const y = pad(cal.year, 4);
  if (cal.decade) return y.slice(0, 3);
  if (cal.week !== undefined) return `${y}-W${pad(cal.week)}`;
  if (cal.quarter !== undefined) return `${y}-Q${cal.quarter}`;
  if (cal.half !== undefined) return `${y}-H${cal.half}`;
  if (cal.season) return `${y}-${cal.season}`;
  if (cal.month === undefined) return y;
  const ym = `${y}-${pad(cal.month)}`;
  if (cal.day === undefined) return ym;
  const ymd = `${ym}-${pad(cal.day)}`;
  if (cal.hour !== undefined) return `${ymd}T${pad(cal.hour)}:${pad(cal.minute ?? 0)}`;
  if (cal.part) return `${ymd}T${cal.part}`;
  return ymd;
}

function ym(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

function ymdOf(cal: Cal): string {
  return `${ym(cal.year, cal.month ?? 1)}-${pad(cal.day ?? 1)}`;
}

const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The interval a calendar value denotes, with ISO bounds at its own granularity. */
export function calInterval(cal: Cal): { start: string; end: string; granularity: Granularity } {
  const y = cal.year;
  if (cal.decade) {
    const d = Math.floor(y / 10) * 10;
    return { start: pad(d, 4), end: pad(d + 9, 4), granularity: 'year' };
  }
  if (cal.week !== undefined) {
    const monday = isoWeekMonday(y, cal.week);
    const sunday = addDays(monday as { year: number; month: number; day: number }, 6);
    return { start: ymdOf(monday), end: ymdOf(sunday), granularity: 'week' };
  }
  if (cal.quarter !== undefined) {
    const first = (cal.quarter - 1) * 3 + 1;
    return { start: ym(y, first), end: ym(y, first + 2), granularity: 'quarter' };
  }
  if (cal.half !== undefined) {
    const first = cal.half === 1 ? 1 : 7;
    return { start: ym(y, first), end: ym(y, first + 5), granularity: 'quarter' };
  }
  if (cal.season) {
    const first = SEASON_START[cal.season] ?? 1;
    const last = addMonths(y, first, 2);
    return { start: ym(y, first), end: ym(last.year, last.month), granularity: 'quarter' };
  }
  if (cal.month === undefined) return { start: pad(y, 4), end: pad(y, 4), granularity: 'year' };
  if (cal.day === undefined) {
    const v = ym(y, cal.month);
    return { start: v, end: v, granularity: 'month' };
  }
  if (cal.hour !== undefined) {
    const v = timexValue(cal);
    return { start: v, end: v, granularity: 'minute' };
  }
  const v = ymdOf(cal);
  return { start: v, end: v, granularity: 'day' };
}
