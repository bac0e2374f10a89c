import type { TimeExpression } from '../../../core/time.ts';
import {
  addDays,
  addMonths,
  type Cal,
  calInterval,
  isoWeek,
  pad,
  type RefDate,
  timexValue,
  weekday,
} from './calendar.ts';
import type { Rel, TimeSpec, Unit } from './time-spec.ts';

export type Tense = 'past' | 'future' | 'unknown';

export type Resolved = Pick<TimeExpression, 'type' | 'value' | 'interval' | 'anchor'>;

function dated(cal: Cal, anchor: Resolved['anchor']): Resolved {
  return {
    type: cal.hour !== undefined || cal.part ? 'TIME' : 'DATE',
    value: timexValue(cal),
    interval: calInterval(cal),
    anchor,
  };
}

function unresolved(value: string, type: Resolved['type'] = 'DATE'): Resolved {
  return { type, value, anchor: 'none' };
}

/**
 * The year of a year-less month (and day): `rel` decides when written ("last October" is the latest
 * October before the document's month); otherwise the tense of the clause (past → latest on or before
 * the document date, future → next on or after); otherwise the occurrence nearest the document date.
 */
export function yearFor(
  month: number,
  day: number | undefined,
  ref: RefDate,
  tense: Tense,
  rel?: Rel,
): number {
  const refMonth = ref.month ?? 6;
  const key = month * 100 + (day ?? 0);
  const refKey = refMonth * 100 + (day === undefined ? 0 : (ref.day ?? 15));
  if (rel === 'this') return ref.year;
  if (rel === 'last') return month < refMonth ? ref.year : ref.year - 1;
  if (rel === 'next') return month > refMonth ? ref.year : ref.year + 1;
  if (key === refKey || (day === undefined && month === refMonth)) return ref.year;
  if (tense === 'past') return key < refKey ? ref.year : ref.year - 1;
  if (tense === 'future') return key > refKey ? ref.year : ref.year + 1;
  const diff = month - refMonth;
  if (diff > 6) return ref.year - 1;
  if (diff < -6) return ref.year + 1;
  return ref.year;
}

function shiftUnit(ref: Required<RefDate>, unit: Unit, n: number): Cal {
  switch (unit) {
    case 'year':
      return { year: ref.year + n };
    case 'decade':
      return { year: ref.year + n * 10, decade: true };
    case 'quarter': {
      const q = addMonths(ref.year, ref.month, n * 3);
      return { year: q.year, quarter: Math.ceil(q.month / 3) };
    }
    case 'month':
      return addMonths(ref.year, ref.month, n);
    case 'week': {
      const d = addDays(ref, n * 7);
      return isoWeek(d.year, d.month ?? 1, d.day ?? 1);
    }
    default:
      return addDays(ref, n);
  }
}

function needs(ref: RefDate | undefined, unit: Unit): ref is Required<RefDate> {
  if (!ref) return false;
  if (unit === 'year' || unit === 'decade') return true;
  if (unit === 'month' || unit === 'quarter') return ref.month !== undefined;
  return ref.month !== undefined && ref.day !== undefined;
}

function full(ref: RefDate): Required<RefDate> {
  return { year: ref.year, month: ref.month ?? 1, day: ref.day ?? 1 };
}

