import { languagePack } from '../../language/language-pack.ts';
/**
 * Small, strict parser for timestamp lines of news pages ("May 25, 2024 - 10:19 By Yonhap",
 * "Published 25 May 2024, 10:19 BST", "Wed 23 Oct 2024 16.28 BST", "Updated 2 hours ago").
 * A line is a timestamp line only when the whole line is consumed: a sentence that merely
 * contains a date is not one.
 */

export interface ParsedTimestamp {
  /** ISO 8601 at the precision stated; absent for relative stamps or ambiguous dates. */
  iso?: string;
  /** 'published' / 'updated' from a leading label; 'plain' without one; 'relative' for "… ago". */
  label: 'published' | 'updated' | 'plain' | 'relative';
  /** A trailing "By …" credit on the same line: its text and offset within the line. */
  byline?: { text: string; index: number };
  /** Offset in the line where the date and time end. */
  dateEnd: number;
}

const MONTHS = languagePack().months;

/** A month name or abbreviation (captured), with an optional period. */
const MONTH = `(${languagePack().patterns.monthForm})\\.?`;

/** Fixed offsets of unambiguous zone abbreviations; ambiguous ones ("ET", "CST", "IST") give no offset. */
const ZONES: Record<string, string> = {
  UTC: 'Z',
  GMT: 'Z',
  Z: 'Z',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  KST: '+09:00',
  JST: '+09:00',
  HKT: '+08:00',
  SGT: '+08:00',
  EST: '-05:00',
  EDT: '-04:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  AEST: '+10:00',
  AEDT: '+11:00',
};

const PREFIX =
  /^(published|posted|first published|updated|last updated|last modified|modified|date)(?:\s+(?:on|at))?\s*:?\s*/i;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const RELATIVE =
  /^(?:(?:published|posted|updated|last updated)\s*:?\s*)?(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)\s+ago\.?$/i;
const TIME = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?)?/i;
const EARLY_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?)?(?=[\s,])/i;
const ZONE = /^\(?(UTC|GMT|Z|[A-Z]{2,4}T|ET|CT|PT|MT)(?:\s?([+-])(\d{1,2})(?::?(\d{2}))?)?\)?/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})/;
const SEP = /^[\s,]*(?:[-–—|·•]|at)?[\s,]*/;
const READING_TIME = /^\d+\s*(?:min(?:ute)?s?)\s+read$/i;

interface DateParts {
  y: number;
  m?: number;
  d?: number;
  length: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthOf(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

/** A calendar date at the start of `s`, with how many characters it used. */
export function parseDateAt(s: string): DateParts | undefined {
  let m = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return checked(Number(m[3]), monthOf(m[1]!), Number(m[2]), m[0].length);
  m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return checked(Number(m[3]), monthOf(m[2]!), Number(m[1]), m[0].length);
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)\.?/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), m[0].length);
  m = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    // Dots are day-first by convention; slashes are ambiguous unless one part exceeds 12.
    if (m[2] === '.' || a > 12) return checked(y, b, a, m[0].length);
    if (b > 12) return checked(y, a, b, m[0].length);
    return { y, length: m[0].length };
  }
  m = new RegExp(`^${MONTH}\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return { y: Number(m[2]), m: monthOf(m[1]!), length: m[0].length };
  return undefined;
}

function checked(y: number, m: number, d: number, length: number): DateParts | undefined {
  return validDay(y, m, d) ? { y, m, d, length } : undefined;
}

function zoneSuffix(s: string): { suffix: string; length: number } | undefined {
  const off = OFFSET.exec(s);
  if (off) return { suffix: `${off[1]}${off[2]}:${off[3]}`, length: off[0].length };
  const z = ZONE.exec(s);
  if (!z) return undefined;
  if (z[2] && z[3]) {
    const mins = z[4] ?? '00';
    return { suffix: `${z[2]}${pad(Number(z[3]))}:${mins}`, length: z[0].length };
  }
  return { suffix: ZONES[z[1]!] ?? '', length: z[0].length };
}

function timeOf(t: RegExpExecArray): string | undefined {
  let h = Number(t[1]);
  const mi = Number(t[2]);
  const ampm = t[4]?.toLowerCase();
  if (ampm === 'p' && h < 12) h += 12;
  if (ampm === 'a' && h === 12) h = 0;
  if (h > 23 || mi > 59) return undefined;
  return `${pad(h)}:${pad(mi)}${t[3] ? `:${t[3]}` : ''}`;
}

/** Parse a whole line as a timestamp line, or return undefined. */
export function parseTimestampLine(line: string): ParsedTimestamp | undefined {
  const s = line.trim();
  if (s.length === 0 || s.length > 160) return undefined;
  if (RELATIVE.test(s))
    return { label: 'relative', dateEnd: line.length - line.trimStart().length + s.length };
  let pos = 0;
  const rest = (): string => s.slice(pos);
  const eat = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest());
    if (m) pos += m[0].length;
    return m;
  };
  const prefix = eat(PREFIX);
  const label: ParsedTimestamp['label'] = prefix
    ? /updat|modif/i.test(prefix[1]!)
      ? 'updated'
      : 'published'
    : 'plain';
  const lead = line.length - line.trimStart().length;
  const early = EARLY_TIME.exec(rest());
  if (early) {
    // "4:12 AM EDT, October 24, 2024": time first.
    const after = rest().slice(early[0].length);
    const zone = zoneSuffix(after.trimStart());
    const afterZone = zone ? after.trimStart().slice(zone.length) : after;
    const sep = SEP.exec(afterZone)![0].length;
    const reparsed = parseTimestampLine(afterZone.slice(sep).replace(WEEKDAY, ''));
    if (!reparsed || reparsed.byline || !reparsed.iso || reparsed.iso.length !== 10) return undefined;
    const t = timeOf(early);
    if (!t) return undefined;
    return { iso: `${reparsed.iso}T${t}${zone?.suffix ?? ''}`, label, dateEnd: lead + s.length };
  }
  eat(WEEKDAY);
  const date = parseDateAt(rest());
  if (!date) return undefined;
  pos += date.length;
  let iso = date.m ? `${date.y}-${pad(date.m)}${date.d ? `-${pad(date.d)}` : ''}` : String(date.y);
  const beforeTime = pos;
  eat(/^T/) ?? eat(SEP);
  const t = date.d ? eat(TIME) : null;
  if (t) {
    const time = timeOf(t);
    if (!time) return undefined;
    iso += `T${time}`;
    eat(/^\s*/);
    const zone = zoneSuffix(rest());
    if (zone) {
      pos += zone.length;
      iso += zone.suffix;
    }
  } else {
    pos = beforeTime;
  }
  const tail = rest();
  const result: ParsedTimestamp = { iso, label, dateEnd: lead + s.slice(0, pos).trimEnd().length };
  if (/^[\s.]*$/.test(tail)) return result;
  const by = /^[\s,|·•–—-]*\bBy\s+(\S.*)$/i.exec(tail);
  if (by) {
    const text = by[1]!.trim();
    return { ...result, byline: { text, index: lead + pos + tail.indexOf(text) } };
  }
  const extra = /^[\s,|·•–—-]+(.*)$/.exec(tail);
  if (extra && (READING_TIME.test(extra[1]!.trim()) || parseTimestampLine(extra[1]!))) return result;
  return undefined;
}
