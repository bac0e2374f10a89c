/** An ASCII letter's char code? (the event matcher's words are made of ASCII letters) */
export const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * A quick "certainly not a key" test for the word indexes of the event matcher (verb forms, agent
 * phrases' first words): a Bloom filter, two bits per word. Most words of a sentence are in no index,
 * and this answers for them without a lookup in a Map of strings; a word whose bits are set is looked
 * up as before, so the answers are the same.
 */
export class WordFilter {
  /** 2^18 bits; a word sets (and is tested at) two of them. */
  private readonly bits = new Uint32Array(1 << 13);

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const h = WordFilter.hash(w);
      this.set(h & 0x3ffff);
      this.set((h >>> 14) & 0x3ffff);
    }
  }

  private set(bit: number): void {
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  private has(bit: number): boolean {
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** FNV-1a over the word's UTF-16 code units, then mixed. */
  private static hash(w: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i += 1) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h >>> 0;
  }

  /** False: `w` is none of the words; true: it may be one. */
  mayHave(w: string): boolean {
    const h = WordFilter.hash(w);
    return this.has(h & 0x3ffff) && this.has((h >>> 14) & 0x3ffff);
  }
}
