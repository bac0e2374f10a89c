import { type Candidate, take } from './candidate.ts';
import { APPOSITIVE_TITLES, NON_ROLE_TITLES, ROLE_MODIFIERS } from './data/words.ts';
import { lexiconForm } from './gazetteer-match.ts';
import type { Lexicon } from './lexicon.ts';
import type { Tok } from './tokens.ts';

/** Lower-case words allowed inside a person's name ("Ursula von der Leyen", "Bashar al-Assad"). */
export const NAME_CONNECTORS = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'da',
  'du',
  'di',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
]);

const MODIFIERS = new Set(ROLE_MODIFIERS);
const APPOSITIVE = new Set(APPOSITIVE_TITLES);
const NON_ROLE = new Set(NON_ROLE_TITLES);

/** The longest title starting at token i, as its end index, or -1. */
function titleAt(toks: Tok[], i: number, lex: Lexicon): number {
  if (!lexiconForm(toks[i]!, lex).titleFirst) return -1;
  for (let len = Math.min(lex.maxTitleLen, toks.length - i); len >= 1; len--) {
    let key = toks[i]!.lower;
    for (let j = 1; j < len; j++) key += ` ${toks[i + j]!.lower}`;
    if (lex.titles.has(key)) return i + len;
  }
  return -1;
}

/** Can token k start or continue a name after a title? */
const nameWord = (t: Tok | undefined, lex: Lexicon): boolean =>
  t !== undefined && t.kind === 'word' && t.cap && !t.allCaps && !lex.nonNames.has(t.text);

/** Candidates by their first token. */
const byStart = (cands: Candidate[]): Map<number, Candidate> => new Map(cands.map((c) => [c.s, c]));

/**
 * Titles before names: "[country/organisation] [former] TITLE Name". The name becomes a person
 * mention with the title as its role and the preceding country or organisation as `roleOf`;
 * a lexicon person found there gets the role too. Returns the candidates, with new ones added.
 */
export function applyRolePatterns(
  toks: Tok[],
  cands: Candidate[],
  lex: Lexicon,
  taken: Uint8Array,
): Candidate[] {
  const out = [...cands];
  // Most sentences hold no title: nothing to do.
  // (The gazetteer matcher has filled in most forms' lexicon memo already: read it in place.)
  if (
    !toks.some(
      (t) =>
        t.kind === 'word' && (t.form.startsOf === lex ? t.form.titleFirst : lexiconForm(t, lex).titleFirst),
    )
  )
    return out;
  // A tagger entity inside a title ("Defense" of "Defense Secretary Lloyd Austin") is part of the role.
  for (let i = 0; i < toks.length; i++) {
    const end = toks[i]!.kind === 'word' ? titleAt(toks, i, lex) : -1;
    if (end < 0) continue;
    const inside = out.filter((c) => c.via === 'tagger' && c.s >= i && c.e <= end && c.e < end);
    for (const c of inside) {
      out.splice(out.indexOf(c), 1);
      taken.fill(0, c.s, c.e);
    }
    i = end - 1;
  }
  const starts = byStart(out);
  const ends = new Map(out.map((c) => [c.e, c]));
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.kind !== 'word' || taken[i]) continue;
    const titleEnd = titleAt(toks, i, lex);
    if (titleEnd < 0) continue;
    const titleKey = toks
      .slice(i, titleEnd)
      .map((t) => t.lower)
      .join(' ');
    let k = titleEnd;
    if (toks[k]?.text === ',' && APPOSITIVE.has(titleKey)) k += 1;
    // The name: a lexicon person, or a run of capitalized words (which may absorb a city's name: "Lloyd Austin").
    let person = starts.get(k);
    if (person && person.type !== 'person') {
      const single = person.e - person.s === 1 && person.type === 'place' && nameWord(toks[k + 1], lex);
      if (!single) person = undefined;
      else {
        out.splice(out.indexOf(person), 1);
        person = undefined;
        taken[k] = 0;
      }
    }
    if (!person) {
      let e = k;
      while (e - k < 4) {
        if (nameWord(toks[e], lex) && !taken[e]) e += 1;
        else if (e > k && NAME_CONNECTORS.has(toks[e]?.lower ?? '') && nameWord(toks[e + 1], lex)) e += 1;
        else break;
      }
      if (e === k) continue;
      person = { s: k, e, type: 'person', via: 'title-pattern', kind: 'pattern' };
      take(taken, k, e);
      out.push(person);
    }
    if (NON_ROLE.has(titleKey)) continue;
    let roleStart = i;
    while (roleStart > 0 && MODIFIERS.has(toks[roleStart - 1]!.lower)) roleStart -= 1;
    person.role = toks
      .slice(roleStart, titleEnd)
      .map((t) => t.text)
      .join(' ');
    const owner = ends.get(roleStart);
    if (owner && (owner.type === 'country' || owner.type === 'organization') && owner.canonical) {
      person.roleOf = owner.canonical;
    }
    i = person.e - 1;
  }
  return out;
}
