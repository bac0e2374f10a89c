/** Shared pieces of the block rules: the rule type and position/neighbour/fact helpers. */
import type { Block } from './split-blocks.ts';
import { type Fact, quote, type Verdict } from './verdict.ts';

/** A rule that needs only the block, its position and its neighbours' text. */
export type LocalRule = (b: Block, blocks: Block[]) => Verdict | undefined;

export const QUOTED_START = /^["“‘'«]/;

export function near(blocks: Block[], i: number, dist: number, test: (b: Block) => boolean): boolean {
  for (let j = Math.max(0, i - dist); j <= Math.min(blocks.length - 1, i + dist); j++) {
    if (j !== i && test(blocks[j]!)) return true;
  }
  return false;
}

/** In the page chrome: before the first or after the last prose paragraph (25+ words). */
export function atEdge(b: Block, blocks: Block[]): boolean {
  let prose = PROSE.get(blocks);
  if (!prose) {
    prose = blocks.filter((x) => x.words >= 25).map((x) => x.index);
    PROSE.set(blocks, prose);
  }
  const first = prose.find((i) => i !== b.index);
  const last = prose.findLast((i) => i !== b.index);
  return first === undefined || last === undefined || b.index < first || b.index > last;
}

const PROSE = new WeakMap<Block[], number[]>();

/** A fact read from a block; `at` is the value's offset in the block when known. */
export function fact(
  b: Block,
  field: Fact['field'],
  value: string,
  detail: string,
  rank: number,
  at = -1,
): Fact {
  const i = at >= 0 ? at : b.text.indexOf(value);
  const raw =
    i >= 0 ? { start: b.start + i, end: b.start + i + value.length } : { start: b.start, end: b.end };
  return { field, value, detail: `${detail}: line ${quote(b.text, 80)}`, raw, rank };
}
