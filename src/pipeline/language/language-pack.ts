/**
 * Language data read by the stages — month and weekday names, stop words — from one data file per
 * kind and language (`language/<code>/*.json`), instead of a copy in each stage's source. English is
 * the only pack so far; a stage asks `languagePack()` and derives what it needs (a lookup, a regex).
 */
import enCalendar from './en/calendar.json' with { type: 'json' };
import enStopwords from './en/stopwords.json' with { type: 'json' };

interface CalendarFile {
  months: Array<{ number: number; name: string; abbreviations: string[] }>;
  weekdays: Array<{ number: number; name: string }>;
}

export interface LanguagePack {
  language: string;
  /** Month names as written ("January"), in calendar order. */
  monthNames: readonly string[];
  /** Every month form, lower-cased (names and abbreviations: "january", "jan", "sept") → 1–12. */
  months: Readonly<Record<string, number>>;
  /** Weekday names, lower-cased → 0 (Sunday) … 6. */
  weekdays: Readonly<Record<string, number>>;
  /** Function words and the reporting vocabulary every news article shares, lower-cased. */
  stopwords: ReadonlySet<string>;
  /**
   * Regex sources. `monthForm`: any month form, longest first (no group; add `\.?` for "Sept.").
   * `monthPrefix`: a form's first letters followed by any letters ("Janu", "Sept", "Dec"), for
   * lenient matches in boilerplate; `capitalised` writes it with a capital initial, case-sensitive.
   */
  patterns: { monthForm: string; monthName: string; monthPrefix: string; monthPrefixCapitalised: string };
}

const cache = new Map<string, LanguagePack>();

function build(language: string, calendar: CalendarFile, stopwords: { words: string[] }): LanguagePack {
  const months: Record<string, number> = {};
  for (const m of calendar.months)
    for (const form of [m.name, ...m.abbreviations]) months[form.toLowerCase()] = m.number;
  const weekdays: Record<string, number> = {};
  for (const d of calendar.weekdays) weekdays[d.name.toLowerCase()] = d.number;
  const forms = Object.keys(months).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // The shortest form of each month (and the longer abbreviations, as written), then any letters.
  const prefixes = calendar.months.flatMap((m) => {
    const shortest = [m.name, ...m.abbreviations].sort((a, b) => a.length - b.length)[0]!;
    return [shortest, ...m.abbreviations.filter((a) => a !== shortest)];
  });
  const lower = prefixes.map((p) => p.toLowerCase());
  const capitalised = prefixes.map((p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase());
  return {
    language,
    monthNames: calendar.months.map((m) => m.name),
    months,
    weekdays,
    stopwords: new Set(stopwords.words),
    patterns: {
      monthForm: `(?:${forms.join('|')})`,
      monthName: `(?:${calendar.months.map((m) => m.name).join('|')})`,
      monthPrefix: `(?:${lower.join('|')})[a-z]*`,
      monthPrefixCapitalised: `(?:${capitalised.join('|')})[a-z]*`,
    },
  };
}

/** The data of a language (only 'en' ships). */
export function languagePack(language = 'en'): LanguagePack {
  let pack = cache.get(language);
  if (!pack) {
    if (language !== 'en') throw new Error(`no language pack for '${language}' (available: en)`);
    pack = build('en', enCalendar as CalendarFile, enStopwords);
    cache.set(language, pack);
  }
  return pack;
}
