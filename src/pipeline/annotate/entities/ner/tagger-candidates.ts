/**
 * The trained tagger as the entity stage's recogniser: the sentences of one article go through the
 * tagger as one document, and each entity it finds becomes a candidate in our types. The lexicon
 * adds what the tagger cannot know — the canonical name, country versus place, a capital (for
 * metonymy), a demonym's country — when the phrase is listed with a type the tagger's agrees with.
 */
import type { EntityType } from '../../../../core/entity.ts';
import type { TaggedSpan } from '../../../tagger/sequence.ts';
import type { Candidate } from '../candidate.ts';
import { facilityEnd } from '../caps-pattern.ts';
import { phraseOn } from '../gazetteer-match.ts';
import type { LexEntry, Lexicon } from '../lexicon.ts';
import type { Tok } from '../tokens.ts';
import { type NerType, tagEntities } from './ner-tagger.ts';
import { type WordFacts, wordFacts } from './word-facts.ts';

const APOSTROPHE = new Set(["'", '’']);
const NUMBER_JOINERS = new Set(['-', '/', ':']);

/**
 * The tagger's words for a sentence, tokenized as its training data is: an initial keeps its dot
 * ("A." in "A. Dale"), and a possessive comes back as its own word "'s" — whether our tokenizer cut
 * it off a word ("Putin’s") or found it spaced ("Lord 's"). `first`/`last` map each word to the
 * tokens it covers; -1 for the possessive, which belongs to no entity.
 */
function taggerWords(toks: Tok[]): { words: string[]; first: number[]; last: number[]; facts: WordFacts[] } {
  const words: string[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const facts: WordFacts[] = [];
  const push = (w: string, a: number, b: number, f = wordFacts(w)): void => {
    words.push(w);
    first.push(a);
    last.push(b);
    facts.push(f);
  };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const next = toks[k + 1];
    if (APOSTROPHE.has(t.text) && next?.text === 's' && next.start === t.end) {
      push("'s", -1, -1);
      k++;
      continue;
    }
    if (t.kind === 'number') {
      // "1996-08-29", "6-3", "10:30" are one word to the tagger, as in its training data.
      let j = k;
      while (
        NUMBER_JOINERS.has(toks[j + 1]?.text ?? '') &&
        toks[j + 2]?.kind === 'number' &&
        toks[j + 1]!.start === toks[j]!.end &&
        toks[j + 2]!.start === toks[j + 1]!.end
      )
        j += 2;
      if (j > k) {
        push(
          toks
            .slice(k, j + 1)
            .map((x) => x.text)
            .join(''),
          k,
          j,
        );
        k = j;
        continue;
      }
    }
    if (t.form.initial && next?.text === '.' && next.start === t.end) {
      push(`${t.text}.`, k, k + 1);
      k++;
      continue;
    }
    // The token's own text: its facts are memoised on its form (one lookup per distinct text).
    t.form.facts ??= wordFacts(t.text);
    push(t.text, k, k, t.form.facts as WordFacts);
    if (t.possessive && t.kind === 'word' && !APOSTROPHE.has(next?.text ?? '')) push("'s", -1, -1);
  }
  return { words, first, last, facts };
}

/** Which lexicon types agree with each of the tagger's types. */
const AGREES: Record<NerType, ReadonlyArray<EntityType>> = {
  PER: ['person'],
  ORG: ['organization'],
  LOC: ['country', 'place', 'facility'],
  MISC: ['other', 'country'],
};

const FALLBACK: Record<NerType, EntityType> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'other',
};

function agreeing(type: NerType, entry: LexEntry | undefined): LexEntry | undefined {
  if (!entry || !AGREES[type].includes(entry.type)) return undefined;
  // A demonym is MISC ("Russian troops"); a country name tagged MISC is not listed that way.
  if (type === 'MISC' && entry.type === 'country' && entry.kind !== 'demonym') return undefined;
  if (type !== 'MISC' && entry.kind === 'demonym') return undefined;
  return entry;
}

function candidate(toks: Tok[], s: number, e: number, type: NerType, lex: Lexicon): Candidate {
  const listed = phraseOn(toks, s, e, lex)?.entry;
  // A listed person or country name stays one whatever the tagger typed it ("the Biden
  // administration", "the DPRK will"): on CoNLL-2003 dev this costs nothing and the seeds need it.
  const sure = listed?.kind === 'name' && (listed.type === 'person' || listed.type === 'country');
  const entry = sure ? listed : agreeing(type, listed);
  if (entry) {
    const c: Candidate = {
      s,
      e,
      type: entry.type,
      via: entry.kind === 'demonym' ? 'demonym' : 'tagger',
      kind: entry.kind,
      canonical: entry.canonical,
    };
    if (entry.country) c.country = entry.country;
    return c;
  }
  const c: Candidate = { s, e, type: FALLBACK[type], via: 'tagger', kind: 'pattern' };
  // A place or organisation whose last word is a facility head ("Vostochny Cosmodrome") is a facility.
  if (type === 'LOC' && e - s > 1 && facilityEnd(toks, e - 1, lex) === e) c.type = 'facility';
  return c;
}

const COMPASS = new Set(['north', 'south', 'east', 'west']);

/**
 * "the West", "the North": a bloc or a side named by direction, not a place one could locate an
 * event at (the seeds' gold leaves them out; CoNLL tags them LOC, and leaving them out moves its dev
 * F1 by less than 0.1).
 */
const isDirectionBloc = (toks: Tok[], s: number, e: number): boolean =>
  e - s === 1 && COMPASS.has(toks[s]!.lower) && toks[s - 1]?.lower === 'the';

/**
 * The tagger's entities in each sentence, as candidates over that sentence's tokens.
 */
export function taggerCandidates(sentences: Tok[][], lex: Lexicon): Candidate[][] {
  const prepared = sentences.map(taggerWords);
  const tagged: TaggedSpan<NerType>[][] = tagEntities(
    prepared.map((p) => p.words),
    lex,
    true,
    prepared.map((p) => p.facts),
  );
  return tagged.map((spans, si) => {
    const { first, last } = prepared[si]!;
    const toks = sentences[si]!;
    const out: Candidate[] = [];
    for (const span of spans) {
      // Map back to our tokens, leaving out a separated possessive at either edge.
      let a = span.start;
      let b = span.end;
      while (a < b && first[a] === -1) a++;
      while (b > a && first[b - 1] === -1) b--;
      if (a === b) continue;
      const s = first[a]!;
      const e = last[b - 1]! + 1;
      if (isDirectionBloc(toks, s, e)) continue;
      out.push(candidate(toks, s, e, span.type, lex));
    }
    return out;
  });
}
