import type { Cal } from './calendar.ts';
import {
  type Candidate,
  durationValue,
  NUM_SOURCE,
  parseCount,
  type Rel,
  type TimeSpec,
  type Unit,
  unitOf,
  WEEKDAYS,
} from './time-spec.ts';
import { WordsInText } from './words-in-text.ts';

/**
 * The custom rules: what chrono-node does not find or does not normalize the TIMEX3 way
 * (bare years, decades, seasons, quarters, this/last/next units, durations, "N years ago",
 * today/yesterday, vague references, sets, "Thursday the 9th").
 */
type Make = (m: RegExpExecArray, text: string) => { spec: TimeSpec; mod?: string; start?: number } | null;

interface Rule {
  name: string;
  re: RegExp;
  /**
   * Words every match of `re` contains (lower case; found case aside): a text without any of them is
   * not scanned (docs/decisions, time stage on real text).
   */
  needs?: readonly string[];
  priority: number;
  make: Make;
}

const NOUN_AFTER_NUMBER =
  /^\s+(?:[a-z-]+\s+)?(?:troops|soldiers|people|containers|rounds|tons|tonnes|km|kilometers|kilometres|miles|dollars|units|workers|members|cases|deaths|shares|employees|feet|meters|metres|pounds|barrels|cars|vehicles|votes|acres|points)\b/i;

const DURATION_MODS: Record<string, string> = {
  nearly: 'EQUAL_OR_LESS',
  almost: 'EQUAL_OR_LESS',
  'up to': 'EQUAL_OR_LESS',
  about: 'APPROX',
  around: 'APPROX',
  roughly: 'APPROX',
  approximately: 'APPROX',
  some: 'APPROX',
  'more than': 'MORE_THAN',
  over: 'MORE_THAN',
  'less than': 'LESS_THAN',
  'at least': 'EQUAL_OR_MORE',
};

const REL_WORD: Record<string, Rel> = { last: 'last', this: 'this', next: 'next', 'the current': 'this' };

const SEASONS: Record<string, NonNullable<Cal['season']>> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

const REFS: [RegExp, 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF'][] = [
  [/^(?:now|currently|nowadays|at present|at the moment|these days)$/i, 'PRESENT_REF'],
  [/^(?:recently|the past|(?:in )?recent (?:days|weeks|months|years))$/i, 'PAST_REF'],
  [
    /^(?:the future|the coming (?:days|weeks|months|years)|the days ahead|the weeks ahead|the months ahead)$/i,
    'FUTURE_REF',
  ],
];

