import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  A000,
  A001,
  A002,
  A003,
  buildSeedAnalysis,
} from '../../../../test/fixtures/analysis/seed-analysis.ts';
import type { Story } from '../../../core/story.ts';
import { extractNumbers } from '../../annotate/numbers/extract-numbers.ts';
import { compareSources } from './compare-sources.ts';
import { findNumericDivergences } from './numeric-divergences.ts';

const { analysis, numbers } = buildSeedAnalysis();
const input = { ...analysis, numbers };
const storyline = analysis.stories.find((s) => s.id === 'st-korea-russia') as Story;

test('claim × source matrix: which source carries which claim, and via whom', () => {
  const result = compareSources(storyline, input);
  assert.deepEqual(
    result.matrix.filter((r) => r.claimId === 'c-provocation'),
    [
      {
        claimId: 'c-provocation',
        outlet: 'unnamed source 4ed6d99c',
        articleIds: [A000],
        via: ['six senior US officials via NBC News'],
      },
      { claimId: 'c-provocation', outlet: 'Yonhap', articleIds: [A001], via: ['US officials via NBC News'] },
      { claimId: 'c-provocation', outlet: 'OBOZ.UA', articleIds: [A002], via: ['NBC News'] },
    ],
  );
  assert.deepEqual(
    result.matrix.filter((r) => r.claimId === 'c-putin-visit').map((r) => [r.outlet, r.via]),
    [
      ['Yonhap', []],
      ['OBOZ.UA', ['The US']],
    ],
  );
});

test('what each source adds that no other has', () => {
  const result = compareSources(storyline, input);
  assert.deepEqual(result.unique, [
    { outlet: 'unnamed source 4ed6d99c', claimIds: [], quoteIds: ['q-000-cha', 'q-000-senior'] },
    { outlet: 'Yonhap', claimIds: [], quoteIds: ['q-001-ready'] },
    { outlet: 'OBOZ.UA', claimIds: ['c-containers'], quoteIds: ['q-002-minister'] },
    {
      outlet: 'unnamed source 8f96c8e8',
      claimIds: ['c-million-rounds', 'c-shoigu-exercises', 'c-blinken-concern'],
      quoteIds: ['q-003-park'],
    },
    {
      outlet: 'unnamed source 57623772',
      claimIds: ['c-troops-moved', 'c-lawmakers-count', 'c-nato-evidence'],
      quoteIds: ['q-004-kirby', 'q-004-austin', 'q-004-nato'],
    },
  ]);
});

test('numbers: one article\'s "at least 3,000 soldiers" and "3,000 troops" are not set against each other', () => {
  const result = compareSources(storyline, input);
  // Both figures are in the same CNN-sourced article: an outlet is never compared with itself.
  assert.deepEqual(result.numbers, []);
});

test('factual divergence: the September 2023 summit at Vostochny vs in Vladivostok', () => {
  const result = compareSources(storyline, input);
  const text = (id: string) => analysis.articles.find((a) => a.id === id)?.text ?? '';
  assert.equal(result.divergences.length, 1);
  const d = result.divergences[0];
  assert.equal(d?.about, 'place of: Vladimir Putin met Kim Jong Un (2023-09)');
  assert.deepEqual(
    d?.values.map((v) => [v.value, v.mentions.map((m) => text(m.articleId).slice(m.start, m.end))]),
    [
      ['Vostochny cosmodrome', ['Vostochny cosmodrome']],
      ['Vladivostok', ['Vladivostok']],
    ],
  );
  const warning = compareSources(analysis.stories.find((s) => s.id === 'st-warning') as Story, input);
  assert.deepEqual(warning.divergences, []);
  assert.equal(
    warning.unique.some((u) => u.outlet === 'unnamed source 8f96c8e8'),
    false,
  );
  assert.equal(compareSources({ ...storyline, articleIds: [A003] }, input).unique.length, 0);
});

