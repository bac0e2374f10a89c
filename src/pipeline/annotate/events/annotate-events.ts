import type { EntityMention } from '../../../core/entity.ts';
import type { EventRecord } from '../../../core/event.ts';
import { stableId } from '../../../core/hash.ts';
import type { TimeExpression, TimeInterval } from '../../../core/time.ts';
import { segment } from '../../segment/segment.ts';
import { EVENT_TYPES, type EventType } from './event-ontology.ts';
import { fallbackEntities, isDemonym } from './fallback-entities.ts';
import { modalityOf } from './modality.ts';

export const EVENT_ANNOTATOR = { name: 'annotate-events', version: '1' } as const;

export interface AnnotateEventsOptions {
  /** Entity mentions of this text; when empty, the marked fallback gazetteer is used. */
  entities: EntityMention[];
  times: TimeExpression[];
  documentDate?: string;
}

const QUANTITY =
  /\b(?:(at least|about|around|more than|over|nearly|some|up to|another|a)\s+)?(\d{1,3}(?:,\s?\d{3})+|\d+|million)(?:\s+or more)?\s+(?:[\w-]+\s+){0,2}?(troops|soldiers|rounds|shells|containers|missiles|personnel)\b/gi;

const ACTOR_TYPES = new Set(['person', 'country', 'organization']);

type Who = { entityId?: string; text: string };

function who(m: EntityMention): Who {
  return m.entityId ? { entityId: m.entityId, text: m.text } : { text: m.text };
}

/** Prefer named actors over demonyms ("North Korean"), nearest first. */
function pick(cands: EntityMention[], nearestFirst: EntityMention[]): EntityMention | undefined {
  return nearestFirst.find((m) => !isDemonym(m)) ?? nearestFirst[0] ?? cands[0];
}

function participants(text: string, type: EventType, ents: EntityMention[], tStart: number, tEnd: number) {
  const actors = ents.filter((e) => ACTOR_TYPES.has(e.type));
  const before = actors.filter((e) => e.end <= tStart).reverse();
  const after = actors.filter((e) => e.start >= tEnd);
  if (type.symmetric) {
    const persons = actors.filter((e) => e.type === 'person');
    // Two people anywhere in the sentence, else two named actors close to the trigger; else none.
    const near = actors.filter((e) => !isDemonym(e) && e.end >= tStart - 80 && e.start <= tEnd + 80);
    const pool = persons.length >= 2 ? persons : near;
    const distinct: EntityMention[] = [];
    for (const e of pool) if (!distinct.some((d) => d.text === e.text)) distinct.push(e);
    if (distinct.length < 2) return { actor: undefined, target: undefined };
    return { actor: distinct[0], target: distinct[1] };
  }
  const actor = pick(actors, before);
  // A target after "to"/"into"/"with" beats the first entity after the trigger.
  const toTarget = after.find(
    (e) =>
      !isDemonym(e) &&
      /\b(?:to|into)\s+(?:the\s+)?$/i.test(text.slice(Math.max(tEnd, e.start - 12), e.start)),
  );
  const first = after.find((e) => !isDemonym(e) && e.text !== actor?.text);
  const adjacent = first && text.slice(tEnd, first.start).trim().split(/\s+/).filter(Boolean).length <= 2;
  const target = adjacent ? first : (toTarget ?? first ?? after[0]);
  return { actor, target };
}

function placeOf(
  text: string,
  ents: EntityMention[],
  sStart: number,
  tEnd: number,
): EntityMention | undefined {
  return ents.find(
    (e) =>
      (e.type === 'place' || e.type === 'facility') &&
      e.start >= sStart &&
      /\b(?:in|at|to|into|from)\s+(?:the\s+)?(?:city of\s+)?$/i.test(
        text.slice(Math.max(sStart, e.start - 30), e.start),
      ) &&
      e.start >= tEnd - 200,
  );
}

