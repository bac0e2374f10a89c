import type { Span } from './span.ts';

/** Entity types of the analysis contract. `facility` and other named things map to 'place' / 'other' there. */
export type EntityType = 'person' | 'organization' | 'country' | 'place' | 'facility' | 'other';

/** One mention of an entity in one article. */
export interface EntityMention extends Span {
  /** The mention's surface text: `text.slice(start, end)`. */
  text: string;
  type: EntityType;
  /** The canonical entity this mention belongs to (set by the link stage). */
  entityId?: string;
  /** A role stated with the mention ("spokesman", "President of Russia"). */
  role?: string;
  /** The organization or country the role belongs to, when stated ("National Security Council"). */
  roleOf?: string;
  /** How the mention was found: 'gazetteer', 'title-pattern', 'capitalization', 'alias', 'back-reference', 'metonymy', 'demonym'. */
  via: string;
  /**
   * The canonical name the annotator resolved the mention to, when it knows one (a lexicon entry,
   * the country of a demonym or of a metonymic capital, the full name of a surname back-reference,
   * the expansion of an abbreviation defined in the article). The link stage groups by it.
   */
  canonical?: string;
}

/** One real-world thing across all articles. */
export interface Entity {
  /** Stable: a hash of the type and the canonical name. */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  mentions: EntityMention[];
}
