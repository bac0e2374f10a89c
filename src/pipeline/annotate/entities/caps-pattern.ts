/**
 * Facility names: a name followed by a lower-case facility head ("Punggye-ri nuclear facility",
 * "Vostochny cosmodrome"). The capitalisation patterns that once typed unknown names here gave way
 * to the trained tagger (docs/decisions/0021: on CoNLL-2003 dev they added 5 right entities and 16
 * wrong ones behind it).
 */
import type { Lexicon } from './lexicon.ts';
import type { Tok } from './tokens.ts';

const FAC_MODIFIERS = new Set([
  'nuclear',
  'test',
  'space',
  'launch',
  'naval',
  'air',
  'military',
  'missile',
  'power',
]);

/** A lower-case facility head after [s, e) ("Punggye-ri nuclear facility"): the new end, or -1. */
export function facilityEnd(toks: Tok[], e: number, lex: Lexicon): number {
  let k = e;
  while (k < e + 2 && FAC_MODIFIERS.has(toks[k]?.lower ?? '') && !toks[k]!.cap) k += 1;
  // A head of two words, then of one, starting in lower case.
  const t = toks[k];
  if (!t || t.cap) return -1;
  if (k + 2 <= toks.length && lex.facilityHeads.has(`${t.lower} ${toks[k + 1]!.lower}`)) return k + 2;
  return lex.facilityHeads.has(t.lower) ? k + 1 : -1;
}
