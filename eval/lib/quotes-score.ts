/**
 * Quote-extraction scoring against gold: content spans matched exactly or by ≥50% overlap, and the
 * speaker of each matched quote (exact span, overlapping span, resolved name). See
 * docs/decisions/0041-quote-extraction.md for the definitions. The cue and source measures of the
 * PolNeAR convention, read on the same content pairing (`contentPairing`), are in
 * quotes-polnear-measures.ts.
 */
import type { GoldDoc, GoldQuote, GoldSpan } from './quotes-gold.ts';

export interface PredictedQuote {
  content: GoldSpan;
  speaker?: GoldSpan;
  /** The cue ("said", "told reporters"), when the extractor gives its span. */
  cue?: GoldSpan;
  speakerName?: string;
  direct: boolean;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface QuoteScores {
  exact: Counts;
  overlap: Counts;
  /** Over overlap-matched pairs whose gold has a speaker. */
  speaker: { pairs: number; exact: number; overlap: number; named: number; nameCorrect: number };
}

const QUOTE_MARKS = /["“”„«»'‘’]/;

/**
 * Normalise a span's boundaries: drop surrounding spaces, quote marks and , . ; : and a leading
 * complementiser "that " — annotators differ on whether these belong to the content.
 */
export function normalizeSpan(text: string, span: GoldSpan): GoldSpan {
  let { start, end } = span;
  for (let changed = true; changed; ) {
    changed = false;
    while (start < end && (/[\s,.;:—–-]/.test(text[start]!) || QUOTE_MARKS.test(text[start]!))) {
      start += 1;
      changed = true;
    }
    while (end > start && (/[\s,.;:—–-]/.test(text[end - 1]!) || QUOTE_MARKS.test(text[end - 1]!))) {
      end -= 1;
      changed = true;
    }
    if (/^that\s/i.test(text.slice(start, start + 5))) {
      start += 5;
      changed = true;
    }
  }
  return { start, end };
}

export const len = (s: GoldSpan): number => Math.max(0, s.end - s.start);
export const inter = (a: GoldSpan, b: GoldSpan): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
export const interAll = (a: GoldSpan, pieces: GoldSpan[]): number =>
  pieces.reduce((n, p) => n + inter(a, p), 0);
export const same = (a: GoldSpan, b: GoldSpan): boolean => a.start === b.start && a.end === b.end;

export function envelope(pieces: GoldSpan[]): GoldSpan {
  return { start: Math.min(...pieces.map((p) => p.start)), end: Math.max(...pieces.map((p) => p.end)) };
}

/** A gold span (one or more brat pieces) with normalised pieces, their envelope and their total length. */
export interface PreparedSpan {
  pieces: GoldSpan[];
  env: GoldSpan;
  size: number;
}

interface Prepared extends PreparedSpan {
  quote: GoldQuote;
}

/** Normalise each piece; pieces that normalise to nothing are dropped (all kept raw if none is left). */
export function prepareSpan(text: string, raw: GoldSpan[]): PreparedSpan {
  const pieces = raw.map((p) => normalizeSpan(text, p)).filter((p) => len(p) > 0);
  const safe = pieces.length > 0 ? pieces : raw;
  return { pieces: safe, env: envelope(safe), size: safe.reduce((n, p) => n + len(p), 0) };
}

function prepare(text: string, quote: GoldQuote): Prepared {
  return { ...prepareSpan(text, quote.content), quote };
}

function isExact(pred: GoldSpan, gold: Prepared): boolean {
  return same(pred, gold.env) || gold.pieces.some((p) => same(pred, p));
}

function isOverlap(pred: GoldSpan, gold: Prepared): boolean {
  return interAll(pred, gold.pieces) >= 0.5 * Math.max(len(pred), gold.size) || isExact(pred, gold);
}

/**
 * One-to-one greedy pairing: every (prediction, gold) pair that `ok` accepts is a candidate, weighted by
 * the characters they share; candidates are taken heaviest first (ties: earlier prediction, then earlier
 * gold — the sort is stable) when neither side is taken yet. Returns prediction index → gold index.
 */
export function pairOneToOne<G extends PreparedSpan>(
  preds: GoldSpan[],
  golds: G[],
  ok: (p: GoldSpan, g: G) => boolean,
): Map<number, number> {
  const pairs: [number, number, number][] = [];
  preds.forEach((p, i) => {
    golds.forEach((g, j) => {
      if (ok(p, g)) pairs.push([i, j, interAll(p, g.pieces)]);
    });
  });
  pairs.sort((a, b) => b[2] - a[2]);
  const predOf = new Map<number, number>();
  const goldTaken = new Set<number>();
  for (const [i, j] of pairs) {
    if (predOf.has(i) || goldTaken.has(j)) continue;
    predOf.set(i, j);
    goldTaken.add(j);
  }
  return predOf;
}

/** One-to-one greedy matching by overlap; predictions that are further pieces of a matched gold are ignored. */
function match(preds: GoldSpan[], golds: Prepared[], ok: (p: GoldSpan, g: Prepared) => boolean) {
  const predOf = pairOneToOne(preds, golds, ok);
  const goldTaken = new Set(predOf.values());
  const ignored = new Set<number>();
  preds.forEach((p, i) => {
    if (predOf.has(i)) return;
    const inside = [...goldTaken].some((j) => interAll(p, golds[j]!.pieces) >= 0.5 * len(p));
    if (inside) ignored.add(i);
  });
  const counts: Counts = {
    tp: predOf.size,
    fp: preds.length - predOf.size - ignored.size,
    fn: golds.length - goldTaken.size,
  };
  return { counts, predOf, ignored };
}

/**
 * The content pairing every per-attribution measure is read on: the ≥50%-overlap matching of
 * `scoreDocument` (`pairs`: prediction index → gold quote index) and the unpaired predictions it
 * ignores as further pieces of a paired gold (`ignored`).
 */
export function contentPairing(
  doc: GoldDoc,
  predicted: PredictedQuote[],
): { pairs: Map<number, number>; ignored: Set<number> } {
  const golds = doc.quotes.map((q) => prepare(doc.text, q));
  const preds = predicted.map((p) => normalizeSpan(doc.text, p.content));
  const { predOf, ignored } = match(preds, golds, isOverlap);
  return { pairs: predOf, ignored };
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .trim();

/** Score one document's predictions. */
export function scoreDocument(doc: GoldDoc, predicted: PredictedQuote[]): QuoteScores {
  const golds = doc.quotes.map((q) => prepare(doc.text, q));
  const preds = predicted.map((p) => normalizeSpan(doc.text, p.content));
  const exact = match(preds, golds, isExact);
  const overlap = match(preds, golds, isOverlap);
  const speaker = { pairs: 0, exact: 0, overlap: 0, named: 0, nameCorrect: 0 };
  for (const [i, j] of overlap.predOf) {
    const gold = golds[j]!.quote;
    const pred = predicted[i]!;
    if (gold.speakerName) {
      speaker.named += 1;
      if (pred.speakerName && norm(pred.speakerName) === norm(gold.speakerName)) speaker.nameCorrect += 1;
    }
    if (!gold.speaker) continue;
    speaker.pairs += 1;
    if (!pred.speaker) continue;
    const g = normalizeSpan(doc.text, envelope(gold.speaker));
    const p = normalizeSpan(doc.text, pred.speaker);
    if (same(g, p)) speaker.exact += 1;
    if (inter(g, p) > 0) speaker.overlap += 1;
  }
  return { exact: exact.counts, overlap: overlap.counts, speaker };
}

/** A quotation mark opening a content: one character, or the typewriter pairs '' and `` (NYT text). */
const OPENING_MARK = /^\s*(?:["“”„«]|''|``)/;

/**
 * The direct-quote subset of one document: gold quotes marked `direct`, or — PolNeAR, which has no
 * flag — whose first content piece opens with a quotation mark; predictions flagged `direct`.
 */

export function directSubset(
  doc: GoldDoc,
  predicted: PredictedQuote[],
): { doc: GoldDoc; predicted: PredictedQuote[] } {
  const isDirect = (q: GoldQuote) =>
    q.direct ?? OPENING_MARK.test(doc.text.slice(q.content[0]!.start, q.content[0]!.end));
  return {
    doc: { ...doc, quotes: doc.quotes.filter(isDirect) },
    predicted: predicted.filter((p) => p.direct),
  };
}

export function emptyScores(): QuoteScores {
  return {
    exact: { tp: 0, fp: 0, fn: 0 },
    overlap: { tp: 0, fp: 0, fn: 0 },
    speaker: { pairs: 0, exact: 0, overlap: 0, named: 0, nameCorrect: 0 },
  };
}

export function addScores(into: QuoteScores, s: QuoteScores): QuoteScores {
  for (const k of ['exact', 'overlap'] as const) {
    into[k].tp += s[k].tp;
    into[k].fp += s[k].fp;
    into[k].fn += s[k].fn;
  }
  for (const k of ['pairs', 'exact', 'overlap', 'named', 'nameCorrect'] as const)
    into.speaker[k] += s.speaker[k];
  return into;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
