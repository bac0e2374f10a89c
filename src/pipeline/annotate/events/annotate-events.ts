import type { EntityMention } from '../../../core/entity.ts';
import type { EventRecord } from '../../../core/event.ts';
import { stableId } from '../../../core/hash.ts';
import type { TimeExpression, TimeInterval } from '../../../core/time.ts';
import { segment } from '../../segment/segment.ts';
import { agentMentions } from './agents.ts';
import { EVENT_TYPES, type EventType, eventType, ploverCategoryOf } from './event-ontology.ts';
import { modalityOf } from './modality.ts';
import { acceptsInNews, recodesInNews, skippedInNews, verbalAttack } from './news-rules.ts';
import {
  isDemonym,
  type Participants,
  participantsOf,
  placeOf,
  type SentenceContext,
} from './participants.ts';
import {
  CAMEO_VERBS,
  matchVerbPatterns,
  usedAsVerb,
  type VerbDictionary,
  type VerbMatch,
} from './verb-patterns.ts';

export const EVENT_ANNOTATOR = { name: 'annotate-events', version: '7' } as const;

export interface AnnotateEventsOptions {
  /** Entity mentions of this text (the event participants come from these alone). */
  entities: EntityMention[];
  times: TimeExpression[];
  documentDate?: string;
  /**
   * A verb dictionary to find PLOVER events with beyond the ontology's types: CAMEO_VERBS (the shipped
   * CAMEO.2.0 → PLOVER one) or a suite's own; `null` for the ontology's types alone. Left out, the news
   * setting (NEWS_VERBS: CAMEO_VERBS with `news`), as the pipeline runs (docs/decisions/0030-events.md).
   */
  verbs?: VerbDictionary | null;
  /**
   * Verb events for real news (docs/decisions/0030-events.md, "On real news"): role and sector words
   * ("police", "rebels") as actors of verb events, their actor must be political (a state, a political
   * body, an office-holder, an agent of a political sector), a verb of a root CAMEO code ("attacked"
   * 190, "support" 050) needs a target, light verbs and consulting verbs code only through a pattern,
   * and categories that are rarely a political act in news (COOPERATE, AGREE, CONCEDE, RETREAT,
   * SANCTION, REQUEST) are not coded from verbs.
   */
  news?: boolean;
}

/**
 * The news setting: the shipped CAMEO.2.0 verb patterns with the news rules (docs/decisions/
 * 0030-events.md, "On real news"; pile-dev hand-check category precision 0.629). The default of
 * `annotateEvents` (options without `verbs`), so the pipeline runs it.
 */
export const NEWS_VERBS: Pick<AnnotateEventsOptions, 'verbs' | 'news'> = { verbs: CAMEO_VERBS, news: true };

const QUANTITY =
  /\b(?:(at least|about|around|more than|over|nearly|some|up to|another|a)\s+)?(\d{1,3}(?:,\s?\d{3})+|\d+|million)(?:\s+or more)?\s+(?:[\w-]+\s+){0,2}?(troops|soldiers|rounds|shells|containers|missiles|personnel)\b/gi;

/**
 * Does any type's trigger stand in a sentence? One scan of the triggers' union (with their flags, less
 * `g`): where it finds none, no trigger's own scan can find one, and the types' loop is skipped. Made
 * only when every trigger has the flags `gi` (else every sentence is scanned type by type).
 */
const ANY_TRIGGER: RegExp | undefined = EVENT_TYPES.every((t) => t.trigger.flags === 'gi')
  ? new RegExp([...new Set(EVENT_TYPES.map((t) => t.trigger.source))].map((x) => `(?:${x})`).join('|'), 'i')
  : undefined;

type Who = { entityId?: string; text: string };

/** A participant as labels show it: a demonym or a metonymic capital by its country ("Pyongyang" → North Korea). */
function who(m: EntityMention): Who {
  const text = (isDemonym(m) || m.via === 'metonymy') && m.canonical ? m.canonical : m.text;
  return m.entityId ? { entityId: m.entityId, text } : { text };
}

