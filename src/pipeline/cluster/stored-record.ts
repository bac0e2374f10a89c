import { bandKeys, minHash } from '../dedupe/minhash.ts';
import { hash32 } from '../dedupe/text-features.ts';
import type { TitleCandidate, WeightedTerm } from './article-profile.ts';
import type { ArticleRecord } from './article-record.ts';

/**
 * Interned terms: term → id, id → term, its hash and its document frequency. Records keep term ids
 * (typed arrays), so 100,000 articles share one string per distinct term.
 */
export class TermTable {
  private readonly ids = new Map<string, number>();
  readonly text: string[] = [];
  readonly df: number[] = [];
  private readonly hashes: number[] = [];

  /** The id of `term`, created (with df 0) when new. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.text.length;
      this.ids.set(term, id);
      this.text.push(term);
      this.df.push(0);
      this.hashes.push(hash32(term));
    }
    return id;
  }

  hash(id: number): number {
    return this.hashes[id]!;
  }
}

/** A title candidate with its terms as ids. */
export interface StoredCandidate {
  start: number;
  end: number;
  text: string;
  termIds: Int32Array;
  headline?: boolean;
}

/** What the index keeps in memory per article: the record with typed arrays, sentence keys dropped. */
export interface StoredRecord {
  id: string;
  publishedAt?: string;
  day?: number;
  dayTolerance?: number;
  exact: number;
  signature: Uint32Array;
  /** Term ids ascending, with their profile weights and proper-noun/entity flags. */
  termIds: Int32Array;
  weights: Float64Array;
  proper: Uint8Array;
  candidates: StoredCandidate[];
  cites: readonly string[];
  outlet?: string;
}

const NONE: readonly string[] = Object.freeze([]);

/** Store a record: terms interned and sorted by id (the caller counts them into `df`). */
export function storeRecord(r: ArticleRecord, terms: TermTable): StoredRecord {
  const proper = new Set(r.proper);
  const ids = r.terms.map(([t]) => terms.id(t));
  const order = ids.map((_, k) => k).sort((x, y) => ids[x]! - ids[y]!);
  const stored: StoredRecord = {
    id: r.id,
    exact: r.exact,
    signature: Uint32Array.from(r.signature),
    termIds: Int32Array.from(order, (k) => ids[k]!),
    weights: Float64Array.from(order, (k) => r.terms[k]![1]),
    proper: Uint8Array.from(order, (k) => (proper.has(r.terms[k]![0]) ? 1 : 0)),
    candidates: r.candidates.map((c) => {
      const stored: StoredCandidate = {
        start: c.start,
        end: c.end,
        text: c.text,
        termIds: Int32Array.from(c.terms, (t) => terms.id(t)),
      };
      if (c.headline) stored.headline = true;
      return stored;
    }),
    cites: r.cites.length === 0 ? NONE : r.cites,
  };
  if (r.publishedAt !== undefined) stored.publishedAt = r.publishedAt;
  if (r.day !== undefined) stored.day = r.day;
  if (r.dayTolerance !== undefined) stored.dayTolerance = r.dayTolerance;
  if (r.outlet !== undefined) stored.outlet = r.outlet;
  return stored;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The JSON form of a stored record (terms sorted by term, as `articleRecord` makes them). */
export function recordOf(s: StoredRecord, terms: TermTable): ArticleRecord {
  const list: Array<WeightedTerm & { proper?: boolean }> = [];
  s.termIds.forEach((id, k) => {
    list.push([terms.text[id]!, s.weights[k]!]);
  });
  const proper = new Set<string>();
  s.termIds.forEach((id, k) => {
    if (s.proper[k]) proper.add(terms.text[id]!);
  });
  list.sort((a, b) => byText(a[0], b[0]));
  const candidates: TitleCandidate[] = s.candidates.map((c) => {
    const candidate: TitleCandidate = {
      start: c.start,
      end: c.end,
      text: c.text,
      terms: Array.from(c.termIds, (id) => terms.text[id]!).sort(byText),
    };
    if (c.headline) candidate.headline = true;
    return candidate;
  });
  const record: ArticleRecord = {
    id: s.id,
    terms: list.map(([t, w]): WeightedTerm => [t, w]),
    proper: list.map(([t]) => t).filter((t) => proper.has(t)),
    candidates,
    exact: s.exact,
    signature: Array.from(s.signature),
    reuseKeys: [],
    cites: [...s.cites],
  };
  if (s.publishedAt !== undefined) record.publishedAt = s.publishedAt;
  if (s.day !== undefined) record.day = s.day;
  if (s.dayTolerance !== undefined) record.dayTolerance = s.dayTolerance;
  if (s.outlet !== undefined) record.outlet = s.outlet;
  return record;
}

const TERM_TOP = 20;
const TERM_BANDS = 24;
const TERM_ROWS = 2;
const TERM_SALT = 0x7465726d;
const ANCHORS = 6;

/** Term positions of a record by weight (descending), ties by term. */
function byWeight(a: StoredRecord, terms: TermTable, positions: number[]): number[] {
  const text = terms.text;
  return positions.sort(
    (x, y) => a.weights[y]! - a.weights[x]! || (text[a.termIds[x]!]! < text[a.termIds[y]!]! ? -1 : 1),
  );
}

/** LSH bands (2 rows) of the MinHash of the top-20 terms. */
export function termKeys(a: StoredRecord, terms: TermTable): number[] {
  const top = byWeight(
    a,
    terms,
    Array.from(a.termIds, (_, k) => k),
  ).slice(0, TERM_TOP);
  const signature = minHash(
    top.map((k) => terms.hash(a.termIds[k]!)),
    TERM_BANDS * TERM_ROWS,
  );
  return bandKeys(signature, TERM_BANDS, TERM_ROWS, TERM_SALT);
}

/** The top-6 proper-noun terms, each a key: names few articles share (small buckets) find paraphrases. */
export function anchorKeys(a: StoredRecord, terms: TermTable): number[] {
  const proper = Array.from(a.termIds, (_, k) => k).filter((k) => a.proper[k]);
  return byWeight(a, terms, proper)
    .slice(0, ANCHORS)
    .map((k) => hash32(`anchor ${terms.text[a.termIds[k]!]}`));
}
