import { randomUUID } from 'node:crypto';
import type { DerivationLink } from '../core/story.ts';
import type { ArticleRecord } from '../pipeline/cluster/article-record.ts';
import type { Store } from '../store/store.ts';
import {
  CLUSTER_STATE_VERSION,
  type ClusterDelta,
  type Clustering,
  type ClusterOutput,
  type StoredClusters,
} from './clusters.ts';

/**
 * Where the cluster index lives between runs (docs/decisions/0013): one base record holding the whole
 * index, and one delta record per later run that only added articles. A delta names the base it
 * extends (`generation`), so deltas left behind by an interrupted compaction are ignored.
 */
const BASE = { kind: 'cluster-state', key: 'corpus' } as const;
const DELTA_KIND = 'cluster-delta';
const OUTPUT = { kind: 'cluster-output', key: 'corpus' } as const;
/** The base's article records, in slices of PART_SIZE (`parts` on the base says how many). */
const PART_KIND = 'cluster-part';
const partKey = (i: number) => `corpus:${String(i).padStart(6, '0')}`;

type StoredBase = StoredClusters & { generation?: string; parts?: number };
/** A slice of the base's article records and one of its derivations (absent in older parts). */
type StoredPart = { generation: string; records: ArticleRecord[]; derivations?: DerivationLink[] };
type StoredDelta = ClusterDelta & { generation: string };

/** Deltas are merged into a new base when they hold more than this share of the base's articles… */
export const DELTA_SHARE = 0.25;
/** …or when there are this many of them (each restore replays every one). */
export const MAX_DELTAS = 32;
/**
 * Article records per stored part of a base. Written whole, the base was one value: at 20,000
 * articles ~450 MB as objects and a ~150 MB JSON string at once, at the analysis's peak of memory.
 */
export const PART_SIZE = 1000;
/**
 * Derivations per part, per article record: a part holds `PART_SIZE × DERIVATIONS_PER_RECORD` of the
 * base's derivations beside its records (text-reuse links with their aligned passages were 30 of the
 * 42 MB of a 10,000-article base written whole).
 */
const DERIVATIONS_PER_RECORD = 4;

export interface LoadedClusters {
  /** Dropped by the caller once the index has taken it over. */
  stored?: StoredClusters;
  generation: string | undefined;
  /** Articles in the base, and in its deltas. */
  baseSize: number;
  deltaSize: number;
  deltaCount: number;
}

function replayable(d: StoredDelta): boolean {
  const g = d.groups as Partial<StoredDelta['groups']> | undefined;
  return (
    Array.isArray(d.records) &&
    typeof d.members === 'object' &&
    Array.isArray(d.derivations) &&
    g !== undefined &&
    [g.duplicateParent, g.componentParent, g.eventOf, g.storylineOf, g.links].every(Array.isArray)
  );
}

/**
 * The stored index with its deltas in order, or undefined when none is stored for this version — or
 * when a record of it is not JSON: the index is rebuilt, and the new base replaces it.
 */
export async function loadClusters(
  store: Store,
  unreadable: (kind: string, key: string) => void = () => {},
): Promise<LoadedClusters | undefined> {
  try {
    return await readClusters(store);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    unreadable(BASE.kind, BASE.key);
    return undefined;
  }
}

