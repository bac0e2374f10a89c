/**
 * The attribution decoder's per-word store (role-decoder.ts): for each distinct word as written, what
 * the templates read of it and its summed weight rows (token-rows.ts) — the `WORD_ROWS` rows of its
 * label-independent features, and, summed on first use, a row for each label before it and for each
 * set of roles before it. Words repeat, so most of a token's score comes from rows already summed
 * instead of lookups in the weight table.
 */
import { wordFacts } from '../../entities/ner/word-facts.ts';
import { cueShare, type WordLook } from './attribution-tagger.ts';
import {
  afterLabelFeatures,
  afterRolesFeatures,
  boundaryWord,
  CUE_BANDS,
  cueCoarseFeature,
  H_BOS,
  H_EOS,
  OWN_ROWS,
  ownFeatures,
  WORD_ROWS,
  wordRowFeatures,
} from './token-rows.ts';

/** Adds the weights of `features` into `into` at `offset`. */
export type SumWeights = (features: readonly number[], into: Int32Array, offset: number) => void;

/** A word as the store keeps it: what the templates read, and its id (0 and 1: the boundaries). */
export interface KeptWord extends WordLook {
  id: number;
  word: string;
}

/** Words kept (about 2 KB each at most) before the store empties itself. */
const WORD_LIMIT = 65_536;
/** Slots of the words' index: a power of two, at most 0.4 full. */
const INDEX_SIZE = 1 << 18;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Role sets (bits) a token's history can hold. */
const ROLE_SETS = 8;

export class WordRows {
  /** `WORD_ROWS` rows of L per word id. */
  rows = new Int32Array(0);
  /** Rows of a coarse cluster at each distance band from the cue (`cueCoarseFeature`), by cluster index. */
  cueCoarse = new Int32Array(0);
  /** Each word's cluster index in `cueCoarse`. */
  coarseOf = new Int32Array(0);
  /** Rows of the history features (`afterLabelFeatures`, `afterRolesFeatures`), where `historyAt` says. */
  history = new Int32Array(0);
  /**
   * The words kept, found by an open-addressing index of their FNV-1a hash (id + 1; 0: empty):
   * a `Map` of strings hashed each new token string in the runtime, at several times the cost.
   */
  private index: Int32Array;
  private kept: KeptWord[] = [];
  private keyHash = new Int32Array(0);
  private count = 0;
  private hNorm = new Int32Array(0);
  private hFine = new Int32Array(0);
  /** Per word, the row in `history` for each label before it (−1 … L−1) then each role set (−1: not yet). */
  private historyAt = new Int32Array(0);
  private historyUsed = 0;
  private readonly slots: number;
  private readonly coarseIndex = new Map<number, number>();
  private readonly scratch: number[] = [];
  private readonly own: Int32Array;

  constructor(
    private readonly L: number,
    private readonly sum: SumWeights,
    private readonly indexSize = INDEX_SIZE,
  ) {
    this.index = new Int32Array(indexSize);
    this.slots = L + 1 + ROLE_SETS;
    this.own = new Int32Array(L);
    this.forget();
  }

  /** Empties the store (but for the boundaries) when `n` more words could overfill it. */
  makeRoom(n: number): void {
    if (this.count + n > WORD_LIMIT) this.forget();
  }

  private forget(): void {
    if (this.index.length === this.indexSize) this.index.fill(0);
    else this.index = new Int32Array(this.indexSize);
    this.kept = [];
    this.count = 0;
    this.historyUsed = 0;
    this.add(boundaryWord(H_BOS));
    this.add(boundaryWord(H_EOS));
  }

  /** A word as written: its facts, with its rows summed on first sight. */
  look(w: string): KeptWord {
    let h = FNV_OFFSET;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
    const mask = this.index.length - 1;
    let at = h & mask;
    for (let k = this.index[at]!; k !== 0; k = this.index[at]!) {
      const e = this.kept[k - 1]!;
      if (this.keyHash[k - 1] === h && e.word === w) return e;
      at = (at + 1) & mask;
    }
    const f = wordFacts(w);
    const e: KeptWord = {
      hNorm: f.hNorm,
      hShape: f.hShape,
      hSuffix: f.hSuffix,
      hCoarse: f.hCoarse,
      hFine: f.hFine,
      share: cueShare(w),
      id: 0,
      word: w,
    };
    e.id = this.add(e);
    this.kept[e.id] = e;
    this.keyHash[e.id] = h;
    this.index[at] = e.id + 1;
    // A sentence of more new words than the store keeps fills it past its limit: the index doubles.
    if (2 * this.count > this.index.length) this.widen();
    return e;
  }

