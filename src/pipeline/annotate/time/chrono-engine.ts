import * as chrono from 'chrono-node';
import { type Finder, finderFor } from './chrono-anchors.ts';
import { WordsInText } from './words-in-text.ts';

/**
 * chrono-node's casual English parser, with the same parsers and refiners in the same order, made
 * cheaper without changing a result (docs/decisions, time stage on real text):
 * - a parser whose every match contains one of a few words is not run on a text without any of them
 *   (its pattern could not match there);
 * - a few parsers' patterns are tried only around the words or digits their matches open with
 *   (chrono-anchors.ts); `parse` and `executeParser` are chrono's own, run with these;
 * - the end-of-period refiner, which matches `…end of (the) $` against the whole text before every
 *   result, only sees the results preceded by "of" or "the" and a space (the others cannot match).
 */

interface Context {
  text: string;
}
interface Result {
  index: number;
}
interface Parser {
  pattern(context: Context): RegExp;
  extract(context: Context, match: RegExpMatchArray): unknown;
}
interface Refiner {
  refine(context: Context, results: Result[]): Result[];
}

/** Words every match of a parser contains (case aside), by the parser's class name. */
const NEEDS: Record<string, readonly string[]> = {
  ENTimeUnitAgoFormatParser: ['ago', 'before', 'earlier'],
  ENCasualTimeParser: ['morning', 'afternoon', 'evening', 'night', 'midday', 'noon'],
  ENCasualDateParser: ['now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'yesterday', 'night'],
  ENEndOfCurrentMonthParser: ['month'],
};
/** The words of every parser's needs, found in one scan of a text. */
const NEEDED = new WordsInText(Object.values(NEEDS).flat());
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
/** ASCII letter `code` is `lower` in either case. */
const is = (text: string, at: number, lower: string): boolean => {
  const c = text.charCodeAt(at);
  const l = lower.charCodeAt(0);
  return c === l || c === l - 32;
};

/** Whether the text before `index` ends with "of" or "the" and at least one space (PREFIX_PATTERN's end). */
export function endsWithOfOrThe(text: string, index: number): boolean {
  let i = index;
  while (i > 0 && isSpace(text[i - 1])) i -= 1;
  if (i === index) return false;
  return (
    (i >= 2 && is(text, i - 2, 'o') && is(text, i - 1, 'f')) ||
    (i >= 3 && is(text, i - 3, 't') && is(text, i - 2, 'h') && is(text, i - 1, 'e'))
  );
}

/** The refiner acts on each result alone and returns the array it was given. */
function prefiltered(refiner: Refiner): Refiner {
  return {
    refine: (context, results) => {
      const maybe = results.filter((r) => endsWithOfOrThe(context.text, r.index));
      if (maybe.length > 0) refiner.refine(context, maybe);
      return results;
    },
  };
}

/** Which of the tunings found their parser or refiner (a chrono-node upgrade that renames one shows here). */
export const CHRONO_TUNED: string[] = [];

/** A parser, the words it needs, and the finder of its last pattern (chrono keeps a parser's pattern). */
interface Entry {
  parser: Parser;
  name: string;
  needs: readonly string[] | undefined;
  pattern: RegExp | undefined;
  find: Finder | undefined;
}

const { ParsingComponents, ParsingContext, ParsingResult } = chrono;

/** chrono's `executeParser`, the pattern's leftmost match found by its finder when it has an anchor. */
function executeParser(context: chrono.ParsingContext, entry: Entry): chrono.ParsingResult[] {
  const results: chrono.ParsingResult[] = [];
  const pattern = entry.parser.pattern(context);
  if (pattern !== entry.pattern) {
    entry.pattern = pattern;
    entry.find = finderFor(entry.name, pattern);
  }
  const { find, parser } = entry;
  const originalText = context.text;
  let remainingText = context.text;
  let match = find !== undefined ? find(remainingText) : pattern.exec(remainingText);
  while (match) {
    match.index = match.index + originalText.length - remainingText.length;
    const result = parser.extract(context, match);
    if (!result) {
      remainingText = originalText.substring(match.index + 1);
      match = find !== undefined ? find(remainingText) : pattern.exec(remainingText);
      continue;
    }
    let parsed: chrono.ParsingResult;
    if (result instanceof ParsingResult) parsed = result;
    else if (result instanceof ParsingComponents) {
      parsed = context.createParsingResult(match.index, match[0]);
      parsed.start = result;
    } else parsed = context.createParsingResult(match.index, match[0], result as never);
    results.push(parsed);
    remainingText = originalText.substring(parsed.index + parsed.text.length);
    match = find !== undefined ? find(remainingText) : pattern.exec(remainingText);
  }
  return results;
}

/** chrono's `parse` over the tuned parsers and refiners (same order, same results). */
class TunedChrono {
  constructor(
    private readonly parsers: Entry[],
    private readonly refiners: Refiner[],
  ) {}

  parse(
    text: string,
    ref?: chrono.ParsingReference | Date,
    option?: chrono.ParsingOption,
  ): chrono.ParsedResult[] {
    const context = new ParsingContext(text, ref, option);
    let results: chrono.ParsingResult[] = [];
    for (const entry of this.parsers) {
      // A parser that needs a word the text lacks finds nothing: not run.
      if (entry.needs !== undefined && !NEEDED.any(text, entry.needs)) continue;
      results = results.concat(executeParser(context, entry));
    }
    results.sort((a, b) => a.index - b.index);
    for (const refiner of this.refiners) results = refiner.refine(context, results as never) as never;
    return results;
  }
}

function build(): TunedChrono {
  const engine = chrono.en.casual.clone();
  const parsers = (engine.parsers as unknown as Parser[]).map((parser) => {
    const name = parser.constructor.name;
    const needs = NEEDS[name];
    if (needs) CHRONO_TUNED.push(name);
    const entry: Entry = { parser, name, needs, pattern: undefined, find: undefined };
    return entry;
  });
  const refiners = (engine.refiners as unknown as Refiner[]).map((r) => {
    if (r.constructor.name !== 'ENEndOfPeriodRefiner') return r;
    CHRONO_TUNED.push(r.constructor.name);
    return prefiltered(r);
  });
  return new TunedChrono(parsers, refiners);
}

export const casualChrono = build();
