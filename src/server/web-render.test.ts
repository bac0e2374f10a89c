import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURE_TEXT_A, fixtureAnalysis } from '../../test/fixtures/analysis-fixture.ts';
import {
  escapeHtml,
  formatPeriod,
  highlight,
  renderArticle,
  renderClaimMatrix,
  renderEntityGraph,
  renderSearchResults,
  renderSourceGraph,
  renderStoryList,
  renderStoryListPage,
  renderStoryPage,
  storiesHref,
} from '../../web/render.js';
import { storySummaries } from '../engine/story-list.ts';
import { articleAnnotations, storyDetail } from './analysis-views.ts';

// The web UI's pure render functions (web/render.js), tested here so that `npm test` runs them.
const analysis = fixtureAnalysis();
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('web/render.js', () => {
  it('escapes every HTML-special character', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeHtml(undefined), '');
  });

  it('formats periods at the precision given', () => {
    assert.equal(formatPeriod({}), 'undated');
    assert.equal(formatPeriod({ start: '2024-06', end: '2024-06' }), '2024-06');
    assert.equal(formatPeriod({ start: '2024-06-19', end: '2024-06-20' }), '2024-06-19 – 2024-06-20');
  });

  it('renders the story list with sizes, periods and escaped titles', () => {
    const html = renderStoryList(storySummaries(analysis));
    assert.equal(count(html, /<li class="story/g), 2);
    assert.match(html, /<a href="#\/story\/s1">Putin meets Kim in Pyongyang<\/a>/);
    assert.match(
      html,
      /<span class="size">2 articles<\/span> · <span class="period">2024-06-19 – 2024-06-20<\/span>/,
    );
    assert.match(html, /Russia–North Korea &lt;cooperation&gt;/);
    assert.match(html, /<span class="size">1 article<\/span> · <span class="period">undated<\/span>/);
    assert.doesNotMatch(html, /<cooperation>/);
  });

  it('renders a story-list page with its range, order and kind choices, and a pager', () => {
    const stories = storySummaries(analysis);
    const page = (offset: number, kind?: 'event' | 'storyline') =>
      renderStoryListPage({
        stories: stories.slice(offset, offset + 1),
        sort: 'recent',
        ...(kind ? { kind } : {}),
        limit: 1,
        offset,
        total: 2,
      });
    const first = page(0);
    assert.match(first, /<span class="range">1–1 of 2<\/span>/);
    assert.match(first, /<a href="#\/stories\?sort=recent&amp;offset=1">next →<\/a>/);
    assert.doesNotMatch(first, /previous/);
    assert.match(first, /<a href="#\/stories\?sort=recent" aria-current="true">latest<\/a>/);
    assert.match(first, /<a href="#\/stories\?sort=recent" aria-current="true">all<\/a>/);
    const last = page(1, 'storyline');
    assert.match(last, /<span class="range">2–2 of 2<\/span>/);
    assert.match(last, /<a href="#\/stories\?sort=recent&amp;kind=storyline">← previous<\/a>/);
    assert.doesNotMatch(last, /next →/);
    assert.match(
      last,
      /<a href="#\/stories\?sort=recent&amp;kind=storyline" aria-current="true">storylines<\/a>/,
    );
    assert.equal(storiesHref({ sort: 'rank' }), '#/stories');
    assert.equal(
      storiesHref({ sort: 'size', outlet: 'Wire A', minArticles: 2 }),
      '#/stories?sort=size&outlet=Wire+A&minArticles=2',
    );
  });

  it('highlights overlapping spans as segments, escaping the text', () => {
    const html = highlight('a <b> c', [
      { kind: 'claim', start: 0, end: 5, label: 'asserted', ref: 'c1' },
      { kind: 'entity', start: 2, end: 5, label: 'B & co', ref: 'e1' },
    ]);
    assert.equal(
      html,
      '<mark class="hl-claim" tabindex="0" title="claim: asserted" data-label="claim: asserted">a </mark>' +
        '<mark class="hl-entity hl-claim" tabindex="0" title="claim: asserted; entity: B &amp; co" data-label="claim: asserted; entity: B &amp; co">&lt;b&gt;</mark> c',
    );
    assert.equal(
      highlight('x', [{ kind: 'entity', start: 0, end: 9, label: 'out of range', ref: 'e' }]),
      'x',
    );
  });

  it('renders an article with its highlights and the removed blocks on demand', () => {
    const article = {
      ...analysis.articles[0]!,
      removed: [
        { start: 0, end: 9, reason: 'share-widget' as const, text: 'Share <x>', rule: 'line "Share"' },
      ],
    };
    const html = renderArticle(article, articleAnnotations(analysis, 'a1'));
    assert.match(html, /^<article class="article-view"><h2>Putin &lt;b&gt;visits&lt;\/b&gt; Pyongyang<\/h2>/);
    assert.match(html, /<dt>outlet<\/dt><dd>Wire A &amp; Co<\/dd>/);
    const body = html.slice(html.indexOf('<div class="article-text">') + 26, html.indexOf('</div>'));
    assert.match(
      body,
      /<mark class="hl-entity hl-claim" tabindex="0" title="claim: asserted; entity: Vladimir Putin" data-label="claim: asserted; entity: Vladimir Putin">Vladimir Putin<\/mark>/,
    );
    assert.match(
      body,
      /&quot;<mark class="hl-quote hl-claim" tabindex="0" title="quote: Putin; claim: expected" data-label="quote: Putin; claim: expected">We will help/,
    );
    assert.equal(count(body, /<mark /g), 5);
    assert.match(html, /<details class="removed"><summary>Removed boilerplate \(1 block\)<\/summary>/);
    assert.match(html, /<span class="reason">share-widget<\/span> <code>0–9<\/code> <q>Share &lt;x&gt;<\/q>/);
    assert.match(html, /<small class="rule">line &quot;Share&quot;<\/small>/);
    assert.equal(body.replace(/<[^>]+>/g, ''), escapeHtml(FIXTURE_TEXT_A));
  });

  it('renders the claim × source matrix with who carries what and via whom', () => {
    const detail = storyDetail(analysis, 's1');
    const html = renderClaimMatrix(detail.claims, detail.comparison);
    assert.match(
      html,
      /<tr><th>claim<\/th><th>origins<\/th><th>Daily B<\/th><th>Wire A &amp; Co<\/th><\/tr>/,
    );
    assert.equal(count(html, /<tbody>|<tr><td class="claim/g), 3);
    assert.match(
      html,
      /<td class="carried" title="via Wire A &amp; Co">●<small>via Wire A &amp; Co<\/small><\/td>/,
    );
    assert.equal(count(html, /<td class="absent"><\/td>/g), 1);
  });

  it('draws the entity co-occurrence and source-dependence graphs as SVG', () => {
    const detail = storyDetail(analysis, 's1');
    const entities = renderEntityGraph(detail.entities, detail.cooccurrence);
    assert.match(entities, /^<svg class="graph entity-graph"/);
    assert.equal(count(entities, /<circle /g), 2);
    assert.equal(count(entities, /<line class="edge"/g), 1);
    const sources = renderSourceGraph(detail.articles, detail.derivations);
    assert.equal(count(sources, /<a class="node article" href="#\/article\/(a1|b2)">/g), 2);
    assert.equal(count(sources, /<line class="edge text-reuse"/g), 1);
    assert.equal(count(sources, /<line class="edge citation"/g), 1);
    assert.match(sources, />Wire A &amp; Co<\/text>/);
    const outside = renderSourceGraph(detail.articles.slice(1), [
      { articleId: 'b2', outlet: 'NBC <News>', kind: 'citation', score: 1 },
    ]);
    assert.match(outside, /<g class="node outlet">.*NBC &lt;News&gt; \(not in the corpus\)/);
  });

  it('renders the whole story page', () => {
    const html = renderStoryPage(storyDetail(analysis, 's1'));
    for (const heading of ['Articles', 'Timeline', 'Claims × sources', 'Entities', 'Source dependence'])
      assert.match(html, new RegExp(`<h3>${heading}</h3>`));
    assert.match(
      html,
      /<li><time datetime="2024-06-19">2024-06-19<\/time> <span class="granularity">day<\/span> Putin meets Kim &lt;in Pyongyang&gt;/,
    );
    assert.doesNotMatch(html, /<in Pyongyang>|<b>/);
  });

  it('renders search hits with the matched terms marked and everything else escaped', () => {
    const html = renderSearchResults('<q>', [
      { id: 'x1', title: '<script>', snippet: 'a «treaty» <img>', rank: -1 },
    ]);
    assert.match(html, /<h2>Search: &lt;q&gt;<\/h2>/);
    assert.match(html, /<a href="#\/article\/x1">&lt;script&gt;<\/a>/);
    assert.match(html, /<p class="snippet">a <mark>treaty<\/mark> &lt;img&gt;<\/p>/);
    assert.match(renderSearchResults('none', []), /No matches/);
  });
});
