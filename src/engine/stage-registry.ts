import { SOURCES_BUILDER } from '../pipeline/analyze/compare/build-sources.ts';
import { SOURCE_COMPARER } from '../pipeline/analyze/compare/compare-sources.ts';
import { FORECAST_COLLECTOR } from '../pipeline/analyze/forecasts/collect-forecasts.ts';
import { ORIGINS_STAGE } from '../pipeline/analyze/origins/count-independent-origins.ts';
import { TIMELINE_BUILDER } from '../pipeline/analyze/timeline/build-timeline.ts';
import { CLAIMS_STAGE } from '../pipeline/annotate/claims/extract-claims.ts';
import { MATCH_CLAIMS_STAGE } from '../pipeline/annotate/claims/match-claims.ts';
import { ENTITY_ANNOTATOR_VERSION } from '../pipeline/annotate/entities/annotate-entities.ts';
import { EVENT_ANNOTATOR } from '../pipeline/annotate/events/annotate-events.ts';
import { EVENT_MERGER } from '../pipeline/annotate/events/merge-events.ts';
import { FRAMING_FINDER } from '../pipeline/annotate/framing/find-loaded-terms.ts';
import { NUMBER_EXTRACTOR } from '../pipeline/annotate/numbers/extract-numbers.ts';
import { QUOTES_STAGE } from '../pipeline/annotate/quotes/extract-quotes.ts';
import { TIME_ANNOTATOR } from '../pipeline/annotate/time/annotate-time.ts';
import { PUBLICATION_DATE_INFERRER } from '../pipeline/annotate/time/infer-publication-date.ts';
import { CLUSTER_VERSION } from '../pipeline/cluster/cluster-index.ts';
import { DEDUPE_VERSION } from '../pipeline/dedupe/find-duplicates.ts';
import { ENTITY_LINKER_VERSION } from '../pipeline/link/entities/link-entities.ts';
import { SEGMENTER_VERSION } from '../pipeline/segment/segment.ts';

/**
 * Where a stage's result lives and what invalidates it: 'article' results depend on one article
 * (and, for the second article phase, on its linked entity mentions), 'story' results on the
 * articles of one storyline, 'corpus' results on every article.
 */
export type StageScope = 'article' | 'story' | 'corpus';

export interface StageEntry {
  name: string;
  version: string;
  scope: StageScope;
  /** What the stage reads (layers other stages provide, or 'text'). */
  requires: string[];
  /** What it adds. */
  provides: string[];
}

/** Version of the composition itself (analyze-articles.ts): bump when what it assembles changes. */
export const COMPOSITION_VERSION = '5';

/**
 * Every stage of an analysis, in the order the composition runs them. The versions stamped on an
 * analysis and every cache key are derived from this list, so a stage cannot be run without its
 * version counting: the composition refers to stages by these entries' names.
 */
export const STAGES: readonly StageEntry[] = [
  {
    name: 'segment',
    version: SEGMENTER_VERSION,
    scope: 'article',
    requires: ['text'],
    provides: ['sentences'],
  },
  { ...TIME_ANNOTATOR, scope: 'article', requires: ['sentences'], provides: ['times'] },
  {
    ...PUBLICATION_DATE_INFERRER,
    scope: 'article',
    requires: ['times'],
    provides: ['publishedAt'],
  },
  { ...NUMBER_EXTRACTOR, scope: 'article', requires: ['text'], provides: ['numbers'] },
  {
    name: 'entities',
    version: ENTITY_ANNOTATOR_VERSION,
    scope: 'article',
    requires: ['sentences'],
    provides: ['entity-mentions'],
  },
  {
    name: 'link-entities',
    version: ENTITY_LINKER_VERSION,
    scope: 'corpus',
    requires: ['entity-mentions'],
    provides: ['entities'],
  },
  { ...QUOTES_STAGE, scope: 'article', requires: ['entities'], provides: ['quotes'] },
  { ...CLAIMS_STAGE, scope: 'article', requires: ['quotes', 'entities'], provides: ['claim-mentions'] },
  { ...EVENT_ANNOTATOR, scope: 'article', requires: ['entities', 'times'], provides: ['event-mentions'] },
  { name: 'dedupe', version: DEDUPE_VERSION, scope: 'corpus', requires: ['text'], provides: ['duplicates'] },
  {
    name: 'cluster',
    version: CLUSTER_VERSION,
    scope: 'corpus',
    requires: ['entities', 'publishedAt', 'duplicates'],
    provides: ['stories', 'derivations'],
  },
  { ...MATCH_CLAIMS_STAGE, scope: 'story', requires: ['claim-mentions', 'stories'], provides: ['claims'] },
  { ...ORIGINS_STAGE, scope: 'story', requires: ['claims', 'derivations'], provides: ['origins'] },
  { ...EVENT_MERGER, scope: 'story', requires: ['event-mentions', 'stories'], provides: ['events'] },
  {
    ...SOURCE_COMPARER,
    scope: 'story',
    requires: ['claims', 'quotes', 'numbers', 'events'],
    provides: ['comparisons'],
  },
  { ...FORECAST_COLLECTOR, scope: 'story', requires: ['claims', 'events'], provides: ['forecasts'] },
  { ...TIMELINE_BUILDER, scope: 'corpus', requires: ['events'], provides: ['timeline'] },
  { ...FRAMING_FINDER, scope: 'article', requires: ['quotes'], provides: ['loaded-terms'] },
  { ...SOURCES_BUILDER, scope: 'corpus', requires: ['loaded-terms', 'derivations'], provides: ['sources'] },
];

/** The version of every stage that makes an analysis: stamped on it, and part of every cache key. */
export function analysisVersions(): Record<string, string> {
  return {
    composition: COMPOSITION_VERSION,
    ...Object.fromEntries(STAGES.map((s) => [s.name, s.version])),
  };
}

/** The versions a result of the given scopes depends on, as one key string. */
export function versionsKey(scopes: StageScope[]): string {
  return [
    `composition@${COMPOSITION_VERSION}`,
    ...STAGES.filter((s) => scopes.includes(s.scope)).map((s) => `${s.name}@${s.version}`),
  ].join(' ');
}
