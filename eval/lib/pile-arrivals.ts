/**
 * Two ways ~100 articles arrive at an analysed pile, shared by the pile benchmark (the re-analysis's
 * share of a full analysis) and `eval:pile --arrivals` (the stories' scores after it):
 * - `spread`: every 29th item, one in nearly every storyline — the worst case for per-story
 *   re-analysis;
 * - `newest`: the 100 newest dated items (ties by position), a day's arrivals, which join the stories
 *   of their days.
 */
export type ArrivalKind = 'spread' | 'newest';

export const ARRIVAL_KINDS: readonly ArrivalKind[] = ['spread', 'newest'];

/** Which of the pile's JSON lines (non-empty, in order) arrive later. */
export function arrivals(lines: readonly string[], kind: ArrivalKind): (index: number) => boolean {
  if (kind === 'spread') return (i) => i % 29 === 5;
  const dated = lines
    .map((l, i) => ({ i, at: (JSON.parse(l) as { publishedAt?: unknown }).publishedAt }))
    .filter((x): x is { i: number; at: string } => typeof x.at === 'string')
    .sort((a, b) => a.at.localeCompare(b.at) || a.i - b.i);
  const newest = new Set(dated.slice(-100).map((x) => x.i));
  return (i) => newest.has(i);
}
