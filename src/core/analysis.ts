import type { Entity } from './entity.ts';
import type { EventRecord, TimelineEntry } from './event.ts';
import type { Claim, Quote } from './quote.ts';
import type { Span } from './span.ts';
import type { DerivationLink, Story } from './story.ts';

/** An article as the analysis contract shows it. */
export interface AnalysisArticle {
  id: string;
  input: { path?: string; url?: string };
  title: string;
  outlet?: string;
  byline?: string;
  publishedAt?: string;
  publishedAtEvidence?: 'metadata' | 'text' | 'inferred';
  /** How sure the publication date is, in [0, 1] (1 for metadata), and why, when it was inferred. */
  publishedAtConfidence?: number;
  publishedAtReasons?: string[];
  language?: string;
  text: string;
  /** Offsets into the extractor's raw text (see docs/decisions/0003). */
  removed: { start: number; end: number; reason: string; text: string }[];
  duplicateOf?: string;
  derivedFrom?: { articleId?: string; outlet?: string; evidence: string }[];
}

export interface LoadedTerm {
  term: string;
  /** Category from the lexicon: 'dehumanizing', 'delegitimizing', 'pejorative-label', 'intensifier', … */
  category?: string;
  /** 'strong' for unambiguous labels, 'mild' for terms that are also used descriptively (docs/decisions/0050). */
  strength?: 'strong' | 'mild';
  mentions: Span[];
}

export interface AnalysisSource {
  outlet: string;
  articleIds: string[];
  /** Outlets this source cites as its origin ("NBC News"). */
  cites: string[];
  /** Loaded terms in the outlet's own voice (not inside attributed quotes). */
  loadedTerms: LoadedTerm[];
  /** Loaded terms that appear only inside attributed quotes, kept apart. */
  quotedLoadedTerms?: LoadedTerm[];
}

/** A number stated in an article, with its unit and what it counts. */
export interface NumberMention extends Span {
  text: string;
  value: number;
  /** 'at least', 'about', 'more than', 'up to', 'or more' … */
  qualifier?: string;
  /** What is counted: the head noun ('troops', 'containers'), 'percent', or a currency code ('USD'); '' when unknown. */
  unit: string;
  /** The counted phrase as written ("North Korean troops", "rounds of artillery"), when there is one. */
  counted?: string;
  /** 'previous-number' when the unit was carried over from an earlier number in the sentence ("another 7,000"). */
  unitFrom?: 'text' | 'previous-number';
}

export interface NumericDivergence {
  /** What is counted ("soldiers", "containers", "rounds of artillery"). */
  quantity: string;
  values: NumberMention[];
  kind: 'disagree' | 'rounded' | 'qualified' | 'updated';
  note: string;
}

export interface FactualDivergence {
  /** What the sources disagree about ("place of the September 2023 summit"). */
  about: string;
  eventId?: string;
  values: { value: string; mentions: Span[] }[];
}

/** Per story: who carries what. */
export interface SourceComparison {
  storyId: string;
  /** Claim × source matrix: for each claim, each outlet that carries it and via whom. */
  matrix: { claimId: string; outlet: string; articleIds: string[]; via: string[] }[];
  /** What each source adds that no other source in the story has. */
  unique: { outlet: string; claimIds: string[]; quoteIds: string[] }[];
  numbers: NumericDivergence[];
  divergences: FactualDivergence[];
}

export interface Forecast {
  id: string;
  /** The expectation or warning, as a claim or event mention. */
  text: string;
  mention: Span;
  /** Who made it (attribution chain nearest first). */
  by: string[];
  /** When it was made: the article's publication date. */
  madeAt?: string;
  claimId?: string;
  eventId?: string;
  /** Later events that bear on it, with how; never a verdict the evidence does not support. */
  laterEvents: { eventId: string; relation: string }[];
}

/**
 * A stage that failed on one article or one story (or, for corpus stages, on the whole set): the
 * rest of the analysis was completed without that stage's result for it.
 */
export interface AnalysisFailure {
  stage: string;
  articleId?: string;
  storyId?: string;
  code: string;
  message: string;
}

/**
 * An article as an analysis document shows it: its clean text by reference — the article id, its
 * length and digest; the text itself is `GET /api/articles/:id` or `sitrep show ID` — and its removed
 * blocks as spans into the raw text with their reasons, without their text.
 */
export interface AnalysisArticleRef extends Omit<AnalysisArticle, 'text' | 'removed'> {
  /** UTF-16 code units of the clean text (every span's offsets index it). */
  textLength: number;
  /** SHA-256 of the clean text (UTF-8), so a reader can check that the text it fetched is the one analysed. */
  textSha256: string;
  removed: { start: number; end: number; reason: string }[];
}

/**
 * The analysis as the outputs write it (`--json`, `--out`, the API): the same content as `Analysis`,
 * with article texts by reference instead of copies (docs/decisions/0014), whole or one story's.
 */
export interface AnalysisDocument extends Omit<Analysis, 'schema' | 'articles'> {
  schema: 'sitrep/analysis@2';
  /** The story this document is scoped to, when it is one story's (see `scopeToStory`). */
  story?: string;
  articles: AnalysisArticleRef[];
}

export interface Analysis {
  schema: 'sitrep/analysis@1';
  generatedAt: string;
  /** Versions of the stages that made this analysis. */
  versions: Record<string, string>;
  articles: AnalysisArticle[];
  stories: Story[];
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
  events: EventRecord[];
  timeline: TimelineEntry[];
  sources: AnalysisSource[];
  derivations: DerivationLink[];
  comparisons: SourceComparison[];
  forecasts: Forecast[];
  /** Stages that failed, each with what it failed on; absent when none did. */
  failures?: AnalysisFailure[];
}
