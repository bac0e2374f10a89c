/**
 * Which of a fixed set of words a text holds, case aside, found in one scan: the time rules and
 * chrono's parsers skip a text without the words every match of theirs contains. Fifteen such tests
 * (each a case-insensitive pattern run over the whole text) cost about as much as one scan for all.
 */

const literal = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class WordsInText {
  private readonly scan: RegExp;
  /** For each word, the words it begins with (itself included): found with it at the same place. */
  private readonly prefixes = new Map<string, string[]>();
  /**
   * For each word, where after its start the next word may begin: the first offset whose rest of the
   * word could be the start of a word or hold one (the word's length when none can).
   */
  private readonly next = new Map<string, number>();
  private lastText: string | undefined;
  private lastFound: ReadonlySet<string> = new Set();

  constructor(words: readonly string[]) {
    const distinct = [...new Set(words.map((w) => w.toLowerCase()))];
    // Longest first: at a place where several words begin, the longest is the one matched.
    distinct.sort((a, b) => b.length - a.length);
    for (const w of distinct) {
      this.prefixes.set(
        w,
        distinct.filter((p) => w.startsWith(p)),
      );
      let d = 1;
      for (; d < w.length; d++) {
        const rest = w.slice(d);
        if (distinct.some((v) => v.startsWith(rest) || rest.startsWith(v))) break;
      }
      this.next.set(w, d);
    }
    // Case-insensitive as the single-word tests were (an ASCII letter matches only itself in either case).
    this.scan = new RegExp(distinct.map(literal).join('|'), 'gi');
  }

  /** The words (lower case) found anywhere in `text`; the last text's answer is kept. */
  in(text: string): ReadonlySet<string> {
    if (text === this.lastText) return this.lastFound;
    const found = new Set<string>();
    const re = this.scan;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const word = m[0].toLowerCase();
      const words = this.prefixes.get(word);
      // Never undefined (the match is one of the words); every word then, to be safe.
      for (const w of words ?? this.prefixes.keys()) found.add(w);
      // Every place a word begins, overlapping ones included.
      re.lastIndex = m.index + (this.next.get(word) ?? 1);
    }
    this.lastText = text;
    this.lastFound = found;
    return found;
  }

  /** Does `text` hold one of `words` (lower case, from the set given)? */
  any(text: string, words: readonly string[]): boolean {
    const found = this.in(text);
    for (const w of words) if (found.has(w)) return true;
    return false;
  }
}
