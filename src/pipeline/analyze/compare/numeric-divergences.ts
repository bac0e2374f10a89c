import type { NumberMention, NumericDivergence } from '../../../core/analysis.ts';
import { compareIsoAtCommonPrecision, type SourceArticle, sourceLabel, words } from './source-label.ts';

/** Head nouns that count the same thing (docs/decisions/0051). Keys and values are singular. */
const SAME_QUANTITY: Record<string, string> = {
  soldier: 'troop',
  serviceman: 'troop',
  servicemen: 'troop',
  personnel: 'troop',
  person: 'people',
  kilometer: 'kilometer',
};

const CONTEXT_STOPS = new Set(
  'that this these those with from into have been were will would could should about according there their they them which while than then also said says told more less such some other another between after before during since'.split(
    ' ',
  ),
);

/** Values more than this factor apart are taken to count different things, not to disagree. */
const MAX_RATIO = 10;
/** Content words two number mentions' sentences must share to be about the same quantity. */
const MIN_SHARED_CONTEXT = 2;
/** The same for units that name no counted thing (a currency, percent): more context is needed. */
const MIN_SHARED_CONTEXT_BARE = 3;
/** A group with more distinct values than this has chained several quantities: not reported. */
const MAX_READINGS = 4;
/** Units that say what a figure is in, not what it counts. */
const BARE_UNIT = /^(?:[A-Z]{3}|percent)$/;

function unitKey(unit: string): string {
  const singular = unit.length > 3 && unit.endsWith('s') && !unit.endsWith('ss') ? unit.slice(0, -1) : unit;
  return SAME_QUANTITY[singular] ?? singular;
}

/** The sentence around a mention (bounded by sentence ends or paragraph breaks). */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 1 && !breaksBefore(text, from)) from--;
  // (At 1 the two characters before are the text's last one only if it has one character.)
  if (from === 1 && !/[.!?]\s|\n/.test(text.slice(-1, 1))) from--;
  let to = end;
  while (to < text.length && !endsAt(text, to)) to++;
  return text.slice(from, to);
}

const SPACE = /\s/;
const isStop = (c: string | undefined) => c === '.' || c === '!' || c === '?';

/** Whether the two characters before `at` (at ≥ 2) are a sentence end and a space, or hold a newline. */
function breaksBefore(text: string, at: number): boolean {
  const a = text[at - 2] as string;
  const b = text[at - 1] as string;
  return a === '\n' || b === '\n' || (isStop(a) && SPACE.test(b));
}

/** Whether a sentence ends at `at`: a newline, or a sentence end before a space or the text's end. */
function endsAt(text: string, at: number): boolean {
  const a = text[at];
  if (a === '\n') return true;
  return isStop(a) && (at + 1 >= text.length || SPACE.test(text[at + 1] as string));
}

/** Number mentions' contexts, with the text they were found in. */
export type NumberContexts = Map<NumberMention, { text: string | undefined; context: Set<string> }>;

/** The mention's context, from `known` when it holds it for the same text (it is filled as found). */
function contextOf(
  n: NumberMention,
  text: string | undefined,
  known: NumberContexts | undefined,
): Set<string> {
  const found = known?.get(n);
  if (found && found.text === text) return found.context;
  const context = findContext(n, text);
  known?.set(n, { text, context });
  return context;
}