/**
 * The time of the event: the nearest dated expression in the sentence, except the time of a report
 * ("said Wednesday"). A speech act's time stands beside its verb (40 characters before, 20 after), not
 * in what was said.
 */
function timeOf(
  text: string,
  times: TimeExpression[],
  s: { start: number; end: number },
  trigger: { start: number; end: number },
  speech: boolean,
): TimeExpression | undefined {
  const inSentence = times.filter(
    (t) =>
      t.start >= s.start &&
      t.end <= s.end &&
      t.interval &&
      t.type !== 'DURATION' &&
      t.type !== 'SET' &&
      !/\b(?:said|says|told|reported|announced|added|confirmed)\s+(?:on\s+)?$/i.test(
        text.slice(Math.max(0, t.start - 16), t.start),
      ) &&
      (!speech ||
        (!t.value.endsWith('_REF') &&
          t.end >= trigger.start - 40 &&
          t.start <= trigger.end + 20 &&
          !/\bthat\b/i.test(text.slice(trigger.end, t.start)))),
  );
  return inSentence.sort((x, y) => Math.abs(x.start - trigger.start) - Math.abs(y.start - trigger.start))[0];
}

/** The event's interval: a range's whole interval; "since X" runs from X to the document date. */
function toInterval(text: string, t: TimeExpression, documentDate?: string): TimeInterval | undefined {
  const i = t.range?.interval ?? t.interval;
  if (!i) return undefined;
  const out: TimeInterval = { start: i.start, end: i.end, granularity: i.granularity };
  if (documentDate && /\bsince\s+$/i.test(text.slice(Math.max(0, t.start - 8), t.start))) {
    out.end = documentDate.slice(0, i.end.length);
    return out;
  }
  if (t.mod && !t.range) out.mod = t.mod;
  return out;
}

function quantityIn(sentence: string, offset: number, at: number): EventRecord['quantity'] | undefined {
  let best: { q: NonNullable<EventRecord['quantity']>; dist: number } | undefined;
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(sentence); m !== null; m = QUANTITY.exec(sentence)) {
    const raw = (m[2] ?? '').replace(/,\s?/g, '');
    const value = raw === 'million' ? 1_000_000 : Number(raw);
    if (!Number.isFinite(value) || (m[1] === 'a' && raw !== 'million')) continue;
    const q: NonNullable<EventRecord['quantity']> = { value, unit: (m[3] ?? '').toLowerCase(), text: m[0] };
    if (m[1] && m[1] !== 'a') q.mod = m[1].toLowerCase();
    else if (/or more/.test(m[0])) q.mod = 'at least';
    const dist = Math.abs(offset + m.index - at);
    if (!best || dist < best.dist) best = { q, dist };
  }
  return best?.q;
}

/** A later event this one is part of, by type: "visit … to meet", "met … to discuss", "preparations for a test". */
const SUBSUMED_BY: Record<string, string[] | '*'> = { meet: ['visit'], consult: ['meet'], prepare: '*' };

/** Rule 8: drop an event whose trigger sits within 60 characters after a trigger of an event that includes it. */
function subsumed(e: EventRecord, all: EventRecord[]): boolean {
  const heads = SUBSUMED_BY[e.type];
  const t = e.mentions[0]?.trigger;
  if (!heads || !t) return false;
  return all.some((o) => {
    const u = o.mentions[0]?.trigger;
    if (o === e || !u || o.type === e.type || (heads !== '*' && !heads.includes(o.type))) return false;
    // A prepare event includes what follows it; the others are included in what precedes them.
    return heads === '*'
      ? u.start > t.end && u.start - t.end <= 60
      : t.start > u.end && t.start - u.end <= 60;
  });
}

