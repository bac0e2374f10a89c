/**
 * The verb-pattern rules for real news (docs/decisions/0030-events.md, "On real news"): CAMEO.2.0 was
 * written for sentences about states and their agents, coded only between known actors; in general
 * news most of its bare verbs are no political act. Measured by the pile-dev hand-check
 * (eval/events-pile.ts, eval/data/events-pile-verdicts.tsv).
 */
import type { EntityMention } from '../../../core/entity.ts';
import type { EventRecord } from '../../../core/event.ts';
import { politicalActor } from './agents.ts';
import type { Participants, SentenceContext } from './participants.ts';
import type { VerbMatch } from './verb-patterns.ts';

/** Verbs too general to code an event bare (CAMEO gives them a code for their patterns' sake). */
const LIGHT_VERB =
  /^(?:take|come|go|think|call|release|pull|rule|leave|give|admit|open|arm|tax|hold|make|get|put|set|keep|run|face|head|arrive|depart|control|connect|serve|want|need|plan|pay|show|move|turn|bring|order|expand|back|check|fail|kick|direct|offer|vote|hear|study|influence|claim|conduct)$/;

/**
 * Categories whose CAMEO verbs in news are mostly no political act ("ordered" 030, "provide" 060,
 * "give" 080, "released" 084, "passes" 080; on pile-dev 9 of 34 right).
 */
const WEAK_IN_NEWS = /^(?:COOPERATE|AGREE|CONCEDE|RETREAT|SANCTION|REQUEST)$/;

/** Is this verb match no event in news, whoever its participants? */
export function skippedInNews(v: VerbMatch, sentence: string): boolean {
  // A light verb codes an event only through a pattern ("took control" is no seizure, "came" no visit).
  if (v.bare && LIGHT_VERB.test(v.verb.split(' ')[0] ?? '')) return true;
  // Consulting verbs ("discussed", "traveled", "sent letters"; on pile-dev 3 of 14 right): meetings
  // and visits come from the ontology's own rules. A bare aid verb ("guard", "rescue", "arrived"; 2 of
  // 5) neither: aid needs its pattern ("contribute … soldiers", "provide … assistance").
  if (v.category === 'CONSULT' || (v.bare && v.category === 'AID')) return true;
  if (WEAK_IN_NEWS.test(v.category)) return true;
  // A capability is no act: "a submarine capable of launching a missile", "able to strike".
  const before = sentence.slice(0, v.start);
  if (/\b(?:capable of|able to|ability to|capacity to)\s+$/i.test(before)) return true;
  // Nor an act held back: "might hesitate to encourage", "failed to stop", "reluctant to intervene",
  // "refrained from attacking" (the governing verb is outside the dictionary, so the matcher does not
  // read the act as its complement) — unless negated: "would not hesitate to strike" is expected.
  const held = AVOIDED.exec(before);
  return (
    held !== null &&
    !/\b(?:not|never|no)\s+(?:\w+\s+)?$|n[’']t\s+(?:\w+\s+)?$/i.test(before.slice(0, held.index))
  );
}

/** A verb of holding back right before the act's infinitive or gerund. */
const AVOIDED =
  /\b(?:hesitat(?:e|es|ed|ing)|fail(?:s|ed|ing)?|reluctant|unwilling|loath|refrain(?:s|ed|ing)? from)\s+(?:to\s+)?$/i;

/** May a verb pattern recode an ontology event on the same trigger? Only a stated pattern of a strong category. */
export function recodesInNews(v: VerbMatch): boolean {
  return !v.bare && !WEAK_IN_NEWS.test(v.category);
}

/**
 * The participants a verb event needs in news: a political actor (a state, a political body, an
 * office-holder, an agent of a political sector), and a target when the code is a root code ("attacked"
 * 190, "support" 050: the bare act says little without whom it concerns).
 */
export function acceptsInNews(text: string, v: VerbMatch): (p: Participants) => boolean {
  return (p) =>
    p.actor !== undefined &&
    politicalActor(text, p.actor) &&
    (!/^\d\d0$/.test(v.code) || p.target !== undefined);
}

/**
 * "Sanders attacked Clinton", "Graham has attacked GOP voters": in news, a person who "attacks" a person,
 * a group or nobody named attacks in words — ACCUSE (CAMEO 111), not ASSAULT. A state, a place or a
 * facility attacked stays an assault.
 */
export function verbalAttack(event: EventRecord, ctx: SentenceContext): EventRecord {
  // A verb "attack" (CAMEO 190 or the ontology's attack type read as a verb), not the noun "attacks on".
  if ((event.cameo ?? '190') !== '190' || !/^attack(?:ed|ing|s)?$/i.test(event.action)) return event;
  if (event.type === 'attack' && !/^attack(?:ed|ing)$/i.test(event.action)) return event;
  const mention = (w?: { text: string }): EntityMention | undefined =>
    w ? ctx.ents.find((e) => e.text === w.text || e.canonical === w.text) : undefined;
  const actor = mention(event.actor);
  const target = mention(event.target);
  if (actor?.type !== 'person' || (target && /^(?:country|place|facility)$/.test(target.type))) return event;
  event.type = 'accuse';
  event.category = 'ACCUSE';
  event.cameo = '111';
  delete event.mode;
  return event;
}