function findContext(n: NumberMention, text: string | undefined): Set<string> {
  if (text === undefined) return new Set(words(n.counted ?? ''));
  const sentence = sentenceAround(text, n.start, n.end);
  const own = new Set(words(n.unit).map((w) => w.slice(0, 5)));
  const context = new Set<string>();
  for (const w of words(sentence)) {
    if (w.length < 4 || CONTEXT_STOPS.has(w) || own.has(w.slice(0, 5)) || /\d/.test(w)) continue;
    context.add(w.slice(0, 5));
  }
  return context;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Significant digits of a positive integer-ish value (3,000 → 1; 6,700 → 2). */
function precision(value: number): number {
  const digits = String(Math.round(Math.abs(value))).replace(/0+$/, '');
  return Math.max(1, digits.length);
}

function roundTo(value: number, significant: number): number {
  if (value === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - significant + 1);
  return Math.round(value / magnitude) * magnitude;
}

function describe(n: NumberMention, article: SourceArticle | undefined): string {
  const where = article ? sourceLabel(article) : n.articleId;
  return `"${n.text}" (${where}${article?.publishedAt ? `, ${article.publishedAt}` : ''})`;
}

function classify(
  group: NumberMention[],
  byId: Map<string, SourceArticle>,
): Omit<NumericDivergence, 'quantity'> {
  const readings = [...new Map(group.map((n) => [`${n.value}|${n.qualifier ?? ''}`, n])).values()];
  const values = [...new Set(readings.map((n) => n.value))];
  const list = readings.map((n) => describe(n, byId.get(n.articleId))).join(' vs ');
  if (values.length === 1) {
    return { values: group, kind: 'qualified', note: `same value, different qualifiers: ${list}` };
  }
  const coarsest = Math.min(...values.map(precision));
  if (new Set(values.map((v) => roundTo(v, coarsest))).size === 1) {
    return { values: group, kind: 'rounded', note: `one figure looks like a rounding of the other: ${list}` };
  }
  const dated = readings
    .map((n) => ({ n, date: byId.get(n.articleId)?.publishedAt }))
    .filter((d): d is { n: NumberMention; date: string } => d.date !== undefined)
    .sort((a, b) => compareIsoAtCommonPrecision(a.date, b.date));
  const first = dated[0];
  const last = dated.at(-1);
  if (
    dated.length === readings.length &&
    first &&
    last &&
    compareIsoAtCommonPrecision(first.date, last.date) < 0 &&
    first.n.value !== last.n.value
  ) {
    return { values: group, kind: 'updated', note: `a later report gives a different figure: ${list}` };
  }
  return { values: group, kind: 'disagree', note: `the figures differ: ${list}` };
}

/**
 * Groups number mentions about the same quantity (same unit class, shared sentence context, values
 * within a factor of ten) and reports each group whose readings differ: 'qualified' (same value,
 * different qualifier), 'rounded', 'updated' (every reading dated, the latest differs from the
 * earliest) or 'disagree'. The unit word itself does not count as shared context.
 * Increments ("another 7,000"), unitless numbers and "one X" (an indefinite, not a count) are left out.
 * Mentions from one source are never joined, nor mentions of different events (`eventOf`, article →
 * event); a currency or percent needs three shared context words; a group reaches a divergence only
 * when two sources give different readings and it holds at most MAX_READINGS values.
 */
export function findNumericDivergences(
  numbers: NumberMention[],
  articles: SourceArticle[],
  /** `contexts`: contexts found by earlier calls (a storyline's, read again for its events). */
  options: { eventOf?: ReadonlyMap<string, string>; contexts?: NumberContexts } = {},
): NumericDivergence[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sourceOf = (n: NumberMention) => sourceLabel(byId.get(n.articleId)!);
  // Figures of one happening: within an event when the caller knows the events (a storyline spans many).
  const sameEvent = (a: NumberMention, b: NumberMention) =>
    !options.eventOf || options.eventOf.get(a.articleId) === options.eventOf.get(b.articleId);
  const candidates = numbers.filter(
    (n) =>
      n.unit !== '' &&
      n.value !== 1 &&
      n.qualifier !== 'another' &&
      n.qualifier !== 'an additional' &&
      byId.has(n.articleId),
  );
  const contexts = candidates.map((n) => contextOf(n, byId.get(n.articleId)?.text, options.contexts));
  const parent = candidates.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) {
      parent[r] = parent[parent[r] as number] as number;
      r = parent[r] as number;
    }
    return r;
  };
  const ratioOf = (a: NumberMention, b: NumberMention): number =>
    Math.max(a.value, b.value) / Math.max(1e-9, Math.min(a.value, b.value));
  const join = (i: number, j: number): void => {
    const [ri, rj] = [root(i), root(j)];
    // Already in one group: the pair cannot change the groups, so its context is not compared.
    if (ri === rj) return;
    const a = candidates[i] as NumberMention;
    const b = candidates[j] as NumberMention;
    // One source's figures are never set against each other, and figures of different happenings
    // are different quantities.
    if (sourceOf(a) === sourceOf(b) || !sameEvent(a, b)) return;
    const needed = BARE_UNIT.test(a.unit) ? MIN_SHARED_CONTEXT_BARE : MIN_SHARED_CONTEXT;
    if (shared(contexts[i] as Set<string>, contexts[j] as Set<string>) < needed) return;
    parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };
  // Only mentions of one unit class can be about the same quantity; within a class, sorted by value,
  // a mention is compared with the values up to MAX_RATIO above it (the groups are the connected
  // components, whichever order the pairs are joined in). Values below 1e-9 are compared with all.
  const byUnit = new Map<string, number[]>();
  candidates.forEach((n, i) => {
    const k = unitKey(n.unit);
    const members = byUnit.get(k) ?? [];
    members.push(i);
    byUnit.set(k, members);
  });
  for (const members of byUnit.values()) {
    const tiny = members.filter((i) => !((candidates[i] as NumberMention).value >= 1e-9));
    for (const i of tiny) {
      for (const j of members) {
        if (j === i || (tiny.includes(j) && j < i)) continue;
        if (!(ratioOf(candidates[i] as NumberMention, candidates[j] as NumberMention) > MAX_RATIO))
          join(i, j);
      }
    }
    const sized = members
      .filter((i) => (candidates[i] as NumberMention).value >= 1e-9)
      .sort((x, y) => (candidates[x] as NumberMention).value - (candidates[y] as NumberMention).value);
    for (let x = 0; x < sized.length; x++) {
      const i = sized[x] as number;
      for (let y = x + 1; y < sized.length; y++) {
        const j = sized[y] as number;
        if (ratioOf(candidates[i] as NumberMention, candidates[j] as NumberMention) > MAX_RATIO) break;
        join(i, j);
      }
    }
  }
  const groups = new Map<number, NumberMention[]>();
  candidates.forEach((n, i) => {
    const key = root(i);
    const group = groups.get(key) ?? [];
    group.push(n);
    groups.set(key, group);
  });
  const result: NumericDivergence[] = [];
  const reading = (n: NumberMention) => `${n.value}|${n.qualifier ?? ''}`;
  for (const group of groups.values()) {
    const readings = new Set(group.map(reading));
    if (readings.size < 2 || new Set(group.map((n) => n.value)).size > MAX_READINGS) continue;
    // Reported only when two sources give different readings.
    const across = group.some((a) =>
      group.some((b) => sourceOf(a) !== sourceOf(b) && reading(a) !== reading(b)),
    );
    if (!across) continue;
    const quantity = [...new Set(group.map((n) => n.unit))].join(' / ');
    result.push({ quantity, ...classify(group, byId) });
  }
  return result;
}
