import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AverageGroup, averageLink, DotAgainst, dot, groupAverage } from './average-link.ts';

// Two tight triangles {0,1,2} and {3,4,5}, and one strong bridge 2–3: single link would chain them.
const triangles: Array<readonly [number, number, number]> = [
  [0, 1, 0.9],
  [0, 2, 0.8],
  [1, 2, 0.85],
  [3, 4, 0.9],
  [3, 5, 0.8],
  [4, 5, 0.85],
  [2, 3, 0.7],
];

test('average link: one strong bridge does not join two cohesive groups', () => {
  const roots = averageLink({
    sizes: [1, 1, 1, 1, 1, 1],
    ranks: [0, 1, 2, 3, 4, 5],
    edges: triangles,
    threshold: 0.3,
  });
  // The bridge's mean over the 3 × 3 member pairs is 0.7 / 9 ≈ 0.078.
  assert.deepEqual(roots, [0, 0, 0, 3, 3, 3]);
  // Below that mean, they join; the representative is the lowest rank.
  assert.deepEqual(
    averageLink({ sizes: [1, 1, 1, 1, 1, 1], ranks: [0, 1, 2, 3, 4, 5], edges: triangles, threshold: 0.07 }),
    [0, 0, 0, 0, 0, 0],
  );
});

test('average link: the result does not depend on the order of the edges or of the groups', () => {
  const reversed = [...triangles].reverse();
  const base = averageLink({
    sizes: [1, 1, 1, 1, 1, 1],
    ranks: [0, 1, 2, 3, 4, 5],
    edges: triangles,
    threshold: 0.3,
  });
  assert.deepEqual(
    averageLink({ sizes: [1, 1, 1, 1, 1, 1], ranks: [0, 1, 2, 3, 4, 5], edges: reversed, threshold: 0.3 }),
    base,
  );
  // Renumber the groups (5 − i) but keep their ranks: the same partition, representatives by rank.
  const renumbered = triangles.map(([a, b, w]) => [5 - a, 5 - b, w] as const);
  const roots = averageLink({
    sizes: [1, 1, 1, 1, 1, 1],
    ranks: [5, 4, 3, 2, 1, 0],
    edges: renumbered,
    threshold: 0.3,
  });
  assert.deepEqual(roots, [2, 2, 2, 5, 5, 5]);
});

test('average link: group sizes weigh the mean (a pair of 2 × 2 members needs four times the sum)', () => {
  assert.deepEqual(
    averageLink({ sizes: [2, 2], ranks: [0, 1], edges: [[0, 1, 1.0]], threshold: 0.3 }),
    [0, 1],
  );
  assert.deepEqual(
    averageLink({ sizes: [2, 2], ranks: [0, 1], edges: [[0, 1, 1.3]], threshold: 0.3 }),
    [0, 0],
  );
});

const unit = (entries: Array<[number, number]>) => {
  const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
  return new Map(entries.map(([k, w]) => [k, w / norm]));
};

test('group average: the mean cosine over all member pairs, from summed vectors', () => {
  const groups = (): AverageGroup[] => [
    {
      size: 1,
      rank: 0,
      sum: unit([
        [1, 1],
        [2, 1],
      ]),
    },
    {
      size: 1,
      rank: 1,
      sum: unit([
        [1, 1],
        [2, 1],
        [3, 0.2],
      ]),
    },
    {
      size: 1,
      rank: 2,
      sum: unit([
        [3, 1],
        [4, 1],
      ]),
    },
  ];
  // 0–1 cosine ≈ 0.990; 1–2 ≈ 0.098; 0–2 = 0. Groups 0 and 2 share no edge, and no term.
  assert.deepEqual(
    groupAverage(
      groups(),
      [
        [0, 1],
        [1, 2],
      ],
      0.5,
      400,
    ),
    [0, 0, 2],
  );
  // At 0.04 the merged {0,1} meets 2 with mean (0 + 0.0978) / 2 ≈ 0.049: one group.
  assert.deepEqual(
    groupAverage(
      groups(),
      [
        [0, 1],
        [1, 2],
      ],
      0.04,
      400,
    ),
    [0, 0, 0],
  );
  assert.deepEqual(
    groupAverage(
      groups(),
      [
        [0, 1],
        [1, 2],
      ],
      0.05,
      400,
    ),
    [0, 0, 2],
  );
});

test('group average: groups dated too far apart never merge', () => {
  const groups: AverageGroup[] = [
    { size: 1, rank: 0, sum: unit([[1, 1]]), days: [0, 10] },
    { size: 1, rank: 1, sum: unit([[1, 1]]), days: [500, 520] },
  ];
  assert.deepEqual(groupAverage(groups, [[0, 1]], 0.1, 400), [0, 1]);
  const close: AverageGroup[] = [
    { size: 1, rank: 0, sum: unit([[1, 1]]), days: [0, 10] },
    { size: 1, rank: 1, sum: unit([[1, 1]]), days: [300, 320] },
  ];
  assert.deepEqual(groupAverage(close, [[0, 1]], 0.1, 400), [0, 0]);
});

