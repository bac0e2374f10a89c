import type { TimeExpression } from '../../../core/time.ts';
import { memoByText } from '../../segment/memo-by-text.ts';
import { type Cal, calInterval, parseRef, timexValue } from './calendar.ts';
import { chronoCandidates, extendLeft } from './chrono-candidates.ts';
import { resolveSpec } from './resolve-time.ts';
import { tenseAt } from './tense.ts';
import { ruleCandidates } from './time-rules.ts';
import type { Candidate } from './time-spec.ts';

export const TIME_ANNOTATOR = { name: 'annotate-time', version: '1' } as const;

export interface AnnotateTimeOptions {
  /** The document creation time (ISO at any precision: `2024-05-25T10:19`, `2023-11`). */
  documentDate?: string;
  /** Written into each expression's span; '' when not given. */
  articleId?: string;
}

/** Pick non-overlapping candidates: longest first, then by rule priority, then leftmost. */
function select(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (x, y) => y.end - y.start - (x.end - x.start) || y.priority - x.priority || x.start - y.start,
  );
  const taken: Candidate[] = [];
  for (const c of sorted) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push(c);
  }
  return taken.sort((x, y) => x.start - y.start);
}

const RANGE_OPEN = /\b(?:between|from)\s+$/i;
const RANGE_JOIN = /^\s*(?:and|to|until|till|through|-|–)\s*$/i;

/** Link "between A and B" / "from A to B" pairs; give A the year of B when A has none ("June and August 2024"). */
function linkRanges(text: string, out: TimeExpression[], specs: Candidate[]): void {
  for (let i = 0; i + 1 < out.length; i += 1) {
    const a = out[i];
    const b = out[i + 1];
    const sa = specs[i]?.spec;
    if (!a || !b || !sa || !a.interval || !b.interval) continue;
    if (!RANGE_JOIN.test(text.slice(a.end, b.start))) continue;
    const opener = RANGE_OPEN.exec(text.slice(Math.max(0, a.start - 10), a.start));
    const rangeStart = opener ? a.start - opener[0].length : a.start;
    if (sa.kind === 'month' && b.interval.granularity !== 'year' && /^\d{4}/.test(b.value)) {
      const cal: Cal = { year: Number(b.value.slice(0, 4)), month: sa.month };
      if (sa.day !== undefined) cal.day = sa.day;
      a.value = timexValue(cal);
      a.interval = calInterval(cal);
      a.anchor = 'previous-expression';
    }
    if (!a.interval) continue;
    const interval = { start: a.interval.start, end: b.interval.end, granularity: a.interval.granularity };
    a.range = { start: rangeStart, end: b.end, interval };
    b.range = { start: rangeStart, end: b.end, interval };
  }
}

/**
 * The expressions found in a text before they are resolved: they do not depend on the document date,
 * and the pipeline annotates each text twice (without, then with the date it infers), so the last
 * texts' candidates are kept. Shared between calls: read-only.
 */
const chosenCandidates = memoByText((text: string) => {
  const chosen = select([...chronoCandidates(text), ...ruleCandidates(text)].map((c) => extendLeft(text, c)));
  // The tense around each: it does not depend on the document date either.
  return { chosen, tenses: chosen.map((c) => tenseAt(text, c.start, c.end)) };
}, 8);

/**
 * The time annotator: temporal expressions of a clean text, normalized TIMEX3-style against the
 * document date at the granularity the text supports. chrono-node finds calendar dates; our rules
 * add years, decades, seasons, quarters, relative units, durations, vague references and sets.
 */
export function annotateTime(text: string, options: AnnotateTimeOptions = {}): TimeExpression[] {
  const ref = parseRef(options.documentDate);
  const articleId = options.articleId ?? '';
  const { chosen, tenses } = chosenCandidates(text);
  const out: TimeExpression[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i]!;
    const resolved = resolveSpec(c.spec, ref, tenses[i]!);
    const expression: TimeExpression = {
      articleId,
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: resolved.type,
      value: resolved.value,
      anchor: resolved.anchor,
    };
    if (c.mod) expression.mod = c.mod;
    if (resolved.interval) expression.interval = resolved.interval;
    out.push(expression);
  }
  linkRanges(text, out, chosen);
  return out;
}
