/**
 * Curated, dated world knowledge for publication-date inference, kept as data
 * (anchor-events.json, each entry with its source): well-known events and periods an article may
 * mention without a date, and office-holders named by their current title. Each entry is matched
 * per sentence; `dates` lists every occurrence the pattern could mean (the relative words around
 * the mention — "In July", "last October", "this year" — pick among them). Extend the data freely:
 * an entry must be a public, well-dated fact.
 */
import data from './anchor-events.json' with { type: 'json' };

export interface AnchorEvent {
  id: string;
  label: string;
  /** ISO dates at day or month precision; several when the phrase is ambiguous. */
  dates: string[];
  pattern: RegExp;
  /** 'event': a dated happening; 'period': a start ("two years into the war"); 'tenure': an office held from…to. */
  kind: 'event' | 'period' | 'tenure';
  /** For tenures: the last month the title was held ('open' when still held). */
  until?: string;
}

interface AnchorEntry {
  id: string;
  label: string;
  kind: AnchorEvent['kind'];
  dates: string[];
  until?: string;
  pattern: string;
  flags?: string;
  source: string;
}

export const ANCHOR_EVENTS: AnchorEvent[] = (data.entries as AnchorEntry[]).map((e) => {
  const a: AnchorEvent = {
    id: e.id,
    label: e.label,
    dates: e.dates,
    pattern: new RegExp(e.pattern, e.flags ?? ''),
    kind: e.kind,
  };
  if (e.until) a.until = e.until;
  return a;
});
