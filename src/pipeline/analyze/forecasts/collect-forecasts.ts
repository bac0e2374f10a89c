import type { Forecast } from '../../../core/analysis.ts';
import type { EventRecord } from '../../../core/event.ts';
import type { Claim } from '../../../core/quote.ts';
import type { Span } from '../../../core/span.ts';
import { compareIsoAtCommonPrecision, type SourceArticle, sourceLabel } from '../compare/source-label.ts';

export const FORECAST_COLLECTOR = { name: 'forecasts', version: '2' } as const;

/** Words that make a statement look forward: future tense, modals of expectation, warnings, plans. */
const FORWARD =
  /\b(?:will|won[’']t|would|wouldn[’']t|shall|going to|could|may|might|likely|unlikely|expect(?:s|ed|ing)?|anticipate[sd]?|predict(?:s|ed)?|warn(?:s|ed|ing)?|plan(?:s|ned)? to|intend(?:s|ed)? to|aims? to|set to|poised to|on track to|potentially|threaten(?:s|ed)? to|vow(?:s|ed)? to|promise[sd]? to|coming (?:days|weeks|months|years)|next (?:week|month|year)|soon)\b/i;

/**
 * Modals that speculate about the past or offer a reading, not an expectation: "could have sent",
 * "may have been", "it could be that …", "could be understood as".
 */
const PAST_OR_READING =
  /\b(?:could|may|might|would|must|will)(?: not)?(?: also)? have (?:been )?\w+|\bcould be that\b|\b(?:could|may|might)(?: also)? be (?:understood|seen|read|interpreted|considered|viewed) as\b/gi;

/**
 * Is a statement forward-looking? The marker must be in its head clause — before a "because", "but",
 * "although", "though", a semicolon or a dash that comes after its first three words — so that a
 * statement about the past with a conditional tacked on ("Let us not forget that Japan and South Korea
 * were historical enemies because …, they could cooperate more") is not taken for a forecast; nor is
 * speculation about the past or a reading (PAST_OR_READING), nor a report of someone's prediction.
 */
export function isForwardLooking(text: string): boolean {
  const plain = text.replace(PAST_OR_READING, ' ');
  const words = plain.split(/\s+/);
  let head = plain;
  for (let i = 3; i < words.length; i++) {
    if (/^(?:because|but|although|though)$/i.test(words[i]!) || /[;—–]$/.test(words[i - 1]!)) {
      head = words.slice(0, i).join(' ');
      break;
    }
  }
  return FORWARD.test(head);
}

type Participant = { key: string; name: string };

const overlaps = (a: Span, b: Span): boolean =>
  a.articleId === b.articleId && a.start < b.end && b.start < a.end;

