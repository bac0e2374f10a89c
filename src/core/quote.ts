import type { Span } from './span.ts';

export interface Quote {
  id: string;
  articleId: string;
  /**
   * `span` is the source phrase at this quote ("he", "NATO spokeswoman Farah Dakhlallah", "the outlet");
   * `text` is who that is after resolution ("Lloyd Austin", "Farah Dakhlallah", "NBC News"), or the
   * phrase itself when it cannot be resolved ("a US intelligence official").
   */
  speaker: {
    entityId?: string;
    text: string;
    span?: Span;
    /** A role stated with the speaker ("NATO spokeswoman"). */
    role?: string;
    /** Where the resolved name was found, when it is not the phrase itself (pronouns, surnames, "the outlet"). */
    antecedent?: Span;
    /** Whether the speaker is anonymous ("a US intelligence official"), a named person/organization, or a medium. */
    kind?: 'person' | 'organization' | 'outlet' | 'anonymous';
  };
  cue: string;
  cueSpan?: Span;
  direct: boolean;
  content: Span & { text: string };
  /** The medium the speaker spoke through: "NBC News" in "told NBC News", "CNN" in "according to CNN". */
  via?: string;
  /** A source the speaker cites for this content ("Citing six senior US officials, the broadcaster said…"). */
  citing?: string;
}

export type ClaimModality = 'asserted' | 'reported' | 'expected' | 'speculative' | 'denied';

export interface ClaimMention extends Span {
  text: string;
  modality: ClaimModality;
  /** Attribution chain, nearest speaker first: ["six senior US officials", "NBC News", "Yonhap"]. */
  attribution: string[];
  quoteId?: string;
  /** Entity ids mentioned in the claim (when entity mentions with ids were supplied). */
  entities?: string[];
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
  origins?: { origin: string; mentions: number[]; why: string; uncertain?: boolean }[];
}