/** Sentences, further cut at single line breaks (captions and datelines glued to a paragraph). */
function sentencesOf(text: string): { start: number; end: number }[] {
  return segment(text).sentences.flatMap((s) => {
    const parts: { start: number; end: number }[] = [];
    let from = s.start;
    for (let i = s.start; i < s.end; i += 1) {
      if (text[i] === '\n') {
        if (i > from) parts.push({ start: from, end: i });
        from = i + 1;
      }
    }
    if (s.end > from) parts.push({ start: from, end: s.end });
    return parts;
  });
}

/** Does the trigger's context hold the words the type requires ("supplied … munitions")? */
function fits(type: EventType, sentence: string, at: number, trigger: string): boolean {
  if (type.requires) {
    const w = type.window ?? 80;
    const anchored = type.requires.source.startsWith('^');
    const from = anchored ? at + trigger.length : type.around ? Math.max(0, at - w) : at;
    if (!type.requires.test(sentence.slice(from, at + trigger.length + w))) return false;
    if (type.type === 'supply-weapons' && /\btechnolog/i.test(sentence.slice(at, at + 90))) return false;
  }
  return !type.excludes?.test(sentence.slice(Math.max(0, at - 12), at + trigger.length + 12));
}

/** One event at a trigger (`at` and `trigger` index the sentence), or none when it lacks its participants. */
function eventAt(
  articleId: string,
  text: string,
  options: AnnotateEventsOptions,
  ctx: SentenceContext,
  type: EventType,
  at: number,
  trigger: string,
  definite: boolean,
  accept?: (p: Participants) => boolean,
): EventRecord | undefined {
  const sentence = text.slice(ctx.start, ctx.end);
  const tStart = ctx.start + at;
  const tEnd = tStart + trigger.length;
  const found = participantsOf(ctx, type, tStart, tEnd, definite, options.news === true);
  const { actor, coActor, target } = found;
  if (!actor && !(type.noun && target)) return undefined;
  if (accept && !accept(found)) return undefined;
  const place = placeOf(ctx, tStart, tEnd, target, !target && /^(?:visit|deploy-forces)$/.test(type.type));
  const verdict = modalityOf(sentence, at, at + trigger.length);
  const time = timeOf(text, options.times, ctx, { start: tStart, end: tEnd }, type.speech === true);
  let interval = time ? toInterval(text, time, options.documentDate) : undefined;
  // A forecast's time is not a past date of its sentence ("belligerence unseen since 2010").
  if (
    interval &&
    verdict.modality === 'expected' &&
    options.documentDate &&
    (interval.end < options.documentDate.slice(0, interval.end.length) ||
      /\bsince\s+$/i.test(text.slice(Math.max(0, (time?.start ?? 0) - 8), time?.start)))
  )
    interval = undefined;
  const quantity = /deploy|supply/.test(type.type) ? quantityIn(sentence, ctx.start, tStart) : undefined;
  const event: EventRecord = {
    id: stableId(articleId, type.type, String(tStart)),
    type: type.type,
    action: trigger.toLowerCase(),
    modality: verdict.modality,
    mentions: [
      {
        articleId,
        start: ctx.start,
        end: ctx.end,
        text: sentence,
        trigger: { start: tStart, end: tEnd, text: trigger },
        modality: verdict.modality,
        ...(verdict.cue ? { cue: verdict.cue } : {}),
        ...(place ? { place: place.text } : {}),
        ...(quantity ? { quantity: quantity.text } : {}),
      },
    ],
  };
  if (actor && coActor) event.actor = { text: `${who(coActor).text} and ${who(actor).text}` };
  else if (actor) event.actor = who(actor);
  if (target) event.target = who(target);
  if (place)
    event.place = place.entityId ? { entityId: place.entityId, text: place.text } : { text: place.text };
  if (time && interval) {
    event.time = interval;
    event.timeValue = time.value;
  }
  if (quantity) event.quantity = quantity;
  if (options.documentDate) event.documentDate = options.documentDate;
  const category = ploverCategoryOf(event);
  if (category) event.category = category;
  return event;
}

