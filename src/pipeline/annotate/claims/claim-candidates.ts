import type { ClusterProfile, Prepared } from './claim-scoring.ts';

/**
 * The inverted index of claim matching: from each informative feature to the clusters that have it,
 * with how many of a cluster's scoring sample have it. `candidates` returns the clusters sharing an
 * informative feature with a mention (the retrieval of ADR 0042), leaving out those whose average
 * similarity provably stays below `floor`: the informative features' overlap is summed from the
 * index; every other feature of the mention counts as if the whole sample had it.
 */
export class CandidateIndex {
  private readonly postings = new Map<number, Map<number, number>>();
  private acc = new Float64Array(256);
  private seen = new Int32Array(256);
  private epoch = 0;

  /** File a new member of `cluster`; `inSample` when it is among the members the cluster is scored on. */
  add(cluster: number, m: Prepared, informative: Uint8Array, inSample: boolean): void {
    for (let k = 0; k < m.ids.length; k++) {
      if (informative[k] !== 1) continue;
      const id = m.ids[k] as number;
      let list = this.postings.get(id);
      if (!list) {
        list = new Map();
        this.postings.set(id, list);
      }
      const count = list.get(cluster);
      if (inSample) list.set(cluster, (count ?? 0) + 1);
      else if (count === undefined) list.set(cluster, 0);
    }
  }

  candidates(m: Prepared, informative: Uint8Array, profiles: ClusterProfile[], floor: number): number[] {
    if (this.seen.length < profiles.length) {
      this.seen = new Int32Array(profiles.length * 2);
      this.acc = new Float64Array(profiles.length * 2);
      this.epoch = 0;
    }
    this.epoch += 1;
    const touched: number[] = [];
    let rest = 0;
    for (let k = 0; k < m.ids.length; k++) {
      const w = m.weights[k] as number;
      if (informative[k] !== 1) {
        rest += w;
        continue;
      }
      for (const [c, count] of this.postings.get(m.ids[k] as number) ?? []) {
        if (this.seen[c] !== this.epoch) {
          this.seen[c] = this.epoch;
          this.acc[c] = 0;
          touched.push(c);
        }
        this.acc[c] = (this.acc[c] as number) + w * count;
      }
    }
    const kept = touched.filter((c) => {
      const p = profiles[c] as ClusterProfile;
      const denominator = p.size * (m.sum + p.minSum);
      if (!(denominator > 0)) return true;
      const bound = (2 * ((this.acc[c] as number) + p.size * rest)) / denominator;
      return bound * (1 + 1e-9) >= floor;
    });
    return kept.sort((a, b) => a - b);
  }
}
