/**
 * Disjoint sets over article indices with their member lists; the root of a set is always its
 * smallest index, so roots do not depend on the order of unions.
 */
export class UnionFind {
  readonly parent: number[];
  private readonly lists = new Map<number, number[]>();

  constructor(parent: number[] = []) {
    this.parent = parent;
    for (let i = 0; i < parent.length; i++) {
      const r = this.find(i);
      const list = this.lists.get(r);
      if (list) list.push(i);
      else this.lists.set(r, [i]);
    }
  }

  add(): number {
    const i = this.parent.length;
    this.parent.push(i);
    this.lists.set(i, [i]);
    return i;
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    let node = x;
    while (this.parent[node] !== root) {
      const next = this.parent[node]!;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  /** Join the sets of a and b; returns the root that was absorbed, or undefined when already joined. */
  union(a: number, b: number): number | undefined {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return undefined;
    const [keep, gone] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[gone] = keep;
    const kept = this.lists.get(keep)!;
    for (const m of this.lists.get(gone)!) kept.push(m);
    this.lists.delete(gone);
    return gone;
  }

  /** Members of the set of x (unordered). */
  members(x: number): readonly number[] {
    return this.lists.get(this.find(x))!;
  }

  /** Root → members, for every set. */
  groups(): ReadonlyMap<number, readonly number[]> {
    return this.lists;
  }
}
