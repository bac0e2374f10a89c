import { type Candidate, covered, take } from './candidate.ts';
import { type Lexicon, type Phrase, phrasesFrom } from './lexicon.ts';
import type { Tok, TokenForm } from './tokens.ts';

const isUpperWord = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
};

/** Does the text agree with the phrase's case: capitalized where the phrase is, upper-case for acronyms? */
function caseAgrees(phrase: Phrase, toks: Tok[], at: number): boolean {
  const n = phrase.tokens.length;
  for (let j = 0; j < n; j++) {
    const p = phrase.tokens[j]!;
    const t = toks[at + j]!;
    if (/^\p{Lu}/u.test(p) && !t.cap) return false;
    if (isUpperWord(p) && !t.allCaps) return false;
    if (t.possessive && j < n - 1 && !phrase.possessive[j]) return false;
  }
  return true;
}

/** The token's form with its lexicon memo filled in for `lex`. */
export function lexiconForm(tok: Tok, lex: Lexicon): TokenForm {
  const form = tok.form;
  if (form.startsOf !== lex) {
    form.starts = lex.maxLenByFirst.get(form.lower) ?? 0;
    form.node = lex.trie.get(form.lower);
    form.titleFirst = lex.titleFirstWords.has(form.lower);
    form.startsOf = lex;
  }
  return form;
}

/**
 * The lexicon phrase written exactly by tokens [s, e), if any: `lex.phrases.get(keyOf(their texts))`
 * found by walking the trie (a key is its tokens' lower-case forms joined with spaces).
 */
export function phraseOn(toks: Tok[], s: number, e: number, lex: Lexicon): Phrase | undefined {
  let node = lexiconForm(toks[s]!, lex).node;
  for (let k = s + 1; node !== undefined && k < e; k++) node = node.next?.get(toks[k]!.lower);
  return node?.phrase;
}

const found: Array<Phrase | undefined> = [];

/** The length of the longest lexicon phrase that may start at each token (0: none), for `matchGazetteer`. */
export function phraseStarts(toks: Tok[], lex: Lexicon): Int32Array {
  const out = new Int32Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    if (tok.kind === 'punct') continue;
    out[i] = lexiconForm(tok, lex).starts;
  }
  return out;
}

/**
 * Longest gazetteer phrase starting at each token, left to right; matched tokens are taken. `starts`
 * is `phraseStarts(toks, lex)` (computed once when the sentence is matched twice).
 */
export function matchGazetteer(
  toks: Tok[],
  lex: Lexicon,
  taken: Uint8Array,
  minTokens = 1,
  starts = phraseStarts(toks, lex),
): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    const max = Math.min(starts[i]!, toks.length - i);
    let matched = 0;
    const byLength =
      max >= minTokens
        ? phrasesFrom(lexiconForm(tok, lex).node, max, (j) => toks[i + j]!.lower, found)
        : found;
    for (let len = max; len >= minTokens && matched === 0; len--) {
      if (covered(taken, i, i + len)) continue;
      const phrase = byLength[len];
      if (!phrase || !caseAgrees(phrase, toks, i)) continue;
      const { entry } = phrase;
      const cand: Candidate = {
        s: i,
        e: i + len,
        type: entry.type,
        via: entry.kind === 'demonym' ? 'demonym' : 'gazetteer',
        kind: entry.kind,
        canonical: entry.canonical,
      };
      if (entry.country) cand.country = entry.country;
      out.push(cand);
      take(taken, i, i + len);
      matched = len;
    }
    i += matched || 1;
  }
  return out;
}
