import type { Span } from './span.ts';
import type { TimeInterval } from './time.ts';

export type Modality = 'occurred' | 'reported' | 'expected' | 'denied' | 'alleged';

/** An actor–action–target event mention, typed by the event ontology (docs/decisions). */
export interface EventRecord {
  id: string;
  /** Ontology type: 'meet', 'visit', 'sign-agreement', 'supply-weapons', 'transfer-technology', 'deploy-forces', … */
  type: string;
  /** PLOVER category (AGREE, CONSULT, REQUEST, …): the type's, or the one a CAMEO verb pattern gave. */
  category?: string;
  /** PLOVER mode and context where the CAMEO code gives them ("arrest", "legal"). */
  mode?: string;
  context?: string;
  /** The CAMEO code of the verb pattern that typed the event, when a pattern did. */
  cameo?: string;
  actor?: { entityId?: string; text: string };
  action: string;
  target?: { entityId?: string; text: string };
  place?: { entityId?: string; text: string };
  time?: TimeInterval;
  modality: Modality;
  mentions: EventMention[];
  /** Divergences between mentions (e.g. two places given for one summit). */
  divergences?: {
    field: 'place' | 'time' | 'number' | 'modality';
    values: { value: string; mention: Span }[];
  }[];
  /** A number stated with the event ("at least 3,000 soldiers"). */
  quantity?: { value: number; unit: string; text: string; mod?: string };
  /** The TIMEX3 value the time came from ("2024-10" with mod EARLY-MID), when the text states one. */
  timeValue?: string;
  /** The publication date the mention was read against: untimed events happened before it (or are expected after it). */
  documentDate?: string;
}

/** One mention of an event: the sentence span, its trigger, and the modality that mention expresses. */
export interface EventMention extends Span {
  text: string;
  trigger?: { start: number; end: number; text: string };
  modality?: Modality;
  /** The words that decided the modality ("believe", "may", "denied"). */
  cue?: string;
  place?: string;
  quantity?: string;
}

export interface TimelineEntry {
  start: string;
  end: string;
  granularity: TimeInterval['granularity'];
  mod?: string;
  label: string;
  eventIds: string[];
  mentions: Span[];
}
