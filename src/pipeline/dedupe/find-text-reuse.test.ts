import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignPassages, sentenceFeatures, sentenceScore } from './align-passages.ts';
import { findTextReuse, SentenceFeatureCache } from './find-text-reuse.ts';

const source = {
  id: 'wire',
  publishedAt: '2024-03-12',
  text:
    'Ship hit off Yemen\n\nA Liberian-flagged container ship was struck by a missile in the Gulf of Aden on Tuesday, setting a fire in one of its holds. ' +
    'The crew extinguished the fire after several hours and no one was injured, the Greek operator said in a statement.\n\n' +
    'Insurers said war-risk premiums for the route had risen again.',
  bodyStart: 20,
};
const derived = {
  id: 'copy',
  publishedAt: '2024-03-13',
  text:
    'Missile strikes container ship\n\nThe weather in Lisbon was mild on Wednesday. ' +
    'A Liberian-flagged container ship was struck by a missile in the Gulf of Aden on Tuesday, setting a fire in one of its holds, Reuters reported. ' +
    'The crew put out the fire after several hours and nobody was injured, the Greek operator said.',
  bodyStart: 32,
};

test('aligned passages slice back to the reused text in both articles', () => {
  const alignments = alignPassages(derived, source);
  assert.equal(alignments.length, 1);
  const a = alignments[0]!;
  assert.equal(
    derived.text.slice(a.derived.start, a.derived.end),
    'A Liberian-flagged container ship was struck by a missile in the Gulf of Aden on Tuesday, setting a fire in one of its holds, Reuters reported. The crew put out the fire after several hours and nobody was injured, the Greek operator said.',
  );
  assert.equal(
    source.text.slice(a.source.start, a.source.end),
    'A Liberian-flagged container ship was struck by a missile in the Gulf of Aden on Tuesday, setting a fire in one of its holds. The crew extinguished the fire after several hours and no one was injured, the Greek operator said in a statement.',
  );
  assert.ok(a.score > 0.7 && a.score <= 1);
});

test('the later article derives from the earlier, whichever order the pair comes in', () => {
  for (const pair of [[derived, source] as const, [source, derived] as const]) {
    const links = findTextReuse([pair]);
    assert.equal(links.length, 1);
    assert.equal(links[0]!.articleId, 'copy');
    assert.equal(links[0]!.sourceArticleId, 'wire');
    assert.equal(links[0]!.kind, 'text-reuse');
    assert.equal(links[0]!.alignments![0]!.derived.articleId, 'copy');
  }
});

test('articles on the same subject without shared passages are not derived', () => {
  const other = {
    id: 'other',
    text: 'Red Sea detours\n\nCarriers will keep sending ships around the Cape of Good Hope until the autumn, adding ten days to each voyage between Asia and Europe.',
    bodyStart: 17,
  };
  assert.deepEqual(findTextReuse([[other, source]]), []);
});

test('sentence scores are the Dice coefficients of content words and word bigrams, halved and added', () => {
  // Content words ("put", "out" are stopwords): {crew, extinguished, fire, hours} vs {crew, fire, hours}.
  // Bigrams: 6 vs 7, 4 shared ("the crew", "the fire", "fire after", "after hours").
  const [a] = sentenceFeatures('The crew extinguished the fire after hours.');
  const [b] = sentenceFeatures('The crew put out the fire after hours.');
  assert.deepEqual(
    [a!.content.length, b!.content.length, a!.bigrams.length, b!.bigrams.length],
    [4, 3, 6, 7],
  );
  const { score, sharedContent } = sentenceScore(a!, b!);
  assert.equal(sharedContent, 3);
  assert.equal(score, 0.5 * ((2 * 3) / 7) + 0.5 * ((2 * 4) / 13));
});

test('a feature cache kept across calls gives the same links, and never serves a changed text', () => {
  const cache = new SentenceFeatureCache(2);
  const fresh = findTextReuse([[derived, source]]);
  assert.deepEqual(findTextReuse([[derived, source]], undefined, cache), fresh);
  assert.equal(cache.size, 2);
  assert.deepEqual(findTextReuse([[source, derived]], undefined, cache), fresh);
  // Same id, other text: recomputed, so the unrelated text is not taken for the copy.
  const replaced = {
    ...derived,
    text: 'Missile strikes container ship\n\nThe weather in Lisbon was mild on Wednesday and Thursday.',
  };
  assert.deepEqual(findTextReuse([[replaced, source]], undefined, cache), []);
  // Capacity 2: a third article drops the least recently used one.
  findTextReuse(
    [[source, { id: 'third', text: 'Nothing to see here at all today, said nobody.', bodyStart: 0 }]],
    undefined,
    cache,
  );
  assert.equal(cache.size, 2);
});

test('each pair is verified once whatever its order, and an article in many pairs reads the same in each', () => {
  const again = { ...derived, id: 'copy2', publishedAt: '2024-03-14' };
  const pairs = [
    [derived, source],
    [source, derived],
    [again, source],
    [derived, again],
    [source, again],
  ] as const;
  const links = findTextReuse(pairs);
  assert.deepEqual(
    links.map((l) => [l.articleId, l.sourceArticleId, l.alignments!.length]),
    [
      ['copy', 'wire', 1],
      ['copy2', 'copy', 1],
      ['copy2', 'wire', 1],
    ],
  );
  // Features let go after an article's last pair give what features kept for the whole call give.
  assert.deepEqual(
    findTextReuse(pairs, undefined, new SentenceFeatureCache(Number.POSITIVE_INFINITY)),
    links,
  );
});

test('sentences sharing one content word are all found through the postings', () => {
  // Twelve source sentences each holding "harbour"; the copy repeats the ninth one alone.
  const lines = Array.from(
    { length: 12 },
    (_, i) => `The harbour pilot number ${i} guided vessel ${i} past the breakwater at dawn.`,
  );
  const wide = { id: 'log', text: lines.join(' '), bodyStart: 0 };
  const one = { id: 'note', text: `Unrelated opening words here today. ${lines[8]}`, bodyStart: 0 };
  const [a] = alignPassages(one, wide);
  assert.equal(wide.text.slice(a!.source.start, a!.source.end), lines[8]);
});
