/**
 * Candidate buckets: key → the articles (by index) that produced it. A bucket that grows past
 * `cap` members is saturated: it stops recording members and yields no more candidates (the one
 * place candidate retrieval depends on insertion order; see docs/decisions/0010).
 */
export class BucketIndex {
  private readonly buckets = new Map<number, number | number[]>();
  private readonly saturated = new Set<number>();

  constructor(readonly cap: number) {}

  /** Members already in the bucket of each key (before `member` is added), then add `member`. */
  queryAndAdd(keys: readonly number[], member: number, visit: (other: number, key: number) => void): void {
    for (const key of keys) {
      if (this.saturated.has(key)) continue;
      const bucket = this.buckets.get(key);
      if (bucket === undefined) {
        this.buckets.set(key, member);
        continue;
      }
      if (typeof bucket === 'number') {
        if (bucket !== member) visit(bucket, key);
        this.buckets.set(key, [bucket, member]);
        continue;
      }
      for (const other of bucket) if (other !== member) visit(other, key);
      if (bucket.length >= this.cap) {
        this.buckets.delete(key);
        this.saturated.add(key);
      } else bucket.push(member);
    }
  }

  toJSON(): { cap: number; buckets: Array<[number, number | number[]]>; saturated: number[] } {
    return { cap: this.cap, buckets: [...this.buckets], saturated: [...this.saturated] };
  }

  static fromJSON(state: ReturnType<BucketIndex['toJSON']>): BucketIndex {
    const index = new BucketIndex(state.cap);
    for (const [key, members] of state.buckets)
      index.buckets.set(key, Array.isArray(members) ? [...members] : members);
    for (const key of state.saturated) index.saturated.add(key);
    return index;
  }
}
