import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisArticle } from '../../core/analysis.ts';
import type { EventRecord, TimelineEntry } from '../../core/event.ts';
import { sourceList } from './brief-builder.ts';
import { articleOrigins, latestDevelopment } from './executive-summary.ts';
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

describe('the latest development (by support)', () => {
  const span = (articleId: string) => ({ articleId, start: 0, end: 1 });
  const event = (
    id: string,
    modality: EventRecord['modality'],
    articles: string[],
    cameo?: string,
  ): EventRecord => ({
    id,
    type: cameo ? 'coerce' : 'deploy-forces',
    action: 'acted',
    modality,
    mentions: articles.map((a) => ({ ...span(a), text: 'x' })),
    ...(cameo ? { cameo } : {}),
  });
  const entry = (e: EventRecord, start: string): TimelineEntry => ({
    start,
    end: start,
    granularity: 'month',
    label: e.id,
    eventIds: [e.id],
    mentions: e.mentions.map((m) => span(m.articleId)),
  });
  const byId = new Map(
    [article('a', 'A'), article('b', 'B'), article('c', 'C', { duplicateOf: 'a' }), article('d', 'D')].map(
      (x) => [x.id, x],
    ),
  );
  const latest = (events: [EventRecord, string][]) =>
    latestDevelopment(
      { events: events.map(([e]) => e), timeline: events.map(([e, at]) => entry(e, at)) },
      () => true,
      byId,
    )?.label;

  it('a one-source verb-pattern event does not displace an ontology event; two origins do', () => {
    const deploy = event('deploy', 'occurred', ['a']);
    assert.equal(
      latest([
        [deploy, '2024-10'],
        [event('verb', 'occurred', ['b'], '173'), '2024-11'],
      ]),
      'deploy',
    );
    // A copy of the same report is not a second origin.
    assert.equal(
      latest([
        [deploy, '2024-10'],
        [event('verb', 'occurred', ['a', 'c'], '173'), '2024-11'],
      ]),
      'deploy',
    );
    assert.equal(
      latest([
        [deploy, '2024-10'],
        [event('verb', 'occurred', ['a', 'b'], '173'), '2024-11'],
      ]),
      'verb',
    );
  });

  it('only what happened: never expected, alleged or denied; reported counts', () => {
    const deploy = event('deploy', 'occurred', ['a']);
    for (const modality of ['expected', 'alleged', 'denied'] as const)
      assert.equal(
        latest([
          [deploy, '2024-10'],
          [event('later', modality, ['a', 'b', 'd']), '2024-11'],
        ]),
        'deploy',
      );
    assert.equal(
      latest([
        [deploy, '2024-10'],
        [event('later', 'reported', ['b']), '2024-11'],
      ]),
      'later',
    );
  });

  it('on one date, the entry more articles carry on more origins wins, then occurred over reported', () => {
    const one = event('one', 'occurred', ['a']);
    const two = event('two', 'reported', ['b', 'd']);
    assert.equal(
      latest([
        [one, '2024-10'],
        [two, '2024-10'],
      ]),
      'two',
    );
    assert.equal(
      latest([
        [event('r', 'reported', ['b']), '2024-10'],
        [event('o', 'occurred', ['d']), '2024-10'],
      ]),
      'o',
    );
    assert.equal(latest([]), undefined);
  });
});

describe('summary extracts', () => {
  it('leave out a sentence opening a quotation (a speaker’s words, not the report’s)', () => {
    const quote =
      "``The rebels took the northern town of Kara after two days of fighting,'' the army said Monday.";
    const plain = 'The army said rebels took the northern town of Kara on Monday after two days of fighting.';
    const articles = [
      article('q1', `Kara\n\n${quote}`),
      article('q2', `Kara\n\n${plain}`),
      article(
        'q3',
        'Kara\n\nRebels took the northern town of Kara after two days of fighting, the army said.',
      ),
    ];
    const texts = summarize(articles, { words: 250 }).map((s) => s.text);
    assert.ok(!texts.includes(quote), texts.join('\n'));
    assert.ok(texts.includes(plain) || texts.some((t) => t.startsWith('Rebels')), texts.join('\n'));
  });
});
