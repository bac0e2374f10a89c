import type { EntityMention } from '../../../core/entity.ts';
import { stableId } from '../../../core/hash.ts';
import type { Quote } from '../../../core/quote.ts';
import { type Range, rangesOverlap } from '../../../core/span.ts';
import { segment } from '../../segment/segment.ts';
import { cueShare } from './attribution/attribution-tagger.ts';
import { groupRoles } from './attribution/group-roles.ts';
import { findRoles } from './attribution/role-decoder.ts';
import { reaches } from './cue-words.ts';
import { directQuotes } from './direct-quotes.ts';
import { fragmentsOf, sharedSource } from './learned-links.ts';
import { AUXILIARY_VERBS, BELIEF_CUES, SPEECH_CUES } from './lexicon.ts';
import type { RawQuote } from './raw-quote.ts';
import { passiveReport, reportedSpeech } from './reported-speech.ts';
import { isPlural, type ResolvedSpeaker, resolveSpeaker, type SpeakerContext } from './resolve-speaker.ts';
import { sourcePhrase } from './source-phrase.ts';
import { sourceNounPhrase } from './source-span.ts';
import { phraseBefore, SENTENCE_OPENERS } from './subject-phrase.ts';
import { transcriptTurns } from './transcript.ts';

export const QUOTES_STAGE = { name: 'quotes', version: '6' } as const;

export interface ExtractQuotesOptions {
  /** Entity mentions of this article (from the entity stage); speakers they cover get their entity id. */
  entities?: EntityMention[];
}