/** Resolve a recognised expression against the document date (`ref`), at the granularity written. */
export function resolveSpec(spec: TimeSpec, ref: RefDate | undefined, tense: Tense): Resolved {
  switch (spec.kind) {
    case 'cal':
      return dated(spec.cal, 'absolute');
    case 'month': {
      if (!ref) return unresolved(`XXXX-${pad(spec.month)}${spec.day ? `-${pad(spec.day)}` : ''}`);
      const cal: Cal = { year: yearFor(spec.month, spec.day, ref, tense, spec.rel), month: spec.month };
      if (spec.day !== undefined) cal.day = spec.day;
      if (spec.day !== undefined && spec.hour !== undefined) {
        cal.hour = spec.hour;
        cal.minute = spec.minute ?? 0;
      }
      return dated(cal, 'publication-date');
    }
    case 'weekday':
      return resolveWeekday(spec, ref, tense);
    case 'clock': {
      if (!ref || ref.month === undefined || ref.day === undefined)
        return unresolved(`XXXX-XX-XXT${pad(spec.hour)}:${pad(spec.minute)}`, 'TIME');
      return dated(
        { year: ref.year, month: ref.month, day: ref.day, hour: spec.hour, minute: spec.minute },
        'publication-date',
      );
    }
    case 'unit': {
      if (!needs(ref, spec.unit)) return unresolved(spec.unit === 'day' ? 'XXXX-XX-XX' : 'XXXX');
      const cal = shiftUnit(full(ref), spec.unit, spec.offset);
      if (spec.part) cal.part = spec.part;
      return dated(cal, 'publication-date');
    }
    case 'ago': {
      if (!needs(ref, spec.unit)) return unresolved('XXXX');
      return dated(shiftUnit(full(ref), spec.unit, spec.n * spec.direction), 'publication-date');
    }
    case 'season': {
      if (spec.year !== undefined) return dated({ year: spec.year, season: spec.season }, 'absolute');
      if (!ref) return unresolved(`XXXX-${spec.season}`);
      const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[spec.season];
      const year = yearFor(startMonth, undefined, ref, tense, spec.rel);
      return dated({ year, season: spec.season }, 'publication-date');
    }
    case 'quarter': {
      if (spec.year !== undefined && spec.quarter)
        return dated({ year: spec.year, quarter: spec.quarter }, 'absolute');
      if (!ref || ref.month === undefined) return unresolved(`XXXX-Q${spec.quarter ?? 'X'}`);
      const current = Math.ceil(ref.month / 3);
      if (!spec.quarter) {
        const prev = shiftUnit(full(ref), 'quarter', spec.previous && tense !== 'future' ? -1 : 0);
        return dated(prev, 'publication-date');
      }
      const year = tense === 'future' || spec.quarter <= current ? ref.year : ref.year - 1;
      return dated({ year, quarter: spec.quarter }, 'publication-date');
    }
    case 'ref':
      if (spec.value === 'PRESENT_REF' && ref) {
        const cal: Cal = { year: ref.year };
        if (ref.month !== undefined) cal.month = ref.month;
        if (ref.month !== undefined && ref.day !== undefined) cal.day = ref.day;
        return { type: 'DATE', value: 'PRESENT_REF', interval: calInterval(cal), anchor: 'publication-date' };
      }
      return { type: 'DATE', value: spec.value, anchor: ref ? 'publication-date' : 'none' };
    case 'duration': {
      const back = spec.back;
      if (back && needs(ref, back.unit)) {
        const r = full(ref);
        let startCal: Cal;
        if (back.unit === 'day' || back.unit === 'week')
          startCal = addDays(r, -(back.unit === 'week' ? 7 : 1) * back.n);
        else if (back.unit === 'month' || back.unit === 'quarter')
          startCal = addMonths(r.year, r.month, -(back.unit === 'quarter' ? 3 : 1) * back.n);
        else startCal = { year: r.year - (back.unit === 'decade' ? 10 : 1) * back.n };
        const endCal: Cal =
          startCal.day !== undefined
            ? r
            : startCal.month !== undefined
              ? { year: r.year, month: r.month }
              : { year: r.year };
        const a = calInterval(startCal);
        const b = calInterval(endCal);
        return {
          type: 'DURATION',
          value: spec.value,
          interval: { start: a.start, end: b.end, granularity: a.granularity },
          anchor: 'publication-date',
        };
      }
      return { type: 'DURATION', value: spec.value, anchor: 'none' };
    }
    case 'set':
      return { type: 'SET', value: spec.value, anchor: 'none' };
  }
}

function resolveWeekday(
  spec: Extract<TimeSpec, { kind: 'weekday' }>,
  ref: RefDate | undefined,
  tense: Tense,
): Resolved {
  const dom = spec.dayOfMonth;
  if (dom !== undefined) {
    if (!ref) return unresolved(`XXXX-XX-${pad(dom)}`);
    // The nearest month (backwards for past or unknown tense) in which that day is that weekday.
    const refMonth = ref.month ?? 12;
    const step = tense === 'future' ? 1 : -1;
    let first = tense === 'future' ? 0 : ref.day !== undefined && dom > ref.day ? -1 : 0;
    if (ref.month === undefined) first = 0;
    for (let k = first; Math.abs(k) <= 36; k += step) {
      const { year, month } = addMonths(ref.year, refMonth, k);
      if (weekday(year, month, dom) === spec.weekday && dom <= 31) {
        if (ref.month === undefined && year !== ref.year) break;
        return dated({ year, month, day: dom }, 'publication-date');
      }
    }
    return unresolved(`XXXX-XX-${pad(dom)}`);
  }
  if (!ref || ref.month === undefined || ref.day === undefined)
    return unresolved(`XXXX-WXX-${spec.weekday || 7}`);
  const today = weekday(ref.year, ref.month, ref.day);
  let delta = spec.weekday - today;
  const r = { year: ref.year, month: ref.month, day: ref.day };
  if (spec.rel === 'last') delta = delta >= 0 ? delta - 7 : delta;
  else if (spec.rel === 'next') delta = delta <= 0 ? delta + 7 : delta;
  else if (delta !== 0) {
    if (tense === 'future') delta = delta > 0 ? delta : delta + 7;
    else delta = delta < 0 ? delta : delta - 7;
  }
  return dated(addDays(r, delta), 'publication-date');
}
