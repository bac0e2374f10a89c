import type { Range } from '../../core/span.ts';
import type { ClusterInput } from '../../core/story.ts';
import { STOPWORDS, tokensIn, type WordToken, wordTokens } from '../dedupe/text-features.ts';

/** A weighted term: a word, a pair of adjacent content words ("october surprise"), or "@entity". */
export type WeightedTerm = [term: string, weight: number];

/** A sentence that could title a story, with the terms it contributes. */
export interface TitleCandidate {
  start: number;
  end: number;
  text: string;
  terms: string[];
  /** The article's headline (before `bodyStart`), not a body sentence. */
  headline?: boolean;
}

/**
 * A wire dateline at the start of a lead sentence: "BERLIN --", "NEW YORK (AP) —", "CAIRO, June 1
 * (Xinhua) --", "MOBILE, Ala. (AP) --", "WASHINGTON _". An upper-case place (one to four words),
 * optionally a region or a date after a comma, optionally the agency in parentheses, then a dash,
 * underscore or colon. Titles never start with one.
 */
const DATELINE =
  /^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, ?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?(?: \d{1,2})?)?(?: ?\([A-Za-z .&-]{1,30}\))? ?(?:--|—|–|-|_|:) +/;

/** Where a sentence starts once a leading wire dateline is skipped (0 when there is none). */
export function datelineLength(sentence: string): number {
  return DATELINE.exec(sentence)?.[0].length ?? 0;
}

/** What clustering keeps about one article: small, JSON-serialisable, a pure function of the article. */
export interface ArticleProfile {
  id: string;
  publishedAt?: string;
  /** Days since 1970-01-01 (UTC) of the publication date, and how uncertain it is in days. */
  day?: number;
  dayTolerance?: number;
  /** The article's top terms, L2-normalised, sorted by term (for merge joins). */
  terms: WeightedTerm[];
  /** The top terms that are proper nouns (every word seen capitalised mid-sentence) or entities. */
  proper: string[];
  candidates: TitleCandidate[];
}

export const PROFILE_TERMS = 40;
const TITLE_CANDIDATES = 3;
const TITLE_MAX = 200;

/**
 * A title taken from the text: trimmed, whitespace collapsed, cut at a word boundary past 200
 * characters — a fresh string, so a kept candidate does not pin the whole article text in memory.
 */
export function titleText(s: string): string {
  const flat = ` ${s.replace(/\s+/g, ' ').trim()}`.slice(1);
  if (flat.length <= TITLE_MAX) return flat;
  const cut = flat.lastIndexOf(' ', TITLE_MAX);
  return flat.slice(0, cut > 60 ? cut : TITLE_MAX);
}

/** Parse an ISO date prefix into a day number and its tolerance (month → ±15, year → ±182). */
export function dayOf(iso: string | undefined): { day: number; tolerance: number } | undefined {
  const m = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3]) return { day: Date.UTC(year, Number(m[2]) - 1, Number(m[3])) / 86_400_000, tolerance: 0 };
  if (m[2]) return { day: Date.UTC(year, Number(m[2]) - 1, 15) / 86_400_000, tolerance: 15 };
  return { day: Date.UTC(year, 6, 1) / 86_400_000, tolerance: 182 };
}

/** Is `text[start, end)` only whitespace and hyphens (so two words are adjacent)? */
function onlySpaceOrHyphen(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(text[i]!)) return false;
  }
  return true;
}

/** A module-local reference: hot loops then skip the import binding's indirection (under tsx). */
const STOP = STOPWORDS;

function isContent(word: string): boolean {
  if (word.length < 2 || STOP.has(word)) return false;
  const c = word.charCodeAt(0);
  return !(c >= 48 && c <= 57);
}

/**
 * Profile an article: its term vector (sublinear tf × a fixed weight: ×1.5 for words seen as proper
 * nouns, ×2 for headline words, entities as "@" terms) cut to the top terms, its date, and the
 * sentences that could title a story (the headline and the body sentences closest to its own vector).
 */
