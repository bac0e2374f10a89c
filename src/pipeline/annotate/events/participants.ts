import type { EntityMention } from '../../../core/entity.ts';
import type { EventType } from './event-ontology.ts';

/** A demonym mention ("Russian troops") stands for its country as a participant. */
export function isDemonym(m: EntityMention): boolean {
  return m.via === 'demonym';
}

/**
 * Who takes part in an event mention (docs/decisions/0030-events.md, "Participants"): the rules that
 * keep sources, media and modifiers out of actor, target and place. Offsets index the article text.
 */
export interface Participants {
  actor?: EntityMention;
  /** A coordinated subject of a one-sided act ("Washington and Seoul have charged"). */
  coActor?: EntityMention;
  target?: EntityMention;
}

const AGENTS = new Set(['person', 'country', 'organization']);
const SPEECH =
  'said|says|say|told|tells|reported|reports|added|adds|explain(?:s|ed)?|not(?:es|ed)|stat(?:es|ed)|wrote|writes|believes?|believed|thinks?|consider(?:s|ed)?|assess(?:es|ed)?|fears?|feared|hint(?:s|ed)|warn(?:s|ed)?|charged|claim(?:s|ed)?|cited|quoted|argues|argued';
/** "X said", "X officials believe", "X does not consider": the speech verb within three words after. */
const SPEECH_AFTER = new RegExp(`^(?:\\s+[\\w.'’-]+){0,3}?\\s+(${SPEECH})\\b`, 'i');
/** "according to X", "told X", "citing X", "reported by X"; a post-posed speaker (", said X", "”explains X"). */
const MEDIUM_BEFORE = /\b(?:according to|told|telling|citing|reported by|quoted by|via)\s+(?:the\s+)?$/i;
const POSTPOSED_SPEAKER = new RegExp(`[,”"’]\\s*(?:${SPEECH})\\s+(?:the\\s+)?$`, 'i');
const PREPOSITION =
  /\b(?:in|at|to|into|from|of|with|for|on|against|near|through|about|over|between|than|towards?|across|within|under|amid|among|including|like)\s+(?:the\s+)?$/i;
/** Nouns a demonym makes an agent of ("North Korean troops", "Russian officials"). */
const AGENT_NOUN =
  /^\s+(?:troops|soldiers|forces|military|army|navy|officials?|government|authorities|leaders?|hackers|units|personnel|diplomats|warships|jets)\b/i;
