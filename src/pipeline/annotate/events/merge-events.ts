import type { EventMention, EventRecord, Modality } from '../../../core/event.ts';
import { stableId } from '../../../core/hash.ts';
import { intervalDays } from '../../../core/time.ts';
import { eventType } from './event-ontology.ts';

export const EVENT_MERGER = { name: 'merge-events', version: '4' } as const;

const FAR = 10_000_000;

/**
 * A participant's merge key: its linked entity (one per real-world thing across the corpus), else
 * its text folded — events take their participants from the entity stage alone.
 */
function key(who: EventRecord['actor']): string {
  if (!who) return '';
  return who.entityId ?? who.text.toLowerCase().replace(/\s+/g, ' ');
}

/** Who takes part: actor→target, or the unordered pair for symmetric types (meet, consult, sign). */
function participantsKey(e: EventRecord): string {
  const a = key(e.actor);
  const t = key(e.target);
  if (eventType(e.type)?.symmetric) return [a, t].sort().join('+');
  return `${a}>${t}`;
}

/**
 * The days an event can lie in: its stated interval; else, from its document date, before it for
 * what occurred or was reported, after it for what is expected; else unbounded.
 */
export function eventWindow(e: EventRecord): [number, number] {
  if (e.time) return intervalDays(e.time);
  if (!e.documentDate) return [-FAR, FAR];
  const [from, to] = intervalDays({ start: e.documentDate.slice(0, 10), end: e.documentDate.slice(0, 10) });
  return e.modality === 'expected' ? [from, FAR] : [-FAR, to];
}

/** What compatibility looks at, computed once per event. */
interface Traits {
  participants: string;
  parts: string[];
  actor: string;
  target: string;
  window: [number, number];
  symmetric: boolean;
}

function traitsOf(e: EventRecord): Traits {
  const participants = participantsKey(e);
  return {
    participants,
    parts: participants.split(/[>+]/),
    actor: key(e.actor),
    target: key(e.target),
    window: eventWindow(e),
    symmetric: Boolean(eventType(e.type)?.symmetric),
  };
}

function compatible(a: EventRecord, b: EventRecord, ta: Traits, tb: Traits): boolean {
  if (a.type !== b.type) return false;
  if ((a.modality === 'expected') !== (b.modality === 'expected')) return false;
  if (ta.participants !== tb.participants) {
    // A missing target is compatible with a stated one; for symmetric types, one participant with a pair holding it.
    const [aa, at] = ta.parts;
    const [ba, bt] = tb.parts;
    if (ta.symmetric) {
      if (Boolean(a.target) === Boolean(b.target)) return false;
      const [single, pair] = a.target ? [tb, ta] : [ta, tb];
      const one = single.actor;
      if (!one || ![pair.actor, pair.target].includes(one)) return false;
    } else if (aa !== ba || (at && bt && at !== bt) || !aa) return false;
  }
  const [a0, a1] = ta.window;
  const [b0, b1] = tb.window;
  return a0 <= b1 && b0 <= a1;
}

/**
 * Keys under which a group is filed by its first event, and the keys an event looks up: an event can
 * only be compatible with a group whose first event shares one (same type and expectation; the same
 * actor for directed types; for symmetric types the same pair, or a single participant of the pair).
 */
function filedUnder(e: EventRecord, t: Traits): string[] {
  const base = `${e.type}\u001f${e.modality === 'expected'}\u001f`;
  if (!t.symmetric) return [`${base}A${t.parts[0]}`];
  const keys = [`${base}P${t.participants}`];
  if (e.target) keys.push(`${base}M${t.actor}`, `${base}M${t.target}`);
  else keys.push(`${base}S${t.actor}`);
  return keys;
}

function lookedUp(e: EventRecord, t: Traits): string[] {
  const base = `${e.type}\u001f${e.modality === 'expected'}\u001f`;
  if (!t.symmetric) return [`${base}A${t.parts[0]}`];
  const keys = [`${base}P${t.participants}`];
  if (e.target) keys.push(`${base}S${t.actor}`, `${base}S${t.target}`);
  else keys.push(`${base}M${t.actor}`);
  return keys;
}

const CERTAINTY: Modality[] = ['occurred', 'reported', 'alleged', 'denied', 'expected'];

