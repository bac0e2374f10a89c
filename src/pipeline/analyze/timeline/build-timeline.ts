import type { EventRecord, TimelineEntry } from '../../../core/event.ts';
import { intervalDays } from '../../../core/time.ts';
import { eventType } from '../../annotate/events/event-ontology.ts';

export const TIMELINE_BUILDER = { name: 'build-timeline', version: '2' } as const;

const MODALITY_NOTE: Record<string, string> = {
  expected: ' (expected)',
  alleged: ' (alleged)',
  denied: ' (denied)',
  reported: '',
  occurred: '',
};

/** "accuses" → "accuse", "supplies weapons to" → "supply weapons to": the verb for a coordinated actor. */
function plural(verb: string): string {
  return verb.replace(/^(\w+?)(ies|s)\b/, (_, stem: string, end: string) =>
    end === 'ies' ? `${stem}y` : stem,
  );
}

/**
 * "Shoigu visits North Korea", "North Korea deploys forces to Russia (at least 3,000 soldiers)",
 * "United States and South Korea accuse North Korea", "attack on South Korea" (no actor stated).
 */
export function eventLabel(e: EventRecord): string {
  const t = eventType(e.type);
  const verb = t?.verb ?? e.type;
  const symmetric = t?.symmetric;
  const plain = verb.replace(/ (?:to|with)$/, '');
  // A visit or deployment without a target state goes to its place: "Putin visits Pyongyang".
  const destination = !e.target && e.place && /^(?:visit|deploy-forces)$/.test(e.type) ? e.place : undefined;
  const object = e.target ?? destination;
  let label: string;
  if (!e.actor && t?.noun && e.target) label = `${t.noun} ${e.target.text}`;
  else {
    const actor = e.actor?.text ?? 'someone';
    const many = / and /.test(actor);
    if (symmetric)
      label = e.target ? `${actor} and ${e.target.text} ${t?.pluralVerb ?? verb}` : `${actor} ${plain}`;
    else if (object && !/a weapon$/.test(verb))
      label = `${actor} ${many ? plural(verb) : verb} ${object.text}`;
    else label = `${actor} ${many ? plural(plain) : plain}`;
  }
  if (e.place && e.place !== object && e.place.text !== e.target?.text) label += ` at ${e.place.text}`;
  if (e.quantity) label += ` (${e.quantity.text})`;
  if (e.divergences?.some((d) => d.field === 'place')) label += ' [places differ]';
  return label.trim() + (MODALITY_NOTE[e.modality] ?? '');
}

interface Keyed {
  entry: TimelineEntry;
  first: number;
  last: number;
  tie: number;
}

/**
 * The timeline: one entry per (merged) event that has a time, plus expected events without one,
 * placed "after" their document date (granularity 'vague', mod 'AFTER').
 *
 * Order rule: by the midpoint of the interval in days (a month-level entry sits mid-month, not on
 * the 1st; "early-to-mid October" sits on Oct 10), then by start, then coarser first (the wider
 * interval before the narrower one it contains), then vague "after" entries last, then by label.
 * Entries with the same interval, modality and label are merged into one.
 */
export function buildTimeline(events: EventRecord[]): TimelineEntry[] {
  const keyed = new Map<string, Keyed>();
  for (const e of events) {
    let entry: TimelineEntry;
    let days: [number, number];
    let tie = 0;
    if (e.time) {
      days = intervalDays(e.time);
      entry = {
        start: e.time.start,
        end: e.time.end,
        granularity: e.time.granularity,
        label: eventLabel(e),
        eventIds: [],
        mentions: [],
      };
      if (e.time.mod) entry.mod = e.time.mod;
    } else if (e.modality === 'expected' && e.documentDate) {
      const d = e.documentDate.slice(0, 10);
      days = intervalDays({ start: d, end: d });
      tie = 1;
      entry = {
        start: d,
        end: d,
        granularity: 'vague',
        mod: 'AFTER',
        label: eventLabel(e),
        eventIds: [],
        mentions: [],
      };
    } else continue;
    const k = `${entry.start}|${entry.end}|${entry.mod ?? ''}|${entry.label}`;
    const existing = keyed.get(k) ?? { entry, first: days[0], last: days[1], tie };
    existing.entry.eventIds.push(e.id);
    existing.entry.mentions.push(
      ...e.mentions.map((m) => ({ articleId: m.articleId, start: m.start, end: m.end })),
    );
    keyed.set(k, existing);
  }
  return [...keyed.values()]
    .sort(
      (a, b) =>
        (a.first + a.last) / 2 - (b.first + b.last) / 2 ||
        a.first - b.first ||
        b.last - b.first - (a.last - a.first) ||
        a.tie - b.tie ||
        a.entry.label.localeCompare(b.entry.label),
    )
    .map((k) => k.entry);
}
