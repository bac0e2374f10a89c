import * as chrono from 'chrono-node';

/**
 * chrono-node's casual English parser, with the same parsers and refiners in the same order, made
 * cheaper without changing a result (docs/decisions, time stage on real text):
 * - a parser whose every match contains one of a few words is not run on a text without any of them
 *   (its pattern could not match there);
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
const NEEDS: Record<string, RegExp> = {
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i,
  ENEndOfCurrentMonthParser: /month/i,
};
/** Fails everywhere, the empty text included. */
const NEVER = /(?!)/;

function gated(parser: Parser, needs: RegExp): Parser {
  return {
    pattern: (context) => (needs.test(context.text) ? parser.pattern(context) : NEVER),
    extract: (context, match) => parser.extract(context, match),
  };
}

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

function build(): chrono.Chrono {
  const engine = chrono.en.casual.clone();
  const parsers = engine.parsers as unknown as Parser[];
  const refiners = engine.refiners as unknown as Refiner[];
  parsers.forEach((p, i) => {
    const needs = NEEDS[p.constructor.name];
    if (!needs) return;
    parsers[i] = gated(p, needs);
    CHRONO_TUNED.push(p.constructor.name);
  });
  refiners.forEach((r, i) => {
    if (r.constructor.name !== 'ENEndOfPeriodRefiner') return;
    refiners[i] = prefiltered(r);
    CHRONO_TUNED.push(r.constructor.name);
  });
  return engine;
}

export const casualChrono = build();
