import { sha256Hex } from '../core/hash.ts';
import type { ClusterInput, DerivationLink, DuplicateLink, Story } from '../core/story.ts';
import { type ArticleRecord, articleRecord } from '../pipeline/cluster/article-record.ts';
import {
  CLUSTER_VERSION,
  type ClusterGroups,
  ClusterIndex,
  type ClusterState,
} from '../pipeline/cluster/cluster-index.ts';
import { findCitations } from '../pipeline/dedupe/find-citations.ts';
import { DEDUPE_VERSION } from '../pipeline/dedupe/find-duplicates.ts';
import { findTextReuse } from '../pipeline/dedupe/find-text-reuse.ts';

/** What is kept between runs: the index, what each member looked like, and the verified derivations. */
export interface StoredClusters {
  index: ClusterState;
  /** Content fingerprint of each member (id → hash); a changed or missing member forces a rebuild. */
  members: Record<string, string>;
  derivations: DerivationLink[];
  /**
   * What later runs added, stored apart (`ClusterDelta`), replayed in order on top of `index` when
   * it is restored; `members` and `derivations` above already include theirs.
   */
  deltas?: Array<Pick<ClusterDelta, 'records' | 'groups'>>;
  /** What the index gave for these members last time (stored apart: `ClusterOutput`), when known. */
  output?: ClusterOutput;
}

/**
 * What clustering gave for a set of members: their stories and duplicate links, under a hash of the
 * members' fingerprints. A run whose members are exactly those takes it as it is, without restoring
 * the index and building every story again (~1 s of every unchanged analysis of pile-dev).
 */
export interface ClusterOutput {
  membersHash: string;
  events: Story[];
  storylines: Story[];
  duplicates: DuplicateLink[];
}

/**
 * What one incremental run added to a stored index: the records it added (in one `addRecords` call),
 * the links and groups of every article after it, their fingerprints and the derivations found for
 * them. Stored beside the index instead of writing the whole index again (at 20,000 articles its JSON
 * is ~150 MB); `ClusterIndex.replay` restores the index that run left without comparing or
 * re-clustering anything.
 */
export interface ClusterDelta {
  records: ArticleRecord[];
  groups: ClusterGroups;
  members: Record<string, string>;
  derivations: DerivationLink[];
}

export interface Clustering {
  duplicates: DuplicateLink[];
  derivations: DerivationLink[];
  events: Story[];
  storylines: Story[];
  /** 'incremental' when only new articles were added to a stored index; 'rebuilt' otherwise. */
  mode: 'incremental' | 'rebuilt';
  added: number;
  /**
   * What to store for the next run, made when asked: as plain objects the state is several times its
   * JSON (~450 MB at 20,000 articles), so it is built only when it is saved, not held through the
   * story stages.
   */
  state: () => StoredClusters;
  /**
   * The same state in parts: `state.index.articles` empty, and the article records in slices of
   * `size`, made one slice at a time (so the whole state never exists at once as objects or JSON).
   */
  inParts: (size: number) => { state: StoredClusters; slices: Generator<ArticleRecord[]> };
  /** What this run added to the stored index, when it added to one (mode 'incremental'). */
  delta?: () => ClusterDelta;
  /** A hash of the members' fingerprints (what `ClusterOutput` is valid for). */
  membersHash: string;
  /** Taken from the stored output (no index was restored or built): nothing new to store. */
  fromOutput?: boolean;
}

export const CLUSTER_STATE_VERSION = `cluster@${CLUSTER_VERSION}+dedupe@${DEDUPE_VERSION}`;

/**
 * A hash of the member's own content as the index reads it: a same-length edit of its text changes
 * it too. Its entity ids are left out on purpose: they come from linking across the corpus, and an
 * arriving article can re-link a surname in an older one; that older member keeps the entities it was
 * indexed with instead of forcing a rebuild of the whole index (docs/decisions/0013).
 */
const fingerprint = (input: ClusterInput): string =>
  sha256Hex(
    JSON.stringify([
      input.text,
      input.bodyStart,
      input.publishedAt ?? '',
      input.outlet ?? '',
      input.title ?? '',
    ]),
  ).slice(0, 32);

/** Verify the index's reuse candidates by alignment (the index keeps no texts). */
/** A hash of every member's fingerprint, in id order. */
const hashMembers = (members: Record<string, string>): string =>
  sha256Hex(JSON.stringify(Object.entries(members).sort((a, b) => (a[0] < b[0] ? -1 : 1)))).slice(0, 32);

