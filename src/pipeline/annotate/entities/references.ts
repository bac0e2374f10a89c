import type { EntityType } from '../../../core/entity.ts';
import type { Candidate } from './candidate.ts';
import type { Lexicon } from './lexicon.ts';
import type { Tok } from './tokens.ts';

/** One sentence's tokens and candidates, as the article pass sees them. */
export interface SentenceState {
  toks: Tok[];
  cands: Candidate[];
}

const spanText = (toks: Tok[], c: Candidate): string =>
  toks
    .slice(c.s, c.e)
    .map((t) => t.text)
    .join(' ');

/** The candidate covering token k, if any. */
const candAt = (st: SentenceState, k: number): Candidate | undefined =>
  st.cands.find((c) => c.s <= k && k < c.e);

/**
 * Surnames of the people named in full in the article: the last word, or the first for family-first
 * names ("Park Jin" → "Park"). A surname shared by two people is dropped (ambiguous).
 */
function surnames(states: SentenceState[], lex: Lexicon): Map<string, string> {
  const map = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (surname: string, canonical: string): void => {
    if (lex.nonNames.has(surname) || surname.length < 2) return;
    const known = map.get(surname);
    if (known !== undefined && known !== canonical) ambiguous.add(surname);
    else map.set(surname, canonical);
  };
  for (const st of states) {
    for (const c of st.cands) {
      if (c.type !== 'person' || c.e - c.s < 2) continue;
      const canonical = c.canonical ?? spanText(st.toks, c);
      const words = canonical.split(' ').filter((w) => !/^(Jr\.?|Sr\.?|I{2,3}|IV)$/.test(w));
      const familyFirst = lex.familyFirstPeople.has(canonical) || lex.familyFirst.has(words[0] ?? '');
      c.canonical = canonical;
      add(words[words.length - 1] ?? '', canonical);
      if (familyFirst) add(words[0] ?? '', canonical);
      // The surname as written in this mention too ("Kim Jong-un" names Kim Jong Un).
      add(st.toks[c.e - 1]!.text, canonical);
      if (familyFirst) add(st.toks[c.s]!.text, canonical);
    }
  }
  for (const s of ambiguous) map.delete(s);
  return map;
}

/**
 * Back-references: a capitalized word equal to the surname of a person named in full anywhere in
 * the article is that person — even where the gazetteer saw a city ("Austin said" after "Lloyd
 * Austin"). Countries, organisations and longer names keep their reading.
 */
export function resolveSurnames(states: SentenceState[], lex: Lexicon): void {
  const map = surnames(states, lex);
  if (map.size === 0) return;
  for (const st of states) {
    st.toks.forEach((t, k) => {
      const canonical = t.kind === 'word' && t.cap && !t.allCaps ? map.get(t.text) : undefined;
      if (canonical === undefined) return;
      const c = candAt(st, k);
      if (!c) {
        st.cands.push({ s: k, e: k + 1, type: 'person', via: 'back-reference', kind: 'pattern', canonical });
        return;
      }
      if (c.e - c.s !== 1) return;
      if (c.type === 'person') {
        if (c.kind === 'pattern') c.canonical = canonical;
        return;
      }
      if (c.type !== 'place' || c.kind === 'capital') return;
      c.type = 'person';
      c.via = 'back-reference';
      c.kind = 'pattern';
      c.canonical = canonical;
      delete c.country;
    });
  }
}

/**
 * Abbreviations defined in the article: "Nuclear Consultation Group (NGC)" makes every "NGC" of the
 * article an alias of that name, whatever the capitalization patterns guessed for it.
 */
export function resolveAbbreviations(states: SentenceState[]): void {
  const defs = new Map<string, { canonical: string; type: EntityType }>();
  for (const st of states) {
    for (const c of st.cands) {
      const [open, abbr, close] = [st.toks[c.e], st.toks[c.e + 1], st.toks[c.e + 2]];
      if (open?.text !== '(' || close?.text !== ')' || !abbr?.allCaps || c.e - c.s < 2) continue;
      if (abbr.text.length > 8 || c.type === 'person') continue;
      defs.set(abbr.text, { canonical: c.canonical ?? spanText(st.toks, c), type: c.type });
    }
  }
  if (defs.size === 0) return;
  for (const st of states) {
    st.toks.forEach((t, k) => {
      const def = t.allCaps ? defs.get(t.text) : undefined;
      if (!def) return;
      const c = candAt(st, k);
      if (c && c.e - c.s !== 1) return;
      const alias: Candidate = {
        s: k,
        e: k + 1,
        type: def.type,
        via: 'alias',
        kind: 'pattern',
        canonical: def.canonical,
      };
      if (c) Object.assign(c, alias);
      else st.cands.push(alias);
    });
  }
}
