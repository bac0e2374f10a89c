import type { EntityMention } from '../../../core/entity.ts';
import { segment } from '../../segment/segment.ts';
import type { Candidate } from './candidate.ts';
import { facilityEnd, matchCapitalized } from './caps-pattern.ts';
import { matchGazetteer } from './gazetteer-match.ts';
import { type Lexicon, lexicon } from './lexicon.ts';
import { applyMetonymy } from './metonymy.ts';
import { resolveAbbreviations, resolveSurnames, type SentenceState } from './references.ts';
import { applyRolePatterns } from './role-pattern.ts';
import { firstWordIndex, isHeadline, sentenceTokens, type Tok } from './tokens.ts';

/** Bumped whenever the annotator's output can change (rules or lexicons). */
export const ENTITY_ANNOTATOR_VERSION = '1';
export const ENTITY_ANNOTATOR_NAME = 'entities-rules';

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

function recognizeSentence(text: string, range: { start: number; end: number }, lex: Lexicon): SentenceState {
  const toks = sentenceTokens(text, range);
  const taken = new Uint8Array(toks.length);
  let cands = matchGazetteer(toks, lex, taken);
  cands = applyRolePatterns(toks, cands, lex, taken);
  extendFacilities(toks, cands, lex, taken);
  if (!isHeadline(toks)) cands.push(...matchCapitalized(toks, lex, taken, firstWordIndex(toks)));
  applyMetonymy(toks, cands);
  return { toks, cands };
}

/**
 * The entity annotation stage: every mention of a person, organisation, country, place, facility
 * or other named thing in one article's clean text, with its span, type, stated role, the canonical
 * name when known, and how it was found (`via`). Pure: same text, same mentions.
 */
export function annotateEntities(articleId: string, text: string): EntityMention[] {
  const lex = lexicon();
  const states = segment(text).sentences.map((s) => recognizeSentence(text, s, lex));
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
