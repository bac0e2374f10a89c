/** Precision, recall and F1 of a clustering against gold labels. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function groupsOf(assign: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [item, cluster] of assign) {
    const set = out.get(cluster) ?? new Set<string>();
    set.add(item);
    out.set(cluster, set);
  }
  return out;
}

function checkSameItems(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): void {
  if (predicted.size !== gold.size || [...gold.keys()].some((id) => !predicted.has(id))) {
    throw new Error('predicted and gold clusterings must cover the same items');
  }
}

/**
 * B-cubed (Bagga & Baldwin 1998): per item, precision = |own cluster ∩ own gold class| / |own
 * cluster|, recall = the same over |own gold class|; both averaged over items.
 */
export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): PRF {
  checkSameItems(predicted, gold);
  const pg = groupsOf(predicted);
  const gg = groupsOf(gold);
  let p = 0;
  let r = 0;
  for (const [item, cluster] of predicted) {
    const mine = pg.get(cluster)!;
    const cls = gg.get(gold.get(item)!)!;
    let both = 0;
    for (const other of mine) if (cls.has(other)) both += 1;
    p += both / mine.size;
    r += both / cls.size;
  }
  const n = predicted.size || 1;
  return { precision: p / n, recall: r / n, f1: f1(p / n, r / n) };
}

/** Pairwise: over unordered item pairs, "same cluster" predicted vs "same class" in gold. */
export function pairwise(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): PRF {
  checkSameItems(predicted, gold);
  const pairs = (groups: Map<string, Set<string>>) => {
    let n = 0;
    for (const g of groups.values()) n += (g.size * (g.size - 1)) / 2;
    return n;
  };
  // True positives: for each (predicted cluster, gold class) cell, C(count, 2).
  const cells = new Map<string, number>();
  for (const [item, cluster] of predicted) {
    const key = `${cluster}\u0000${gold.get(item)}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let tp = 0;
  for (const c of cells.values()) tp += (c * (c - 1)) / 2;
  const predictedPairs = pairs(groupsOf(predicted));
  const goldPairs = pairs(groupsOf(gold));
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = goldPairs === 0 ? 1 : tp / goldPairs;
  return { precision, recall, f1: f1(precision, recall) };
}
