import type { Span } from './span.ts';

export interface Quote {
  id: string;
  articleId: string;
  speaker: { entityId?: string; text: string; span?: Span };
  cue: string;
  cueSpan?: Span;
  direct: boolean;
  content: Span & { text: string };
  /** The medium the speaker spoke through: "NBC News" in "told NBC News", "CNN" in "according to CNN". */
  via?: string;
}

export type ClaimModality = 'asserted' | 'reported' | 'expected' | 'speculative' | 'denied';

export interface ClaimMention extends Span {
  text: string;
  modality: ClaimModality;
  /** Attribution chain, nearest speaker first: ["six senior US officials", "NBC News", "Yonhap"]. */
  attribution: string[];
  quoteId?: string;
}

export interface Claim {
  id: string;
  /** The text of its most representative mention. */
  text: string;
  modality: ClaimModality;
  mentions: ClaimMention[];
  /** Distinct chains over all mentions. */
  attribution: string[][];
  /** Independent origins after collapsing copies, rewrites and citations. */
  independentOrigins: number;
  /** What the origins are, and why mentions were collapsed. */
  origins?: { origin: string; mentions: number[]; why: string }[];
}
