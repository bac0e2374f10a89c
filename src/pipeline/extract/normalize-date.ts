import { parseTimestampLine } from './text/parse-timestamp.ts';

/** A date given with an input item, as ISO 8601, or why it was refused. */
export type NormalizedDate = { ok: true; iso: string } | { ok: false; reason: string };

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An ISO 8601 value checked field by field (month 1–12, a day the month has, 00:00–23:59:59). */
function checkedIso(value: string): string | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return undefined;
  if (d !== undefined && !validDay(Number(y), Number(mo), Number(d))) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return undefined;
  if (zone && zone !== 'Z') {
    const off = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    if (Number(off[2]) > 14 || Number(off[3]) > 59) return undefined;
    return value.replace(' ', 'T').replace(zone, `${off[1]}${off[2]}:${off[3]}`);
  }
  return value.replace(' ', 'T');
}

/**
 * Normalise a publication date given with an input (a JSON-lines field, an API upload, a feed) to
 * ISO 8601 at the precision stated: ISO values are checked field by field; written dates ("June 4,
 * 1998", "4 Jun 1998 10:00 GMT", "Thu, 04 Jun 1998 10:00:00 +0000", "1998/06/04", "13/04/1998")
 * are read by the timestamp-line parser; a year-day-month value whose month would exceed 12
 * ("1998-14-06") has one reading and is swapped. A slash date whose day and month could be swapped
 * ("06/04/1998") is refused rather than guessed, and so is anything that is not a date.
 */
export function normalizeDate(value: string): NormalizedDate {
  const trimmed = value.trim();
  const iso = checkedIso(trimmed);
  if (iso) return { ok: true, iso };
  // Year-day-month ("1998-14-06"): only the swapped reading is a date, so it is unambiguous.
  const swapped = /^(\d{4})-(\d{2})-(\d{2})(?![\d:])/.exec(trimmed);
  if (swapped && Number(swapped[2]) > 12) {
    const fixed = checkedIso(`${swapped[1]}-${swapped[3]}-${swapped[2]}${trimmed.slice(10)}`);
    if (fixed) return { ok: true, iso: fixed };
  }
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(trimmed)) {
    const [a, b, y] = trimmed.split('/').map(Number) as [number, number, number];
    if (a === b && validDay(y, a, b)) {
      return { ok: true, iso: `${y}-${String(a).padStart(2, '0')}-${String(b).padStart(2, '0')}` };
    }
    if (a <= 12 && b <= 12) {
      return {
        ok: false,
        reason: `"${trimmed}" is ambiguous (day/month or month/day); give it as ISO 8601, e.g. YYYY-MM-DD`,
      };
    }
  }
  const parsed = parseTimestampLine(trimmed);
  if (parsed?.iso && !parsed.byline && parsed.label !== 'relative' && checkedIso(parsed.iso)) {
    return { ok: true, iso: parsed.iso };
  }
  return {
    ok: false,
    reason: `"${trimmed.slice(0, 60)}" is not a date (expected ISO 8601, e.g. 2024-05-25)`,
  };
}
