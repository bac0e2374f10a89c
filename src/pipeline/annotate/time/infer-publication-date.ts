import type { TimeExpression } from '../../../core/time.ts';
import { languagePack } from '../../language/language-pack.ts';
import { segment } from '../../segment/segment.ts';
import { ANCHOR_EVENTS, type AnchorEvent } from './anchor-events.ts';
import { annotateTime } from './annotate-time.ts';
import { pad, weekday } from './calendar.ts';
import { tenseAt } from './tense.ts';
import { MONTHS, parseCount, WEEKDAYS } from './time-spec.ts';

export const PUBLICATION_DATE_INFERRER = { name: 'infer-publication-date', version: '1' } as const;

export interface PublicationDate {
  value?: string;
  evidence: 'metadata' | 'text' | 'inferred';
  confidence: number;
  reasons: string[];
}

export interface InferPublicationDateOptions {
  publishedAt?: string;
  /** Accepted for symmetry with other stages; never used as evidence. */
  now?: string;
  /** The text's expressions annotated without a document date (computed when absent). */
  timeExpressions?: TimeExpression[];
}

/** A constraint on the publication month: a union of inclusive month-index ranges (year*12 + month-1). */
interface Cue {
  ranges: [number, number][];
  weight: number;
  reason: string;
}

const INF = 1e9;
const idx = (iso: string) =>
  Number(iso.slice(0, 4)) * 12 + (iso.length >= 7 ? Number(iso.slice(5, 7)) - 1 : 0);
const iso = (i: number) => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
const FUTURE =
  /\b(?:will|would|may|might|could|plans? to|preparing for|prepares? to|expected to|set to|in the coming|ahead of)\b(?! have)/i;
const MONTH_NAME = new RegExp(
  `\\b(?:in|since|last|early|late|mid-?)\\s*(${languagePack().patterns.monthName})\\b(?!\\s+\\d)`,
  'i',
);

function anchorCue(a: AnchorEvent, sentence: string): Cue | undefined {
  if (a.kind === 'tenure') {
    if (/\bformer\b/i.test(sentence) && !a.id.includes('former')) return undefined;
    return {
      ranges: [[idx(a.dates[0] ?? ''), a.until ? idx(a.until) : INF]],
      weight: 1,
      reason: `names ${a.label}`,
    };
  }
  let dates = a.dates;
  const bare = MONTH_NAME.exec(sentence);
  const month = bare ? MONTHS[(bare[1] ?? '').toLowerCase()] : undefined;
  if (month) dates = dates.filter((d) => Number(d.slice(5, 7)) === month);
  if (dates.length === 0) return undefined;
  const last =
    /\blast (January|February|March|April|May|June|July|August|September|October|November|December)\b/.exec(
      sentence,
    );
  const into = /\b(\w+(?:[- ]\w+)?) years? into\b/i.exec(sentence);
  let how = 'mentioned as past';
  const ranges = dates.map((d): [number, number] => {
    const a0 = idx(d);
    if (/\bthis year\b/i.test(sentence)) {
      how = '"this year"';
      return [a0, Math.floor(a0 / 12) * 12 + 11];
    }
    if (/\blast year\b/i.test(sentence)) {
      how = '"last year"';
      return [Math.floor(a0 / 12) * 12 + 12, Math.floor(a0 / 12) * 12 + 23];
    }
    if (last) {
      how = `"${last[0]}"`;
      return [a0 + 1, a0 + 12];
    }
    if (into && a.kind === 'period') {
      const n = parseCount(into[1] ?? '');
      if (n !== 'X') {
        how = `"${into[0]}"`;
        return [a0 + 12 * n, a0 + 12 * n + 11];
      }
    }
    if (FUTURE.test(sentence) && a.kind === 'event') {
      const soon = /\bin the coming (?:days|weeks)\b/i.test(sentence);
      how = soon ? 'expected "in the coming weeks"' : 'expected (future tense)';
      return [a0 - (soon ? 3 : 24), a0 - 1];
    }
    if (bare) {
      how = `"${bare[0].trim()}" without a year`;
      return [a0, a0 + 11];
    }
    return [a0, INF];
  });
  const weight = how === 'mentioned as past' ? 1 : 3;
  return { ranges, weight, reason: `${a.label}, ${how}` };
}

/** "Thursday the 9th": the months in which that day falls on that weekday. */
function weekdayCue(text: string, lo: number, hi: number): Cue[] {
  const out: Cue[] = [];
  const re =
    /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/g;
  for (const m of text.matchAll(re)) {
    const wd = WEEKDAYS[(m[1] ?? '').toLowerCase()];
    const day = Number(m[2]);
    const ranges: [number, number][] = [];
    for (let i = lo; i <= hi; i += 1) {
      const y = Math.floor(i / 12);
      const mo = (i % 12) + 1;
      if (weekday(y, mo, day) === wd) ranges.push([i, i]);
    }
    // A day named without its month ("Thursday the 9th") is a day of the month of publication.
    out.push({ ranges, weight: 3, reason: `"${m[0]}": the ${day}th falls on a ${m[1]}` });
  }
  return out;
}

function intersect(cues: Cue[], lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i <= hi; i += 1)
    if (cues.every((c) => c.ranges.some(([a, b]) => a <= i && i <= b))) out.push(i);
  return out;
}

