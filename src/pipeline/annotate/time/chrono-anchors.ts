/**
 * Where some of chrono-node's parsers can match, so that their patterns are tried only there.
 *
 * chrono tries each parser's pattern at every position of the text, and again on the rest of the text
 * after each match. Some patterns are a short lead (`(\W|^)`, an optional "on", "this", "at") and
 * then a part that always opens with one of a few words or a digit (a weekday, "morning", a clock
 * time's digits), or end with one ("ago"): the anchor. Every match holds an anchor, and between the
 * match's start and its first anchor lie at most `lead` characters other than whitespace (and, for
 * "ago", digits). So no match starts further back than that from the text's first anchor, and the
 * pattern's own scan may start there: the same leftmost match, found without trying the positions
 * before (a text without the anchor has none). An anchor is written for one pattern (its hash): a
 * parser whose pattern is another (another chrono-node version) is run as it is. Only the anchors
 * that paid are kept (docs/decisions/0031-time.md): for the others irregexp's scan is as fast.
 */
import { hashString } from '../../tagger/hash.ts';

interface Anchor {
  /** Global; matched with the pattern's case rule. */
  anchors: RegExp;
  lead: number;
  /** Digits count as free in the lead (the pattern reads them only as `[0-9]+`). */
  digitsFree?: boolean;
  /** FNV-1a of the pattern's flags, "/", and source the anchor was written for. */
  pattern: number;
}

/** Before "ago": `(\W|^)` 1, "about" 6, the longest count ("a couple of") 9, unit 8, then ten more ", and" 4 + 9 + 8. */
const UNITS_LEAD = 1 + 6 + 9 + 8 + 10 * (4 + 9 + 8);

/**
 * By parser class name. Leads: `(\W|^)` one character; "on" two; "this"/"last"/"past"/"next" four;
 * "at"/"from" four; "in" two.
 */
const ANCHORS: Record<string, Anchor> = {
  // (\W|^)(?:(?:\,|\(|\（)\s*)?(?:on\s*?)?(?:(this|last|past|next)\s*)?(wednesday|…|sat|weekend|weekday)
  ENWeekdayParser: { anchors: /mon|tue|wed|thu|fri|sat|sun|week/gi, lead: 8, pattern: 0x572be61a },
  // (^|\s|T|\b)(?:(?:at|from)\s*)??(\d{1,4})
  ENTimeExpressionParser: { anchors: /[0-9]/g, lead: 5, pattern: 0x282040d4 },
  // (\W|^)(?:this)?\s{0,3}(morning|afternoon|evening|night|midnight|midday|noon)
  ENCasualTimeParser: {
    anchors: /morning|afternoon|evening|night|midnight|midday|noon/gi,
    lead: 5,
    pattern: 0x999eceb9,
  },
  // (\W|^)(this|last|past|next|after\s*this)
  ENRelativeDateFormatParser: { anchors: /this|last|past|next|after/gi, lead: 1, pattern: 0xe6f9fb50 },
  // (\W|^)(…count…)\s{0,3}(…unit…)(…){0,10})\s{0,5}(?:ago|before|earlier)
  ENTimeUnitAgoFormatParser: {
    anchors: /ago|before|earlier/gi,
    lead: UNITS_LEAD,
    digitsFree: true,
    pattern: 0xd5845fa0,
  },
  // (\W|^)(?:last\s+day|end)
  ENEndOfCurrentMonthParser: { anchors: /last|end/gi, lead: 1, pattern: 0xf146f00b },
};

/** The leftmost match of a pattern in a text, as the pattern's `exec` gives it. */
export type Finder = (text: string) => RegExpExecArray | null;

/**
 * The earliest start of a match whose first anchor is at k: `lead` counted characters back. Only ASCII
 * whitespace (and digits, when free) is passed over uncounted: any other character counts (a safe bound).
 */
function leadStart(text: string, k: number, lead: number, digitsFree: boolean): number {
  let p = k;
  let left = lead;
  while (p > 0) {
    const c = text.charCodeAt(p - 1);
    if (c !== 32 && (c < 9 || c > 13) && !(digitsFree && c >= 48 && c <= 57)) {
      if (left === 0) break;
      left--;
    }
    p--;
  }
  return p;
}

/**
 * No match starts before the lead of the text's first anchor (a match at p holds an anchor at or
 * after p; the first such is within the lead of p): the pattern scans from there, globally.
 */
function anchoredFinder(pattern: RegExp, anchor: Anchor): Finder {
  const scan = new RegExp(pattern.source, `${pattern.flags}g`);
  const first = new RegExp(anchor.anchors.source, anchor.anchors.flags.replace('g', ''));
  const { lead } = anchor;
  const digitsFree = anchor.digitsFree === true;
  return (text) => {
    const m = first.exec(text);
    if (m === null) return null;
    scan.lastIndex = leadStart(text, m.index, lead, digitsFree);
    return scan.exec(text);
  };
}

const memo = new WeakMap<RegExp, Finder | null>();

/** The parsers whose pattern was found anchored, as they are met. */
export const ANCHORED = new Set<string>();

/** How to find a parser's (by class name) leftmost match around its anchors; undefined: its own `exec`. */
export function finderFor(name: string, pattern: RegExp): Finder | undefined {
  let f = memo.get(pattern);
  if (f === undefined) {
    const anchor = ANCHORS[name];
    const fits =
      anchor !== undefined &&
      !pattern.global &&
      !pattern.sticky &&
      hashString(`${pattern.flags}/${pattern.source}`) === anchor.pattern;
    f = fits ? anchoredFinder(pattern, anchor) : null;
    if (fits) ANCHORED.add(name);
    memo.set(pattern, f);
  }
  return f ?? undefined;
}