test('group average: a merge may not dilute two cohesive groups (cohesion ratio)', () => {
  // Five articles on terms {1,2} (ranks 0–4) and five on {1,3} (ranks 5–9), each a starting group:
  // within each five the cosine is 1, across them 0.5 (they share term 1 only); one bridge edge.
  const a = unit([
    [1, 1],
    [2, 1],
  ]);
  const b = unit([
    [1, 1],
    [3, 1],
  ]);
  const groups = (): AverageGroup[] =>
    Array.from({ length: 10 }, (_, i) => ({ size: 1, rank: i, sum: new Map(i < 5 ? a : b) }));
  const edges: Array<[number, number]> = [[0, 5]];
  for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) edges.push([i, j], [i + 5, j + 5]);
  const off = { centroidMin: 0, cohesionRatio: 0, cohesionMinSize: 0 };
  const one = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const two = [0, 0, 0, 0, 0, 5, 5, 5, 5, 5];
  assert.deepEqual(groupAverage(groups(), edges, 0.1, 400, off), one);
  // 0.5 is below 0.6 × √(1 × 1): two stories; at 0.45 × 1 they may merge.
  assert.deepEqual(groupAverage(groups(), edges, 0.1, 400, { ...off, cohesionRatio: 0.6 }), two);
  assert.deepEqual(groupAverage(groups(), edges, 0.1, 400, { ...off, cohesionRatio: 0.45 }), one);
  // Groups smaller than the minimum size are not held to it.
  const small = { ...off, cohesionRatio: 0.6, cohesionMinSize: 6 };
  assert.deepEqual(groupAverage(groups(), edges, 0.1, 400, small), one);
  // Nor is a lone starting group, however tight (an event of five copies): it has no spread of its own.
  const events = (): AverageGroup[] => [
    { size: 5, rank: 0, sum: scaled(a, 5) },
    { size: 5, rank: 1, sum: scaled(b, 5) },
  ];
  assert.deepEqual(groupAverage(events(), [[0, 1]], 0.1, 400, { ...off, cohesionRatio: 0.6 }), [0, 0]);
});

function scaled(v: Map<number, number>, k: number): Map<number, number> {
  return new Map([...v].map(([t, w]) => [t, w * k]));
}

test('group average: past a soft size, a group grows only as tight as the size demands', () => {
  // Six articles whose pairwise cosines are all 0.5 (each shares term 0 with every other).
  const groups = (): AverageGroup[] =>
    Array.from({ length: 6 }, (_, i) => ({
      size: 1,
      rank: i,
      sum: unit([
        [0, 1],
        [i + 1, 1],
      ]),
    }));
  const edges: Array<[number, number]> = [];
  for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) edges.push([i, j]);
  const off = { centroidMin: 0, cohesionRatio: 0, cohesionMinSize: 0 };
  assert.deepEqual(groupAverage(groups(), edges, 0.3, 400, off), [0, 0, 0, 0, 0, 0]);
  // Soft size 4, power 2: five members need 0.3 × (5/4)² ≈ 0.47 ≤ 0.5; six need 0.675.
  assert.deepEqual(
    groupAverage(groups(), edges, 0.3, 400, { ...off, softSize: 4, sizePower: 2 }),
    [0, 0, 0, 0, 0, 5],
  );
});

test('DotAgainst: bit for bit the dot product of the map lookups, whichever vector is larger, across spreads and clears', () => {
  // A small deterministic generator: sparse vectors over 400 terms, some weights 0.
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const vector = (size: number) => {
    const v = new Map<number, number>();
    while (v.size < size) v.set(Math.floor(next() * 400), next() < 0.05 ? 0 : next() * next());
    return v;
  };
  const vectors = Array.from({ length: 40 }, (_, i) => vector(1 + ((i * 37) % 150)));
  const against = new DotAgainst(399);
  let spreadUsed = 0;
  for (const fixed of vectors) {
    for (const other of vectors) {
      if (fixed.size > other.size) spreadUsed += 1;
      assert.equal(Object.is(against.dot(fixed, other), dot(fixed, other)), true);
    }
    // The fixed vector changes (a merge): cleared first, then read again with its new terms.
    against.clear();
    fixed.set(7, 0.25);
    for (const other of vectors) assert.equal(Object.is(against.dot(fixed, other), dot(fixed, other)), true);
  }
  assert.ok(spreadUsed > 500, String(spreadUsed));
  // A second instance over the shared buffer sees no term left over by the first.
  against.clear();
  const empty = new Map<number, number>();
  const big = vector(120);
  const second = new DotAgainst(399);
  assert.equal(second.dot(big, new Map([[400 - 1, 1]])), dot(big, new Map([[399, 1]])));
  assert.equal(second.dot(big, empty), 0);
});