/** A passive auxiliary right before a participle (an adverb allowed): "was threatened", "were quickly arrested". */
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:[a-z]+ly\s+)?$/i;
const CLAUSE_BREAK = /[;“”"]|—| -- /;

function gap(text: string, a: number, b: number): string {
  return text.slice(Math.min(a, b), Math.max(a, b));
}

/** The sentence context the rules need: its span, its agents, and where post-posed attribution starts. */
export interface SentenceContext {
  text: string;
  start: number;
  end: number;
  ents: EntityMention[];
}

/** Entities that only attribute the sentence: a medium ("according to CNN"), a quoted speaker and all after it. */
function attributionOnly(ctx: SentenceContext, e: EntityMention): boolean {
  const before = ctx.text.slice(Math.max(ctx.start, e.start - 40), e.start);
  if (MEDIUM_BEFORE.test(before)) return true;
  const tail = ctx.ents.find((m) =>
    POSTPOSED_SPEAKER.test(ctx.text.slice(Math.max(ctx.start, m.start - 40), m.start)),
  );
  return tail !== undefined && e.start >= tail.start;
}

/** The offset of the speech verb when `e` is the speaker of one ("Victor Cha said", "US officials believe"). */
function speechVerbAfter(ctx: SentenceContext, e: EntityMention): number | undefined {
  const after = ctx.text.slice(e.end, Math.min(ctx.end, e.end + 60));
  const m = SPEECH_AFTER.exec(after);
  return m?.[1] ? e.end + (m.index ?? 0) + m[0].length - m[1].length : undefined;
}

/** Can `e` take part in the event triggered at `tStart`? Speakers only in their own speech act. */
function eligible(ctx: SentenceContext, e: EntityMention, tStart: number): boolean {
  if (attributionOnly(ctx, e)) return false;
  const verb = speechVerbAfter(ctx, e);
  return verb === undefined || verb === tStart;
}

const GERUND = /^\s+(?!(?:regarding|including|during|following|concerning|according)\b)\w+ing\b/i;
const AUXILIARY =
  /^\s+(?:would|will|could|can|may|might|must|should|has|have|had|is|are|was|were|did|does)\b/i;

/** A subject: not after a preposition, unless it heads a gerund ("in the event of Pyongyang taking"). */
function subjectLike(ctx: SentenceContext, e: EntityMention): boolean {
  const before = ctx.text.slice(Math.max(ctx.start, e.start - 30), e.start);
  const after = ctx.text.slice(e.end, e.end + 30);
  if (PREPOSITION.test(before)) return GERUND.test(after) && !/['’]s$/.test(e.text);
  // "between Moscow and Pyongyang": the second of a coordinated object is an object too, unless a verb follows.
  const prev = ctx.ents.filter((m) => m.end <= e.start).pop();
  const coordinated = prev && /^\s+and\s+$/i.test(gap(ctx.text, prev.end, e.start));
  return !coordinated || AUXILIARY.test(after) || subjectLike(ctx, prev);
}

/** A demonym acts only as the modifier of an agent noun or of the event noun itself ("North Korean attacks"). */
function demonymAgent(ctx: SentenceContext, e: EntityMention, tStart: number): boolean {
  return AGENT_NOUN.test(ctx.text.slice(e.end, e.end + 20)) || /^\s*$/.test(gap(ctx.text, e.end, tStart));
}

function agents(ctx: SentenceContext, tStart: number): EntityMention[] {
  return ctx.ents.filter((e) => AGENTS.has(e.type) && eligible(ctx, e, tStart));
}

const COORDINATION = /^(?:,\s*right,)?,?\s+and\s+(?:(?:his|her|their|its)\s+)?(?:[\w’'-]+,?\s+){0,4}?$/i;

/** "X and Y" (roles and appositions allowed between them), as [X, Y] pairs in text order. */
function coordinatedPairs(ctx: SentenceContext, pool: EntityMention[]): [EntityMention, EntityMention][] {
  const named = pool.filter((e) => !isDemonym(e));
  const pairs: [EntityMention, EntityMention][] = [];
  for (let i = 0; i + 1 < named.length; i += 1) {
    const a = named[i] as EntityMention;
    const b = named[i + 1] as EntityMention;
    if (
      COORDINATION.test(ctx.text.slice(a.end, b.start)) &&
      (a.entityId ?? a.text) !== (b.entityId ?? b.text)
    )
      pairs.push([a, b]);
  }
  return pairs;
}

/** The trigger is an event noun ("against attacks", "for a visit"): its actor is not beyond a comma. */
const NOMINAL_BEFORE = /\b(?:the|a|an|against|of|for|its|their|his|her|possible|potential|eventual)\s+$/i;

function nearestBefore(ctx: SentenceContext, pool: EntityMention[], tStart: number, maxWords = 99) {
  const nominal = NOMINAL_BEFORE.test(ctx.text.slice(Math.max(ctx.start, tStart - 20), tStart));
  const cands = pool
    .filter((e) => e.end <= tStart && !CLAUSE_BREAK.test(gap(ctx.text, e.end, tStart)))
    .filter((e) => !nominal || !/,/.test(gap(ctx.text, e.end, tStart)))
    .filter((e) => gap(ctx.text, e.end, tStart).trim().split(/\s+/).filter(Boolean).length <= maxWords)
    .reverse();
  // Possessive or prenominal modifier of the event noun: "Pyongyang's arms transfers", "Russian supplies".
  const modifier = cands.find((e) => /^(?:['’]s)?\s+(?:[a-z-]+\s+){0,1}$/.test(gap(ctx.text, e.end, tStart)));
  if (modifier) return modifier;
  // "the sanctions", "the invasion of Ukraine": a definite event noun names its actor with it or not at all.
  if (/\bthe\s+(?:[\w-]+\s+)?$/i.test(ctx.text.slice(Math.max(ctx.start, tStart - 30), tStart)))
    return undefined;
  const subjects = cands.filter((e) => subjectLike(ctx, e));
  return (
    subjects.find((e) => !isDemonym(e)) ?? subjects.find((e) => isDemonym(e) && demonymAgent(ctx, e, tStart))
  );
}

const TARGET_GAP =
  /^\s+(?:(?:of|against|on|to|into)\s+)?(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?!(?:that|which|who|of|in|at|from|for|by|as|than|ahead|because|about|over|with)\b)[a-z-]+\s+){0,2}$/;
const TO_TARGET =
  /\b(?:to|into)\s+(?:the\s+)?(?:(?:north|south|east|west|far[- ]east|central)(?:ern)?\s+)?$/i;

function targetAfter(
  ctx: SentenceContext,
  pool: EntityMention[],
  type: EventType,
  tEnd: number,
  news = false,
) {
  const after = pool.filter((e) => e.start >= tEnd && !CLAUSE_BREAK.test(gap(ctx.text, tEnd, e.start)));
  if (type.speech) return after.find((e) => /^\s+(?:the\s+)?$/.test(gap(ctx.text, tEnd, e.start)));
  const direct = after.find((e) => TARGET_GAP.test(gap(ctx.text, tEnd, e.start)));
  if (direct) return direct;
  const to = after.find(
    (e) =>
      !isDemonym(e) &&
      e.start - tEnd <= 90 &&
      TO_TARGET.test(ctx.text.slice(Math.max(tEnd, e.start - 30), e.start)),
  );
  if (to || !news || !HOSTILE.test(type.type)) return to;
  // News mode: a hostile act's target after "against" or "with" ("fought pitched battles with protesters",
  // "filed a complaint against the DOJ"), in the verb's phrase: no clause word or comma between.
  return after.find(
    (e) =>
      e.start - tEnd <= 60 &&
      /\b(?:against|with)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(tEnd, e.start - 20), e.start)) &&
      !/[,;]|\b(?:that|which|who|because|while|after|before)\b/i.test(gap(ctx.text, tEnd, e.start)),
  );
}

/** Types whose target may follow "against" or "with" (a clash, a charge, a threat). */
const HOSTILE = /^(?:assault|attack|accuse|criticize|threaten|coerce|protest|reject|sanction)$/;

/** Two participants of a symmetric act (meet, sign, consult, exercises), or none. */
function symmetric(
  ctx: SentenceContext,
  pool: EntityMention[],
  tStart: number,
  tEnd: number,
  definite: boolean,
) {
  const pairs = coordinatedPairs(ctx, pool);
  const pair =
    pairs
      .filter(
        ([, b]) =>
          b.end <= tStart && tStart - b.end <= 60 && !CLAUSE_BREAK.test(gap(ctx.text, b.end, tStart)),
      )
      .pop() ??
    pairs.find(
      ([a]) =>
        a.start >= tEnd &&
        /^\s+(?:held\s+)?(?:by|between|of|with)\s+(?:the\s+)?$/i.test(gap(ctx.text, tEnd, a.start)),
    );
  if (pair) return { actor: pair[0], target: pair[1] };
  // "Putin and Kim met" where only one name is known: one stated participant (merge pairs it up).
  const half = pool.find(
    (e) => !isDemonym(e) && /^\s+and\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\s+$/.test(gap(ctx.text, e.end, tStart)),
  );
  if (half) return { actor: half };
  if (definite) return {};
  const actor = nearestBefore(ctx, pool, tStart);
  const withWhom = pool.find(
    (e) =>
      !isDemonym(e) &&
      e.start >= tEnd &&
      e.start - tEnd <= 60 &&
      // "with Y", also after the trigger's object or place ("celebrated Eid at X with the leaders of Y").
      (/^\s+with\b[^.;]*$/i.test(gap(ctx.text, tEnd, e.start)) ||
        /^[^.;,]*\bwith\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?$/.test(gap(ctx.text, tEnd, e.start))),
  );
  if (actor && withWhom && (actor.entityId ?? actor.text) !== (withWhom.entityId ?? withWhom.text))
    return { actor, target: withWhom };
  const people: EntityMention[] = [];
  for (const e of pool)
    if (e.type === 'person' && !people.some((p) => (p.entityId ?? p.text) === (e.entityId ?? e.text)))
      people.push(e);
  return people.length === 2 ? { actor: people[0], target: people[1] } : {};
}

/**
 * Actor, target (and a coordinated co-actor) of the event triggered at [tStart, tEnd). `definite`: the
 * trigger is a definite noun ("the meeting") whose participants must be stated with it. `passive` (news
 * mode): a passive without "by" has no actor (PETRARCH's validation records code such subjects), and a
 * hostile act's target may follow "against"/"with".
 */
export function participantsOf(
  ctx: SentenceContext,
  type: EventType,
  tStart: number,
  tEnd: number,
  definite = false,
  passive = false,
): Participants {
  const pool = agents(ctx, tStart);
  if (type.symmetric) return symmetric(ctx, pool, tStart, tEnd, definite);
  // Passive: "are threatened by North Korean war ambitions".
  const by = /^\s+by\s+(?:the\s+)?$/i;
  const agentBy = pool.find(
    (e) => e.start >= tEnd && e.start - tEnd <= 12 && by.test(gap(ctx.text, tEnd, e.start)),
  );
  const participle = (passive ? /(?:ed|en|wn)$/i : /ed$/i).test(ctx.text.slice(tStart, tEnd));
  if (agentBy && participle) {
    const target = nearestBefore(ctx, pool, tStart);
    return { actor: agentBy, ...(target ? { target } : {}) };
  }
  // A passive without its agent: "was threatened with arrest", "have been beaten" — the subject is
  // the target, the actor is not stated.
  // Not for a deployment, whose subject is the force itself ("Russian troops were deployed").
  if (
    passive &&
    participle &&
    !/deploy|mobilize/.test(type.type) &&
    PASSIVE_BEFORE.test(ctx.text.slice(Math.max(ctx.start, tStart - 30), tStart))
  ) {
    const target = nearestBefore(ctx, pool, tStart);
    return target ? { target } : {};
  }
  const actor = nearestBefore(ctx, pool, tStart, type.speech ? 4 : 99);
  const target = targetAfter(ctx, pool, type, tEnd, passive);
  const out: Participants = {};
  if (actor) {
    out.actor = actor;
    const co = pool.filter((e) => e.end <= actor.start && !isDemonym(e)).pop();
    if (co && /^\s+and\s+$/i.test(gap(ctx.text, co.end, actor.start)) && subjectLike(ctx, co))
      out.coActor = co;
  }
  if (target && (target.entityId ?? target.text) !== (actor?.entityId ?? actor?.text)) out.target = target;
  return out;
}

/**
 * The place: a place, facility or country after "in/at" (close after the trigger), never the target
 * itself; with `destination` (a visit or deployment without a target) also after "to/into".
 */
export function placeOf(
  ctx: SentenceContext,
  tStart: number,
  tEnd: number,
  target?: EntityMention,
  destination = false,
) {
  return ctx.ents.find(
    (e) =>
      (e.type === 'place' || e.type === 'facility' || e.type === 'country') &&
      e.start >= tEnd &&
      e.start - tEnd <= (e.type === 'country' ? 40 : 120) &&
      e !== target &&
      eligible(ctx, e, tStart) &&
      !CLAUSE_BREAK.test(gap(ctx.text, tEnd, e.start)) &&
      (e.type === 'country'
        ? /\bin\s+$/i
        : destination
          ? /\b(?:in|at|to|into)\s+(?:the\s+)?(?:(?:city|town|port|island) of\s+)?$/i
          : /\b(?:in|at)\s+(?:the\s+)?(?:(?:city|town|port|island) of\s+)?$/i
      ).test(ctx.text.slice(Math.max(tEnd, e.start - 30), e.start)),
  );
}
