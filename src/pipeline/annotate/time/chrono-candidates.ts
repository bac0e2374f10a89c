import { languagePack } from '../../language/language-pack.ts';
import { casualChrono } from './chrono-engine.ts';
import type { Candidate, Rel, TimeSpec } from './time-spec.ts';

/** Prepositions chrono sometimes includes at the left of a match ("on Thursday"). */
const LEADING = /^(?:on|in|at|since|by|until|from|to|during|for|of)\s+/i;
const MONTH_WORD = new RegExp(
  `\\b${languagePack().patterns.monthPrefix}\\.?|\\b(?:${Object.keys(languagePack().weekdays).join('|')})\\b`,
  'i',
);
/** Words before an ambiguous "May"/"March" that make it a month. */
const MONTH_CONTEXT =
  /\b(?:in|since|by|until|of|from|through|during|early|late|mid|last|this|next|to|and|or|between|before|after|end of|beginning of)[\s-]*$/i;

/**
 * Calendar dates and clock times found by chrono-node (casual English), taking only the components
 * the text states (`knownValues`); relative phrases are left to our rules, which normalize them
 * the TIMEX3 way. Year-less dates stay year-less here and are resolved against the document date later.
 */
export function chronoCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const results = casualChrono.parse(text, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
  for (const r of results) {
    let start = r.index;
    let raw = r.text;
    const lead = LEADING.exec(raw);
    if (lead) {
      start += lead[0].length;
      raw = raw.slice(lead[0].length);
    }
    raw = raw.replace(/[\s,;:]+$/, '');
    if (!/\d/.test(raw) && !MONTH_WORD.test(raw)) continue;
    if (/\b(?:ago|later|last|next|this|past|today|yesterday|tomorrow|tonight|now)\b/i.test(raw)) continue;
    const known = (r.start as unknown as { knownValues: Record<string, number> }).knownValues;
    if (/^(?:may|march)$/i.test(raw)) {
      if (!/^[MA]/.test(raw) || !MONTH_CONTEXT.test(text.slice(Math.max(0, start - 20), start))) continue;
    }
    let spec: TimeSpec | undefined;
    if (known.month !== undefined) {
      if (known.year !== undefined) {
        spec = { kind: 'cal', cal: { year: known.year, month: known.month } };
        if (known.day !== undefined) spec.cal.day = known.day;
        if (known.day !== undefined && known.hour !== undefined) {
          spec.cal.hour = known.hour;
          spec.cal.minute = known.minute ?? 0;
        }
      } else {
        spec = { kind: 'month', month: known.month };
        if (known.day !== undefined) spec.day = known.day;
        if (known.day !== undefined && known.hour !== undefined) {
          spec.hour = known.hour;
          spec.minute = known.minute ?? 0;
        }
      }
    } else if (known.weekday !== undefined) {
      if (known.day !== undefined) continue;
      // "Thursday" alone: chrono's span may also cover a clock time ("Tuesday at 3 p.m."): keep the date part.
      const weekdayOnly = /^[A-Za-z]+day\b/.exec(raw);
      if (weekdayOnly && known.hour === undefined) raw = weekdayOnly[0];
      spec = { kind: 'weekday', weekday: known.weekday };
    } else if (known.hour !== undefined && /\d/.test(raw) && /[ap]\.?m\b|:\d\d/i.test(raw)) {
      spec = { kind: 'clock', hour: known.hour, minute: known.minute ?? 0 };
    }
    if (!spec) continue;
    out.push({ start, end: start + raw.length, spec, priority: 2, source: 'chrono' });
  }
  return out;
}

const SPACE = /\s/;
/** The words a widening modifier written before a candidate ends with ("last", "mid-", "the end of"). */
const MODIFIER_ENDS = ['last', 'this', 'next', 'early', 'mid', 'late', 'of'];

/**
 * Whether any of `extendLeft`'s patterns could match before `start`: each ends with one of those
 * words, then perhaps a hyphen, then perhaps whitespace ("last ", "mid-", "early-to-mid ", "end of ").
 * ASCII letters compared case aside, as the patterns' `i` flag does.
 */
function mayWiden(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && SPACE.test(text[i - 1]!)) i--;
  if (i > 0 && text.charCodeAt(i - 1) === 45) i--;
  return MODIFIER_ENDS.some((w) => {
    if (i < w.length) return false;
    for (let k = 0; k < w.length; k++)
      if ((text.charCodeAt(i - w.length + k) | 0x20) !== w.charCodeAt(k)) return false;
    return true;
  });
}

/**
 * Widen a month, year, season or decade candidate over the modifiers written before it:
 * "last October", "early- to mid-October" (EARLY-MID), "mid-2024", "the end of 2024".
 */
export function extendLeft(text: string, c: Candidate): Candidate {
  const s = c.spec;
  const monthLike =
    (s.kind === 'month' && s.day === undefined) ||
    (s.kind === 'cal' && s.cal.day === undefined && s.cal.week === undefined);
  if (!monthLike && s.kind !== 'season') return c;
  if (!mayWiden(text, c.start)) return c;
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  let start = c.start;
  let mod = c.mod;
  let rel: Rel | undefined;
  const relM = /\b(last|this|next)\s+$/i.exec(before);
  if (relM && s.kind === 'month') {
    rel = relM[1]?.toLowerCase() as Rel;
    start -= relM[0].length;
  }
  const head = text.slice(Math.max(0, start - 40), start);
  const range = /\b(early|mid|late)-?\s*to\s*(early|mid|late)-?\s*$/i.exec(head);
  const single = /\b(?:(early|late)\s+|(mid)-\s*|(early|late)-)$/i.exec(head);
  const edge = /\bthe\s+(end|beginning|start|middle)\s+of\s+$/i.exec(head);
  if (range) {
    mod = `${range[1]?.toUpperCase()}-${range[2]?.toUpperCase()}`;
    start -= range[0].length;
  } else if (single) {
    mod = (single[1] ?? single[2] ?? single[3] ?? '').toUpperCase();
    start -= single[0].length;
  } else if (edge) {
    const word = edge[1]?.toLowerCase();
    mod = word === 'end' ? 'END' : word === 'middle' ? 'MID' : 'START';
    start -= edge[0].length;
  }
  if (start === c.start) return c;
  const spec: TimeSpec = rel && s.kind === 'month' ? { ...s, rel } : s;
  const out: Candidate = { ...c, start, spec };
  if (mod) out.mod = mod;
  return out;
}
