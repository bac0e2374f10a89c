import type { NumberMention } from '../core/analysis.ts';
import { sha256Hex } from '../core/hash.ts';
import type { DerivationLink, DuplicateLink, Story } from '../core/story.ts';
import type { SourceArticle } from '../pipeline/analyze/compare/source-label.ts';
import { groupByArticle, storyUnits } from './analysis-assembly.ts';
import type { ArticleAnnotations } from './article-phase.ts';
import type { PhaseJob, PhaseResults } from './phase-jobs.ts';
import { versionsKey } from './stage-registry.ts';
import { MentionIndex, shareMentions } from './story-cache.ts';
import type { StoryLinks, StoryResult } from './story-phase.ts';

/**
 * A story result cached with its key; its events' participants hold story-local ids (`~s0`, `~s1`, …).
 * A stored one is read when its value is first asked for (`lazyStory` in analysis.ts: records whose key
 * no longer matches are never parsed); undefined when it can no longer be read (a claim mention it
 * refers to is gone), which counts as a miss.
 */
export interface CachedStory {
  key: string;
  readonly value: StoryResult | undefined;
}

/** What the story phase reads of the rest of the analysis. */
export interface StoryPhaseInput {
  articles: { id: string }[];
  stories: Story[];
  duplicates: DuplicateLink[];
  derivations: DerivationLink[];
  /** Each article's phase-2 key (its content, stage versions and its own grouping of mentions). */
  keys: Map<string, string>;
  /** Each article's corpus entity ids, by its local index (local-entities.ts). */
  idsOf: Map<string, readonly string[]>;
  annotations: Map<string, ArticleAnnotations>;
  numbers: (articleId: string) => NumberMention[];
  sourceArticles: Map<string, SourceArticle>;
  cache: Map<string, CachedStory>;
  /** Receives the ids of the storylines computed in this run. */
  fresh: Set<string>;
}

const LOCAL = '~s';
const hash = (value: unknown): string => sha256Hex(JSON.stringify(value)).slice(0, 32);

/**
 * The story stages' work: one job for the storylines whose key changed, then every storyline's
 * result with corpus entity ids, in the order of the units (docs/decisions/0013).
 *
 * A storyline's key holds what its stages read: the ids, kinds and articles of the storyline and its
 * events (not their titles, spans or periods, which corpus-wide term weights move when unrelated
 * articles arrive), its members' phase-2 keys, their duplicate and derivation links, and which of
 * their entities are one — each member's corpus ids replaced by ids local to the storyline, in order
 * of first appearance. Linking renames corpus ids when articles arrive elsewhere (the most frequent
 * spelling changes); the stages read ids only to tell entities apart, so a rename alone no longer
 * recomputes a storyline: its cached events hold story-local ids and get the corpus ids of this run.
 */
export function* storyPhase(input: StoryPhaseInput): Generator<PhaseJob, StoryResult[], PhaseResults> {
  const versions = versionsKey(['story']);
  const duplicatesOf = groupByArticle(input.duplicates);
  const derivationsOf = groupByArticle(input.derivations);
  const units = storyUnits(input.articles, input.stories).map((unit) => {
    const links: StoryLinks = {
      duplicates: unit.articleIds.flatMap((id) => duplicatesOf.get(id) ?? []),
      derivations: unit.articleIds.flatMap((id) => derivationsOf.get(id) ?? []),
    };
    const local = new Map<string, number>();
    const members = unit.articleIds.map((id) => [
      input.keys.get(id),
      (input.idsOf.get(id) ?? []).map((entity) => {
        let i = local.get(entity);
        if (i === undefined) {
          i = local.size;
          local.set(entity, i);
        }
        return i;
      }),
    ]);
    const shape = [unit.id, unit.articleIds, unit.stories.map((s) => [s.id, s.kind, s.articleIds])];
    return { unit, links, key: hash([versions, shape, members, links]), ids: [...local.keys()] };
  });
  const missing = units.filter((u) => {
    const hit = input.cache.get(u.unit.id);
    return hit?.key !== u.key || hit.value === undefined;
  });
  if (missing.length > 0) {
    const items = missing.map(({ unit, links }) => ({
      unit,
      links,
      members: unit.articleIds.map((id) => ({
        article: input.sourceArticles.get(id)!,
        ...input.annotations.get(id)!,
        numbers: input.numbers(id),
      })),
    }));
    const computed = (yield { phase: 'stories', items }) as StoryResult[];
    // Claims share the annotations' mention objects (a worker's reply holds copies of them).
    const index = new MentionIndex((id) => input.annotations.get(id)?.claimMentions);
    missing.forEach((u, i) => {
      const value = withEventIds(shareMentions(computed[i]!, index), u.ids, 'local');
      input.cache.set(u.unit.id, { key: u.key, value });
      input.fresh.add(u.unit.id);
    });
  }
  return units.map((u) => withEventIds(input.cache.get(u.unit.id)!.value!, u.ids, 'corpus'));
}

/**
 * The result with its events' participants under story-local ids (`to` 'local', from corpus ids) or
 * under the given corpus ids (`to` 'corpus', from local ones): events and their participants are
 * copied, never changed in place (a merged event shares its participants with the annotations).
 */
export function withEventIds(
  result: StoryResult,
  ids: readonly string[],
  to: 'local' | 'corpus',
): StoryResult {
  const index = new Map(ids.map((id, i) => [id, i]));
  const map = (id: string): string => {
    if (to === 'local') {
      const i = index.get(id);
      return i === undefined ? id : `${LOCAL}${i}`;
    }
    if (!id.startsWith(LOCAL)) return id;
    const corpus = ids[Number(id.slice(LOCAL.length))];
    if (corpus === undefined) throw new Error(`story-local entity id ${id} out of range (${ids.length} ids)`);
    return corpus;
  };
  const who = <T extends { entityId?: string }>(w: T | undefined): T | undefined =>
    w?.entityId === undefined ? w : { ...w, entityId: map(w.entityId) };
  const events = result.events.map((e) => {
    const out = { ...e };
    const actor = who(e.actor);
    const target = who(e.target);
    const place = who(e.place);
    if (actor) out.actor = actor;
    if (target) out.target = target;
    if (place) out.place = place;
    return out;
  });
  return { ...result, events };
}
