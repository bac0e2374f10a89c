/**
 * Candidate buckets: key → the articles (by index) that produced it. A bucket that grows past
 * `cap` members is saturated: it stops recording members and yields no more candidates (the one
 * place candidate retrieval depends on insertion order; see docs/decisions/0010).
 *
 * Stored compactly (millions of keys at 100k articles): an open-addressing table of 32-bit keys
 * whose slots point into linked postings held in typed arrays — no per-key objects.
 */
export class BucketIndex {
  private slotKey = new Uint32Array(1024);
  /** Per slot: 0 empty, -1 saturated, ≤ -2 a bucket of one (member −head − 2), else 1 + the newest posting. */
  private slotHead = new Int32Array(1024);
  private slotCount = new Int32Array(1024);
  private slotsUsed = 0;
  private postMember = new Int32Array(1024);
  private postNext = new Int32Array(1024);
  private posts = 0;

  constructor(readonly cap: number) {}

  /** Number of keys (live and saturated). */
  get keys(): number {
    return this.slotsUsed;
  }

  private slotOf(key: number): number {
    const mask = this.slotKey.length - 1;
    let s = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.slotHead[s] !== 0 && this.slotKey[s] !== key) s = (s + 1) & mask;
    return s;
  }

  private grow(): void {
    const keys = this.slotKey;
    const heads = this.slotHead;
    const counts = this.slotCount;
    this.slotKey = new Uint32Array(keys.length * 2);
    this.slotHead = new Int32Array(keys.length * 2);
    this.slotCount = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (heads[i] === 0) continue;
      const s = this.slotOf(keys[i]!);
      this.slotKey[s] = keys[i]!;
      this.slotHead[s] = heads[i]!;
      this.slotCount[s] = counts[i]!;
    }
  }

  private push(member: number, next: number): number {
    if (this.posts === this.postMember.length) {
      const m = new Int32Array(this.posts * 2);
      m.set(this.postMember);
      this.postMember = m;
      const n = new Int32Array(this.posts * 2);
      n.set(this.postNext);
      this.postNext = n;
    }
    this.postMember[this.posts] = member;
    this.postNext[this.posts] = next;
    return ++this.posts;
  }

  /** Members already in the bucket of each key (before `member` is added), then add `member`. */
  queryAndAdd(keys: readonly number[], member: number, visit: (other: number, key: number) => void): void {
    for (const raw of keys) {
      const key = raw >>> 0;
      if (4 * (this.slotsUsed + 1) > 3 * this.slotKey.length) this.grow();
      const s = this.slotOf(key);
      let head = this.slotHead[s]!;
      if (head === -1) continue;
      if (head === 0) {
        // Most keys (sentence keys above all) stay with one member: no posting for them.
        this.slotKey[s] = key;
        this.slotHead[s] = -member - 2;
        this.slotCount[s] = 1;
        this.slotsUsed += 1;
        continue;
      }
      if (head < -1) {
        if (-head - 2 === member) continue;
        head = this.push(-head - 2, 0);
        this.slotHead[s] = head;
      }
      let seen = false;
      for (let p = head; p !== 0; p = this.postNext[p - 1]!) {
        const other = this.postMember[p - 1]!;
        if (other === member) seen = true;
        else visit(other, key);
      }
      if (seen) continue;
      if (this.slotCount[s]! >= this.cap) this.slotHead[s] = -1;
      else {
        this.slotHead[s] = this.push(member, head);
        this.slotCount[s]! += 1;
      }
    }
  }

  /** Buckets sorted by key, members oldest first (a bucket of one is its member). */
  toJSON(): { cap: number; buckets: Array<[number, number | number[]]>; saturated: number[] } {
    const buckets: Array<[number, number | number[]]> = [];
    const saturated: number[] = [];
    for (let s = 0; s < this.slotKey.length; s++) {
      const head = this.slotHead[s]!;
      if (head === 0) continue;
      if (head === -1) {
        saturated.push(this.slotKey[s]!);
        continue;
      }
      const members: number[] = [];
      if (head < -1) members.push(-head - 2);
      else for (let p = head; p !== 0; p = this.postNext[p - 1]!) members.push(this.postMember[p - 1]!);
      members.reverse();
      buckets.push([this.slotKey[s]!, members.length === 1 ? members[0]! : members]);
    }
    buckets.sort((a, b) => a[0] - b[0]);
    return { cap: this.cap, buckets, saturated: saturated.sort((a, b) => a - b) };
  }

  static fromJSON(state: ReturnType<BucketIndex['toJSON']>): BucketIndex {
    const index = new BucketIndex(state.cap);
    for (const [key, members] of state.buckets) {
      for (const m of Array.isArray(members) ? members : [members])
        index.queryAndAdd([key], m, () => undefined);
    }
    for (const key of state.saturated) {
      if (4 * (index.slotsUsed + 1) > 3 * index.slotKey.length) index.grow();
      const s = index.slotOf(key >>> 0);
      if (index.slotHead[s] === 0) index.slotsUsed += 1;
      index.slotKey[s] = key >>> 0;
      index.slotHead[s] = -1;
    }
    return index;
  }
}
