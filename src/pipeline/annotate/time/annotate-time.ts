import type { TimeExpression } from '../../../core/time.ts';
import { memoByText } from '../../segment/memo-by-text.ts';
import { type Cal, calInterval, parseRef, timexValue } from './calendar.ts';
import { chronoCandidates, extendLeft } from './chrono-candidates.ts';
import { resolveSpec, type Tense } from './resolve-time.ts';
import { ruleCandidates } from './time-rules.ts';
import type { Candidate } from './time-spec.ts';

export const TIME_ANNOTATOR = { name: 'annotate-time', version: '1' } as const;

export interface AnnotateTimeOptions {
  /** The document creation time (ISO at any precision: `2024-05-25T10:19`, `2023-11`). */
  documentDate?: string;
  /** Written into each expression's span; '' when not given. */
  articleId?: string;
}

const FUTURE_CUE =
  /\b(?:will|'ll|shall|going to|expected|expects?|plans?|planned|planning|scheduled|upcoming|coming|ahead of|next|due to|set to|bracing|before the|would|hopes? to|intends? to|on the eve of)\b/gi;
const PAST_CUE =
  /\b(?:was|were|had|did|ago|last|since|earlier|previously|said|told|reported|[a-z]{3,}ed)\b/gi;

function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1] ?? '')) a -= 1;
  let b = end;
  while (b < text.length && !/[.!?\n]/.test(text[b] ?? '')) b += 1;
  return [a, b];
}

/** The tense of the clause around an expression: the nearest future or past cue wins. */
export function tenseAt(text: string, start: number, end: number): Tense {
  const [a, b] = sentenceAround(text, start, end);
  let best: { dist: number; tense: Tense } = { dist: Number.POSITIVE_INFINITY, tense: 'unknown' };
  const scan = (re: RegExp, tense: Tense) => {
    re.lastIndex = 0;
    const window = text.slice(a, b);
    for (let m = re.exec(window); m !== null; m = re.exec(window)) {
      const at = a + m.index;
      if (at >= start && at < end) continue;
      const dist = at < start ? start - (at + m[0].length) : at - end;
      // Reporting verbs ("said") are far weaker evidence of the event's tense than auxiliaries.
      const weight = /^(?:said|told|reported)$/i.test(m[0]) ? dist + 60 : dist;
      if (weight < best.dist) best = { dist: weight, tense };
    }
  };
  scan(FUTURE_CUE, 'future');
  scan(PAST_CUE, 'past');
  return best.tense;
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
const chosenCandidates = memoByText(
  (text: string) =>
    select([...chronoCandidates(text), ...ruleCandidates(text)].map((c) => extendLeft(text, c))),
  8,
);

/**
 * The time annotator: temporal expressions of a clean text, normalized TIMEX3-style against the
 * document date at the granularity the text supports. chrono-node finds calendar dates; our rules
 * add years, decades, seasons, quarters, relative units, durations, vague references and sets.
 */
export function annotateTime(text: string, options: AnnotateTimeOptions = {}): TimeExpression[] {
  const ref = parseRef(options.documentDate);
  const articleId = options.articleId ?? '';
  const chosen = chosenCandidates(text);
  const out: TimeExpression[] = [];
  for (const c of chosen) {
    const resolved = resolveSpec(c.spec, ref, tenseAt(text, c.start, c.end));
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
