import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import type { Extraction } from '../../../core/article.ts';
import { NEWS_ARTICLE_GRAPH, OPENGRAPH_ONLY, READABILITY_MISSES } from './extract-html.fixtures.ts';
import { extractHtml } from './extract-html.ts';
import { extractionProblems } from './extraction-invariants.ts';

function assertInvariants(extraction: Extraction): void {
  assert.deepEqual(extractionProblems(extraction), []);
  assert.deepEqual(extraction.extractor, { name: 'sitrep-html', version: '4' });
}

const paragraphs = (extraction: Extraction) => extraction.text.slice(extraction.bodyStart).split('\n\n');

describe('extractHtml on a NewsArticle page with a JSON-LD @graph and page furniture', () => {
  const extraction = extractHtml(NEWS_ARTICLE_GRAPH, {}, { url: 'https://ledger.example/x?utm=1' });

  it('reads the metadata from JSON-LD, link and meta tags with their evidence', () => {
    assert.deepEqual(extraction.metadata, {
      title: 'Harbour bridge reopens after storm repairs',
      byline: 'Ana Ribeiro, Tom Hale',
      publishedAt: '2024-05-25T10:19:00+01:00',
      canonicalUrl: 'https://ledger.example/news/2024/05/harbour-bridge-reopens',
      outlet: 'The Coastal Ledger',
      language: 'en',
      section: 'Local news',
    });
    // The visible headline, which the JSON-LD headline and <title> confirm.
    assert.deepEqual(extraction.evidence.title, {
      source: 'html',
      detail: 'h1, agreeing with the JSON-LD headline, <title>',
    });
    assert.deepEqual(extraction.evidence.outlet, {
      source: 'json-ld',
      detail:
        'JSON-LD NewsArticle.publisher.name, agreeing with site part of <title> "Harbour bridge reopens after storm repairs | The Coastal Ledger"; copyright line naming "The Coastal Ledger"',
    });
    assert.deepEqual(extraction.evidence.canonicalUrl, {
      source: 'html',
      detail: 'link[rel="canonical"][href]',
    });
    assert.deepEqual(extraction.evidence.language, { source: 'html', detail: 'html[lang]' });
    assert.deepEqual(extraction.evidence.section, {
      source: 'meta-tag',
      detail: 'meta[property="article:section"]',
    });
  });

  it('keeps the title and the five body paragraphs', () => {
    assert.equal(
      extraction.text.slice(0, extraction.bodyStart),
      'Harbour bridge reopens after storm repairs\n\n',
    );
    const body = paragraphs(extraction);
    assert.equal(body.length, 5);
    assert.match(body[0]!, /^The harbour bridge reopened to traffic on Saturday morning/);
    assert.match(body[2]!, /^Repairs cost £4\.2 million/);
    assert.equal(
      body[4],
      'A weight limit of 18 tonnes will stay in place until a final inspection in June, after which lorries will again be allowed to use the crossing.',
    );
    assert.deepEqual(
      extraction.kept.map((k) => k.kind),
      ['title', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph'],
    );
  });

  it('removes navigation, byline, share bar, caption, related links, newsletter and footer with reasons', () => {
    assert.deepEqual(
      extraction.removed.map((r) => [r.reason, r.rule, r.text]),
      [
        ['navigation', '<nav> element', 'Home\nNews\nSport'],
        ['byline', 'class "byline"', 'By Ana Ribeiro and Tom Hale'],
        ['share-widget', 'class "share-tools"', 'Share on Facebook Share on X'],
        ['caption', '<figcaption> element', 'The eastern span during repairs in April.'],
        ['related-links', '<aside> element', 'Related\nStorm damage bill rises\nFerry timetable extended'],
        [
          'newsletter',
          'class "newsletter-signup"',
          "Get the Ledger's morning briefing in your inbox every weekday.\nSign up",
        ],
        ['legal', '<footer> element', '© 2024 The Coastal Ledger. All rights reserved.\nPrivacy policy'],
      ],
    );
  });

  it('keeps the offsets consistent', () => {
    assert.equal(extraction.rawText.split('\n').length, 19);
    assertInvariants(extraction);
  });
});

describe('extractHtml on an OpenGraph-only page', () => {
  const extraction = extractHtml(OPENGRAPH_ONLY, {}, {});

  it('reads OpenGraph and meta tags, skips a URL article:author and survives broken JSON-LD', () => {
    assert.deepEqual(extraction.metadata, {
      title: 'Wheat prices climb as exports stall',
      byline: 'Jordan Lee',
      publishedAt: '2024-03-02',
      canonicalUrl: 'https://farmwire.example/markets/wheat-prices-climb',
      outlet: 'Farm Wire',
      language: 'en',
      section: 'Markets',
    });
    assert.deepEqual(extraction.evidence.title, {
      source: 'html',
      detail: 'h1, agreeing with og:title, <title>',
    });
    assert.deepEqual(extraction.evidence.byline, { source: 'meta-tag', detail: 'meta[name="author"]' });
    assert.deepEqual(extraction.evidence.language, {
      source: 'meta-tag',
      detail: 'meta[property="og:locale"]',
    });
  });

  it('drops the advertising label inside the story and the duplicate headline', () => {
    assert.equal(paragraphs(extraction).length, 3);
    assert.deepEqual(
      extraction.removed.map((r) => [r.reason, r.text]),
      [['advertisement', 'Advertisement']],
    );
    assert.deepEqual(extraction.kept[0], { rawStart: 0, rawEnd: 35, start: 0, end: 35, kind: 'title' });
    assertInvariants(extraction);
  });
});

describe('extractHtml when Readability misses the article', () => {
  const html = READABILITY_MISSES;

  it('is a page Readability alone gets wrong (an aria-hidden wrapper behind a cookie dialog)', () => {
    const document = new DOMParser().parseFromString(html, 'text/html');
    const article = new Readability(document as never).parse();
    assert.equal(
      article?.textContent?.trim(),
      'We use cookies to improve your experience. Manage preferences',
    );
  });

  it('falls back to our scorer and finds the three paragraphs', () => {
    const extraction = extractHtml(html, {}, {});
    assert.equal(extraction.metadata.title, 'Council approves new cycle lanes');
    assert.deepEqual(
      paragraphs(extraction).map((p) => p.slice(0, 40)),
      [
        'The city council voted on Tuesday to bui',
        'Construction is due to start in Septembe',
        'Opponents argued that the money would be',
      ],
    );
    assert.deepEqual(
      extraction.removed.map((r) => [r.reason, r.rule, r.text]),
      [
        [
          'cookie-notice',
          'id "cookie-consent"',
          'We use cookies to improve your experience. Manage preferences\nAccept all',
        ],
        ['navigation', 'class "menu"', 'Home City'],
      ],
    );
    assertInvariants(extraction);
  });
});