/** The attributions the trained tagger finds, as raw quotes (those without a source are left out). */
function learnedQuotes(
  text: string,
  sentences: readonly Range[],
  entities: readonly EntityMention[],
  ruled: readonly RawQuote[] = [],
): RawQuote[] {
  const out: RawQuote[] = [];
  for (const a of groupRoles(sentences, findRoles(text, sentences), text)) {
    // An untrusted cue is dropped whatever its source: its source is not looked for.
    if (!trustedCue(text.slice(a.cue.start, a.cue.end), text.slice(a.content.start, a.content.end))) continue;
    a.source ??= sharedSource(text, sentences, a.cue, [...ruled, ...out]);
    a.source ??= subjectBefore(text, sentences, entities, a.cue);
    a.source ??= phraseBefore(text, sentences, a.cue);
    if (!a.source) continue;
    // A content that stops one word short of its sentence's end ("… the race is | close.") runs on to it.
    const sentence = sentences.find((x) => x.start <= a.content.end && a.content.end <= x.end);
    const rest = sentence ? ONE_WORD_LEFT.exec(text.slice(a.content.end, sentence.end)) : null;
    if (rest?.[1]) a.content = { start: a.content.start, end: a.content.end + rest[1].length };
    // …but ends before a participle clause after a comma ("… the integrity of the voting system,
    // encouraging his supporters to …"), as PolNeAR's contents do, when five words or more stand
    // before it and no quotation mark is inside.
    const body = text.slice(a.content.start, a.content.end);
    const clause = PARTICIPLE_CLAUSE.exec(body);
    if (clause && !/["“”]/.test(body) && body.slice(0, clause.index).trim().split(/\s+/).length >= 5)
      a.content = { start: a.content.start, end: a.content.start + clause.index };
    // The source stays inside the sentence of its cue.
    const own = sentences.find((x) => x.start <= a.cue.start && a.cue.start < x.end) ?? {
      start: 0,
      end: text.length,
    };
    // A source that leaves out the capitalised words before it ("nominee Donald Trump" of "Republican
    // nominee Donald Trump") or its article ("Trump campaign" of "The Trump campaign") takes them.
    const modifiers = MODIFIERS_BEFORE.exec(textBefore(text, own, a.source.start, 60));
    if (modifiers) {
      // …but not a capitalised word opening the sentence ("As President Obama", "Although Mrs. Clinton").
      const kept = modifiers[0].replace(SENTENCE_OPENERS, '');
      a.source = { start: a.source.start - kept.length, end: a.source.end };
    }
    const article = ARTICLE_BEFORE.exec(textBefore(text, own, a.source.start, 5));
    if (article) a.source = { start: a.source.start - article[0].length, end: a.source.end };
    // A source cut inside a name ("Korea" of "North Korea") takes the whole entity mention.
    for (const m of entities) {
      if (m.start < a.source.end && a.source.start < m.end && m.start >= own.start && m.end <= own.end) {
        a.source = { start: Math.min(a.source.start, m.start), end: Math.max(a.source.end, m.end) };
      }
    }
    // A source must be nominal, and a content of one or two words ("praised each other") is an
    // object, not something said.
    if (!nominalSource(text.slice(a.source.start, a.source.end), a.source, entities)) continue;
    if (text.slice(a.content.start, a.content.end).trim().split(/\s+/).length < 3) continue;
    if (!verbalCue(text, a.cue, entities)) continue;
    const around = text.slice(Math.max(0, a.content.start - 2), a.content.start + 2);
    const direct = QUOTE_OPEN.test(around.slice(-3)) || around.includes("''") || around.includes('``');
    const extent = {
      start: Math.min(a.content.start, a.cue.start, a.source.start),
      end: Math.max(a.content.end, a.cue.end, a.source.end),
    };
    out.push({
      content: a.content,
      direct,
      cue: text.slice(a.cue.start, a.cue.end),
      cueSpan: a.cue,
      speaker: { ...a.source, text: text.slice(a.source.start, a.source.end) },
      extent,
    });
  }
  return out;
}

/**
 * A source for a learned attribution whose source the tagger left unmarked: a pronoun opening the
 * cue's sentence ("He then told his advisers …", "It's denouncing …" but not the "It" of "It is
 * difficult to …"), a relative pronoun just before the cue ("…, who see the program as …"), the
 * first person or organisation mention among the sentence's first words ("Trump, arguing that …"), or
 * else the last person or organisation named before the cue that is no preposition's object.
 */
export function subjectBefore(
  text: string,
  sentences: readonly Range[],
  entities: readonly EntityMention[],
  cue: Range,
): Range | undefined {
  const own = sentences.find((x) => x.start <= cue.start && cue.start < x.end);
  if (!own) return undefined;
  const lead = /^[^\S\n]*(?:[\p{L}’'-]+,?[^\S\n]+){0,3}?/u;
  const pronoun = LEAD_PRONOUN.exec(text.slice(own.start, own.end));
  if (pronoun && own.start + pronoun[0].length <= cue.start)
    return { start: own.start, end: own.start + pronoun[0].length };
  // A relative pronoun just before the cue ("…, who see the program as …") stands for its antecedent.
  const rel = RELATIVE_BEFORE.exec(text.slice(own.start, cue.start));
  if (rel) return { start: own.start + rel.index, end: own.start + rel.index + rel[1]!.length };
  const head = lead.exec(text.slice(own.start, cue.start))?.[0].length ?? 0;
  const m = entities.find(
    (e) =>
      e.start >= own.start &&
      e.end <= cue.start &&
      e.start <= own.start + head &&
      (e.type === 'person' || e.type === 'organization' || e.type === 'country'),
  );
  if (m) return { start: m.start, end: m.end };
  // Else the last person or organisation named before the cue, not the object of a preposition
  // ("… to Clinton") and not one of a coordination ("Blinken and Park", whose whole the tagger should
  // have marked): "The Democratic senator also forced Stumpf, under questioning, to admit …".
  const near = entities
    .filter(
      (e) =>
        e.start >= own.start &&
        e.end <= cue.start &&
        (e.type === 'person' || e.type === 'organization') &&
        e.via !== 'demonym' &&
        !AFTER_PREPOSITION.test(text.slice(Math.max(own.start, e.start - 12), e.start)) &&
        !COORDINATION.test(text.slice(e.end, e.end + 6)),
    )
    .at(-1);
  return near ? { start: near.start, end: near.end } : undefined;
}

/**
 * Can this cue be one? Not a word of a name ("States" of "United States"), nor a noun after a
 * determiner or preposition ("secretary of state", "a battleground state").
 */
export function verbalCue(text: string, cue: Range, entities: readonly EntityMention[]): boolean {
  if (entities.some((m) => m.start <= cue.start && cue.end <= m.end)) return false;
  if (/\s/.test(text.slice(cue.start, cue.end).trim())) return true;
  return !NOUN_BEFORE.test(text.slice(Math.max(0, cue.start - 12), cue.start));
}
const NOUN_BEFORE = /\b(?:of|the|a|an|this|its|his|her|their|our)[^\S\n]+$/i;

/**
 * Can this phrase be a source? Not a possessive determiner alone ("their" of "their ministers"), nor
 * a demonym standing as an adjective ("North Korean" of "North Korean missiles").
 */
export function nominalSource(phrase: string, span: Range, entities: readonly EntityMention[]): boolean {
  if (/^(?:their|his|her|its|our|my|your)$/i.test(phrase.trim())) return false;
  return !entities.some((m) => m.via === 'demonym' && m.start <= span.start && span.end <= m.end);
}

/** A subject pronoun opening a sentence; not the "it" of "It is difficult to …" or "It seems …". */
const LEAD_PRONOUN =
  /^(?:He|She|They|We|I|It(?![^\S\n]*(?:(?:is|was|’s|'s)[^\S\n]+(?!\p{L}+ing\b)|seems|appears|would|will|may|might|could|remains)))\b/u;
/** What joins a second cue to the first content: ", and", "and", ",", and perhaps an adverb. */
const COORDINATED = /(?:,?[^\S\n]+and|,)[^\S\n]+(?:\p{Ll}+[^\S\n]+)?$/u;
/** A mention followed by "and"/"or": one of a coordination. */
const COORDINATION = /^[^\S\n]+(?:and|or|&)[^\S\n]/;
/** A preposition (and article) just before a mention: the mention is an object, not a subject. */
const AFTER_PREPOSITION =
  /\b(?:of|in|at|for|with|to|from|by|about|on|against|over|and|than)[^\S\n]+(?:the[^\S\n]+)?$/i;
/** "who" or "which" at most two words before the cue. */
const RELATIVE_BEFORE = /\b(who|which)[^\S\n]+(?:[\p{L}’'-]+[^\S\n]+){0,2}$/iu;
const QUOTE_OPEN = /["“«]/;
const MODIFIERS_BEFORE = /(?:^|(?<=[\s(]))(?:\p{Lu}[\p{L}.’'-]*[^\S\n]+){1,3}$/u;
/** A comma and a word in -ing that opens a participle clause (not "including", "during", "nothing"). */
const PARTICIPLE_CLAUSE =
  /,[^\S\n]+(?!(?:including|during|morning|evening|\p{Ll}*thing|bring|king)\b)\p{Ll}+ing\b/u;
const ONE_WORD_LEFT = /^([^\S\n]*[\p{L}\p{N}][\p{L}\p{N}’'-]*)[.!?]?["”’']?\s*$/u;
const ARTICLE_BEFORE = /\b(?:[Tt]he|[Aa]n?)[^\S\n]+$/;

/**
 * A sentence a rule took is read again only for a word this often a cue besides the rule's cues
 * (0.2 as for other sentences: the tagger read 69 % of 600 pile-dev articles' text, at 0.5 58 %, for
 * 0.0005 less all-attribution overlap F1 on PolNeAR dev).
 */
const CUE_BESIDE = 0.5;
/**
 * A sentence no rule took is read for a word this often a cue (reading at a lower share costs time
 * and found less on PolNeAR dev than keeping, at `CUE_MIN`, what the sentences read yield).
 */
const READ_MIN = 0.2;
/** A learned attribution needs a cue word that PolNeAR's annotators marked as a cue this often. */
const CUE_MIN = 0.12;
/** …and one at least this often, unless the cue is a verb of saying or belief, or the content is long. */
const CUE_SURE = 0.35;
/**
 * A learned attribution's cue: a word PolNeAR's annotators marked as a cue at least `CUE_SURE` of the
 * time ("said", "according", "shows"), or at least `CUE_MIN` when the cue is also a verb of saying or
 * belief ("believes" 0.31) or the content reads as a proposition (six words or more): a verb as often
 * an action as a cue ("signed" 0.32) does not make "They signed a “mutual assistance” pact" a quote.
 */
export function trustedCue(cue: string, content: string): boolean {
  const rate = cueRate(cue);
  if (rate >= CUE_SURE) return true;
  const words = cue.toLowerCase().split(/[^\p{L}'’]+/u);
  if (rate < CUE_MIN) return false;
  return (
    content.trim().split(/\s+/).length >= 6 || words.some((w) => SPEECH_CUES.has(w) || BELIEF_CUES.has(w))
  );
}

/** The highest cue share of the words of a phrase. */
function cueRate(cue: string): number {
  let best = 0;
  for (const word of cue.toLowerCase().split(/[^\p{L}'’]+/u)) best = Math.max(best, cueShare(word));
  return best;
}

/**
 * All raw quotes: direct quotes per paragraph, then reported speech by the rules in the sentences they
 * leave free and transcript turns, then the trained tagger's attributions that neither holds (by
 * content or cue).
 */
function rawQuotes(text: string, entities: readonly EntityMention[]): RawQuote[] {
  const { paragraphs, sentences } = segment(text);
  const direct = paragraphs.flatMap((p, i) => directQuotes(text, p, paragraphs[i - 1]));
  const reported: RawQuote[] = [];
  sentences.forEach((sentence, i) => {
    if (direct.some((q) => rangesOverlap(q.extent, sentence))) return;
    const previous = sentences[i - 1];
    const passive = passiveReport(
      text,
      sentence,
      previous?.paragraph === sentence.paragraph ? previous : undefined,
    );
    if (passive) reported.push(passive);
    else reported.push(...reportedSpeech(text, sentence));
  });
  // Transcript turns ("PENCE: Well, look, …") that hold no direct quotation the rules read.
  for (const turn of transcriptTurns(text, paragraphs))
    if (!direct.some((q) => rangesOverlap(q.content, turn.content))) reported.push(turn);
  // The trained tagger for what the rules do not read: beliefs, intentions, "X called for", documents
  // that "show" (docs/decisions/0043). The rules' quotes keep their precise boundaries.
  // Only sentences that hold a cue word can yield a kept attribution: the tagger reads no others
  // (reading the sentence after each too, for contents that run on, found nothing more on PolNeAR dev
  // and cost 13 % of the stage's time). It reads the sentences the rules took too — a second
  // attribution in a sentence ("…, adding that …", "X said Y believes …") — and a learned attribution
  // is dropped when its content or cue overlaps a rule's content or cue (0043).
  // A rule's cue must be one too ("States" of "United States" is no "states").
  const ruled = [...direct, ...reported.filter((r) => !r.cueSpan || verbalCue(text, r.cueSpan, entities))];
  reported.splice(0, reported.length, ...ruled.slice(direct.length));
  const read = sentences.filter((s) => {
    // In a sentence a rule took, a likely cue word besides the rule's cues.
    const cues = ruled.filter((r) => r.cueSpan && r.cueSpan.start >= s.start && r.cueSpan.end <= s.end);
    // An auxiliary ("has") alone is no reason: on PolNeAR dev no kept attribution came of the 96
    // sentences whose likeliest cue word it was; skipping them saves 4 % of pile-dev's text.
    if (cues.length === 0) return reaches(text.slice(s.start, s.end), READ_MIN, AUXILIARY_VERBS);
    let rest = '';
    let at = s.start;
    for (const r of cues.sort((a, b) => a.cueSpan!.start - b.cueSpan!.start)) {
      rest += `${text.slice(at, Math.max(at, r.cueSpan!.start))} `;
      at = Math.max(at, r.cueSpan!.end);
    }
    return reaches(rest + text.slice(at, s.end), CUE_BESIDE);
  });
  for (const q of learnedQuotes(text, read, entities, ruled)) {
    // A learned reported content that holds the rules' direct quotations as fragments ('she said “You
    // squeezed employees …” to drive up the stock price') stands beside them: PolNeAR counts the whole
    // as one attribution, and the fragments stay the claims of their sentences (the innermost quote).
    const fragments = fragmentsOf(text, q, ruled);
    const whole =
      fragments.length > 0 && ruled.filter((r) => takenBy(q, r)).every((r) => fragments.includes(r));
    if (!whole && ruled.some((r) => takenBy(q, r))) continue;
    reported.push(q);
    // A second cue of the same source, coordinated ("Trump tweeted Machado was “a con” and encouraged
    // Americans to …"), ends the first content.
    for (const r of ruled) {
      if (!nestedIn(q, r) || inside(q.speaker, r.content)) continue;
      const m = COORDINATED.exec(text.slice(r.content.start, q.cueSpan!.start));
      if (m) r.content = { start: r.content.start, end: r.content.start + m.index };
    }
  }
  // A reported attribution's source before its cue spans its whole noun phrase (source-span.ts).
  for (const r of reported) {
    if (!r.cueSpan) continue;
    const own = sentences.find((x) => x.start <= r.cueSpan!.start && r.cueSpan!.start < x.end);
    if (!own || r.speaker.end > r.cueSpan.start || r.speaker.start < own.start) continue;
    const phrase = sourceNounPhrase(text, own, r.speaker, r.cueSpan, entities);
    if (phrase.start !== r.speaker.start || phrase.end !== r.speaker.end) r.phrase = phrase;
  }
  return [...direct, ...reported].sort(
    (a, b) => a.content.start - b.content.start || b.content.end - a.content.end,
  );
}

/** Is range a inside range b? */
function inside(a: Range, b: Range): boolean {
  return b.start <= a.start && a.end <= b.end;
}

/**
 * Is the learned attribution q nested in the reported content of r ("Figueroa said the campaign
 * planned …, though she acknowledged it was unlikely to work")? It then stands beside it.
 */
function nestedIn(q: RawQuote, r: RawQuote): boolean {
  return !r.direct && inside(q.cueSpan!, r.content) && inside(q.content, r.content);
}

/** Does the rules' quote r hold the learned attribution q's content or cue (and q is not nested in r)? */
function takenBy(q: RawQuote, r: RawQuote): boolean {
  return (
    !nestedIn(q, r) &&
    (rangesOverlap(r.content, q.content) ||
      rangesOverlap(r.content, q.cueSpan!) ||
      (r.cueSpan !== undefined && rangesOverlap(r.cueSpan, q.cueSpan!)))
  );
}

/** Up to `back` characters of the text before `at`, not before the sentence `own` (no closure per call). */
function textBefore(text: string, own: Range, at: number, back: number): string {
  return text.slice(Math.max(own.start, at - back), at);
}

function remember(ctx: SpeakerContext, at: number, speaker: ResolvedSpeaker, phrase: string): void {
  ctx.history.push({ at, speaker, plural: speaker.kind === 'anonymous' && isPlural(phrase) });
}

/**
 * The quotes stage: direct quotes (straight, curly, spanning sentences, with missing or mangled marks)
 * and reported speech ("X said that…", "…, the officials added", "according to…"), each with its
 * speaker resolved where the text allows, its cue, its content span and the medium it went through.
 */
export function extractQuotes(articleId: string, text: string, options: ExtractQuotesOptions = {}): Quote[] {
  const ctx: SpeakerContext = { text, entities: options.entities ?? [], history: [] };
  const quotes: Quote[] = [];
  for (const raw of rawQuotes(text, ctx.entities)) {
    const via = raw.via ? resolveSpeaker(ctx, raw.via) : undefined;
    if (via && raw.via)
      remember(
        ctx,
        raw.via.start,
        { ...via, kind: via.kind === 'anonymous' ? via.kind : 'outlet' },
        raw.via.text,
      );
    const speaker = resolveSpeaker(ctx, raw.speaker);
    if (/^report(ed|s)?$/i.test(raw.cue) && speaker.kind === 'organization') speaker.kind = 'outlet';
    remember(ctx, raw.speaker.start, speaker, raw.speaker.text);
    const citing = raw.citing ? resolveSpeaker(ctx, raw.citing) : undefined;
    const quote: Quote = {
      id: stableId(
        articleId,
        QUOTES_STAGE.name,
        String(raw.content.start),
        String(raw.content.end),
        raw.speaker.text,
      ),
      articleId,
      speaker: {
        text: speaker.text,
        span: { articleId, ...sourcePhrase(text, raw.phrase ?? raw.speaker, raw.cueSpan, raw.content) },
        kind: speaker.kind,
      },
      cue: raw.cue,
      direct: raw.direct,
      content: { articleId, ...raw.content, text: text.slice(raw.content.start, raw.content.end) },
    };
    if (speaker.entityId) quote.speaker.entityId = speaker.entityId;
    if (speaker.role) quote.speaker.role = speaker.role;
    if (speaker.antecedent) quote.speaker.antecedent = { articleId, ...speaker.antecedent };
    if (raw.cueSpan) quote.cueSpan = { articleId, ...raw.cueSpan };
    if (via) quote.via = via.text;
    if (citing) quote.citing = citing.text;
    quotes.push(quote);
  }
  return quotes;
}
