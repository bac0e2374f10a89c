import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeSentence,
  LabelSet,
  type Scorer,
  type TaggerSpec,
  type WordPart,
  WordScores,
  type WordSlot,
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

  it("keeps a word's scores on the object standing for it, once per cache", () => {
    const slots = new Map<string, WordSlot>();
    const slotOf = (w: string): WordSlot => {
      if (!slots.has(w)) slots.set(w, { scoresOf: undefined, scores: undefined });
      return slots.get(w)!;
    };
    let scored = 0;
    const counting: Scorer = (features, scores) => {
      scored += 1;
      score(features, scores);
    };
    const words: WordPart<string[], undefined> = {
      key: (s, i) => slotOf(s[i]!),
      wordFeatures: (s, i, out) => out.push(labels.index(s[i]!)),
      contextFeatures: () => {},
      cache: new WordScores(),
    };
    const s = ['U-X', 'O', 'U-X', 'O'];
    const first = words.cache.get(words, s, 0, counting, labels.size);
    assert.deepEqual([...first], [0, 0, 0, 0, 10]);
    assert.equal(
      words.cache.get(words, s, 2, counting, labels.size),
      first,
      'the same word is not scored again',
    );
    assert.equal(slotOf('U-X').scores, first);
    assert.equal(slotOf('U-X').scoresOf, words.cache);
    const other = new WordScores();
    assert.deepEqual([...other.get(words, s, 0, counting, labels.size)], [0, 0, 0, 0, 10]);
    assert.equal(scored, 2, 'another cache scores the word again');
  });
});
