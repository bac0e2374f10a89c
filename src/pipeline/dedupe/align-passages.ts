import type { ClusterInput, PassageAlignment } from '../../core/story.ts';
import { segment } from '../segment/segment.ts';
import { lowerWords, mix32, STOPWORDS } from './text-features.ts';

const FNV_BASIS = 0x811c9dc5;
const mix = mix32;
const STOP = STOPWORDS;

/** FNV-1a continued over `s` from state `h` (hash32 = mix32 of the state over the whole string). */
function fnv(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x;
}

/** A sentence reduced to what alignment compares. */
export interface SentenceFeatures {
  start: number;
  end: number;
  paragraph: number;
  /** 32-bit hashes of its content words (stopwords out), sorted ascending, without repeats. */
  content: Uint32Array;
  /** Hashes of adjacent word pairs over all words, sorted ascending, without repeats. */
  bigrams: Uint32Array;
  words: number;
}

export interface AlignOptions {
  /** Least sentence-pair score kept (0.5 × content-word Dice + 0.5 × word-bigram Dice). */
  minScore: number;
  /** Least number of shared content words for a sentence pair (or 80% of the shorter sentence's, at least 3). */
  minShared: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = { minScore: 0.4, minShared: 5 };

/** Sort `values` ascending in place and drop repeats; returns how many remain at the front. */
function sortUnique(values: number[]): number {
  // Insertion sort: sentences have tens of values, where it beats a general sort by far.
  let n = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    let i = n - 1;
    while (i >= 0 && values[i]! > v) i -= 1;
    if (i >= 0 && values[i] === v) continue;
    for (let m = n; m > i + 1; m--) values[m] = values[m - 1]!;
    values[i + 1] = v;
    n += 1;
  }
  return n;
}

/**
 * Sentences of an article with their comparison features; sentences under 5 words are left out.
 * All hash sets of an article are views into one typed array: one buffer per article rather than
 * two per sentence.
 */
export function sentenceFeatures(text: string): SentenceFeatures[] {
  const kept: Array<{
    start: number;
    end: number;
    paragraph: number;
    words: number;
    content: number[];
    bigrams: number[];
  }> = [];
  let total = 0;
  for (const s of segment(text).sentences) {
    const words = lowerWords(text, s.start, s.end);
    if (words.length < 5) continue;
    const content: number[] = [];
    const bigrams: number[] = [];
    let prefix = 0; // FNV state of "<previous word> ": the bigram hash without building the string
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const own = fnv(FNV_BASIS, w);
      if (w.length > 1 && !STOP.has(w)) content.push(mix(own));
      if (i > 0) bigrams.push(mix(fnv(prefix, w)));
      prefix = fnv(own, ' ');
    }
    content.length = sortUnique(content);
    bigrams.length = sortUnique(bigrams);
    total += content.length + bigrams.length;
    kept.push({ start: s.start, end: s.end, paragraph: s.paragraph, words: words.length, content, bigrams });
  }
  const data = new Uint32Array(total);
  let at = 0;
  const view = (values: number[]) => {
    data.set(values, at);
    at += values.length;
    return data.subarray(at - values.length, at);
  };
  return kept.map((k) => ({
    start: k.start,
    end: k.end,
    paragraph: k.paragraph,
    content: view(k.content),
    bigrams: view(k.bigrams),
    words: k.words,
  }));
}

/** How many values two sorted, repeat-free arrays share (a merge join). */
function shared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return n;
}

/** Sentence-pair similarity and the number of shared content words. */
export function sentenceScore(
  a: SentenceFeatures,
  b: SentenceFeatures,
): { score: number; sharedContent: number } {
  const sc = shared(a.content, b.content);
  if (sc === 0) return { score: 0, sharedContent: 0 };
  const contentDice = (2 * sc) / (a.content.length + b.content.length);
  const sb = shared(a.bigrams, b.bigrams);
  const bigramDice = (2 * sb) / (a.bigrams.length + b.bigrams.length || 1);
  return { score: 0.5 * contentDice + 0.5 * bigramDice, sharedContent: sc };
}

/**
 * Content word → the sentences holding it, in typed arrays: the distinct words, each one's run of
 * sentence indexes, and an open-addressing table from a word to its place. Kept per features array
 * (reused while the features are cached). As a `Map` of arrays it was ~25 KB an article, and the
 * features of most of a pile are held at once while its reuse candidates are verified: ~340 MB of
 * heap at 20,000 articles, the peak of the analysis (docs/decisions/0013).
 */
interface Postings {
  words: Uint32Array;
  /** Word k's sentences are `sentences[from[k]]` to `sentences[from[k + 1] - 1]`. */
  from: Uint32Array;
  sentences: Uint32Array;
  /** Slot → 1 + the word's index (0: empty); linear probing from the word's low bits. */
  slots: Uint32Array;
}

