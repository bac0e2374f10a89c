import type { ClusterInput, DerivationLink, DuplicateLink, Story } from '../../core/story.ts';
import { findCitations } from '../dedupe/find-citations.ts';
import { findTextReuse } from '../dedupe/find-text-reuse.ts';
import { ClusterIndex } from './cluster-index.ts';
import type { ClusterOptions } from './pair-scores.ts';

export interface CorpusClustering {
  duplicates: DuplicateLink[];
  /** Citation links of every article, then verified text-reuse links. */
  derivations: DerivationLink[];
  events: Story[];
  storylines: Story[];
}

/**
 * Everything for a small corpus in one call: duplicates, citation and text-reuse derivations
 * (candidates from the index's sentence keys, verified by alignment), events and storylines.
 */
export function clusterCorpus(
  inputs: readonly ClusterInput[],
  options: Partial<ClusterOptions> = {},
): CorpusClustering {
  const index = new ClusterIndex(options);
  const update = index.add(inputs);
  const byId = new Map(inputs.map((i) => [i.id, i]));
  const citations = [...byId.values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .flatMap((input) => findCitations(input));
  const duplicateIds = new Set(update.duplicates.flatMap((d) => [d.articleId, d.duplicateOf]));
  const pairs = update.reuseCandidates
    .filter(([a, b]) => !(duplicateIds.has(a) && duplicateIds.has(b)))
    .map(([a, b]) => [byId.get(a)!, byId.get(b)!] as [ClusterInput, ClusterInput]);
  return {
    duplicates: index.duplicates(),
    derivations: [...citations, ...findTextReuse(pairs)],
    events: index.events(),
    storylines: index.storylines(),
  };
}
