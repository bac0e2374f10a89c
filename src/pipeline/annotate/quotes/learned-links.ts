/**
 * How a learned attribution (the trained tagger's) relates to those read before it in its sentence
 * (docs/decisions/0043, fifth version): a cue that continues an earlier one shares its source, and a
 * learned content may hold the rules' direct quotations as fragments. Used by extract-quotes.ts.
 */
import { type Range, rangesOverlap } from '../../../core/span.ts';
import type { RawQuote } from './raw-quote.ts';

/**
 * The source of an earlier attribution in the cue's sentence, for a learned attribution whose cue
 * continues it: a participle after a comma ("…,” he said, adding that …") or a verb coordinated
 * with the earlier cue ("Democrats described the showdown as ominous, and said …").
 */
export function sharedSource(
  text: string,
  sentences: readonly Range[],
  cue: Range,
  earlier: readonly RawQuote[],
): Range | undefined {
  const own = sentences.find((x) => x.start <= cue.start && cue.start < x.end);
  if (!own) return undefined;
  const before = text.slice(own.start, cue.start);
  const participle = /^\p{Ll}+ing\b/u.test(text.slice(cue.start, cue.end)) && /,[^\S\n]*$/.test(before);
  if (!participle && !CONTINUING.test(before)) return undefined;
  let best: RawQuote | undefined;
  for (const r of earlier) {
    if (!r.cueSpan || r.cueSpan.start < own.start || r.cueSpan.end > cue.start) continue;
    if (r.speaker.start < own.start || r.speaker.end > cue.start) continue;
    if (!best || r.cueSpan.start > best.cueSpan!.start) best = r;
  }
  return best ? { start: best.speaker.start, end: best.speaker.end } : undefined;
}
/** A verb coordinated with an earlier one: ", and", "and", perhaps an adverb between. */
const CONTINUING = /(?:,|\band)[^\S\n]+(?:\p{Ll}+ly[^\S\n]+|also[^\S\n]+|then[^\S\n]+)?$/u;

/**
 * The direct quotations the rules read that are fragments of a learned reported content ('she said
 * “You squeezed employees …” to drive up the stock price'): PolNeAR counts the whole as one
 * attribution, which then stands beside them. Only when the fragments' cues and sources stand outside
 * the content and the content holds words outside the fragments (not the same quotation with its
 * marks); else none.
 */
export function fragmentsOf(text: string, learned: RawQuote, ruled: readonly RawQuote[]): RawQuote[] {
  const { content } = learned;
  const fragments = ruled.filter(
    (r) =>
      r.direct &&
      r.cueSpan !== undefined &&
      inside(r.content, content) &&
      !rangesOverlap(r.cueSpan, content) &&
      !rangesOverlap(r.speaker, content),
  );
  if (fragments.length === 0) return [];
  // A direct quote's content leaves out its quotation marks: the character before and after is the mark.
  const first = Math.min(...fragments.map((f) => f.content.start)) - 1;
  const last = Math.max(...fragments.map((f) => f.content.end)) + 1;
  return hasWords(text, content.start, first) || hasWords(text, last, content.end) ? fragments : [];
}

/** Is range a inside range b? */
function inside(a: Range, b: Range): boolean {
  return b.start <= a.start && a.end <= b.end;
}

/** Does the text hold a letter or digit between a and b? */
function hasWords(text: string, a: number, b: number): boolean {
  return /[\p{L}\p{N}]/u.test(text.slice(a, b));
}