/** The PLOVER class a verb pattern gave. */
function classify(event: EventRecord, v: VerbMatch): EventRecord {
  // A pattern that states the negation codes the negated act ("will not wire tap" 081): not denied.
  if (v.negated && event.modality === 'denied') {
    event.modality = 'occurred';
    for (const m of event.mentions) {
      m.modality = 'occurred';
      delete m.cue;
    }
  }
  event.category = v.category;
  if (v.mode) event.mode = v.mode;
  if (v.context) event.context = v.context;
  event.cameo = v.code;
  return event;
}

/**
 * The event annotator: actor–action–target events of one article, typed by the ontology
 * (event-ontology.ts), with place, time (from the time annotator's expressions), modality, numbers,
 * and the sentence and trigger spans that support them. One event per trigger; participants by the
 * rules of participants.ts; events that need an actor and have none are not emitted.
 */
export function annotateEvents(articleId: string, text: string, given: AnnotateEventsOptions): EventRecord[] {
  const options = given.verbs === undefined ? { ...given, ...NEWS_VERBS } : given;
  const entities = options.entities;
  const out: EventRecord[] = [];
  // Mentions in order of start (as the pipeline gives them): a sentence's are found from where the
  // previous sentence's began, not by reading all of them again (the same mentions, in the same order).
  let ordered = true;
  for (let k = 1; k < entities.length && ordered; k += 1)
    ordered = entities[k - 1]!.start <= entities[k]!.start;
  let first = 0;
  const entitiesIn = (s: { start: number; end: number }): EntityMention[] => {
    if (!ordered) return entities.filter((e) => e.start >= s.start && e.end <= s.end);
    // Sentences come in order; should one start before the last, read from the first mention again.
    if (first > 0 && entities[first - 1]!.start >= s.start) first = 0;
    while (first < entities.length && entities[first]!.start < s.start) first += 1;
    const found: EntityMention[] = [];
    for (let k = first; k < entities.length && entities[k]!.start < s.end; k += 1)
      if (entities[k]!.end <= s.end) found.push(entities[k]!);
    return found;
  };
  for (const s of sentencesOf(text)) {
    const sentence = text.slice(s.start, s.end);
    const ctx = { text, start: s.start, end: s.end, ents: entitiesIn(s) };
    // Agents are read only when a verb event is to be made (most sentences have none), or to learn
    // whether a sentence without a named participant has anyone to act at all.
    let withAgents: SentenceContext | undefined;
    const vctxOf = (): SentenceContext => {
      withAgents ??= options.news
        ? {
            ...ctx,
            ents: [...ctx.ents, ...agentMentions(articleId, text, s.start, s.end, ctx.ents)].sort(
              (a, b) => a.start - b.start,
            ),
          }
        : ctx;
      return withAgents;
    };
    // No named participant and no agent phrase: no event can have an actor or a target, so the
    // sentence's triggers and verbs need not be read (the output is the same; it saves most of the
    // verb matching on sentences that name no one).
    if (ctx.ents.length === 0 && vctxOf().ents.length === 0) continue;
    const used: [number, number][] = [];
    // In news mode only verbs with a PLOVER category matter (coded verbs without one serve the suite's
    // rule that a sentence with a coded verb codes its verbs).
    const coded = options.verbs
      ? matchVerbPatterns(sentence, options.verbs, !options.news, options.news === true)
      : [];
    const verbs = coded.filter((v) => v.category);
    const found: EventRecord[] = [];
    const triggers = ANY_TRIGGER ? ANY_TRIGGER.test(sentence) : true;
    for (const type of triggers ? EVENT_TYPES : []) {
      type.trigger.lastIndex = 0;
      for (let m = type.trigger.exec(sentence); m !== null; m = type.trigger.exec(sentence)) {
        const tStart = s.start + m.index;
        const tEnd = tStart + m[0].length;
        if (used.some(([a, b]) => tStart < b && a < tEnd)) continue;
        const nominal = /^(?:visit|meeting|summit)$/i.test(m[0]);
        const before = sentence.slice(0, m.index);
        // "during that visit", "the same meeting": a back-reference to an event already mentioned.
        if (nominal && /\b(?:that|this|the same)\s+$/i.test(before)) continue;
        if (!fits(type, sentence, m.index, m[0])) continue;
        // With verb patterns, a sentence with a verb event codes its verbs (as PETRARCH does): an
        // event noun there is that verb's object or a circumstance ("condemned an attack", "postponed
        // their meeting", "during a brief visit"), not an event of its own.
        // Not in news mode: there an event noun keeps its own event ("said the attack on X killed 3").
        if (coded.length && !options.news && !usedAsVerb(sentence, m.index)) continue;
        used.push([tStart, tEnd]);
        const definite = nominal && /\bthe\s+(?:[\w-]+\s+)?$/i.test(before);
        const event = eventAt(articleId, text, options, ctx, type, m.index, m[0], definite);
        // A verb pattern on the same trigger is more specific than the type's category ("condemned").
        const v = verbs.find((x) => x.start < m.index + m[0].length && m.index < x.end);
        if (event && v && (!options.news || recodesInNews(v))) classify(event, v);
        if (event) found.push(options.news ? verbalAttack(event, ctx) : event);
      }
    }
    // The CAMEO verb patterns, where no type above fired: PLOVER-typed events for any story. The news
    // setting by default, off with `verbs: null` (docs/decisions/0030-events.md, "Verb patterns", "On
    // real news" and "On in the pipeline").
    // In news mode a trigger whose ontology type found no participants ("The minister condemned the
    // raid": no named actor) is left to the verb patterns, which read agents too.
    const blocked: [number, number][] = options.news
      ? found.map((e) => [e.mentions[0]?.trigger?.start ?? 0, e.mentions[0]?.trigger?.end ?? 0])
      : used;
    for (const v of verbs) {
      const tStart = s.start + v.start;
      const tEnd = s.start + v.end;
      if (blocked.some(([a, b]) => tStart < b && a < tEnd)) continue;
      blocked.push([tStart, tEnd]);
      // A visit (CONSULT, mode visit) goes from its actor to a host, not between two parties.
      const type = eventType(v.mode === 'visit' ? 'visit' : v.category.toLowerCase());
      if (!type) continue;
      used.push([tStart, tEnd]);
      // A consulting verb without a stated pair still has its subject and object ("after leaving X").
      if (options.news && skippedInNews(v, sentence)) continue;
      const accept = options.news ? acceptsInNews(text, v) : undefined;
      const vctx = vctxOf();
      const event =
        eventAt(articleId, text, options, vctx, type, v.start, v.text, false, accept) ??
        (type.symmetric
          ? eventAt(
              articleId,
              text,
              options,
              vctx,
              { ...type, symmetric: false },
              v.start,
              v.text,
              false,
              accept,
            )
          : undefined);
      if (!event) continue;
      // "X condemned … and promised …": a coordinated verb shares the subject of the verb before it.
      const endOf = (e: EventRecord) => (e.mentions[0]?.trigger?.end ?? 0) - s.start;
      const before = found
        .filter((e) => endOf(e) <= v.start)
        .sort((a, b) => endOf(a) - endOf(b))
        .at(-1);
      if (before?.actor && /\band\s+$/.test(sentence.slice(0, v.start))) event.actor = before.actor;
      found.push(options.news ? verbalAttack(classify(event, v), ctx) : classify(event, v));
    }
    out.push(...found.filter((e) => !subsumed(e, found)));
  }
  return out.sort((a, b) => (a.mentions[0]?.trigger?.start ?? 0) - (b.mentions[0]?.trigger?.start ?? 0));
}
