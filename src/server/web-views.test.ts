import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureAnalysis } from '../../test/fixtures/analysis-fixture.ts';
import { renderCoverageChart, renderTimelineChart } from '../../web/charts.js';
import { entityGraphElements, sourceGraphElements } from '../../web/graph.js';
import { highlight, renderEntityGraph, scrollBox } from '../../web/render.js';
import {
  articleHref,
  renderBrief,
  renderClaimsPage,
  renderEntityPage,
  renderPager,
  renderStorySections,
  routeHref,
} from '../../web/views.js';
import { storyDetail } from './analysis-views.ts';
import { entityDetail } from './entity-view.ts';

describe('web views', () => {
  it('routes and pagers', () => {
    assert.equal(articleHref('a/1', { start: 3, end: 9 }), '#/article/a%2F1?at=3-9');
    assert.equal(
      routeHref('claims', { story: 's1', modality: '', offset: 0, minOrigins: 2 }),
      '#/claims?story=s1&minOrigins=2',
    );
    assert.equal(
      renderPager({ limit: 100, offset: 100, total: 250, items: 100 }, (o) => `#/x?offset=${o}`, 'x pages'),
      '<nav class="pager" aria-label="x pages"><span class="range">101–200 of 250</span> <a href="#/x?offset=0">← previous</a> <a href="#/x?offset=200">next →</a></nav>',
    );
    assert.equal(
      renderPager({ limit: 100, offset: 0, total: 0, items: 0 }, () => '#', 'x pages'),
      '<nav class="pager" aria-label="x pages"><span class="range">none of 0</span>  </nav>',
    );
  });

  it('renderBrief: every sentence escaped, each citation a link to its span', () => {
    const html = renderBrief({
      title: 'Putin <visits>',
      storyId: 's1',
      sections: [
        {
          title: 'Summary',
          sentences: [{ text: 'A & B met.', citations: [{ n: 1, articleId: 'a1', start: 5, end: 20 }] }],
        },
      ],
    });
    assert.equal(
      html,
      '<article class="brief"><h2>Putin &lt;visits&gt;</h2><p><a href="#/story/s1">← the story page</a></p>' +
        '<section><h3>Summary</h3><ul class="brief-sentences"><li>A &amp; B met. ' +
        '<a class="cite" href="#/article/a1?at=5-20" aria-label="source 1">[1]</a></li></ul></section></article>',
    );
  });

  it('renderClaimsPage: the filter keeps its values, the table scrolls in its own box', () => {
    const analysis = fixtureAnalysis();
    const html = renderClaimsPage(
      { claims: analysis.claims, limit: 100, offset: 0, total: analysis.claims.length },
      { modality: 'reported', minOrigins: '2', story: 's1', outlet: 'Daily <B>', sort: 'origins' },
    );
    assert.match(html, /<option value="reported" selected>reported<\/option>/);
    assert.match(html, /<input name="minOrigins" type="number" min="0" inputmode="numeric" value="2">/);
    assert.match(html, /<input name="outlet" type="search" value="Daily &lt;B&gt;">/);
    assert.match(html, /<option value="origins" selected>independent origins<\/option>/);
    assert.match(html, /<input type="hidden" name="story" value="s1">/);
    assert.match(
      html,
      /<div class="scroll" tabindex="0" role="region" aria-label="claims table"><table class="claims">/,
    );
    assert.equal((html.match(/<tr><td class="claim/g) ?? []).length, analysis.claims.length);
    // A page fetched with mentionLimit counts every mention, not the ones it carries.
    const cut = analysis.claims.map((c) => ({ ...c, mentions: c.mentions.slice(0, 1), mentionCount: 7 }));
    const counted = renderClaimsPage({ claims: cut, limit: 100, offset: 0, total: cut.length }, {});
    assert.equal((counted.match(/<td>7<\/td><\/tr>/g) ?? []).length, cut.length);
  });

  it('entityDetail: the first mention in each article in context, linkable to its span', () => {
    const detail = entityDetail(fixtureAnalysis(), 'e-putin');
    assert.deepEqual(detail.contexts, [
      {
        articleId: 'a1',
        start: 31,
        end: 45,
        before: 'Putin <b>visits</b> Pyongyang ',
        text: 'Vladimir Putin',
        after: ' met Kim Jong Un in Pyongyang on June 19, 2024. "We will help each',
      },
      {
        articleId: 'b2',
        start: 36,
        end: 50,
        before: 'Kim hosts Putin Kim Jong Un hosted ',
        text: 'Vladimir Putin',
        after: ' on June 19, 2024, according to Wire A & Co.',
      },
    ]);
    const html = renderEntityPage({ ...detail, entity: { ...detail.entity, roles: ['president'] } });
    assert.match(html, /<p class="meta">roles: president<\/p>/);
    assert.match(
      html,
      /<li>…Kim hosts Putin Kim Jong Un hosted <a href="#\/article\/b2\?at=36-50"><mark>Vladimir Putin<\/mark><\/a> on June 19, 2024, according to Wire A &amp; Co\.…<\/li>/,
    );
  });

  it('renderEntityPage: stories, co-occurring entities and quotes link onwards', () => {
    const html = renderEntityPage(entityDetail(fixtureAnalysis(), 'e-putin'));
    assert.match(html, /<h2>Vladimir Putin <small>person<\/small><\/h2>/);
    assert.match(html, /<a href="#\/story\/s1">Putin meets Kim in Pyongyang<\/a>/);
    assert.match(
      html,
      /<a href="#\/entity\/e-kim">Kim Jong Un<\/a> <small>person · 2 shared articles<\/small>/,
    );
  });

  it('highlight: focusable marks with their label, and the aimed span marked #at', () => {
    const html = highlight(
      'Putin met Kim.',
      [{ kind: 'entity', start: 0, end: 5, label: 'Vladimir Putin', ref: 'e1' }],
      {
        start: 10,
        end: 13,
      },
    );
    assert.equal(
      html,
      '<mark class="hl-entity" tabindex="0" title="entity: Vladimir Putin" data-label="entity: Vladimir Putin">Putin</mark>' +
        ' met <mark class="hl-target" id="at">Kim</mark>.',
    );
    assert.equal(
      scrollBox('t', '<table></table>'),
      '<div class="scroll" tabindex="0" role="region" aria-label="t"><table></table></div>',
    );
  });

  it('coverage and timeline charts: stacked bars per day and outlet, spans on a time axis, labelled', () => {
    const html = renderCoverageChart([
      { publishedAt: '2024-06-19T08:00', outlet: 'Wire A' },
      { publishedAt: '2024-06-19', outlet: 'Daily B' },
      { publishedAt: '2024-06-21', outlet: 'Wire A' },
      { outlet: 'Wire A' },
    ]);
    assert.match(html, /aria-label="Coverage: 3 dated articles from 2 outlets, 2024-06-19 to 2024-06-21"/);
    assert.deepEqual(
      [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]),
      ['2024-06-19: Wire A, 1', '2024-06-19: Daily B, 1', '2024-06-21: Wire A, 1'],
    );
    assert.match(
      html,
      /<li><span class="swatch s0"><\/span>Wire A<\/li><li><span class="swatch s1"><\/span>Daily B<\/li>/,
    );
    assert.match(html, /1 undated article\(s\) not drawn/);
    assert.doesNotMatch(html, /style=/);
    assert.equal(renderCoverageChart([{ outlet: 'x' }]), '<p class="empty">No dated articles.</p>');
    const entries = [
      {
        start: '2024-06-19',
        end: '2024-06-19',
        granularity: 'day' as const,
        label: 'Putin visits',
        eventIds: [],
        mentions: [],
      },
      {
        start: '2024-06',
        end: '2024-06',
        granularity: 'month' as const,
        label: 'a month',
        eventIds: [],
        mentions: [],
      },
      {
        start: 'PAST_REF',
        end: 'PAST_REF',
        granularity: 'day' as const,
        label: 'undated',
        eventIds: [],
        mentions: [],
      },
    ];
    const timeline = renderTimelineChart(entries);
    assert.match(timeline, /aria-label="Timeline: 2 dated entries from 2024-06-01 to 2024-06-19"/);
    assert.equal(renderTimelineChart(entries.slice(0, 1)), '');
  });

  it('renderStorySections: differing figures side by side with their sources, what each adds, forecasts', () => {
    const detail = storyDetail(fixtureAnalysis(), 's1');
    assert.equal(
      renderStorySections(detail),
      '<section><h3>Where sources differ</h3><p class="empty">The sources agree on every figure and fact compared.</p></section>' +
        '<section><h3>What each source adds</h3><ul><li><strong>Wire A &amp; Co</strong>: 1 claim and 1 quote no other source has<ul><li>We will help each other</li></ul></li></ul></section>' +
        '<section><h3>Forecasts</h3><p class="empty">No expectations or warnings stated.</p></section>',
    );
    const [a, b] = detail.articles;
    const html = renderStorySections({
      ...detail,
      comparison: {
        storyId: 's1',
        matrix: [],
        unique: [],
        numbers: [
          {
            quantity: 'troops',
            kind: 'disagree',
            note: 'two figures',
            values: [
              { articleId: a!.id, start: 0, end: 5, text: '10,000 troops', value: 10000, unit: 'troops' },
              { articleId: b!.id, start: 3, end: 9, text: '12,000 troops', value: 12000, unit: 'troops' },
            ],
          },
        ],
        divergences: [],
      },
      forecasts: [
        {
          id: 'f1',
          text: 'Kim will visit Moscow',
          mention: { articleId: a!.id, start: 1, end: 4 },
          by: ['Putin'],
          laterEvents: [],
        },
      ],
    });
    assert.match(
      html,
      /<th scope="row">troops<small> \(disagree\)<\/small><\/th><td><ul><li>10,000 troops — <a href="#\/article\/a1\?at=0-5">/,
    );
    assert.match(
      html,
      /<li>Kim will visit Moscow <span class="meta">Putin · <a href="#\/article\/a1\?at=1-4">/,
    );
  });

  it('renderEntityGraph: each entity keeps its strongest links, not every pair; nodes link to entity pages', () => {
    const entities = Array.from({ length: 10 }, (_, i) => ({
      id: `e${i}`,
      name: `Entity number ${i} with a long name`,
      type: 'person' as const,
      mentions: 10 - i,
      articleIds: ['a'],
    }));
    const pairs = entities.flatMap((a, i) =>
      entities.slice(i + 1).map((b, j) => ({ a: a.id, b: b.id, articles: 1 + ((i + j) % 3) })),
    );
    const html = renderEntityGraph(entities, pairs);
    const lines = (html.match(/<line /g) ?? []).length;
    assert.equal(pairs.length, 45);
    assert.equal(lines, 21);
    assert.match(html, new RegExp(`<small>${lines} of 45 links drawn`));
    assert.equal((html.match(/<a class="node type-person" href="#\/entity\/e\d">/g) ?? []).length, 10);
    assert.match(html, /<text x="240" y="84" text-anchor="middle">Entity number 0 wit…<\/text>/);
  });

  it('entityGraphElements: the story entities as nodes sized by mentions, and each entity strongest links', () => {
    const detail = storyDetail(fixtureAnalysis(), 's1');
    assert.deepEqual(entityGraphElements(detail.entities, detail.cooccurrence), [
      { data: { id: 'e-kim', label: 'Kim Jong Un', type: 'person', size: 14 + 3 * Math.sqrt(2) } },
      { data: { id: 'e-putin', label: 'Vladimir Putin', type: 'person', size: 14 + 3 * Math.sqrt(2) } },
      { data: { id: 'e-kim|e-putin', source: 'e-kim', target: 'e-putin', weight: 2 } },
    ]);
  });

  it('sourceGraphElements: articles by outlet, outside outlets, and an arrow from each derived article', () => {
    const articles = [
      { id: 'a1', title: 'One', outlet: 'NBC News' },
      { id: 'a2', title: 'Two', outlet: 'Yonhap' },
    ];
    const derivations = [
      { articleId: 'a2', sourceArticleId: 'a1', kind: 'reuse', score: 0.9 },
      { articleId: 'a2', outlet: 'Reuters', kind: 'citation', score: 1 },
      { articleId: 'a1', outlet: 'NBC News', kind: 'citation', score: 1 },
    ] as never[];
    assert.deepEqual(sourceGraphElements(articles, derivations), [
      { data: { id: 'a:a1', label: 'NBC News', article: 'a1' } },
      { data: { id: 'a:a2', label: 'Yonhap', article: 'a2' } },
      { data: { id: 'o:Reuters', label: 'Reuters (outside the pile)' } },
      { data: { id: 'a:a2>a:a1>reuse', source: 'a:a2', target: 'a:a1', kind: 'reuse' } },
      { data: { id: 'a:a2>o:Reuters>citation', source: 'a:a2', target: 'o:Reuters', kind: 'citation' } },
    ]);
  });
});
