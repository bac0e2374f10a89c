import { type Candidate, covered, take } from './candidate.ts';
import type { Lexicon, Phrase } from './lexicon.ts';
import type { Tok } from './tokens.ts';

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

/** Longest gazetteer phrase starting at each token, left to right; matched tokens are taken. */
export function matchGazetteer(toks: Tok[], lex: Lexicon, taken: Uint8Array, minTokens = 1): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    const max = tok.kind === 'punct' ? 0 : Math.min(lex.maxLenByFirst.get(tok.lower) ?? 0, toks.length - i);
    let matched = 0;
    for (let len = max; len >= minTokens && matched === 0; len--) {
      if (covered(taken, i, i + len)) continue;
      let key = tok.lower;
      for (let j = 1; j < len; j++) key += ` ${toks[i + j]!.lower}`;
      const phrase = lex.phrases.get(key);
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
