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
}

/** An interval on the timeline at a granularity; `start`/`end` are ISO at that granularity. */
export interface TimeInterval {
  start: string;
  end: string;
  granularity: Granularity;
  mod?: string;
}
