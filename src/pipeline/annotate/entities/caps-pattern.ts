import type { EntityType } from '../../../core/entity.ts';
import { type Candidate, take } from './candidate.ts';
import type { Lexicon } from './lexicon.ts';
import { NAME_CONNECTORS } from './role-pattern.ts';
import type { Tok } from './tokens.ts';

/** Lower-case words allowed inside an organisation's or a thing's name ("Center for Strategic and ..."). */
const CONNECTORS = new Set([...NAME_CONNECTORS, 'of', 'for', 'and', 'the', 'on', 'in']);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around']);
const PLACE_OF = new Set(['city', 'town', 'village', 'port', 'province', 'region', 'district', 'county']);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'wrote', 'explained', 'argued', 'warned']);
/** Words that may follow a place name after "in" ("in Rotterdam on Friday"); other lower-case words suggest a modifier ("in Infantry units"). */
const AFTER_PLACE = new Set([
  'and',
  'or',
  'on',
  'in',
  'at',
  'for',
  'to',
  'with',
  'the',
  'of',
  'last',
  'this',
  'next',
  'where',
  'which',
  'who',
  'after',
  'before',
  'since',
  'when',
  'while',
  'as',
  'but',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'from',
  'by',
  'during',
  'until',
  'earlier',
  'later',
  'said',
  'says',
]);
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

/** Non-name words that still open a name ("National Security Council", "South Sudan Football Association"). */
const NAME_OPENERS = new Set([
  'National',
  'Federal',
  'International',
  'Regional',
  'Supreme',
  'Central',
  'State',
  'North',
  'South',
  'East',
  'West',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Upper',
  'Lower',
  'Greater',
  'New',
  'Great',
  'Grand',
  'Foreign',
  'Defense',
  'Defence',
  'Interior',
  'Finance',
  'Justice',
  'Republic',
  'Federation',
  'Army',
  'Navy',
  'Military',
  'Police',
]);

const word = (t: Tok | undefined): boolean => t !== undefined && t.kind === 'word';

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

/** Type of an unknown capitalized name from its words and context, or undefined when unsure. */
function classify(
  toks: Tok[],
  s: number,
  e: number,
  lex: Lexicon,
  sentenceStart: boolean,
): EntityType | undefined {
  const run = toks.slice(s, e);
  const last = run[run.length - 1]!;
  const heads = run.slice(1).map((t) => t.text);
  if (heads.some((h) => lex.orgHeads.has(h))) return 'organization';
  if (run.length > 1 && lex.placeHeads.has(last.text)) return 'place';
  if (run.length > 1 && lex.otherHeads.has(last.text)) return 'other';
  const first = run[0]!;
  const content = run.filter((t) => t.cap);
  if (content.every((t) => lex.nonNames.has(t.text))) return undefined;
  if (run.length >= 2 && run.length <= 4 && content.length === run.length) {
    if (lex.givenNames.has(first.text) && !lex.nonNames.has(run[1]!.text)) return 'person';
    if (lex.familyFirst.has(first.text) && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(run[1]!.text)) return 'person';
  }
  if (sentenceStart) return undefined;
  const prev = toks[s - 1];
  const next = toks[e];
  if (run.length === 1 && first.allCaps && first.text.length <= 6 && !first.text.includes('.'))
    return 'organization';
  if (PLACE_OF.has(toks[s - 2]?.lower ?? '') && prev?.lower === 'of') return 'place';
  const nextOk = !word(next) || next!.cap || AFTER_PLACE.has(next!.lower);
  if (run.length === 1 && LOCATIVE.has(prev?.lower ?? '') && nextOk && !lex.nonNames.has(first.text))
    return 'place';
  if (run.length >= 2 && run.length <= 3 && SPEECH.has(next?.lower ?? '')) return 'person';
  // Two or three plain capitalized words mid-sentence, with no head word: most often a person's name.
  if (
    run.length >= 2 &&
    run.length <= 3 &&
    content.length === run.length &&
    run.every((t) => !t.allCaps && !t.text.endsWith('.') && !lex.nonNames.has(t.text))
  )
    return 'person';
  if (run.length >= 2 && run.length <= 3 && prev?.text === ',' && SPEECH.has(toks[s - 2]?.lower ?? ''))
    return 'person';
  return undefined;
}

/**
 * Capitalized words the gazetteer and the role patterns left: a run of capitalized words (with
 * connectors inside) is typed by its head word, its given name, or its context; the rest is left
 * untagged (precision over recall). Sentence-initial single words are never tagged this way.
 */
export function matchCapitalized(
  toks: Tok[],
  lex: Lexicon,
  taken: Uint8Array,
  firstWord: number,
): Candidate[] {
  const out: Candidate[] = [];
  const free = (k: number): boolean => word(toks[k]) && toks[k]!.cap && !taken[k];
  let i = 0;
  while (i < toks.length) {
    if (!free(i)) {
      i += 1;
      continue;
    }
    let e = i + 1;
    // An initial before a name ("P. Simmons", "J.R.R. Tolkien"): one person run.
    if (/^(\p{Lu}\.)+$|^\p{Lu}$/u.test(toks[i]!.text)) {
      const dot = toks[i]!.text.endsWith('.') ? 0 : 1;
      if ((dot === 0 || toks[i + 1]?.text === '.') && free(i + 1 + dot) && !toks[i + 1 + dot]!.allCaps) {
        let k = i + 2 + dot;
        while (k < toks.length && k < i + 4 + dot && free(k) && !lex.nonNames.has(toks[k]!.text)) k += 1;
        out.push({ s: i, e: k, type: 'person', via: 'capitalization', kind: 'pattern' });
        take(taken, i, k);
        i = k;
        continue;
      }
    }
    while (e < toks.length) {
      if (toks[e - 1]!.possessive) break;
      if (free(e)) e += 1;
      else if (CONNECTORS.has(toks[e]!.lower) && !toks[e]!.cap && free(e + 1)) e += 2;
      else break;
    }
    let s = i;
    // Leading non-name words ("Still", "Experts") are dropped.
    while (s < e && lex.nonNames.has(toks[s]!.text) && !NAME_OPENERS.has(toks[s]!.text)) s += 1;
    while (s < e && !toks[s]!.cap) s += 1;
    let type = s < e ? classify(toks, s, e, lex, s === firstWord) : undefined;
    // No type for the whole run: try it cut at its connectors ("Asia and Korea").
    if (!type && e - s > 1) {
      const cut = toks.slice(s, e).findIndex((t) => !t.cap);
      if (cut > 0) {
        e = s + cut;
        type = classify(toks, s, e, lex, s === firstWord);
      }
    }
    if (type) {
      let end = e;
      if (type !== 'person') {
        const f = facilityEnd(toks, e, lex);
        if (f > 0) {
          end = f;
          type = 'facility';
        }
      }
      out.push({ s, e: end, type, via: 'capitalization', kind: 'pattern' });
      take(taken, s, end);
      i = end;
    } else i = Math.max(e, i + 1);
  }
  return out;
}
