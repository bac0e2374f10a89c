/** An ASCII letter's char code? (the event matcher's words are made of ASCII letters) */
export const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * A quick "certainly not a key" test for the word indexes of the event matcher (verb forms, agent
 * phrases' first words): a bit per hash of a word's length and some of its letters. Most words of a
 * sentence are in no index, and this answers for them without a lookup in a Map of strings; a word
 * whose bit is set is looked up as before, so the answers are the same.
 */
export class WordFilter {
  private readonly bits = new Uint32Array(1 << 11);

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const h = WordFilter.hash(w);
      this.bits[h >>> 5]! |= 1 << (h & 31);
    }
  }

  private static hash(w: string): number {
    const n = w.length;
    if (n === 0) return 0;
    let h = n;
    h = (h * 31 + w.charCodeAt(0)) | 0;
    h = (h * 31 + w.charCodeAt(n >> 1)) | 0;
    h = (h * 31 + w.charCodeAt(n - 1)) | 0;
    h ^= h >>> 11;
    return h & 0xffff;
  }

  /** False: `w` is none of the words; true: it may be one. */
  mayHave(w: string): boolean {
    const h = WordFilter.hash(w);
    return (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}