/** Sentence indexes below 2^21: an article of two million sentences is far beyond any input limit. */
const SENTENCE_SPACE = 2_097_152;

const postingsCache = new WeakMap<readonly SentenceFeatures[], Postings>();

function postingsOf(features: readonly SentenceFeatures[]): Postings {
  const hit = postingsCache.get(features);
  if (hit) return hit;
  let total = 0;
  for (const f of features) total += f.content.length;
  // (word, sentence) pairs packed in one float64 each: word × 2^21 + sentence (exact below 2^53), sorted numerically.
  const packed = new Float64Array(total);
  let at = 0;
  for (let j = 0; j < features.length; j++)
    for (const w of features[j]!.content) packed[at++] = w * SENTENCE_SPACE + j;
  packed.sort();
  const words: number[] = [];
  const from: number[] = [];
  const sentences = new Uint32Array(total);
  for (let k = 0; k < total; k++) {
    const w = Math.floor(packed[k]! / SENTENCE_SPACE);
    if (words.length === 0 || words[words.length - 1] !== w) {
      words.push(w);
      from.push(k);
    }
    sentences[k] = packed[k]! - w * SENTENCE_SPACE;
  }
  from.push(total);
  let size = 4;
  while (size < words.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  for (let k = 0; k < words.length; k++) {
    let slot = words[k]! & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = k + 1;
  }
  const postings = { words: Uint32Array.from(words), from: Uint32Array.from(from), sentences, slots };
  postingsCache.set(features, postings);
  return postings;
}

/** The index of `word` in the postings, or -1. */
function wordIndex(postings: Postings, word: number): number {
  const mask = postings.slots.length - 1;
  for (let slot = word & mask; ; slot = (slot + 1) & mask) {
    const k = postings.slots[slot]!;
    if (k === 0) return -1;
    if (postings.words[k - 1] === word) return k - 1;
  }
}

/**
 * Align the sentences of `derived` with those of `source`: every sentence pair is scored, pairs are
 * taken best first one-to-one, and runs of consecutive aligned pairs (next sentence here, next
 * sentence there) merge into one passage. Spans index each article's `text`.
 */
export function alignPassages(
  derived: ClusterInput,
  source: ClusterInput,
  options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
  features?: { derived: SentenceFeatures[]; source: SentenceFeatures[] },
): PassageAlignment[] {
  const ds = features?.derived ?? sentenceFeatures(derived.text);
  const ss = features?.source ?? sentenceFeatures(source.text);
  const pairs: Array<{ i: number; j: number; score: number }> = [];
  // Content word → source sentences: only pairs sharing as many content words as any pair needs
  // (min(minShared, 3)) are scored, instead of every sentence pair.
  const least = Math.min(options.minShared, 3);
  const postings = postingsOf(ss);
  const sharedWith = new Int32Array(ss.length);
  for (let i = 0; i < ds.length; i++) {
    sharedWith.fill(0);
    for (const w of ds[i]!.content) {
      const k = wordIndex(postings, w);
      if (k < 0) continue;
      for (let at = postings.from[k]!; at < postings.from[k + 1]!; at++)
        sharedWith[postings.sentences[at]!]! += 1;
    }
    for (let j = 0; j < ss.length; j++) {
      if (sharedWith[j]! < least) continue;
      const { score, sharedContent } = sentenceScore(ds[i]!, ss[j]!);
      const smaller = Math.min(ds[i]!.content.length, ss[j]!.content.length);
      const needed = Math.min(options.minShared, Math.max(3, Math.ceil(0.8 * smaller)));
      if (score >= options.minScore && sharedContent >= needed) pairs.push({ i, j, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedD = new Set<number>();
  const usedS = new Set<number>();
  const kept: typeof pairs = [];
  for (const p of pairs) {
    if (usedD.has(p.i) || usedS.has(p.j)) continue;
    usedD.add(p.i);
    usedS.add(p.j);
    kept.push(p);
  }
  kept.sort((x, y) => x.i - y.i);
  const out: PassageAlignment[] = [];
  let run: typeof kept = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const weight = run.reduce((n, p) => n + ds[p.i]!.words, 0);
    const score = run.reduce((n, p) => n + p.score * ds[p.i]!.words, 0) / weight;
    out.push({
      derived: { articleId: derived.id, start: ds[first.i]!.start, end: ds[last.i]!.end },
      source: { articleId: source.id, start: ss[first.j]!.start, end: ss[last.j]!.end },
      score: Math.round(score * 1000) / 1000,
    });
    run = [];
  };
  for (const p of kept) {
    const prev = run[run.length - 1];
    if (prev && !(p.i === prev.i + 1 && p.j === prev.j + 1)) flush();
    run.push(p);
  }
  flush();
  return out;
}
