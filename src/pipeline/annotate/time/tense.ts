import { memoByText } from '../../segment/memo-by-text.ts';
import type { Tense } from './resolve-time.ts';

const FUTURE_CUE =
  /\b(?:will|'ll|shall|going to|expected|expects?|plans?|planned|planning|scheduled|upcoming|coming|ahead of|next|due to|set to|bracing|before the|would|hopes? to|intends? to|on the eve of)\b/gi;
const PAST_CUE =
  /\b(?:was|were|had|did|ago|last|since|earlier|previously|said|told|reported|[a-z]{3,}ed)\b/gi;
/** Reporting verbs ("said") are far weaker evidence of the event's tense than auxiliaries. */
const REPORTING = /^(?:said|told|reported)$/i;

/** The cues of one kind in a text: start, end and the distance penalty of each, in text order. */
interface Cues {
  at: number[];
  end: number[];
  penalty: number[];
}

/** What `tenseAt` reads of a text: its sentence ends, and the cues of the sentences asked about so far. */
interface TenseIndex {
  stops: number[];
  /** By the sentence's span (start × (length + 1) + end): its future and past cues, found in it alone. */
  sentences: Map<number, { future: Cues; past: Cues }>;
}

function cues(re: RegExp, text: string, offset: number): Cues {
  const out: Cues = { at: [], end: [], penalty: [] };
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.at.push(offset + m.index);
    out.end.push(offset + m.index + m[0].length);
    out.penalty.push(REPORTING.test(m[0]) ? 60 : 0);
  }
  return out;
}

/** The sentence ends ([.!?\n]) of a text; the cues of each sentence are found when first asked. */
const tenseIndex = memoByText((text: string): TenseIndex => {
  const stops: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10) stops.push(i);
  }
  return { stops, sentences: new Map() };
}, 8);

/** The first index of a sorted array whose value is >= x. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tense of the clause around an expression: the nearest future or past cue wins. */
export function tenseAt(text: string, start: number, end: number): Tense {
  const { stops, sentences } = tenseIndex(text);
  // The sentence: after the last stop before `start`, up to the first stop at or after `end`.
  const before = lowerBound(stops, start) - 1;
  const a = before >= 0 ? (stops[before] as number) + 1 : 0;
  const after = lowerBound(stops, end);
  const b = after < stops.length ? (stops[after] as number) : text.length;
  const key = a * (text.length + 1) + b;
  let found = sentences.get(key);
  if (!found) {
    const sentence = text.slice(a, b);
    found = { future: cues(FUTURE_CUE, sentence, a), past: cues(PAST_CUE, sentence, a) };
    sentences.set(key, found);
  }
  let best: { dist: number; tense: Tense } = { dist: Number.POSITIVE_INFINITY, tense: 'unknown' };
  const scan = (cs: Cues, tense: Tense) => {
    for (let k = 0; k < cs.at.length; k += 1) {
      const at = cs.at[k] as number;
      if (at >= start && at < end) continue;
      const dist = at < start ? start - (cs.end[k] as number) : at - end;
      const weight = dist + (cs.penalty[k] as number);
      if (weight < best.dist) best = { dist: weight, tense };
    }
  };
  scan(found.future, 'future');
  scan(found.past, 'past');
  return best.tense;
}