/** The clustering the stored output holds for exactly these members, the index restored only if asked for. */
function fromOutput(
  stored: StoredClusters,
  output: ClusterOutput,
  members: Record<string, string>,
): Clustering {
  let index: ClusterIndex | undefined;
  const restored = (): ClusterIndex => {
    if (!index) {
      index = ClusterIndex.restore(stored.index, { adopt: false });
      for (const d of stored.deltas ?? []) index.replay(d.records, d.groups);
    }
    return index;
  };
  const derivations = stored.derivations;
  return {
    duplicates: output.duplicates,
    derivations,
    events: output.events,
    storylines: output.storylines,
    mode: 'incremental',
    added: 0,
    membersHash: output.membersHash,
    fromOutput: true,
    state: () => ({ index: restored().toJSON(), members, derivations }),
    inParts: (size) => {
      const i = restored();
      return {
        state: { index: i.toJSONWithoutRecords(), members, derivations },
        slices: (function* () {
          for (let from = 0; from < i.size; from += size) yield i.records(from, from + size);
        })(),
      };
    },
  };
}

function verifiedReuse(pairs: [string, string][], byId: Map<string, ClusterInput>): DerivationLink[] {
  const inputs = pairs
    .map(([a, b]) => [byId.get(a), byId.get(b)] as const)
    .filter((p): p is readonly [ClusterInput, ClusterInput] => p[0] !== undefined && p[1] !== undefined)
    .map(([a, b]) => [a, b] as [ClusterInput, ClusterInput]);
  return findTextReuse(inputs);
}

/**
 * Cluster the corpus incrementally: when a stored state holds exactly a subset of the current
 * articles, unchanged, only the new ones are added (their citations found, their reuse candidates
 * verified); any removed or changed member rebuilds from scratch. The result is the same as a
 * rebuild up to the order dependence documented in docs/decisions/0010. `records` may hold cluster
 * records already built (`articleRecord` of the same input, e.g. on worker threads); the others are
 * built here. With `adopt`, the restored index takes the stored state's arrays over instead of
 * copying them: the caller must not use `stored.index` again.
 */
export function clusterIncrementally(
  inputs: ClusterInput[],
  stored: StoredClusters | undefined,
  records?: ReadonlyMap<string, ArticleRecord>,
  options: { adopt?: boolean } = {},
): Clustering {
  const byId = new Map(inputs.map((i) => [i.id, i]));
  const members = Object.fromEntries(inputs.map((i) => [i.id, fingerprint(i)]));
  const membersHash = hashMembers(members);
  if (stored?.output?.membersHash === membersHash && hashMembers(stored.members) === membersHash)
    return fromOutput(stored, stored.output, members);
  const unchanged =
    stored !== undefined &&
    Object.entries(stored.members).every(
      ([id, print]) => Object.hasOwn(members, id) && members[id] === print,
    );
  const index =
    unchanged && stored
      ? ClusterIndex.restore(stored.index, { adopt: options.adopt ?? false })
      : new ClusterIndex();
  if (unchanged && stored) for (const d of stored.deltas ?? []) index.replay(d.records, d.groups);
  const fresh = inputs.filter((i) => !index.has(i.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const freshRecords = fresh.map((i) => records?.get(i.id) ?? articleRecord(i));
  // The whole index's stories are read below: the update's own are not built.
  const update = index.addRecords(freshRecords, { stories: false });
  const duplicateIds = new Set(update.duplicates.flatMap((d) => [d.articleId, d.duplicateOf]));
  const candidates = update.reuseCandidates.filter(([a, b]) => !(duplicateIds.has(a) && duplicateIds.has(b)));
  const added = [...fresh.flatMap((input) => findCitations(input)), ...verifiedReuse(candidates, byId)];
  const derivations = [...(unchanged && stored ? stored.derivations : []), ...added];
  const out: Clustering = {
    duplicates: index.duplicates(),
    derivations,
    events: index.events(),
    storylines: index.storylines(),
    mode: unchanged ? 'incremental' : 'rebuilt',
    added: fresh.length,
    membersHash,
    state: () => ({ index: index.toJSON(), members, derivations }),
    inParts: (size) => ({
      state: { index: index.toJSONWithoutRecords(), members, derivations },
      slices: (function* () {
        for (let from = 0; from < index.size; from += size) yield index.records(from, from + size);
      })(),
    }),
  };
  // A rebuild is stored whole: its records are not kept (at 20,000 articles they are ~100 MB). The
  // closures above share one context: they read `kept`, never `freshRecords`.
  const kept = unchanged ? freshRecords : undefined;
  if (kept)
    out.delta = () => ({
      records: kept,
      groups: index.groups(),
      members: Object.fromEntries(fresh.map((i) => [i.id, members[i.id]!])),
      derivations: added,
    });
  return out;
}
