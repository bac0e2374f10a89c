import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ClusterInput } from '../../core/story.ts';
import { extractPlainText } from '../extract/text/extract-text.ts';
import { clusterCorpus } from './cluster-corpus.ts';

const dir = new URL('../../../examples/korea-russia/', import.meta.url);
const seeds: ClusterInput[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const extraction = extractPlainText(readFileSync(new URL(file, dir), 'utf8'), {});
    const input: ClusterInput = {
      id: file.slice(0, 3),
      text: extraction.text,
      bodyStart: extraction.bodyStart,
    };
    if (extraction.metadata.publishedAt) input.publishedAt = extraction.metadata.publishedAt;
    if (extraction.metadata.outlet) input.outlet = extraction.metadata.outlet;
    // 003 states no date; the dating stage infers November 2023 from its text (the e2e test checks it).
    if (file.startsWith('003')) input.publishedAt = '2023-11';
    return input;
  });
const text = new Map(seeds.map((s) => [s.id, s.text]));
const result = clusterCorpus(seeds);

test('seeds: 000/001/002 are one event, 003 and 004 their own, all five one storyline', () => {
  assert.deepEqual(result.events.map((e) => e.articleIds).sort(), [['000', '001', '002'], ['003'], ['004']]);
  assert.deepEqual(
    result.storylines.map((s) => s.articleIds),
    [['000', '001', '002', '003', '004']],
  );
  const line = result.storylines[0]!;
  assert.deepEqual([...line.eventIds!].sort(), result.events.map((e) => e.id).sort());
  for (const e of result.events) assert.equal(e.storylineId, line.id);
  for (const story of [...result.events, ...result.storylines]) {
    const span = story.titleSpan!;
    assert.equal(
      text
        .get(span.articleId)!
        .slice(span.start, span.end)
        .replace(/\s+/g, ' ')
        .trim()
        .startsWith(story.title),
      true,
    );
  }
  const nbc = result.events.find((e) => e.articleIds.includes('000'))!;
  assert.deepEqual(nbc.period, { start: '2024-05-25T10:19', end: '2024-05-25T10:19' });
  assert.deepEqual(result.events.find((e) => e.articleIds.includes('003'))!.period, {
    start: '2023-11',
    end: '2023-11',
  });
});

test('seeds: 000, 001 and 002 each cite NBC News, with the span of the citation', () => {
  const cites = result.derivations.filter((d) => d.kind === 'citation' && d.outlet === 'NBC News');
  const byArticle = new Map(cites.map((d) => [d.articleId, d.citation!]));
  assert.deepEqual(
    ['000', '001', '002'].map((id) => byArticle.get(id)?.text),
    ['told NBC News', 'NBC News reported', 'reported by NBC News'],
  );
  for (const [id, span] of byArticle) assert.equal(text.get(id)!.slice(span.start, span.end), span.text);
});

test('seeds: no duplicates; 001 and 002 reuse passages of 000 (paraphrase, one shared quote)', () => {
  assert.deepEqual(result.duplicates, []);
  const reuse = result.derivations.filter((d) => d.kind === 'text-reuse');
  assert.deepEqual(
    reuse.map((d) => [d.articleId, d.sourceArticleId, d.alignments!.length]),
    [
      ['001', '000', 3],
      ['002', '000', 2],
    ],
  );
  const quote = reuse[0]!.alignments![0]!;
  const slice = (s: { articleId: string; start: number; end: number }) =>
    text.get(s.articleId)!.slice(s.start, s.end);
  assert.match(
    slice(quote.derived),
    /^"We have no doubt that North Korea will be provocative this year\. It's just a matter/,
  );
  assert.match(
    slice(quote.source),
    /^“We have no doubt that North Korea will be provocative this year\. It’s just a matter/,
  );
  assert.ok(quote.score > 0.85);
});
