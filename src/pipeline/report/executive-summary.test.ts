import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisArticle } from '../../core/analysis.ts';
import { sourceList } from './brief-builder.ts';
import { articleOrigins } from './executive-summary.ts';
import { summarize } from './summarize.ts';

const article = (id: string, text: string, extra: Partial<AnalysisArticle> = {}): AnalysisArticle => ({
  id,
  input: {},
  title: text.split('\n\n')[0] ?? '',
  text,
  removed: [],
  ...extra,
});

describe('executive summary parts', () => {
  it('counts copies, rewrites and citations of one report as one independent origin', () => {
    const byId = new Map(
      [
        article('a', 'A'),
        article('b', 'B', { duplicateOf: 'a' }),
        article('c', 'C', { derivedFrom: [{ outlet: 'NBC News', evidence: 'cites' }] }),
        article('d', 'D', { derivedFrom: [{ outlet: 'NBC News', evidence: 'cites' }] }),
        article('e', 'E', { derivedFrom: [{ articleId: 'a', evidence: 'reuses' }] }),
        article('f', 'F'),
      ].map((a) => [a.id, a]),
    );
    assert.equal(articleOrigins(['a', 'b', 'e'], byId), 1);
    assert.equal(articleOrigins(['c', 'd'], byId), 1);
    assert.equal(articleOrigins(['a', 'b', 'c', 'd', 'e', 'f'], byId), 3);
  });

  it('names outlets by how many articles they have and groups articles with no outlet', () => {
    const labels: Record<string, string | undefined> = {
      1: 'Yonhap',
      2: 'NBC News',
      3: 'NBC News',
    };
    assert.equal(
      sourceList(['1', '2', '3', '4', '5'], (id) => labels[id]),
      '2 outlets (NBC News and Yonhap) and 2 articles with no named outlet',
    );
    assert.equal(
      sourceList(['1', '2', '3'], (id) => labels[id], 1),
      '2 outlets (NBC News and 1 more)',
    );
  });

  it('takes the sentences most articles share, once, within the budget, cut of their dateline', () => {
    const lead =
      'Rebels seized the northern town of Kara on Monday after two days of heavy fighting, officials said.';
    const articles = [
      article(
        'x1',
        `Kara falls\n\nKARA, May 4 (AP) -- ${lead}\n\nThe weather was mild and the market in the capital opened as usual on Monday morning.`,
      ),
      article(
        'x2',
        `Town taken\n\nRebels seized the northern town of Kara on Monday after two days of heavy fighting, witnesses said.\n\nAid groups said thousands of residents of Kara fled south after the fighting with the rebels.`,
      ),
      article(
        'x3',
        `Kara\n\nThousands of residents fled Kara after rebels seized the northern town on Monday, aid groups said.`,
      ),
    ];
    const chosen = summarize(articles, { words: 40 });
    // The lead (shared with x2, whose copy is left out) and the flight of residents (x3's sentence
    // repeats it); the weather line is about nothing the other articles say.
    assert.deepEqual(
      chosen.map((s) => s.text),
      [lead, 'Aid groups said thousands of residents of Kara fled south after the fighting with the rebels.'],
    );
    const [first] = chosen;
    assert.equal(articles[0]!.text.slice(first!.span.start, first!.span.end), lead);
    assert.deepEqual(first!.support, ['x1', 'x2']);
    assert.deepEqual(summarize(articles, { words: 5 }), []);
  });
});