/** The time of the event: the nearest dated expression in the sentence, except the time of a report ("said Wednesday"). */
function timeOf(
  text: string,
  times: TimeExpression[],
  sStart: number,
  sEnd: number,
  at: number,
): TimeExpression | undefined {
  const inSentence = times.filter(
    (t) =>
      t.start >= sStart &&
      t.end <= sEnd &&
      t.interval &&
      t.type !== 'DURATION' &&
      t.type !== 'SET' &&
      !/\b(?:said|says|told|reported|announced|added|confirmed)\s+(?:on\s+)?$/i.test(
        text.slice(Math.max(0, t.start - 16), t.start),
      ),
  );
  return inSentence.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
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

/**
 * The event annotator: actor–action–target events of one article, typed by the ontology
 * (event-ontology.ts), with place, time (from the time annotator's expressions), modality, numbers,
 * and the sentence and trigger spans that support them. One event per trigger.
 */
export function annotateEvents(
  articleId: string,
  text: string,
  options: AnnotateEventsOptions,
): EventRecord[] {
  const entities = options.entities.length > 0 ? options.entities : fallbackEntities(articleId, text);
  const out: EventRecord[] = [];
  // Sentences, further cut at single line breaks (captions and datelines glued to a paragraph).
  const sentences = segment(text).sentences.flatMap((s) => {
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
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    const ents = entities.filter((e) => e.start >= s.start && e.end <= s.end);
    const used: [number, number][] = [];
    for (const type of EVENT_TYPES) {
      type.trigger.lastIndex = 0;
      for (let m = type.trigger.exec(sentence); m !== null; m = type.trigger.exec(sentence)) {
        const tStart = s.start + m.index;
        const tEnd = tStart + m[0].length;
        if (used.some(([a, b]) => tStart < b && a < tEnd)) continue;
        // "during that visit", "the same meeting": a back-reference to an event already mentioned.
        if (
          /^(?:visit|meeting|summit)$/i.test(m[0]) &&
          /\b(?:that|this|the same)\s+$/i.test(sentence.slice(0, m.index))
        )
          continue;
        if (type.requires) {
          const w = type.window ?? 80;
          const from = type.around ? Math.max(0, m.index - w) : m.index;
          if (!type.requires.test(sentence.slice(from, m.index + m[0].length + w))) continue;
          if (type.type === 'supply-weapons' && /\btechnolog/i.test(sentence.slice(m.index, m.index + 90)))
            continue;
        }
        if (type.excludes?.test(sentence.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)))
          continue;
        used.push([tStart, tEnd]);
        const { actor, target } = participants(text, type, ents, tStart, tEnd);
        const place = placeOf(text, ents, s.start, tEnd);
        const time = timeOf(text, options.times, s.start, s.end, tStart);
        const verdict = modalityOf(sentence, m.index, m.index + m[0].length);
        const quantity = /deploy|supply/.test(type.type) ? quantityIn(sentence, s.start, tStart) : undefined;
        const event: EventRecord = {
          id: stableId(articleId, type.type, String(tStart)),
          type: type.type,
          action: m[0].toLowerCase(),
          modality: verdict.modality,
          mentions: [
            {
              articleId,
              start: s.start,
              end: s.end,
              text: sentence,
              trigger: { start: tStart, end: tEnd, text: m[0] },
              modality: verdict.modality,
              ...(verdict.cue ? { cue: verdict.cue } : {}),
              ...(place ? { place: place.text } : {}),
              ...(quantity ? { quantity: quantity.text } : {}),
            },
          ],
        };
        if (actor) event.actor = who(actor);
        if (target && target.text !== actor?.text) event.target = who(target);
        else if (place && type.type === 'deploy-forces') event.target = who(place);
        if (place) event.place = who(place);
        const interval = time ? toInterval(text, time, options.documentDate) : undefined;
        if (time && interval) {
          event.time = interval;
          event.timeValue = time.value;
        }
        if (quantity) event.quantity = quantity;
        if (options.documentDate) event.documentDate = options.documentDate;
        out.push(event);
      }
    }
  }
  return out.sort((a, b) => (a.mentions[0]?.trigger?.start ?? 0) - (b.mentions[0]?.trigger?.start ?? 0));
}
