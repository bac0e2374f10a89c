import type { EntityMention } from '../../../core/entity.ts';
import { segment } from '../../segment/segment.ts';
import { type Candidate, take } from './candidate.ts';
import { facilityEnd } from './caps-pattern.ts';
import { matchGazetteer, phraseStarts } from './gazetteer-match.ts';
import { type Lexicon, lexicon } from './lexicon.ts';
import { applyMetonymy } from './metonymy.ts';
import { taggerCandidates } from './ner/tagger-candidates.ts';
import { resolveAbbreviations, resolveSurnames, type SentenceState } from './references.ts';
import { applyRolePatterns } from './role-pattern.ts';
import { sentenceTokens, type Tok } from './tokens.ts';

/**
 * Bumped whenever the annotator's output can change (rules, lexicons, the tagger's decoding: 3 settles
 * uncased tokens after an O, 4 after a closed span too).
 */
export const ENTITY_ANNOTATOR_VERSION = '4';
export const ENTITY_ANNOTATOR_NAME = 'entities-tagger';

/** A gazetteer place or facility followed by a facility head becomes that facility ("Vostochny cosmodrome"). */
function extendFacilities(toks: Tok[], cands: Candidate[], lex: Lexicon, taken: Uint8Array): void {
  for (const c of cands) {
    if (c.type !== 'facility' && !(c.type === 'place' && c.kind === 'name')) continue;
    const end = facilityEnd(toks, c.e, lex);
    if (end < 0 || taken.subarray(c.e, end).some((x) => x)) continue;
    taken.fill(1, c.e, end);
    if (c.type === 'place')
      c.canonical = toks
        .slice(c.s, end)
        .map((t) => t.text)
        .join(' ');
    c.type = 'facility';
    c.e = end;
  }
}

/** Which recognisers run (all by default); the evaluation switches them to measure what each adds. */
export interface RecognizerOptions {
  /** The trained tagger (docs/decisions/0021). */
  tagger?: boolean;
  /** Lexicon phrases the tagger left untagged. */
  gazetteer?: boolean;
}

/**
 * Listed multi-word names against the tagger's entities: a tagger entity that holds a listed name
 * and more ("New York Yankees" around "New York") wins, and so does one on exactly a listed place
 * ("NEW YORK" the baseball club: places lend their names to teams) — the tagger reads the context
 * and takes the lexicon's canonical name when the types agree. Otherwise the listed name wins over
 * the entities it overlaps (the tagger split "Democratic People’s Republic of Korea"; typed "White
 * House" a place).
 */
function reconcile(listed: Candidate[], tagged: Candidate[]): Candidate[] {
  const keep = listed.filter(
    (g) =>
      !tagged.some(
        (t) =>
          t.s <= g.s && t.e >= g.e && (t.e - t.s > g.e - g.s || g.type === 'place' || g.type === 'country'),
      ),
  );
  const free = tagged.filter((t) => !keep.some((g) => t.s < g.e && g.s < t.e));
  return [...keep, ...free];
}

function recognize(text: string, lex: Lexicon, options: RecognizerOptions): SentenceState[] {
  const sentences = segment(text).sentences.map((range) => sentenceTokens(text, range));
  const tagged = options.tagger === false ? sentences.map(() => []) : taggerCandidates(sentences, lex);
  return sentences.map((toks, si) => {
    const used = new Uint8Array(toks.length);
    const starts = options.gazetteer === false ? undefined : phraseStarts(toks, lex);
    const listed = starts ? matchGazetteer(toks, lex, new Uint8Array(toks.length), 2, starts) : [];
    let cands = reconcile(listed, tagged[si]!);
    for (const c of cands) take(used, c.s, c.e);
    if (starts) cands.push(...matchGazetteer(toks, lex, used, 1, starts));
    cands = applyRolePatterns(toks, cands, lex, used);
    extendFacilities(toks, cands, lex, used);
    applyMetonymy(toks, cands);
    return { toks, cands };
  });
}

/**
 * The entity annotation stage: every mention of a person, organisation, country, place, facility
 * or other named thing in one article's clean text, with its span, type, stated role, the canonical
 * name when known, and how it was found (`via`). Pure: same text, same mentions.
 */
export function annotateEntities(
  articleId: string,
  text: string,
  options: RecognizerOptions = {},
): EntityMention[] {
  const lex = lexicon();
  const states = recognize(text, lex, options);
  resolveAbbreviations(states);
  resolveSurnames(states, lex);
  const mentions: EntityMention[] = [];
  for (const { toks, cands } of states) {
    for (const c of cands) {
      const start = toks[c.s]!.start;
      const end = toks[c.e - 1]!.end;
      const m: EntityMention = {
        articleId,
        start,
        end,
        text: text.slice(start, end),
        type: c.type,
        via: c.via,
      };
      if (c.canonical !== undefined) m.canonical = c.canonical;
      if (c.role !== undefined) m.role = c.role;
      if (c.roleOf !== undefined) m.roleOf = c.roleOf;
      mentions.push(m);
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
