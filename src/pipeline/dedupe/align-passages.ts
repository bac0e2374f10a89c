import type { ClusterInput, PassageAlignment } from '../../core/story.ts';
import { segment } from '../segment/segment.ts';
import { mix32, STOPWORDS, wordTokens } from './text-features.ts';

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
  /** Content words (stopwords out), deduplicated. */
  content: Set<string>;
  /** Hashes of adjacent word pairs over all words, deduplicated. */
  bigrams: Set<number>;
  words: number;
}

export interface AlignOptions {
  /** Least sentence-pair score kept (0.5 × content-word Dice + 0.5 × word-bigram Dice). */
  minScore: number;
  /** Least number of shared content words for a sentence pair (or 80% of the shorter sentence's, at least 3). */
  minShared: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = { minScore: 0.4, minShared: 5 };

/** Sentences of an article with their comparison features; sentences under 5 words are left out. */
export function sentenceFeatures(text: string): SentenceFeatures[] {
  const out: SentenceFeatures[] = [];
  for (const s of segment(text).sentences) {
    const tokens = wordTokens(text, s.start, s.end);
    if (tokens.length < 5) continue;
    const content = new Set<string>();
    const bigrams = new Set<number>();
    let prefix = 0; // FNV state of "<previous word> ": the bigram hash without building the string
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i]!.word;
      if (!STOP.has(w) && w.length > 1) content.add(w);
      if (i > 0) bigrams.add(mix(fnv(prefix, w)));
      prefix = fnv(fnv(FNV_BASIS, w), ' ');
    }
    out.push({ start: s.start, end: s.end, paragraph: s.paragraph, content, bigrams, words: tokens.length });
  }
  return out;
}

function shared<T>(a: Set<T>, b: Set<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n += 1;
  return n;
}

/** Sentence-pair similarity and the number of shared content words. */
export function sentenceScore(
  a: SentenceFeatures,
  b: SentenceFeatures,
): { score: number; sharedContent: number } {
  const sc = shared(a.content, b.content);
  if (sc === 0) return { score: 0, sharedContent: 0 };
  const contentDice = (2 * sc) / (a.content.size + b.content.size);
  const sb = shared(a.bigrams, b.bigrams);
  const bigramDice = (2 * sb) / (a.bigrams.size + b.bigrams.size || 1);
  return { score: 0.5 * contentDice + 0.5 * bigramDice, sharedContent: sc };
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
  const postings = new Map<string, number[]>();
  ss.forEach((sentence, j) => {
    for (const w of sentence.content) {
      const list = postings.get(w);
      if (list) list.push(j);
      else postings.set(w, [j]);
    }
  });
  const sharedWith = new Int32Array(ss.length);
  for (let i = 0; i < ds.length; i++) {
    sharedWith.fill(0);
    for (const w of ds[i]!.content) for (const j of postings.get(w) ?? []) sharedWith[j]! += 1;
    for (let j = 0; j < ss.length; j++) {
      if (sharedWith[j]! < least) continue;
      const { score, sharedContent } = sentenceScore(ds[i]!, ss[j]!);
      const smaller = Math.min(ds[i]!.content.size, ss[j]!.content.size);
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
