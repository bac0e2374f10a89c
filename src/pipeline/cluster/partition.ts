import { type AverageGroup, averageLink, groupAverage } from './average-link.ts';
import type { ClusterOptions, IdVector, PairWeights } from './pair-scores.ts';

/** What partitioning reads of the index: ids, kept edges, and the weights of a pair now. */
export interface PartitionGraph {
  id(i: number): string;
  /** Edges of article i: packed `j * 32 + shared reuse keys (≤ 31)`. */
  links(i: number): readonly number[];
  /** The pair's weights with the document frequencies of now. */
  weights(i: number, j: number, reuseKeys: number): PairWeights;
  /** Article i's IDF-weighted unit vector now. */
  vector(i: number): IdVector;
  /** Article i's publication day, when dated. */
  day(i: number): number | undefined;
}

const byIdOf = (graph: PartitionGraph) => (x: number, y: number) => {
  const a = graph.id(x);
  const b = graph.id(y);
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Partition one component of the candidate graph into events and storylines (docs/decisions/0012).
 * Events: average link over the event weights, starting from single articles (duplicate groups are
 * joined first: `duplicateOf(i)` gives each article's duplicate group). Storylines: exact group
 * average of cosines between events joined by a storyline edge (`groupAverage`, with the centroid,
 * cohesion and time conditions), starting from the events, so every event lies in one storyline. Returns each member's event and storyline representative (the member with the smallest
 * id). The result depends on the members, their edges and the weights only — not on the order in
 * which they arrived.
 */
export function partitionComponent(
  members: readonly number[],
  graph: PartitionGraph,
  duplicateOf: (i: number) => number,
  o: Pick<
    ClusterOptions,
    | 'eventThreshold'
    | 'storylineThreshold'
    | 'storylineMaxDays'
    | 'storylineCentroidMin'
    | 'storylineCohesionRatio'
    | 'storylineCohesionMinSize'
    | 'storylineSoftSize'
    | 'storylineSizePower'
  >,
): { eventOf: Map<number, number>; lineOf: Map<number, number> } {
  if (members.length === 1) {
    const only = members[0]!;
    return { eventOf: new Map([[only, only]]), lineOf: new Map([[only, only]]) };
  }
  const sorted = [...members].sort(byIdOf(graph));
  const local = new Map<number, number>(sorted.map((m, k) => [m, k]));
  // Pairs within the component, each once, with both weights (computed once).
  const pairs: Array<[number, number, PairWeights]> = [];
  for (const [k, m] of sorted.entries()) {
    for (const packed of graph.links(m)) {
      const j = Math.floor(packed / 32);
      const other = local.get(j);
      if (other === undefined || other <= k) continue;
      pairs.push([k, other, graph.weights(m, j, packed % 32)]);
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  // Duplicate groups are one starting group each: a copy is the same report.
  const dupStart = new Map<number, number>();
  const startOf = sorted.map((m, k) => {
    const d = duplicateOf(m);
    const first = dupStart.get(d);
    if (first !== undefined) return first;
    dupStart.set(d, k);
    return k;
  });
  const starts = [...new Set(startOf)];
  const startIndex = new Map(starts.map((s, x) => [s, x]));
  const startSizes = starts.map(() => 0);
  for (const s of startOf) startSizes[startIndex.get(s)!]! += 1;
  const eventEdges: Array<readonly [number, number, number]> = [];
  for (const [x, y, w] of pairs) {
    const a = startIndex.get(startOf[x]!)!;
    const b = startIndex.get(startOf[y]!)!;
    if (a !== b && w.event > 0) eventEdges.push([a, b, w.event]);
  }
  const eventRoot = averageLink({
    sizes: startSizes,
    ranks: starts,
    edges: eventEdges,
    threshold: o.eventThreshold,
  });
  const eventLocal = startOf.map((s) => starts[eventRoot[startIndex.get(s)!]!]!);
  // Storylines over events.
  const events = [...new Set(eventLocal)];
  const eventIndex = new Map(events.map((e, x) => [e, x]));
  const eventSizes = events.map(() => 0);
  for (const e of eventLocal) eventSizes[eventIndex.get(e)!]! += 1;
  const lineEdges: Array<readonly [number, number]> = [];
  const linked = new Uint8Array(events.length);
  for (const [x, y, w] of pairs) {
    const a = eventIndex.get(eventLocal[x]!)!;
    const b = eventIndex.get(eventLocal[y]!)!;
    if (a === b || w.storyline <= 0) continue;
    lineEdges.push([a, b]);
    linked[a] = 1;
    linked[b] = 1;
  }
  // Summed vectors only for events that can merge (an event without a storyline edge stays alone).
  const lineGroups: AverageGroup[] = events.map((e, x) => ({
    size: eventSizes[x]!,
    rank: e,
    sum: new Map(),
  }));
  sorted.forEach((m, k) => {
    const x = eventIndex.get(eventLocal[k]!)!;
    if (!linked[x]) return;
    const g = lineGroups[x]!;
    const v = graph.vector(m);
    for (let t = 0; t < v.ids.length; t++) g.sum.set(v.ids[t]!, (g.sum.get(v.ids[t]!) ?? 0) + v.w[t]!);
    const day = graph.day(m);
    if (day !== undefined)
      g.days = g.days ? [Math.min(g.days[0], day), Math.max(g.days[1], day)] : [day, day];
  });
  const lineRoot = groupAverage(lineGroups, lineEdges, o.storylineThreshold, o.storylineMaxDays, {
    centroidMin: o.storylineCentroidMin,
    cohesionRatio: o.storylineCohesionRatio,
    cohesionMinSize: o.storylineCohesionMinSize,
    softSize: o.storylineSoftSize,
    sizePower: o.storylineSizePower,
  });
  const eventOf = new Map<number, number>();
  const lineOf = new Map<number, number>();
  sorted.forEach((m, k) => {
    const e = eventLocal[k]!;
    eventOf.set(m, sorted[e]!);
    lineOf.set(m, sorted[events[lineRoot[eventIndex.get(e)!]!]!]!);
  });
  return { eventOf, lineOf };
}

/**
 * The part of a large component to re-cluster when articles from `start` on were added: the
 * storylines (by `lineOf`) holding the added articles or linked to them by an edge — whole
 * storylines, so no story is cut in two.
 */
export function storylineRegion(
  component: readonly number[],
  start: number,
  lineOf: readonly number[],
  links: readonly (readonly number[])[],
): number[] {
  const reps = new Set<number>();
  for (const m of component) {
    if (m < start) continue;
    reps.add(lineOf[m]!);
    for (const packed of links[m]!) reps.add(lineOf[Math.floor(packed / 32)]!);
  }
  return component.filter((m) => reps.has(lineOf[m]!));
}

/** Article indices grouped by a key (a representative), in order of first appearance. */
export function groupBy(indices: Iterable<number>, key: (i: number) => number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const i of indices) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/**
 * New groups (representative → members) against the previous groups of their old members (`before`:
 * member → previous representative): the new groups whose members changed, the previous groups found
 * again unchanged, and the previous groups with their members.
 */
export function compareGroups(
  now: Map<number, number[]>,
  before: Map<number, number>,
): { changed: Set<number>; kept: Set<number>; old: Map<number, number[]> } {
  const old = groupBy(before.keys(), (m) => before.get(m)!);
  const changed = new Set<number>();
  const kept = new Set<number>();
  for (const [rep, members] of now) {
    const was = before.get(members[0]!);
    const same =
      was !== undefined &&
      old.get(was)!.length === members.length &&
      members.every((m) => before.get(m) === was);
    if (same) kept.add(was);
    else changed.add(rep);
  }
  return { changed, kept, old };
}

/** Ids of previous groups that did not survive (`compareGroups`), unless a reported story took the id. */
export function removedIds(
  compared: { kept: Set<number>; old: Map<number, number[]> },
  now: readonly { id: string }[],
  idOf: (members: readonly number[]) => string,
): string[] {
  const live = new Set(now.map((story) => story.id));
  const gone = [...compared.old].filter(([rep]) => !compared.kept.has(rep)).map(([, m]) => idOf(m));
  return [...new Set(gone)].filter((id) => !live.has(id)).sort();
}