const RULES: Rule[] = [
  {
    name: 'weekday-day-of-month',
    needs: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    re: /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/g,
    priority: 5,
    make: (m) => ({
      spec: { kind: 'weekday', weekday: WEEKDAYS[(m[1] ?? '').toLowerCase()] ?? 0, dayOfMonth: Number(m[2]) },
    }),
  },
  {
    name: 'year',
    re: /(?<![\d$€£.,/-])\b(1[5-9]\d\d|20\d\d)\b(?![\d%/]|,\d|\.\d|-\d|\s*percent)/g,
    priority: 2,
    make: (m, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (NOUN_AFTER_NUMBER.test(after)) return null;
      return { spec: { kind: 'cal', cal: { year: Number(m[1]) } } };
    },
  },
  {
    name: 'decade',
    needs: ['0s', "0's", '0’s'],
    re: /\b(?:the\s+)?(?:(early|mid|late)[- ]?\s*)?(?:(1[5-9]\d|20\d)|['’]?([1-9]))0['’]?s\b/gi,
    priority: 3,
    make: (m) => {
      const year = m[2] ? Number(m[2]) * 10 : 1900 + Number(m[3]) * 10;
      const mod = m[1] ? m[1].toUpperCase() : undefined;
      return { spec: { kind: 'cal', cal: { year, decade: true } }, ...(mod ? { mod } : {}) };
    },
  },
  {
    name: 'season',
    needs: ['spring', 'summer', 'fall', 'autumn', 'winter'],
    re: /\b(?:(last|this|next)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(1[5-9]\d\d|20\d\d))?\b/gi,
    priority: 3,
    make: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (
        !m[1] &&
        !m[3] &&
        !/\b(?:in|during|by|until|since|over|the|this|early|late|mid-?)\s*$/i.test(before)
      )
        return null;
      const season = SEASONS[(m[2] ?? '').toLowerCase()] ?? 'SU';
      const spec: TimeSpec = { kind: 'season', season };
      if (m[1]) spec.rel = REL_WORD[m[1].toLowerCase()];
      if (m[3]) spec.year = Number(m[3]);
      return { spec };
    },
  },
  {
    name: 'quarter',
    needs: ['quarter'],
    re: /\b(?:the\s+)?(?:(?:fiscal|latest|current)\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+of\s+(1[5-9]\d\d|20\d\d))?\b/gi,
    priority: 3,
    make: (m) => {
      const spec: TimeSpec = { kind: 'quarter', quarter: ORDINALS[(m[1] ?? '').toLowerCase()] ?? 1 };
      if (m[2]) spec.year = Number(m[2]);
      return { spec };
    },
  },
  {
    name: 'the-quarter',
    needs: ['quarter'],
    re: /\bthe\s+(?:latest\s+|most recent\s+|recent\s+)?quarter\b/gi,
    priority: 2,
    make: () => ({ spec: { kind: 'quarter', previous: true } }),
  },
  {
    name: 'relative-unit',
    needs: ['year', 'month', 'week', 'quarter', 'decade'],
    re: /\b(?:(earlier|later)\s+)?(this|last|next|the current|the past|the previous|the coming|the next|the following)\s+(year|month|week|quarter|decade)\b/gi,
    priority: 3,
    make: (m) => {
      const word = (m[2] ?? '').toLowerCase();
      const unit = (m[3] ?? '').toLowerCase() as Unit;
      if (/^the (past|previous|coming|next)$/.test(word)) {
        const back = /past|previous/.test(word);
        return {
          spec: {
            kind: 'duration',
            value: durationValue(1, unit),
            ...(back ? { back: { n: 1, unit } } : {}),
          },
        };
      }
      const offset = word === 'last' ? -1 : word === 'next' || word === 'the following' ? 1 : 0;
      const edge = m[1]?.toLowerCase();
      const mod = edge === 'earlier' ? 'START' : edge === 'later' ? 'END' : undefined;
      return { spec: { kind: 'unit', unit, offset }, ...(mod ? { mod } : {}) };
    },
  },
  {
    name: 'n-units-ago',
    needs: ['ago', 'earlier', 'before', 'later'],
    re: new RegExp(
      `\\b(${NUM_SOURCE})[- ](years?|months?|weeks?|days?|decades?)\\s+(ago|earlier|before|later)\\b`,
      'gi',
    ),
    priority: 4,
    make: (m) => {
      const n = parseCount(m[1] ?? '');
      const unit = unitOf(m[2] ?? '');
      if (n === 'X' || !unit || unit === 'hour' || unit === 'minute' || unit === 'century') return null;
      const direction = (m[3] ?? '').toLowerCase() === 'later' ? 1 : -1;
      return { spec: { kind: 'ago', unit, n, direction } };
    },
  },
  {
    name: 'the-past-n-units',
    needs: ['years', 'months', 'weeks', 'days', 'hours', 'decades', 'quarters'],
    re: new RegExp(
      `\\b(?:the\\s+)?(past|last|previous|next|coming|first|final)\\s+(${NUM_SOURCE})\\s+(years|months|weeks|days|hours|decades|quarters)\\b`,
      'gi',
    ),
    priority: 4,
    make: (m) => {
      const n = parseCount(m[2] ?? '');
      const unit = unitOf(m[3] ?? '');
      if (!unit) return null;
      const back = /past|last|previous/i.test(m[1] ?? '');
      const spec: TimeSpec = { kind: 'duration', value: durationValue(n, unit) };
      if (back && n !== 'X' && unit !== 'hour' && unit !== 'minute' && unit !== 'century')
        spec.back = { n, unit };
      return { spec };
    },
  },
  {
    name: 'duration',
    needs: ['year', 'month', 'week', 'day', 'hour', 'minute', 'decade', 'centur'],
    re: new RegExp(
      `\\b(?:(nearly|almost|up to|about|around|roughly|approximately|more than|over|less than|at least)\\s+)?(${NUM_SOURCE})[- ](years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century)(?:[- ]long)?\\b(?![- ]old)`,
      'gi',
    ),
    priority: 1,
    make: (m) => {
      const n = parseCount(m[2] ?? '');
      const unit = unitOf(m[3] ?? '');
      if (!unit) return null;
      const mod = m[1] ? DURATION_MODS[m[1].toLowerCase()] : undefined;
      return { spec: { kind: 'duration', value: durationValue(n, unit) }, ...(mod ? { mod } : {}) };
    },
  },
  {
    name: 'bare-plural-units',
    needs: ['years', 'months', 'weeks', 'decades'],
    re: /\b(?:for|over|in|within)\s+(years|months|weeks|decades)\b(?!\s+(?:ago|of|to))/gi,
    priority: 1,
    make: (m) => {
      const unit = unitOf(m[1] ?? '');
      if (!unit) return null;
      return {
        spec: { kind: 'duration', value: durationValue('X', unit) },
        start: m.index + m[0].length - (m[1] ?? '').length,
      };
    },
  },
  {
    name: 'deictic-day',
    needs: ['today', 'yesterday', 'tomorrow', 'tonight', 'night', 'morning', 'afternoon', 'evening'],
    re: /\b(today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening)|(?:yesterday|tomorrow) (?:morning|afternoon|evening))\b/gi,
    priority: 3,
    make: (m) => {
      const w = (m[1] ?? '').toLowerCase();
      const offset = w.startsWith('yesterday') || w === 'last night' ? -1 : w.startsWith('tomorrow') ? 1 : 0;
      const part = /morning/.test(w)
        ? 'MO'
        : /afternoon/.test(w)
          ? 'AF'
          : /evening/.test(w)
            ? 'EV'
            : /night/.test(w)
              ? 'NI'
              : undefined;
      return { spec: { kind: 'unit', unit: 'day', offset, ...(part ? { part } : {}) } };
    },
  },
  {
    name: 'vague-reference',
    re: /\b(now|currently|nowadays|at present|at the moment|these days|recently|(?:in )?recent (?:days|weeks|months|years)|the past|the future|the coming (?:days|weeks|months|years)|the (?:days|weeks|months) ahead)\b/gi,
    priority: 2,
    make: (m, text) => {
      const w = m[1] ?? '';
      if (/^now$/i.test(w) && /^-/.test(text.slice(m.index + 3))) return null;
      const found = REFS.find(([re]) => re.test(w));
      if (!found) return null;
      const start = /^in /i.test(w) ? m.index + 3 : m.index;
      return { spec: { kind: 'ref', value: found[1] }, start };
    },
  },
  {
    name: 'set',
    needs: ['every', 'each', 'annually', 'yearly'],
    re: /\b(?:(?:every|each)\s+(day|week|month|year|quarter)|(annually|yearly))\b/gi,
    priority: 2,
    make: (m) => {
      const w = (m[1] ?? m[2] ?? '').toLowerCase();
      const unit =
        w.startsWith('annual') || w.startsWith('year')
          ? 'Y'
          : w.startsWith('dai') || w === 'day'
            ? 'D'
            : w.startsWith('week')
              ? 'W'
              : w.startsWith('quarter')
                ? 'Q'
                : 'M';
      return { spec: { kind: 'set', value: `P1${unit}` } };
    },
  },
];

/** Every word a rule needs, found in one scan of a text. */
const NEEDED = new WordsInText(RULES.flatMap((r) => r.needs ?? []));

export function ruleCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.needs && !NEEDED.any(text, rule.needs)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      const made = rule.make(m, text);
      if (!made) continue;
      const candidate: Candidate = {
        start: made.start ?? m.index,
        end: m.index + m[0].length,
        spec: made.spec,
        priority: rule.priority,
        source: rule.name,
      };
      if (made.mod) candidate.mod = made.mod;
      out.push(candidate);
    }
  }
  return out;
}