function divergence(
  field: 'place' | 'number' | 'modality',
  values: { value: string; mention: EventMention }[],
) {
  const distinct = new Map<string, { value: string; mention: EventMention }>();
  for (const v of values) if (!distinct.has(v.value.toLowerCase())) distinct.set(v.value.toLowerCase(), v);
  if (distinct.size < 2) return undefined;
  return {
    field,
    values: [...distinct.values()].map((v) => ({
      value: v.value,
      mention: { articleId: v.mention.articleId, start: v.mention.start, end: v.mention.end },
    })),
  };
}

/**
 * Merge event mentions across articles and stories: same type, same participants (a missing
 * target is compatible), compatible time (overlapping intervals; untimed events lie before their
 * document date, or after it when expected) and the same expectation (a forecast is not merged with
 * its fulfilment). The merged event takes the most precise time, the most certain modality, and
 * keeps diverging places, numbers and modalities as `divergences`.
 */
export function mergeEvents(events: EventRecord[]): EventRecord[] {
  const traits = new Map(events.map((e) => [e, traitsOf(e)]));
  const traitsOfEvent = (e: EventRecord): Traits => traits.get(e) as Traits;
  const span = (e: EventRecord): number => traitsOfEvent(e).window[1] - traitsOfEvent(e).window[0];
  const ordered = [...events].sort((a, b) => span(a) - span(b) || a.id.localeCompare(b.id));
  // First fit: an event joins the earliest group all of whose events it is compatible with. Groups
  // are filed by their first event's keys, so only groups that can fit are tried.
  const groups: EventRecord[][] = [];
  const filed = new Map<string, number[]>();
  for (const e of ordered) {
    const t = traitsOfEvent(e);
    const candidates = new Set<number>();
    for (const k of lookedUp(e, t)) for (const at of filed.get(k) ?? []) candidates.add(at);
    const fit = [...candidates]
      .sort((a, b) => a - b)
      .find((at) => (groups[at] as EventRecord[]).every((m) => compatible(m, e, traitsOfEvent(m), t)));
    if (fit !== undefined) {
      (groups[fit] as EventRecord[]).push(e);
      continue;
    }
    groups.push([e]);
    for (const k of filedUnder(e, t)) {
      const list = filed.get(k) ?? [];
      if (list.at(-1) !== groups.length - 1) list.push(groups.length - 1);
      filed.set(k, list);
    }
  }
  return groups.map((g) => {
    const head = g[0] as EventRecord;
    const mentions = g.flatMap((e) => e.mentions);
    const merged: EventRecord = {
      ...head,
      id: g.length === 1 ? head.id : stableId('event', ...g.map((e) => e.id).sort()),
      mentions,
      modality: CERTAINTY.find((m) => g.some((e) => e.modality === m)) ?? head.modality,
    };
    // A symmetric pair keeps its two participants together.
    const pair = eventType(head.type)?.symmetric ? g.find((e) => e.actor && e.target) : undefined;
    const withActor = pair ?? g.find((e) => e.actor);
    const withTarget = pair ?? g.find((e) => e.target);
    if (withActor?.actor) merged.actor = withActor.actor;
    if (withTarget?.target) merged.target = withTarget.target;
    const withPlace = g.find((e) => e.place);
    if (withPlace?.place) merged.place = withPlace.place;
    const withQuantity = g.find((e) => e.quantity);
    if (withQuantity?.quantity) merged.quantity = withQuantity.quantity;
    const divergences = [
      divergence(
        'place',
        g.flatMap((e) =>
          e.place ? e.mentions.map((m) => ({ value: e.place?.text ?? '', mention: m })) : [],
        ),
      ),
      divergence(
        'number',
        g.flatMap((e) =>
          e.quantity ? e.mentions.map((m) => ({ value: String(e.quantity?.value), mention: m })) : [],
        ),
      ),
      g.some((e) => e.modality === 'denied') && g.some((e) => e.modality !== 'denied')
        ? divergence(
            'modality',
            g.flatMap((e) => e.mentions.map((m) => ({ value: m.modality ?? e.modality, mention: m }))),
          )
        : undefined,
    ].filter((d) => d !== undefined);
    if (divergences.length > 0) merged.divergences = divergences;
    else delete merged.divergences;
    return merged;
  });
}