function participants(events: EventRecord[]): Participant[] {
  const found = new Map<string, string>();
  for (const e of events) {
    for (const ref of [e.actor, e.target]) {
      if (!ref) continue;
      const key = ref.entityId ?? `text:${ref.text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
      if (!found.has(key)) found.set(key, ref.text);
    }
  }
  return [...found].map(([key, name]) => ({ key, name }));
}

/** When an event happened: its own time, else the date of the earliest dated article that mentions it. */
function eventDate(event: EventRecord, dateOf: (id: string) => string | undefined): string | undefined {
  if (event.time) return event.time.start;
  const dates = event.mentions.map((m) => dateOf(m.articleId)).filter((d): d is string => d !== undefined);
  return dates.sort(compareIsoAtCommonPrecision)[0];
}

function relation(
  forecastEvents: EventRecord[],
  shared: Participant[],
  later: EventRecord,
  all: number,
): string {
  const names = shared.map((p) => p.name).join(', ');
  const types = [...new Set(forecastEvents.map((e) => e.type))];
  if (types.includes(later.type) && shared.length === all) {
    return `later ${later.type} event with the same actors (${names}); it bears on the forecast, it does not by itself settle it`;
  }
  const what = types.includes(later.type)
    ? `of the same type (${later.type})`
    : `of another type (${later.type}, forecast: ${types.join(', ')})`;
  return `later event ${what} involving ${shared.length === 1 ? 'the same actor' : 'some of the same actors'}: ${names}`;
}

/** The events by participant key and by article, with each event's date, computed once. */
interface EventIndex {
  events: EventRecord[];
  byParticipant: Map<string, number[]>;
  expectedByArticle: Map<string, number[]>;
  dates: (string | undefined)[];
}

function indexEvents(events: EventRecord[], dateOf: (id: string) => string | undefined): EventIndex {
  const add = (index: Map<string, number[]>, key: string, at: number): void => {
    const list = index.get(key) ?? [];
    if (list.at(-1) !== at) list.push(at);
    index.set(key, list);
  };
  const byParticipant = new Map<string, number[]>();
  const expectedByArticle = new Map<string, number[]>();
  events.forEach((e, at) => {
    for (const p of participants([e])) add(byParticipant, p.key, at);
    if (e.modality === 'expected') for (const m of e.mentions) add(expectedByArticle, m.articleId, at);
  });
  return { events, byParticipant, expectedByArticle, dates: events.map((e) => eventDate(e, dateOf)) };
}

/** Positions listed under any of `keys`, in ascending order. */
function lookup(index: Map<string, number[]>, keys: Iterable<string>): number[] {
  const found = new Set<number>();
  for (const k of keys) for (const at of index.get(k) ?? []) found.add(at);
  return [...found].sort((a, b) => a - b);
}

function laterEvents(
  forecastEvents: EventRecord[],
  madeAt: string | undefined,
  index: EventIndex,
): Forecast['laterEvents'] {
  const own = participants(forecastEvents);
  if (madeAt === undefined || own.length === 0) return [];
  const linked: { eventId: string; relation: string; date: string }[] = [];
  // Only events that share a participant can be linked: look them up by participant key.
  for (const at of lookup(
    index.byParticipant,
    own.map((p) => p.key),
  )) {
    const event = index.events[at] as EventRecord;
    if (forecastEvents.includes(event) || event.modality === 'expected' || event.modality === 'denied')
      continue;
    const date = index.dates[at];
    if (date === undefined || compareIsoAtCommonPrecision(date, madeAt) <= 0) continue;
    const shared = own.filter((p) => participants([event]).some((q) => q.key === p.key));
    // Linked only when the later event is of a type the forecast is about and involves all its actors.
    if (shared.length === 0 || shared.length < own.length) continue;
    if (!forecastEvents.some((e) => e.type === event.type)) continue;
    linked.push({ eventId: event.id, relation: relation(forecastEvents, shared, event, own.length), date });
  }
  // The first such event only: one line per forecast.
  return linked
    .sort((a, b) => compareIsoAtCommonPrecision(a.date, b.date) || a.eventId.localeCompare(b.eventId))
    .slice(0, 1)
    .map(({ eventId, relation }) => ({ eventId, relation }));
}

/**
 * Expectations and warnings: claim mentions with modality 'expected' that are attributed (a speaker or
 * a cited source) and forward-looking (`isForwardLooking`), each with who made it (the attribution
 * chain), when (the publication date of the earliest
 * dated article carrying it) and later events that share actors or targets with the events the
 * forecast is about — the first later event of the same type involving all of its actors. Links are worded as relations, never as verdicts; a forecast with no date or
 * no structured event gets no links.
 */
export function collectForecasts(input: {
  claims: Claim[];
  events: EventRecord[];
  articles: SourceArticle[];
}): Forecast[] {
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const dateOf = (id: string): string | undefined => byId.get(id)?.publishedAt;
  const byOf = (attribution: string[], articleId: string): string[] =>
    attribution.length > 0 ? attribution : [sourceLabel(byId.get(articleId) ?? { id: articleId })];
  const earliest = <T extends Span>(mentions: T[]): T | undefined =>
    [...mentions].sort((a, b) => {
      const da = dateOf(a.articleId);
      const db = dateOf(b.articleId);
      if (da === undefined || db === undefined) return da === undefined ? (db === undefined ? 0 : 1) : -1;
      return compareIsoAtCommonPrecision(da, db);
    })[0];

  const index = indexEvents(input.events, dateOf);
  const forecasts: Forecast[] = [];
  for (const claim of input.claims) {
    // A forecast says what someone expects: a forward-looking statement with a speaker or source.
    const mentions = claim.mentions.filter(
      (m) => m.modality === 'expected' && m.attribution.length > 0 && isForwardLooking(m.text),
    );
    const first = earliest(mentions);
    if (!first) continue;
    const about = lookup(
      index.expectedByArticle,
      mentions.map((m) => m.articleId),
    )
      .map((at) => input.events[at] as EventRecord)
      .filter((e) => e.mentions.some((em) => mentions.some((m) => overlaps(em, m))));
    const madeAt = dateOf(first.articleId);
    const forecast: Forecast = {
      id: `forecast-${claim.id}`,
      text: first.text,
      mention: { articleId: first.articleId, start: first.start, end: first.end },
      by: byOf(first.attribution, first.articleId),
      claimId: claim.id,
      laterEvents: laterEvents(about, madeAt, index),
    };
    if (madeAt) forecast.madeAt = madeAt;
    if (about.length === 1 && about[0]) forecast.eventId = about[0].id;
    forecasts.push(forecast);
  }
  // Expected events no attributed statement carries stay in the timeline (marked expected); without a
  // speaker they are not forecasts.
  return forecasts.sort(
    (a, b) =>
      (a.madeAt === undefined ? 1 : 0) - (b.madeAt === undefined ? 1 : 0) ||
      compareIsoAtCommonPrecision(a.madeAt ?? '', b.madeAt ?? '') ||
      a.id.localeCompare(b.id),
  );
}
