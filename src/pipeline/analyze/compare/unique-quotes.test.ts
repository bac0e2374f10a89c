import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Quote } from '../../../core/quote.ts';
import type { Story } from '../../../core/story.ts';
import { compareMemo, compareSources, compareStory } from './compare-sources.ts';
import { type QuoteWords, quotesCarriedElsewhere } from './unique-quotes.ts';

const quote = (id: string, articleId: string, text: string): Quote => ({
  id,
  articleId,
  speaker: { text: 'a spokesperson' },
  cue: 'said',
  direct: true,
  content: { articleId, start: 0, end: text.length, text },
});

const quotes = [
  quote('q1', 'a1', 'The bridge will reopen to traffic on Monday morning'),
  quote('q2', 'a2', 'the bridge will reopen to traffic on Monday'),
  quote('q3', 'a3', 'Repairs to the harbour wall are finished'),
  quote('q4', 'a3', 'Repairs to the harbour wall are finished'),
  quote('q5', 'a4', 'We expect more rain this week'),
  quote('q6', 'a1', 'Nobody was hurt'),
];
const sourceOf = (q: Quote) =>
  ({ a1: 'North Post', a2: 'Daily Ledger', a3: 'Coast FM', a4: 'Daily Ledger' })[q.articleId];
const ids = (set: Set<Quote>) => [...set].map((q) => q.id).sort();

test('a quote is carried when another source has one of Jaccard ≥ 0.5 with it; word sets found once', () => {
  const known: QuoteWords = new Map();
  assert.deepEqual(ids(quotesCarriedElsewhere(quotes, sourceOf, 0.5, known)), ['q1', 'q2']);
  assert.deepEqual(
    [...known.values()].map((w) => w.signature),
    [
      'bridge monday morning on reopen the to traffic will',
      'bridge monday on reopen the to traffic will',
      'are finished harbour repairs the to wall',
      'are finished harbour repairs the to wall',
      'expect more rain this we week',
      'hurt nobody was',
    ],
  );
  // Read again from `known` (same sets), and found again when a quote's text is not the one known
  // (the stale set would have carried q1 and q2).
  const set = known.get(quotes[0]!)!.set;
  assert.deepEqual(ids(quotesCarriedElsewhere(quotes, sourceOf, 0.5, known)), ['q1', 'q2']);
  assert.equal(known.get(quotes[0]!)!.set, set);
  const edited = { ...quotes[1]!, content: { ...quotes[1]!.content, text: 'Nobody was hurt at all' } };
  known.set(edited, known.get(quotes[1]!)!);
  assert.deepEqual(ids(quotesCarriedElsewhere([quotes[0]!, edited, quotes[5]!], sourceOf, 0.5, known)), [
    'q2',
    'q6',
  ]);
  assert.equal(known.get(edited)!.signature, 'all at hurt nobody was');
});

test("an event's comparison narrowed by its storyline's carried quotes equals the full one", () => {
  const articles = ['a1', 'a2', 'a3', 'a4'].map((id) => ({ id, outlet: sourceOf(quote('', id, '')) }));
  const input = { articles, claims: [], quotes, numbers: [], events: [], memo: compareMemo() };
  const line: Story = {
    id: 'line',
    kind: 'storyline',
    title: 'line',
    period: {},
    articleIds: ['a1', 'a2', 'a3', 'a4'],
  };
  const event: Story = {
    id: 'event',
    kind: 'event',
    title: 'event',
    period: {},
    articleIds: ['a1', 'a2', 'a3'],
  };
  const outer = compareStory(line, input);
  assert.deepEqual(outer.carried && ids(new Set(outer.carried.carried)), ['q1', 'q2']);
  const inner = compareStory(event, input, outer.carried);
  assert.deepEqual(inner.comparison, compareSources(event, { ...input, memo: compareMemo() }));
  assert.deepEqual(inner.comparison.unique, [
    { outlet: 'North Post', claimIds: [], quoteIds: ['q6'] },
    { outlet: 'Coast FM', claimIds: [], quoteIds: ['q3', 'q4'] },
  ]);
  // A story that is not within the one given is compared in full.
  const other: Story = {
    id: 'other',
    kind: 'event',
    title: 'other',
    period: {},
    articleIds: ['a1', 'a2', 'a5'],
  };
  const narrowed = { articleIds: new Set(['a1']), carried: new Set<Quote>() };
  assert.deepEqual(compareStory(other, input, narrowed).comparison.unique, [
    { outlet: 'North Post', claimIds: [], quoteIds: ['q6'] },
  ]);
});
