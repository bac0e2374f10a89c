import type { Span } from './span.ts';
import type { TimeInterval } from './time.ts';

export type Modality = 'occurred' | 'reported' | 'expected' | 'denied' | 'alleged';

/** An actor–action–target event mention, typed by the event ontology (docs/decisions). */
export interface EventRecord {
  id: string;
  /** Ontology type: 'meet', 'visit', 'sign-agreement', 'supply-weapons', 'transfer-technology', 'deploy-forces', … */
  type: string;
  actor?: { entityId?: string; text: string };
  action: string;
  target?: { entityId?: string; text: string };
  place?: { entityId?: string; text: string };
  time?: TimeInterval;
  modality: Modality;
  mentions: (Span & { text: string })[];
  /** Divergences between mentions (e.g. two places given for one summit). */
  divergences?: { field: 'place' | 'time' | 'number'; values: { value: string; mention: Span }[] }[];
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
