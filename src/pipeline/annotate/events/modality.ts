import type { Modality } from '../../../core/event.ts';

/**
 * Modality rules (docs/decisions/0030-events.md), applied to the sentence around a trigger, first
 * match wins:
 * 1. denied — a negation or denial just before the trigger ("did not", "never", "denied"); not a
 *    negated holding back ("did not hesitate to strike"); an act held back ("failed to deliver",
 *    "might hesitate to attack").
 * 2. alleged — a past hedge ("could have supplied", "may have sent").
 * 3. expected — a hedge or future marker in the clause before the trigger ("may", "could", "will",
 *    "is likely to", "bracing for", "potentially", "possible", "preparations for", "in the coming
 *    weeks"), or a condition anywhere earlier in the clause ("if", "in the event of", "contingency").
 *    A precedent ("similar to the sinking of …") starts a clause of its own.
 * 4. alleged — an attribution of belief or charge before the trigger ("believe", "allegedly",
 *    "accused", "charged", "thought to").
 * 5. reported — a reporting verb anywhere in the sentence ("said", "told", "reported", "according
 *    to", "we assess").
 * 6. occurred — otherwise (past or present factual).
 */
const NEGATION = /\b(?:not|never|no|denied|denies|deny|neither|nor)\b|n[’']t\b/i;
const AFFIRMED = /\b(?:not|never|\w+n[’']t)\s+(?:hesitat(?:e|es|ed|ing)|fail(?:s|ed|ing)?)\s+to\b/gi;
/** An act held back right before its trigger: "failed to deliver", "might hesitate to attack". */
const HELD_BACK =
  /\b(?:hesitat(?:e|es|ed|ing)|fail(?:s|ed|ing)?|reluctant|unwilling|loath)\s+to\s*$|\brefrain(?:s|ed|ing)? from\s*$/i;
const PAST_HEDGE = /\b(?:could|may|might|would) have\b/i;
const HEDGE =
  /\b(?:may|might|could|would|will|shall|is likely to|are likely to|likely|bracing for|potentially|possibly|plans? to|planning to|expected to|expects? to|set to|prepar(?:ing|es|e|ations?) (?:for|to)|ready to|intends? to|in the coming|threatens? to|on the eve of|if|whether|possib(?:le|ility)|plausib(?:le|ility)|potential|eventual)\b|\bwon[’']t\b/i;
/** A condition or contingency anywhere earlier in the clause ("contingency plans to respond in the event of"). */
const CONDITION = /\b(?:in the event (?:of|that)|in case|contingency|if|unless)\b/i;
const FUTURE_AFTER =
  /^\W*(?:\w+\W+){0,6}?(?:in the coming (?:days|weeks|months|years)|next (?:week|month|year))/i;
const BELIEF =
  /\b(?:allegedly|believe[ds]?|accus(?:e|es|ed|ing)|charged|suspect(?:s|ed)?|thought to|apparently|claim(?:s|ed)?|supposed)\b/i;
const REPORTING =
  /\b(?:said|says|told|reported|according to|citing|stated|confirmed|quoted|assess(?:es|ed)?)\b/i;

export interface ModalityVerdict {
  modality: Modality;
  cue?: string;
}

/** The clause before a trigger: from the last clause boundary (";", "—", ", but", "that") to it. */
function clauseBefore(sentence: string, triggerAt: number): string {
  const before = sentence.slice(0, triggerAt);
  const cut = Math.max(
    before.lastIndexOf(';'),
    before.lastIndexOf(' -- '),
    before.lastIndexOf('—'),
    before.search(/,\s*(?:but|while|as)\s[^,]*$/),
    // A precedent compared with ("similar to the sinking of …") is a clause of its own.
    before.search(/\b(?:similar to|such as|reminiscent of|like that of)\s(?:(?!similar to|such as).)*$/),
  );
  return cut > 0 ? before.slice(cut) : before;
}

/** Modality of an event mention from the sentence and the trigger's offset in it. */
export function modalityOf(sentence: string, triggerAt: number, triggerEnd: number): ModalityVerdict {
  const clause = clauseBefore(sentence, triggerAt);
  // "did not hesitate to strike", "never fails to": a negated holding back affirms the act.
  const near = clause.split(/\s+/).slice(-6).join(' ').replace(AFFIRMED, ' ');
  const neg = NEGATION.exec(near) ?? HELD_BACK.exec(near);
  if (neg) return { modality: 'denied', cue: neg[0].trim() };
  const pastHedge = PAST_HEDGE.exec(clause.split(/\s+/).slice(-8).join(' '));
  if (pastHedge) return { modality: 'alleged', cue: pastHedge[0] };
  const hedgeWindow = clause.split(/\s+/).slice(-12).join(' ');
  const hedge =
    HEDGE.exec(hedgeWindow) ?? CONDITION.exec(clause) ?? FUTURE_AFTER.exec(sentence.slice(triggerEnd));
  if (hedge) return { modality: 'expected', cue: hedge[0].trim() };
  const belief = BELIEF.exec(sentence.slice(0, triggerAt));
  if (belief) return { modality: 'alleged', cue: belief[0] };
  const reporting = REPORTING.exec(sentence);
  if (reporting) return { modality: 'reported', cue: reporting[0] };
  return { modality: 'occurred' };
}