/**
 * The publication date of an article: from metadata when given; from a dateline in the text; else
 * inferred as the month or year consistent with every dated cue the text offers (weekday + day of
 * month, well-known events and office-holders with the relative words around them, dated expressions
 * and their tense). Conflicting cues are dropped weakest first. Empty when nothing bounds the date.
 */
export function inferPublicationDate(
  text: string,
  options: InferPublicationDateOptions = {},
): PublicationDate {
  if (options.publishedAt) {
    return {
      value: options.publishedAt,
      evidence: 'metadata',
      confidence: 1,
      reasons: ['given with the document'],
    };
  }
  const times = options.timeExpressions ?? annotateTime(text);
  let offset = 0;
  for (const line of text.split('\n').slice(0, 12)) {
    const t = times.find(
      (e) =>
        e.start >= offset &&
        e.end <= offset + line.length &&
        /^\d{4}-\d{2}-\d{2}/.test(e.value) &&
        e.anchor === 'absolute',
    );
    offset += line.length + 1;
    if (t && line.trim().length < 80 && line.trim().length - t.text.length < 30) {
      return { value: t.value, evidence: 'text', confidence: 0.9, reasons: [`dateline "${line.trim()}"`] };
    }
  }
  const cues: Cue[] = [];
  // Every "N years into the war" holds "into the ": a text without it has none (no sentence scanned).
  const intoAnywhere = /into the /i.test(text);
  // An event whose pattern is local and not in the text is in none of its sentences.
  const events = ANCHOR_EVENTS.filter((a) => !a.local || a.pattern.test(text));
  // Segmented all the same, as before (the stages share the segmentation memo).
  const sentences = segment(text).sentences;
  for (const s of events.length > 0 || intoAnywhere ? sentences : []) {
    const sentence = text.slice(s.start, s.end);
    for (const a of events) {
      if (!a.pattern.test(sentence)) continue;
      const cue = anchorCue(a, sentence);
      if (cue) cues.push(cue);
    }
    const into = intoAnywhere ? /\b(\w+) years? into the (?:conflict|war|invasion)\b/i.exec(sentence) : null;
    if (into && !ANCHOR_EVENTS.some((a) => a.kind === 'period' && a.pattern.test(sentence))) {
      const context = text.slice(Math.max(0, s.start - 600), s.start);
      const period = ANCHOR_EVENTS.find((a) => a.kind === 'period' && a.pattern.test(context));
      const n = parseCount(into[1] ?? '');
      if (period && n !== 'X') {
        const a0 = idx(period.dates[0] ?? '');
        cues.push({
          ranges: [[a0 + 12 * n, a0 + 12 * n + 11]],
          weight: 3,
          reason: `"${into[0]}" after ${period.label}`,
        });
      }
    }
  }
  for (const t of times) {
    if (t.anchor !== 'absolute' || !t.interval || !/^\d{4}/.test(t.value)) continue;
    const [a, b] = [
      idx(t.interval.start),
      idx(t.interval.end) + (t.interval.granularity === 'year' ? 11 : 0),
    ];
    const future = tenseAt(text, t.start, t.end) === 'future';
    cues.push(
      future
        ? { ranges: [[-INF, b]], weight: 0.5, reason: `"${t.text}" spoken of as ahead` }
        : { ranges: [[a, INF]], weight: 0.5, reason: `"${t.text}" mentioned as past` },
    );
  }
  const seen = new Set<string>();
  const unique = cues.filter((c) => !seen.has(c.reason) && seen.add(c.reason));
  cues.length = 0;
  cues.push(...unique);
  const finite = cues.flatMap((c) => c.ranges.flat()).filter((x) => Math.abs(x) < INF);
  if (finite.length === 0)
    return { evidence: 'inferred', confidence: 0, reasons: ['no dated cue in the text'] };
  const lo = Math.min(...finite) - 24;
  const hi = Math.max(...finite) + 24;
  cues.push(...weekdayCue(text, lo, hi));
  let active = [...cues];
  let feasible = intersect(active, lo, hi);
  const dropped: string[] = [];
  while (feasible.length === 0 && active.length > 1) {
    const weakest = active.reduce((w, c) => (c.weight < w.weight ? c : w));
    active = active.filter((c) => c !== weakest);
    dropped.push(`dropped as conflicting: ${weakest.reason}`);
    feasible = intersect(active, lo, hi);
  }
  const reasons = [...active.map((c) => c.reason), ...dropped];
  const first = feasible[0];
  const lastM = feasible[feasible.length - 1];
  if (first === undefined || lastM === undefined || first <= lo || lastM >= hi) {
    return { evidence: 'inferred', confidence: 0, reasons: [...reasons, 'the cues do not bound the date'] };
  }
  reasons.push(`consistent window ${iso(first)} … ${iso(lastM)}`);
  const strong = active.filter((c) => c.weight >= 1).length;
  if (first === lastM) {
    return {
      value: iso(first),
      evidence: 'inferred',
      confidence: Math.min(0.9, 0.5 + 0.08 * strong),
      reasons,
    };
  }
  if (Math.floor(first / 12) === Math.floor(lastM / 12)) {
    return {
      value: String(Math.floor(first / 12)),
      evidence: 'inferred',
      confidence: Math.min(0.8, 0.4 + 0.06 * strong),
      reasons,
    };
  }
  return {
    evidence: 'inferred',
    confidence: 0,
    reasons: [...reasons, 'the window spans more than one year'],
  };
}