  /** The index at twice its size, the words kept placed anew. */
  private widen(): void {
    const index = new Int32Array(2 * this.index.length);
    const mask = index.length - 1;
    for (let id = 2; id < this.count; id++) {
      let at = this.keyHash[id]! & mask;
      while (index[at] !== 0) at = (at + 1) & mask;
      index[at] = id + 1;
    }
    this.index = index;
  }

  private add(w: Parameters<typeof wordRowFeatures>[0]): number {
    const { L, slots } = this;
    const id = this.count++;
    const per = WORD_ROWS * L;
    if (this.coarseOf.length <= id) {
      // Room for all the words kept at once: no copy as the store fills (pages untouched stay unmapped).
      const size = Math.max(WORD_LIMIT + 2, 2 * (id + 1));
      this.rows = grown(this.rows, size * per);
      this.coarseOf = grown(this.coarseOf, size);
      this.hNorm = grown(this.hNorm, size);
      this.hFine = grown(this.hFine, size);
      this.historyAt = grown(this.historyAt, size * slots);
      this.keyHash = grown(this.keyHash, size);
    }
    this.rows.fill(0, id * per, (id + 1) * per); // a forgotten word's rows may be there
    for (let row = 0; row < WORD_ROWS; row++) {
      this.scratch.length = 0;
      wordRowFeatures(w, row, this.scratch);
      this.sum(this.scratch, this.rows, id * per + row * L);
    }
    // The word's own features, summed once, into each of its rows by quotation state.
    this.own.fill(0);
    this.scratch.length = 0;
    ownFeatures(w, this.scratch);
    this.sum(this.scratch, this.own, 0);
    for (let row = 0; row < OWN_ROWS; row++)
      for (let l = 0; l < L; l++) this.rows[id * per + row * L + l]! += this.own[l]!;
    this.coarseOf[id] = this.cluster(w.hCoarse);
    this.hNorm[id] = w.hNorm;
    this.hFine[id] = w.hFine;
    this.historyAt.fill(-1, id * slots, (id + 1) * slots);
    return id;
  }

  /** The index of a coarse cluster's rows in `cueCoarse`, summed on first use. */
  private cluster(hCoarse: number): number {
    let k = this.coarseIndex.get(hCoarse);
    if (k !== undefined) return k;
    const { L } = this;
    k = this.coarseIndex.size;
    this.coarseIndex.set(hCoarse, k);
    const per = CUE_BANDS * L;
    if (this.cueCoarse.length < (k + 1) * per) this.cueCoarse = grown(this.cueCoarse, 2 * (k + 1) * per);
    for (let band = 0; band < CUE_BANDS; band++) {
      this.scratch.length = 0;
      this.scratch.push(cueCoarseFeature(band, hCoarse));
      this.sum(this.scratch, this.cueCoarse, k * per + band * L);
    }
    return k;
  }

  /** Where in `history` the row of word `id` after label `p1` (−1: none) is; may grow `history`. */
  afterLabel(id: number, p1: number): number {
    const at = this.historyAt[id * this.slots + p1 + 1]!;
    return at >= 0 ? at : this.sumHistory(id, p1 + 1, p1, -1);
  }

  /** …after the roles `mask`. */
  afterRoles(id: number, mask: number): number {
    const at = this.historyAt[id * this.slots + this.L + 1 + mask]!;
    return at >= 0 ? at : this.sumHistory(id, this.L + 1 + mask, -2, mask);
  }

  private sumHistory(id: number, slot: number, p1: number, mask: number): number {
    const { L } = this;
    const at = this.historyUsed;
    this.historyUsed += L;
    if (this.history.length < this.historyUsed)
      this.history = grown(this.history, Math.max(2 * this.historyUsed, 2 * WORD_LIMIT * L));
    this.history.fill(0, at, at + L);
    this.scratch.length = 0;
    if (mask < 0) afterLabelFeatures(p1, this.hNorm[id]!, this.hFine[id]!, this.scratch);
    else afterRolesFeatures(mask, this.hNorm[id]!, this.hFine[id]!, this.scratch);
    this.sum(this.scratch, this.history, at);
    this.historyAt[id * this.slots + slot] = at;
    return at;
  }
}

/** A copy of `a` with room for `size` values. */
function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