async function readClusters(store: Store): Promise<LoadedClusters | undefined> {
  const base = await store.getDerived<StoredBase>(BASE.kind, BASE.key);
  if (!base || base.version !== CLUSTER_STATE_VERSION) return undefined;
  const { generation, parts, ...stored } = base.value;
  if (parts !== undefined) {
    stored.derivations = [...stored.derivations];
    // The records were stored apart; a part missing or of another base leaves no consistent index.
    for (let i = 0; i < parts; i++) {
      const part = await store.getDerived<StoredPart>(PART_KIND, partKey(i));
      if (!part || part.version !== CLUSTER_STATE_VERSION || part.value.generation !== generation)
        return undefined;
      for (const r of part.value.records) stored.index.articles.push(r);
      for (const d of part.value.derivations ?? []) stored.derivations.push(d);
    }
  }
  const deltas =
    generation === undefined
      ? []
      : (await store.listDerived<StoredDelta>(DELTA_KIND))
          .filter((d) => d.version === CLUSTER_STATE_VERSION && d.value.generation === generation)
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map((d) => d.value);
  // A delta that cannot be replayed (not of this form) leaves no consistent index: rebuild.
  if (!deltas.every(replayable)) return undefined;
  const output = await store.getDerived<ClusterOutput>(OUTPUT.kind, OUTPUT.key);
  if (output?.version === CLUSTER_STATE_VERSION && typeof output.value.membersHash === 'string')
    stored.output = output.value;
  const baseSize = Object.keys(stored.members).length;
  let deltaSize = 0;
  if (deltas.length > 0) {
    stored.members = { ...stored.members };
    stored.derivations = [...stored.derivations];
    stored.deltas = [];
    for (const d of deltas) {
      Object.assign(stored.members, d.members);
      stored.derivations.push(...d.derivations);
      stored.deltas.push({ records: d.records, groups: d.groups });
      deltaSize += d.records.length;
    }
  }
  return { stored, generation, baseSize, deltaSize, deltaCount: deltas.length };
}

/** Store what clustering gave for this run's members, for the next run with the same members. */
export async function saveClusterOutput(
  store: Store,
  clustering: Clustering,
  updatedAt: string,
): Promise<void> {
  const { membersHash, events, storylines, duplicates } = clustering;
  const value: ClusterOutput = { membersHash, events, storylines, duplicates };
  await store.putDerived({ ...OUTPUT, version: CLUSTER_STATE_VERSION, value, updatedAt });
}

/**
 * Store what the run changed: a delta when it only added articles to a stored index and the deltas
 * stay small; otherwise the whole index as a new base, after which older deltas are dropped. Returns
 * which of the two it wrote.
 */
export async function saveClusters(
  store: Store,
  clustering: Clustering,
  loaded: LoadedClusters | undefined,
  updatedAt: string,
  limits: { share: number; count: number; partSize?: number } = { share: DELTA_SHARE, count: MAX_DELTAS },
): Promise<'delta' | 'base'> {
  const delta = clustering.mode === 'incremental' ? clustering.delta?.() : undefined;
  if (delta && loaded?.generation !== undefined) {
    const size = loaded.deltaSize + delta.records.length;
    if (size <= limits.share * loaded.baseSize && loaded.deltaCount < limits.count) {
      const value: StoredDelta = { ...delta, generation: loaded.generation };
      await store.putDerived({
        kind: DELTA_KIND,
        key: `corpus:${String(loaded.deltaCount + 1).padStart(6, '0')}`,
        version: CLUSTER_STATE_VERSION,
        value,
        updatedAt,
      });
      return 'delta';
    }
  }
  // Parts first, then the base naming them: an interrupted write leaves a base whose parts are
  // missing or of another generation, which loads as no index (a rebuild), never a wrong one.
  const generation = randomUUID();
  const partSize = limits.partSize ?? PART_SIZE;
  const { state, slices } = clustering.inParts(partSize);
  const perPart = partSize * DERIVATIONS_PER_RECORD;
  const derivationsOf = (i: number) => state.derivations.slice(i * perPart, (i + 1) * perPart);
  await store.deleteDerived(PART_KIND);
  let parts = 0;
  const put = async (part: StoredPart) =>
    store.putDerived({
      kind: PART_KIND,
      key: partKey(parts++),
      version: CLUSTER_STATE_VERSION,
      value: part,
      updatedAt,
    });
  for (const records of slices) await put({ generation, records, derivations: derivationsOf(parts) });
  while (parts * perPart < state.derivations.length)
    await put({ generation, records: [], derivations: derivationsOf(parts) });
  const value: StoredBase = { ...state, derivations: [], generation, parts };
  await store.putDerived({ ...BASE, version: CLUSTER_STATE_VERSION, value, updatedAt });
  await store.deleteDerived(DELTA_KIND);
  return 'base';
}
