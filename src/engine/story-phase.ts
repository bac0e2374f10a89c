import type { AnalysisFailure, Forecast, NumberMention, SourceComparison } from '../core/analysis.ts';
import type { EventRecord } from '../core/event.ts';
import type { Claim, ClaimMention, Quote } from '../core/quote.ts';
import type { DerivationLink, DuplicateLink, Story } from '../core/story.ts';
import {
  type CarriedWithin,
  compareMemo,
  compareStory,
} from '../pipeline/analyze/compare/compare-sources.ts';
import type { SourceArticle } from '../pipeline/analyze/compare/source-label.ts';
import { collectForecasts } from '../pipeline/analyze/forecasts/collect-forecasts.ts';
import { countIndependentOrigins } from '../pipeline/analyze/origins/count-independent-origins.ts';
import { matchClaims } from '../pipeline/annotate/claims/match-claims.ts';
import { mergeEvents } from '../pipeline/annotate/events/merge-events.ts';
import { attempt } from './article-phase.ts';
import { type StageTimer, timeStage } from './stage-timer.ts';

/** One storyline with its events: the unit the story stages run on. */
export interface StoryUnit {
  id: string;
  /** The storyline's articles in the order of the analysed set. */
  articleIds: string[];
  /** The storyline and its events (a unit without a storyline — clustering failed — has none). */
  stories: Story[];
}

/** What one article brings to its story. */
export interface StoryMember {
  article: SourceArticle;
  quotes: Quote[];
  claimMentions: ClaimMention[];
  events: EventRecord[];
  numbers: NumberMention[];
}

/** The duplicate and derivation links of a storyline's articles. */
export interface StoryLinks {
  duplicates: DuplicateLink[];
  derivations: DerivationLink[];
}

export interface StoryResult {
  claims: Claim[];
  events: EventRecord[];
  comparisons: SourceComparison[];
  forecasts: Forecast[];
  failures: AnalysisFailure[];
}

/**
 * The story stages on one storyline: claim mentions matched into claims and their independent
 * origins counted, event mentions merged, sources compared per story (the storyline and each of its
 * events), forecasts collected. Everything here reads only the storyline's own articles, so the cost
 * of a pile is the sum over its storylines and adding articles recomputes only the storylines they
 * join (docs/decisions/0013). A failing stage is recorded against the storyline and leaves the others.
 */
export function analyzeStory(
  unit: StoryUnit,
  members: StoryMember[],
  links: StoryLinks,
  timer?: StageTimer,
): StoryResult {
  const failures: AnalysisFailure[] = [];
  const at = (stage: string) => ({ stage, storyId: unit.id });
  const articles = members.map((m) => m.article);
  const claims = timeStage(timer, 'match-claims', () =>
    attempt(failures, at('match-claims'), [] as Claim[], () =>
      matchClaims(members.flatMap((m) => m.claimMentions)),
    ),
  );
  const counted = timeStage(timer, 'origins', () =>
    attempt(failures, at('independent-origins'), claims, () =>
      countIndependentOrigins(claims, {
        articles,
        duplicates: links.duplicates,
        derivations: links.derivations,
      }),
    ),
  );
  const events = timeStage(timer, 'events', () =>
    attempt(failures, at('merge-events'), [] as EventRecord[], () =>
      mergeEvents(members.flatMap((m) => m.events)),
    ),
  );
  const quotes = members.flatMap((m) => m.quotes);
  const numbers = members.flatMap((m) => m.numbers);
  const eventOf = new Map(
    unit.stories
      .filter((s) => s.kind === 'event')
      .flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)),
  );
  // The storyline's quotes carried by another source narrow those its events compare (compare-sources.ts).
  let within: CarriedWithin | undefined;
  const memo = compareMemo();
  const comparisons = timeStage(timer, 'compare-stories', () =>
    unit.stories.flatMap((story) =>
      attempt(failures, { stage: 'compare', storyId: story.id }, [] as SourceComparison[], () => {
        const input = { articles, claims: counted, quotes, numbers, events, eventOf, memo };
        const compared = compareStory(story, input, story.kind === 'event' ? within : undefined);
        if (story.kind === 'storyline') within = compared.carried;
        return [compared.comparison];
      }),
    ),
  );
  const forecasts = timeStage(timer, 'forecasts', () =>
    attempt(failures, at('forecasts'), [] as Forecast[], () =>
      collectForecasts({ claims: counted, events, articles }),
    ),
  );
  return { claims: counted, events, comparisons, forecasts, failures };
}
