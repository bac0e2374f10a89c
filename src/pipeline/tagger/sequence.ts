/**
 * Sequence tagging shared by our trained taggers (entities, attribution): BILOU labels over a set of
 * span types, and greedy left-to-right decoding with the two previous labels as features (Ratinov &
 * Roth 2009: as accurate as Viterbi for this, and faster). What a tagger reads of its tokens is its
 * `TaggerSpec`; the trained model and the trainer differ only in how a feature's weights are looked
 * up (the `Scorer`). docs/decisions/0021.
 */

/** A span found by a tagger: token indices [start, end) and its type. */
export interface TaggedSpan<T extends string = string> {
  start: number;
  end: number;
  type: T;
}

/** 'O', then B-, I-, L-, U- of each type, in the order of `types`. */
export class LabelSet<T extends string = string> {
  readonly labels: string[];
  private readonly prefixes: string[];
  private readonly typesOf: T[];
  /** 1 for the labels that close a span (L-, U-), by label index. */
  readonly closing: Uint8Array;
  constructor(readonly types: readonly T[]) {
    this.labels = ['O', ...types.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
    this.prefixes = this.labels.map((l) => l[0]!);
    this.typesOf = this.labels.map((l) => l.slice(2) as T);
    this.closing = Uint8Array.from(this.prefixes, (p) => (p === 'L' || p === 'U' ? 1 : 0));
  }

  get size(): number {
    return this.labels.length;
  }

  prefixOf(l: number): string {
    return this.prefixes[l]!;
  }

  typeOf(l: number): T {
    return this.typesOf[l]!;
  }

  index(label: string): number {
    return this.labels.indexOf(label);
  }

  /** The spans of a label sequence, read leniently: a stray I/L opens a span, a change of type closes one. */
  spansOf(labels: readonly number[]): TaggedSpan<T>[] {
    const spans: TaggedSpan<T>[] = [];
    let open: TaggedSpan<T> | undefined;
    labels.forEach((l, i) => {
      const p = this.prefixOf(l);
      const t = l === 0 ? undefined : this.typeOf(l);
      if (open && (p === 'O' || p === 'B' || p === 'U' || t !== open.type)) {
        spans.push(open);
        open = undefined;
      }
      if (p === 'O' || t === undefined) return;
      if (!open) open = { start: i, end: i + 1, type: t };
      else open.end = i + 1;
      if (p === 'L' || p === 'U') {
        spans.push(open);
        open = undefined;
      }
    });
    if (open) spans.push(open);
    return spans;
  }

  /** BILOU labels for spans over n tokens (spans must not overlap). */
  bilou(n: number, spans: readonly TaggedSpan<T>[]): number[] {
    const out = new Array<number>(n).fill(0);
    for (const { start, end, type } of spans) {
      const at = (p: string): number => this.index(`${p}-${type}`);
      if (end - start === 1) out[start] = at('U');
      else {
        out[start] = at('B');
        for (let i = start + 1; i < end - 1; i++) out[i] = at('I');
        out[end - 1] = at('L');
      }
    }
    return out;
  }
}

/** Adds the weights of the given feature hashes into `scores` (one per label). */
export type Scorer = (features: number[], scores: Float64Array) => void;

/**
 * What a tagger reads: its labels, how a sentence's words are prepared (`S`), the document-wide
 * context (`D`, fresh for each pass over a document), and its feature templates (32-bit hashes).
 */
export interface TaggerSpec<S, D, T extends string = string> {
  readonly labels: LabelSet<T>;
  /** Bumped whenever a template changes: weights of another version are refused. */
  readonly featureVersion: number;
  /** The command that retrains the weights, for the refusal message. */
  readonly trainCommand: string;
  prepare(words: string[]): S;
  context(sentences: readonly S[]): D;
  length(s: S): number;
  /** The label-independent features of token i, appended to `out`. */
  tokenFeatures(s: S, i: number, ctx: D, out: number[]): void;
  /**
   * The features that read the labels already chosen: the two previous (indices; -1 before the
   * sentence) and, for taggers that need more, all of them (`chosen`, length i).
   */
  labelFeatures(p1: number, p2: number, s: S, i: number, out: number[], chosen: readonly number[]): void;
  /** Called with the labels chosen for a sentence, before the next is decoded (document memory). */
  afterSentence?(s: S, labels: readonly number[], ctx: D): void;
}

/**
 * Inference with fixed weights: the features of a token that read nothing but its word (the word,
 * its shape, affixes, clusters) are scored once per distinct word and their summed label scores
 * reused. Weights are integers summed exactly, so the labels are those of the uncached path.
 */
export interface WordPart<S, D> {
  /**
   * The token's word, or an object standing for it (one per distinct word), whose `WordSlot` fields
   * then hold its scores (no map lookup): the only thing `wordFeatures` may read.
   */
  key(s: S, i: number): string | WordSlot;
  wordFeatures(s: S, i: number, out: number[]): void;
  /** Every other label-independent feature (`tokenFeatures` is the two together). */
  contextFeatures(s: S, i: number, ctx: D, out: number[]): void;
  /** The summed scores of each word's features, filled as words are met. */
  cache: WordScores;
  /**
   * Tokens labelled O without scoring when the label before is O or closes a span (L-, U-), or the
   * sentence starts: those the trained model all but never starts a span on (nor carries a closed
   * one on over). Changes labels only where the model would have disagreed; each tagger measures
   * how often (its decision record).
   */
  settled?(s: S, i: number): boolean;
}

/** Where an object standing for a word keeps its scores, and the cache they belong to. */
export interface WordSlot {
  scoresOf: WordScores | undefined;
  scores: Float64Array | undefined;
}

/**
 * Summed label scores per word: kept on the word's object (`WordSlot`), or for a string in a map
 * bounded at `limit` entries (emptied when full).
 */
export class WordScores {
  private readonly map = new Map<string, Float64Array>();
  private readonly features: number[] = [];
  /** Score arrays are views carved from blocks of 1,024 (one buffer outside the heap each, not one a word). */
  private block = new Float64Array(0);
  private used = 0;
  constructor(private readonly limit = 200_000) {}