export function articleProfile(
  input: ClusterInput,
  sentences: readonly Range[],
  tokens: readonly WordToken[] = wordTokens(input.text),
): ArticleProfile {
  const { text } = input;
  const tf = new Map<string, number>();
  const proper = new Set<string>();
  let prev: string | undefined;
  let prevEnd = -1;
  for (const t of tokens) {
    if (!isContent(t.word)) {
      prev = undefined;
      continue;
    }
    const weight = t.start < input.bodyStart ? 2 : 1;
    tf.set(t.word, (tf.get(t.word) ?? 0) + weight);
    if (t.proper) proper.add(t.word);
    if (prev !== undefined && onlySpaceOrHyphen(text, prevEnd, t.start)) {
      const bigram = `${prev} ${t.word}`;
      tf.set(bigram, (tf.get(bigram) ?? 0) + weight);
    }
    prev = t.word;
    prevEnd = t.end;
  }
  const raw: WeightedTerm[] = [];
  for (const [term, n] of tf) {
    const boost = proper.has(term) ? 1.5 : 1;
    raw.push([term, (1 + Math.log(n)) * boost]);
  }
  // Entities as "@" terms, weighed by salience: one the article names twice or more counts 2, one
  // named once 1 (the trained tagger finds every name in passing; flat weights let those crowd out
  // the words — docs/decisions/0021).
  const mentions = new Map<string, number>();
  for (const e of input.entities ?? []) mentions.set(e, (mentions.get(e) ?? 0) + 1);
  for (const [e, n] of mentions) raw.push([`@${e.toLowerCase()}`, n >= 2 ? 2 : 1]);
  // Only terms at or above the 40th largest weight can make the cut: sort just those.
  const weightsDesc = Float64Array.from(raw, (r) => r[1]).sort();
  const cutoff = weightsDesc[Math.max(0, weightsDesc.length - PROFILE_TERMS)] ?? 0;
  const top = raw
    .filter((r) => r[1] >= cutoff)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, PROFILE_TERMS);
  let sq = 0;
  for (const t of top) sq += t[1] * t[1];
  const norm = Math.sqrt(sq) || 1;
  const terms: WeightedTerm[] = top.map(([t, w]) => [t, Math.round((w / norm) * 1e6) / 1e6]);
  const weights = new Map(terms);
  /** First words of the top bigrams: only after one of them can a bigram be a top term. */
  const heads = new Set(terms.filter(([t]) => t.includes(' ')).map(([t]) => t.slice(0, t.indexOf(' '))));
  terms.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const scored: Array<{ start: number; end: number; found: Set<string>; score: number; order: number }> = [];
  sentences.forEach((s, order) => {
    const isHeadline = s.start < input.bodyStart;
    const sw = tokensIn(tokens, s.start, s.end).map((t) => t.word);
    if (sw.length < 4 || (!isHeadline && sw.length > 45)) return;
    const found = new Set<string>();
    for (let i = 0; i < sw.length; i++) {
      if (weights.has(sw[i]!)) found.add(sw[i]!);
      if (i === 0 || !heads.has(sw[i - 1]!)) continue;
      const bigram = `${sw[i - 1]} ${sw[i]}`;
      if (weights.has(bigram)) found.add(bigram);
    }
    let sum = 0;
    for (const t of found) sum += weights.get(t)!;
    const score = sum / Math.sqrt(sw.length);
    scored.push({ start: s.start, end: s.end, found, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const headline = scored.filter((c) => c.start < input.bodyStart).slice(0, 1);
  const body = scored.filter((c) => c.start >= input.bodyStart).slice(0, TITLE_CANDIDATES - headline.length);
  const candidates = [...headline, ...body].map(({ start, end, found }): TitleCandidate => {
    const isHeadline = start < input.bodyStart;
    const from = isHeadline ? start : start + datelineLength(text.slice(start, end));
    const candidate: TitleCandidate = {
      start: from,
      end,
      text: titleText(text.slice(from, end)),
      terms: [...found].sort(),
    };
    if (isHeadline) candidate.headline = true;
    return candidate;
  });

  const date = dayOf(input.publishedAt);
  const properTerms = terms
    .map(([t]) => t)
    .filter((t) => t.startsWith('@') || t.split(' ').every((w) => proper.has(w)));
  const profile: ArticleProfile = { id: input.id, terms, proper: properTerms, candidates };
  if (input.publishedAt) profile.publishedAt = input.publishedAt;
  if (date) {
    profile.day = date.day;
    profile.dayTolerance = date.tolerance;
  }
  return profile;
}

/** Cosine of two L2-normalised term lists sorted by term. */
export function cosine(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x[0] === y[0]) {
      dot += x[1] * y[1];
      i += 1;
      j += 1;
    } else if (x[0] < y[0]) i += 1;
    else j += 1;
  }
  return dot;
}
