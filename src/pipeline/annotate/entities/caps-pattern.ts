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
  for (const len of [2, 1]) {
    const head = toks
      .slice(k, k + len)
      .map((t) => t.lower)
      .join(' ');
    if (toks.slice(k, k + len).length === len && !toks[k]!.cap && lex.facilityHeads.has(head)) return k + len;
  }
  return -1;
}