test('numeric divergences: rounded, updated, disagree; different quantities stay apart', () => {
  const articles = [
    {
      id: 'a',
      outlet: 'One',
      publishedAt: '2024-10-20',
      text: 'Officials said 6,700 containers of shells were shipped from North Korea to Russia.',
    },
    {
      id: 'b',
      outlet: 'Two',
      publishedAt: '2024-10-22',
      text: 'About 7,000 containers of shells were shipped from North Korea to Russia, officials said.',
    },
    {
      id: 'c',
      outlet: 'Three',
      publishedAt: '2024-10-21',
      text: 'Lawmakers said 3,000 troops left North Korea for Russia.',
    },
    {
      id: 'd',
      outlet: 'Four',
      publishedAt: '2024-10-25',
      text: 'Lawmakers now say 11,000 troops left North Korea for Russia.',
    },
    { id: 'e', outlet: 'Five', text: 'Lawmakers said 5,000 troops left North Korea for Russia.' },
    {
      id: 'f',
      outlet: 'Six',
      text: 'The base is 200 kilometers from the border; the front is 4,000 kilometers away.',
    },
  ];
  const mentions = articles.flatMap((a) => extractNumbers(a.id, a.text));
  const found = findNumericDivergences(mentions, articles);
  assert.deepEqual(
    found.map((d) => [d.quantity, d.kind, d.values.map((v) => `${v.articleId}:${v.text}`)]),
    [
      ['containers', 'rounded', ['a:6,700 containers of shells', 'b:About 7,000 containers of shells']],
      ['troops', 'disagree', ['c:3,000 troops', 'd:11,000 troops', 'e:5,000 troops']],
    ],
  );
  const dated = findNumericDivergences(
    mentions.filter((m) => m.articleId === 'c' || m.articleId === 'd'),
    articles,
  );
  assert.deepEqual(
    dated.map((d) => d.kind),
    ['updated'],
  );
  assert.match(
    dated[0]?.note ?? '',
    /a later report gives a different figure: "3,000 troops" \(Three, 2024-10-21\) vs "11,000 troops" \(Four, 2024-10-25\)/,
  );
});

test('numeric divergences: never one source against itself, never across events, no chained groups', () => {
  const articles = [
    {
      id: 'a',
      outlet: 'One',
      text: 'Lawmakers said 3,000 troops left North Korea for Russia. Later 5,000 troops left North Korea for Russia.',
    },
    { id: 'b', outlet: 'Two', text: 'Lawmakers said 4,000 troops left North Korea for Russia.' },
    { id: 'c', outlet: 'Three', text: 'Lawmakers said 9,000 troops left North Korea for Russia.' },
  ];
  const mentions = articles.flatMap((x) => extractNumbers(x.id, x.text));
  // Only One's own two figures: nothing to report.
  assert.deepEqual(
    findNumericDivergences(
      mentions.filter((m) => m.articleId === 'a'),
      articles,
    ),
    [],
  );
  const all = findNumericDivergences(mentions, articles);
  assert.deepEqual(
    all.map((d) => d.values.map((v) => `${v.articleId}:${v.value}`)),
    [['a:3000', 'a:5000', 'b:4000', 'c:9000']],
  );
  // The same figures reported of two different events are different quantities.
  const eventOf = new Map([
    ['a', 'e1'],
    ['b', 'e1'],
    ['c', 'e2'],
  ]);
  const byEvent = findNumericDivergences(mentions, articles, { eventOf });
  assert.deepEqual(
    byEvent.map((d) => d.values.map((v) => v.articleId).sort()),
    [['a', 'a', 'b']],
  );
  // Five or more values chained through shared words are several quantities, not one disagreement.
  const many = ['d', 'e', 'f', 'g', 'h'].map((id, i) => ({
    id,
    outlet: id.toUpperCase(),
    text: `Lawmakers said ${(i + 2) * 1000} troops left North Korea for Russia.`,
  }));
  const chained = [...articles, ...many];
  assert.deepEqual(
    findNumericDivergences(
      chained.flatMap((x) => extractNumbers(x.id, x.text)),
      chained,
    ),
    [],
  );
});
