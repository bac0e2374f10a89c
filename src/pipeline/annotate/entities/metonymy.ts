import type { Candidate } from './candidate.ts';
import type { Tok } from './tokens.ts';

/**
 * The metonymy rule (docs/decisions/0020-entities.md). A national capital's name is the country
 * (its government) when it acts, and the city otherwise:
 * - country: it is possessive ("Pyongyang’s arsenal"); or the verb group after it (past one
 *   adverb) is finite ("Pyongyang has sent", "Moscow could", "Seoul is analyzing") or a gerund
 *   ("Pyongyang taking action"); or an actor preposition or verb stands before it ("between",
 *   "with", "against", "by", "towards", "accused", "urged"...); or "to" not after a travel word
 *   ("supplies to Pyongyang", but "a visit to Pyongyang" is the city).
 * - place: everything else, in particular after "in", "at", "from", "near", in a dateline, or in a
 *   line with no verb after it.
 * Capitals joined by "and", "or" or commas ("Washington and Seoul have charged") share the cue.
 */
const AUX = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'must',
  'should',
  'shall',
  'does',
  'do',
  'did',
  'wants',
  'says',
  'said',
  'insists',
  'claims',
  'denies',
  'denied',
  'accused',
  'warned',
  'announced',
  'rejected',
  'responded',
  'agreed',
  'sent',
  'launched',
  'fired',
  'condemned',
  'called',
  'demanded',
  'refused',
  'threatened',
  'signed',
  'urged',
  'hopes',
  'seeks',
  'sees',
  'fears',
  'charged',
  'blamed',
  'denounced',
  'criticized',
  'criticised',
  'welcomed',
  'supports',
  'backs',
  'provided',
  'supplied',
  'received',
  'believes',
  'considers',
  'plans',
  'wants',
  'needs',
  'tried',
  'tries',
  'sought',
  'confirmed',
  'reported',
  'stated',
  'vowed',
  'pledged',
  'continues',
]);
const ACTOR_BEFORE = new Set([
  'between',
  'with',
  'against',
  'by',
  'towards',
  'toward',
  'accused',
  'urged',
  'pressed',
  'warned',
  'told',
  'helping',
  'help',
  'helped',
  'asking',
  'asked',
  'sanctioned',
  'blamed',
  'support',
  'supporting',
  'armed',
  'arming',
  'persuade',
  'pressure',
  'allow',
  'allowed',
  'convince',
]);
const TRAVEL = new Set([
  'visit',
  'visits',
  'visited',
  'visiting',
  'trip',
  'travel',
  'traveled',
  'travelled',
  'flew',
  'fly',
  'went',
  'go',
  'going',
  'arrived',
  'arrive',
  'return',
  'returned',
  'came',
  'come',
  'moved',
  'back',
  'journey',
  'route',
  'flight',
  'flights',
  'road',
  'railway',
]);

const joiner = (t: Tok | undefined): boolean =>
  t !== undefined && (t.text === ',' || t.lower === 'and' || t.lower === 'or');

/** Does the group of names [s, e) act? */
function acts(toks: Tok[], s: number, e: number, lastPossessive: boolean): boolean {
  if (lastPossessive) return true;
  let k = e;
  if (toks[k]?.lower.endsWith('ly') && toks[k]!.kind === 'word') k += 1;
  const next = toks[k];
  if (next && next.kind === 'word' && !next.cap) {
    if (AUX.has(next.lower)) return true;
    if (next.lower.endsWith('ing') && next.lower.length > 5) return true;
  }
  const prev = toks[s - 1]?.lower ?? '';
  if (ACTOR_BEFORE.has(prev)) return true;
  if (prev === 'to') {
    for (let j = s - 2; j >= Math.max(0, s - 5); j--) if (TRAVEL.has(toks[j]!.lower)) return false;
    return true;
  }
  return false;
}

/** Retypes capital candidates that act as their country; others stay places. Mutates the candidates. */
export function applyMetonymy(toks: Tok[], cands: Candidate[]): void {
  const sorted = [...cands].sort((a, b) => a.s - b.s);
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i]!;
    if (first.type !== 'country' && first.kind !== 'capital') {
      i += 1;
      continue;
    }
    // The coordinated group: names of countries and capitals joined by commas, "and", "or".
    let j = i;
    while (j + 1 < sorted.length) {
      const next = sorted[j + 1]!;
      const gap = next.s - sorted[j]!.e;
      const isName = next.type === 'country' || next.kind === 'capital';
      const joined =
        (gap === 1 && joiner(toks[sorted[j]!.e])) ||
        (gap === 2 && toks[sorted[j]!.e]?.text === ',' && joiner(toks[sorted[j]!.e + 1]));
      if (!isName || !joined || next.kind === 'demonym') break;
      j += 1;
    }
    const group = sorted.slice(i, j + 1);
    const last = group[group.length - 1]!;
    const dateline = toks[first.s]?.allCaps && (toks[last.e]?.text === '-' || toks[last.e]?.text === '—');
    if (!dateline && acts(toks, first.s, last.e, toks[last.e - 1]!.possessive)) {
      for (const c of group) {
        if (c.kind !== 'capital' || !c.country) continue;
        c.type = 'country';
        c.via = 'metonymy';
        c.canonical = c.country;
      }
    }
    i = j + 1;
  }
}