  /** The scores of `key`'s word features, computed on first use. */
  get<S, D>(part: WordPart<S, D>, s: S, i: number, score: Scorer, labels: number): Float64Array {
    const key = part.key(s, i);
    let v = typeof key === 'string' ? this.map.get(key) : key.scoresOf === this ? key.scores : undefined;
    if (v) return v;
    if (this.used + labels > this.block.length) {
      this.block = new Float64Array(labels * 1024);
      this.used = 0;
    }
    v = this.block.subarray(this.used, this.used + labels);
    this.used += labels;
    this.features.length = 0;
    part.wordFeatures(s, i, this.features);
    score(this.features, v);
    if (typeof key !== 'string') {
      key.scoresOf = this;
      key.scores = v;
    } else {
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, v);
    }
    return v;
  }
}

/** One score array per label count, reused by every sentence decoded (decoding never nests). */
const scratch = new Map<number, Float64Array>();
function scratchScores(L: number): Float64Array {
  let v = scratch.get(L);
  if (!v) {
    v = new Float64Array(L);
    scratch.set(L, v);
  }
  return v;
}

/**
 * Decode one sentence greedily. `step`, when given, sees each token's features and chosen label
 * before decoding moves on (the trainer updates its weights there) and returns the label to carry
 * forward as history. Unconstrained argmax, ties to the lower label: an ill-formed sequence is read
 * leniently by `spansOf` (forcing valid transitions cost the entity tagger 1.3 F1 — one wrong B
 * drags the span on to the sentence's end).
 */
export function decodeSentence<S, D>(
  spec: TaggerSpec<S, D>,
  s: S,
  ctx: D,
  score: Scorer,
  step?: (features: number[], predicted: number, i: number) => number,
  words?: WordPart<S, D>,
): number[] {
  const L = spec.labels.size;
  const out: number[] = [];
  const features: number[] = [];
  const scores = scratchScores(L);
  let p1 = -1;
  let p2 = -1;
  const n = spec.length(s);
  const closes = spec.labels.closing;
  for (let i = 0; i < n; i++) {
    if (words?.settled && (p1 <= 0 || closes[p1] === 1) && words.settled(s, i)) {
      out.push(0);
      p2 = p1;
      p1 = 0;
      continue;
    }
    features.length = 0;
    if (words) {
      scores.set(words.cache.get(words, s, i, score, L));
      words.contextFeatures(s, i, ctx, features);
    } else {
      scores.fill(0);
      spec.tokenFeatures(s, i, ctx, features);
    }
    spec.labelFeatures(p1, p2, s, i, features, out);
    score(features, scores);
    let best = 0;
    for (let l = 1; l < L; l++) if (scores[l]! > scores[best]!) best = l;
    const carried = step ? step(features, best, i) : best;
    out.push(carried);
    p2 = p1;
    p1 = carried;
  }
  spec.afterSentence?.(s, out, ctx);
  return out;
}

/**
 * Tag a document given as sentences of words: the spans of each sentence. `words` (fixed weights
 * only) reuses each word's scores across tokens and documents.
 */
export function tagDocument<S, D, T extends string>(
  spec: TaggerSpec<S, D, T>,
  score: Scorer,
  sentences: readonly string[][],
  words?: WordPart<S, D>,
): TaggedSpan<T>[][] {
  const prepared = sentences.map((w) => spec.prepare(w));
  const ctx = spec.context(prepared);
  return prepared.map((s) => spec.labels.spansOf(decodeSentence(spec, s, ctx, score, undefined, words)));
}
