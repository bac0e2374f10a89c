/**
 * Greedy left-to-right decoding of the entity tagger over BILOU labels (Ratinov & Roth 2009: greedy
 * decoding with the previous labels as features is as accurate as Viterbi here, and faster). Shared
 * by the trained model and the trainer, which differ only in how a feature's weights are looked up.
 */
import type { Lexicon } from '../lexicon.ts';
import {
  capitalized,
  type DocumentContext,
  hashString,
  labelFeatures,
  normalize,
  type PreparedSentence,
  sentenceCase,
  shapeOf,
  tokenFeatures,
} from './features.ts';
import { clusterOf } from './word-clusters.ts';

/** CoNLL's four types, in the order of the label table. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

/** 'O', then B-, I-, L-, U- of each type. */
export const LABELS: string[] = [
  'O',
  ...NER_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`)),
];
const L = LABELS.length;

const prefixOf = (l: number): string => LABELS[l]![0]!;
const typeOf = (l: number): string => LABELS[l]!.slice(2);

/** Adds the weights of the given feature hashes into `scores` (length LABELS.length). */
export type Scorer = (features: number[], scores: Float64Array) => void;

/** The gazetteer tag of every token: the longest lexicon phrase starting at each position, left to right. */
function gazetteerTags(norm: string[], lex: Lexicon | undefined): string[] {
  const tags = new Array<string>(norm.length).fill('');
  if (!lex) return tags;
  let i = 0;
  while (i < norm.length) {
    const max = Math.min(lex.maxLenByFirst.get(norm[i]!) ?? 0, norm.length - i);
    let matched = 0;
    for (let len = max; len >= 1 && matched === 0; len--) {
      const phrase = lex.phrases.get(norm.slice(i, i + len).join(' '));
      if (!phrase) continue;
      const kind = phrase.entry.kind === 'demonym' ? 'demonym' : phrase.entry.type;
      for (let j = 0; j < len; j++) tags[i + j] = `${j === 0 ? 'B' : 'I'}-${kind}`;
      matched = len;
    }
    i += matched || 1;
  }
  return tags;
}

const H_NONE = hashString('');
const H_UNKNOWN = hashString('?');

/** Prepare one sentence's words for the feature templates. */
export function prepareSentence(words: string[], lex: Lexicon | undefined): PreparedSentence {
  const n = words.length;
  const norm = words.map(normalize);
  const gaz = gazetteerTags(norm, lex);
  const s: PreparedSentence = {
    words,
    norm,
    hNorm: new Uint32Array(n),
    hWord: new Uint32Array(n),
    hShape: new Uint32Array(n),
    hGaz: new Uint32Array(n),
    hCoarse: new Uint32Array(n),
    hFine: new Uint32Array(n),
    cap: new Uint8Array(n),
    inGaz: new Uint8Array(n),
    casing: sentenceCase(words),
  };
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    s.hNorm[i] = hashString(norm[i]!);
    s.hWord[i] = hashString(w);
    s.hShape[i] = hashString(shapeOf(w));
    s.hGaz[i] = gaz[i] === '' ? H_NONE : hashString(gaz[i]!);
    s.inGaz[i] = gaz[i] === '' ? 0 : 1;
    s.cap[i] = capitalized(w) ? 1 : 0;
    const c = clusterOf(w);
    s.hCoarse[i] = c ? c.coarse + 1 : H_UNKNOWN;
    s.hFine[i] = c ? c.fine + 0x10000 : H_UNKNOWN;
  }
  return s;
}

/** A fresh document context over all the document's words (which occur in lower case). */
export function documentContext(sentences: string[][]): DocumentContext {
  const lowerSeen = new Set<string>();
  for (const words of sentences) {
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (/^\p{Ll}/u.test(w)) lowerSeen.add(normalize(w));
    }
  }
  return { lowerSeen, history: new Map() };
}

/**
 * Decode one sentence greedily. `step`, when given, sees each token's features and chosen label
 * before decoding moves on (the trainer updates its weights there) and may return the label to
 * carry forward as history.
 */
export function decodeSentence(
  s: PreparedSentence,
  doc: DocumentContext,
  score: Scorer,
  step?: (features: number[], predicted: number, i: number) => number,
): number[] {
  const out: number[] = [];
  const features: number[] = [];
  const scores = new Float64Array(L);
  let p1 = -1;
  let p2 = -1;
  for (let i = 0; i < s.words.length; i++) {
    features.length = 0;
    tokenFeatures(s, i, doc, features);
    labelFeatures(p1, p2, s, i, features);
    scores.fill(0);
    score(features, scores);
    // Unconstrained argmax (ties to the lower label): an ill-formed sequence is read leniently by
    // `spansOf`. Forcing valid transitions measured 1.3 F1 worse on CoNLL dev — one wrong B drags
    // the entity on to the sentence's end.
    let best = 0;
    for (let l = 1; l < L; l++) if (scores[l]! > scores[best]!) best = l;
    const carried = step ? step(features, best, i) : best;
    out.push(carried);
    p2 = p1;
    p1 = carried;
  }
  recordHistory(s, out, doc);
  return out;
}

/** Remember the type each word of a predicted entity got, for the document-level template. */
function recordHistory(s: PreparedSentence, labels: number[], doc: DocumentContext): void {
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l !== 0 && s.cap[i]) doc.history.set(s.norm[i]!, typeOf(l));
  }
}

/** An entity found by the tagger: token indices [start, end) and its CoNLL type. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: NerType;
}

/** The entities of a BILOU label sequence (any stray I/L without a B opens an entity). */
export function spansOf(labels: number[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: TaggedSpan | undefined;
  labels.forEach((l, i) => {
    const p = l === 0 ? 'O' : prefixOf(l);
    const t = l === 0 ? '' : (typeOf(l) as NerType);
    if (open && (p === 'O' || p === 'B' || p === 'U' || t !== open.type)) {
      spans.push(open);
      open = undefined;
    }
    if (p === 'O') return;
    if (!open) open = { start: i, end: i + 1, type: t as NerType };
    else open.end = i + 1;
    if (p === 'L' || p === 'U') {
      spans.push(open);
      open = undefined;
    }
  });
  if (open) spans.push(open);
  return spans;
}

/** BILOU labels (indices into LABELS) for entity spans over n tokens. */
export function bilou(n: number, spans: TaggedSpan[]): number[] {
  const out = new Array<number>(n).fill(0);
  for (const { start, end, type } of spans) {
    const at = (p: string): number => LABELS.indexOf(`${p}-${type}`);
    if (end - start === 1) out[start] = at('U');
    else {
      out[start] = at('B');
      for (let i = start + 1; i < end - 1; i++) out[i] = at('I');
      out[end - 1] = at('L');
    }
  }
  return out;
}
