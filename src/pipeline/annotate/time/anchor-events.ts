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
  /**
   * The pattern reads nothing beyond its match (no anchor, no lookaround): it matches in a sentence
   * only if it matches in the whole text (sentences begin and end beside whitespace).
   */
  local: boolean;
}

/** No `^`, `$` or lookaround outside character classes. */
const isLocal = (source: string): boolean =>
  !/[\^$]|\(\?[=!<]/.test(source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''));

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
    local: isLocal(e.pattern),
  };
  if (e.until) a.until = e.until;
  return a;
});
