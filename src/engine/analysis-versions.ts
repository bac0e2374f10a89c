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

/** Version of the composition itself (analyze-articles.ts): bump when what it assembles changes. */
export const COMPOSITION_VERSION = '3';

/** The version of every stage that makes an analysis: stamped on it, and the key of its cache. */
export function analysisVersions(): Record<string, string> {
  const stages = [
    TIME_ANNOTATOR,
    PUBLICATION_DATE_INFERRER,
    NUMBER_EXTRACTOR,
    QUOTES_STAGE,
    CLAIMS_STAGE,
    MATCH_CLAIMS_STAGE,
    EVENT_ANNOTATOR,
    EVENT_MERGER,
    FRAMING_FINDER,
    TIMELINE_BUILDER,
    SOURCE_COMPARER,
    ORIGINS_STAGE,
    FORECAST_COLLECTOR,
  ];
  return {
    composition: COMPOSITION_VERSION,
    segment: SEGMENTER_VERSION,
    entities: ENTITY_ANNOTATOR_VERSION,
    'link-entities': ENTITY_LINKER_VERSION,
    dedupe: DEDUPE_VERSION,
    cluster: CLUSTER_VERSION,
    ...Object.fromEntries(stages.map((s) => [s.name, s.version])),
  };
}
