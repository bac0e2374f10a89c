import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeSentence,
  LabelSet,
  type Scorer,
  type TaggerSpec,
  type WordPart,
  WordScores,
} from './sequence.ts';

const labels = new LabelSet(['X']);

/** Token i's one feature is its word; the scorer favours the label each word names. */
const spec: TaggerSpec<string[], undefined> = {
  labels,
  featureVersion: 1,
  trainCommand: 'none',
  prepare: (words) => words,
  context: () => undefined,
  length: (s) => s.length,
  tokenFeatures: (s, i, _ctx, out) => out.push(labels.index(s[i]!)),
  labelFeatures: () => {},
};
const score: Scorer = (features, scores) => {
  for (const f of features) if (f >= 0) scores[f]! += 10;
};

/** A word part whose every token but those named `U-X` may be settled. */
const part = (): WordPart<string[], undefined> => ({
  key: (s, i) => s[i]!,
  wordFeatures: () => {},
  contextFeatures: (s, i, ctx, out) => spec.tokenFeatures(s, i, ctx, out),
  cache: new WordScores(),
  settled: (s, i) => s[i] !== 'U-X' && s[i] !== 'B-X',
});

const named = (s: string[], words?: WordPart<string[], undefined>): string[] =>
  decodeSentence(spec, s, undefined, score, undefined, words).map((l) => labels.labels[l]!);

describe('greedy decoding with settled tokens', () => {
  it('settles a token after an O, a closed span (L-, U-) or at the start, and scores it after B- or I-', () => {
    const s = ['I-X', 'U-X', 'I-X', 'B-X', 'I-X', 'L-X', 'I-X', 'O'];
    assert.deepEqual(named(s), s, 'every token scored');
    assert.deepEqual(named(s, part()), ['O', 'U-X', 'O', 'B-X', 'I-X', 'L-X', 'O', 'O']);
  });
});
