import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSitrepError } from '../../../core/errors.ts';
import { elementSignal } from './boilerplate-signals.ts';
import { parseHtmlDocument } from './dom.ts';
import { GERMAN_NO_LANG, MALFORMED, OPENGRAPH_ONLY } from './extract-html.fixtures.ts';
import { extractHtml } from './extract-html.ts';
import { extractionProblems } from './extraction-invariants.ts';
import { stripSiteName } from './metadata.ts';
import { collectTextBlocks } from './text-blocks.ts';

const isExtractEmpty = (error: unknown) => isSitrepError(error) && error.code === 'EXTRACT_EMPTY';

describe('stripSiteName', () => {
  it('cuts only the trailing site part, never a dash inside the headline', () => {
    const title = 'Jedi: Fallen Order review – shoots for the moon, lands among the stars - VG247';
    assert.equal(
      stripSiteName(title, 'VG247', false),
      'Jedi: Fallen Order review – shoots for the moon, lands among the stars',
    );
    assert.equal(
      stripSiteName(title, undefined, true),
      'Jedi: Fallen Order review – shoots for the moon, lands among the stars',
    );
    assert.equal(
      stripSiteName('Floods close the coast road | The Ledger', 'The Ledger', false),
      'Floods close the coast road',
    );
  });
});

describe('extractHtml edge cases', () => {
  it('detects the language of a German page without lang and strips the site from <title>', () => {
    const extraction = extractHtml(
      GERMAN_NO_LANG,
      {},
      { url: 'https://www.rundschau.example/koeln/hochwasser' },
    );
    assert.equal(extraction.metadata.language, 'de');
    assert.deepEqual(extraction.evidence.language, {
      source: 'detector',
      detail: 'eld n-gram detection on the article text',
    });
    assert.equal(extraction.metadata.title, 'Hochwasser: Pegel am Rhein sinkt wieder');
    assert.deepEqual(extraction.evidence.title, { source: 'html', detail: 'h1, agreeing with <title>' });
    assert.equal(extraction.metadata.outlet, 'rundschau.example');
    assert.deepEqual(extraction.evidence.outlet, {
      source: 'url',
      detail: 'host of https://www.rundschau.example/koeln/hochwasser',
    });
    assert.equal(extraction.metadata.canonicalUrl, 'https://www.rundschau.example/koeln/hochwasser');
    assert.equal(extraction.text.slice(extraction.bodyStart).split('\n\n').length, 3);
    assert.match(
      extraction.text,
      /\n\nFür das Wochenende erwarten die Meteorologen trockeneres Wetter, sodass/,
    );
    assert.deepEqual(extractionProblems(extraction), []);
  });

  it('extracts from malformed HTML with unclosed tags without crashing', () => {
    const extraction = extractHtml(MALFORMED, {}, {});
    assert.equal(extraction.metadata.title, 'Port strike ends');
    assert.deepEqual(extraction.text.slice(extraction.bodyStart).split('\n\n'), [
      'Dock workers voted to end a nine-day strike on Thursday after the port operator agreed to a pay rise of six percent over two years.',
      'The stoppage had left more than forty ships waiting at anchor outside the harbour, and some shipping lines had begun diverting cargo to other ports.',
      'Unloading resumed within hours of the vote, the union said.',
      'Union officials said they would meet the operator again next year',
    ]);
    assert.deepEqual(extraction.kept[0], { rawStart: 0, rawEnd: 16, start: 0, end: 16, kind: 'title' });
    assert.deepEqual(extractionProblems(extraction), []);
  });

  it('reads pages browsers repair: a second <html>, a <style> before <body>, text before <head>, an unclosed tag in <noscript>', () => {
    const body = [
      'The city council voted on Tuesday to close the old harbour bridge to lorries from next spring, after engineers found corrosion in two of its supports.',
      'Traffic will be diverted over the ring road while the bridge is repaired, a project the council expects to take at least eighteen months and cost four million euros.',
      'Residents of the harbour district welcomed the decision but asked for a shuttle bus across the water during the works.',
    ];
    const article = `<article><h1>Harbour bridge to close to lorries</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article>`;
    const pages = {
      'second <html>': `<!DOCTYPE html><html><head><title>Harbour bridge to close to lorries</title></head><body><html><body>${article}</body></html></body></html>`,
      '<style> before <body>': `<html><head><title>Harbour bridge to close to lorries</title></head><style>p{margin:0}</style><body>${article}</body></html>`,
      'text before <head>': `<html>Site banner<head><title>Harbour bridge to close to lorries</title></head><body>${article}</body></html>`,
      // Parsed with scripting off, the <div> would stay open and swallow the page into the skipped <noscript>.
      'unclosed tag in <noscript>': `<html><head><title>Harbour bridge to close to lorries</title></head><body><noscript><div id="wide"></noscript>${article}</body></html>`,
    };
    for (const [what, html] of Object.entries(pages)) {
      const extraction = extractHtml(html, {}, {});
      assert.deepEqual(extractionProblems(extraction), [], what);
      const text = extraction.text.slice(extraction.bodyStart);
      for (const p of body) assert.ok(text.includes(p), `${what}: ${p.slice(0, 30)}`);
      assert.equal(extraction.metadata.title, 'Harbour bridge to close to lorries', what);
    }
  });

  it('drops the teasers of a section that opens with a related-links heading, however prose-like', () => {
    const story = [
      'The city council voted on Tuesday to close the old harbour bridge to lorries from next spring, after engineers found corrosion in two of its supports.',
      'Traffic will be diverted over the ring road while the bridge is repaired, a project the council expects to take at least eighteen months.',
    ];
    const teasers = [
      'The ferry company says its new timetable will add two late crossings on Fridays and Saturdays, starting next month, after a summer of complaints.',
      'Volunteers cleared four tonnes of rubbish from the beaches north of the harbour at the weekend, the largest haul since the clean-ups began in 2015.',
      'The old lighthouse on the point will open to visitors again in May, after a restoration that took three years and cost more than expected.',
    ];
    const html = `<html><body><div class="content"><article><h1>Harbour bridge to close to lorries</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article><article><h3 class="relatedpoststitle">You might also like</h3>${teasers.map((p, i) => `<article><h2><a href="/t${i}">Teaser ${i}</a></h2><p>${p}</p></article>`).join('')}</article></div></body></html>`;
    const extraction = extractHtml(html, {}, {});
    assert.deepEqual(extractionProblems(extraction), []);
    assert.deepEqual(extraction.text.slice(extraction.bodyStart).split('\n\n'), story);
    const removed = extraction.removed.filter((r) => teasers.some((t) => r.text.includes(t)));
    assert.equal(removed.length > 0, true);
    for (const r of removed) assert.equal(r.reason, 'related-links');
  });

  it('drops a list of teasers (each item a headline link, perhaps a summary) but not a list of named anchors', () => {
    const story = [
      'The city council voted on Tuesday to close the old harbour bridge to lorries from next spring, after engineers found corrosion in two of its supports.',
      'Traffic will be diverted over the ring road while the bridge is repaired, a project the council expects to take at least eighteen months.',
      'Residents of the harbour district welcomed the decision but asked for a shuttle bus across the water during the works.',
      'Hauliers said the diversion would add twenty minutes to each delivery into the port and asked the council to phase the closure in over the winter.',
      'The council will publish a detailed timetable for the works in January, after a consultation with businesses on both sides of the harbour.',
    ];
    const summaries = [
      'The ferry company adds two late crossings on Fridays.',
      'Volunteers cleared four tonnes of rubbish from the beaches.',
      'The old lighthouse opens to visitors again in May.',
    ];
    const teasers = summaries.map(
      (p, i) => `<li><h3><a href="/s${i}">Story number ${i}</a></h3><p>${p}</p></li>`,
    );
    const anchors = summaries.map((p, i) => `<li><a name="n${i}">${p}</a></li>`);
    const html = (list: string[]) =>
      `<html><body><article><h1>Harbour bridge to close to lorries</h1>${story.map((p) => `<p>${p}</p>`).join('')}<h2>More stories</h2><ul>${list.join('')}</ul></article></body></html>`;
    const teased = extractHtml(html(teasers), {}, {});
    assert.deepEqual(extractionProblems(teased), []);
    for (const p of summaries) assert.ok(!teased.text.includes(p), p);
    for (const p of story) assert.ok(teased.text.includes(p), p);
    // <a name> is an anchor, not a link: its text is not link text, so such a list is no teaser list.
    const page = collectTextBlocks(parseHtmlDocument(html(anchors)).body!);
    for (const p of summaries) assert.equal(page.blocks.find((b) => b.text === p)?.linkChars, 0, p);
  });

  it('drops a dateline under the headline, not a listing whose entries carry dates', () => {
    const story = [
      'The city council voted on Tuesday to close the old harbour bridge to lorries from next spring, after engineers found corrosion in two of its supports.',
      'Traffic will be diverted over the ring road while the bridge is repaired, a project the council expects to take at least eighteen months.',
    ];
    const body = (lines: string[]) =>
      `<html><body><article><h1>Harbour bridge to close to lorries</h1>${lines.map((l) => `<div>${l}</div>`).join('')}${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const one = extractHtml(body(['5 April 2013 Last updated at 10:08 GMT']), {}, {});
    assert.deepEqual(one.text.slice(one.bodyStart).split('\n\n'), story);
    assert.ok(one.removed.some((r) => r.reason === 'dateline' && r.text.startsWith('5 April 2013')));
    const meetings = [
      'Tuesday October 10, 2006 | 7pm',
      'Tuesday November 7, 2006 | 7pm',
      'Tuesday December 5, 2006 | 7pm',
    ];
    const listing = extractHtml(body(meetings.map((m) => `${m} at 19:00`)), {}, {});
    for (const m of meetings) assert.ok(listing.text.includes(m), m);
  });

  it('weighs the title candidates: the agreed visible headline, never the site name or a section label', () => {
    const body =
      '<p>The city council voted on Tuesday to close the old harbour bridge to lorries from next spring, after engineers found corrosion in two of its supports.</p>' +
      '<p>Traffic will be diverted over the ring road while the bridge is repaired, a project the council expects to take at least eighteen months.</p>';
    const page = (head: string, top: string) =>
      `<html><head>${head}</head><body>${top}<article>${body}</article></body></html>`;
    const title = (html: string) => extractHtml(html, {}, {}).metadata.title;
    // The share text differs from the page's headline, which <title> repeats: the headline.
    assert.equal(
      title(
        page(
          '<title>City News - Harbour bridge: lorries barred from next spring</title><meta property="og:title" content="Lorries lose the harbour bridge">',
          '<h1>Harbour bridge: lorries barred from next spring</h1>',
        ),
      ),
      'Harbour bridge: lorries barred from next spring',
    );
    // An <h1> holding the site's logo text or a section name is not the headline.
    assert.equal(
      title(
        page(
          '<title>Lorries lose the harbour bridge | City News</title><meta property="og:site_name" content="City News"><meta property="og:title" content="Lorries lose the harbour bridge">',
          '<h1>City News</h1><h1>Local</h1>',
        ),
      ),
      'Lorries lose the harbour bridge',
    );
    // og:title naming the site alone loses to the page's headline.
    assert.equal(
      title(
        page(
          '<meta property="og:site_name" content="City News"><meta property="og:title" content="City News">',
          '<h1>Harbour bridge to close to lorries next spring</h1>',
        ),
      ),
      'Harbour bridge to close to lorries next spring',
    );
    // twitter:title copying og:title is one witness: the share text (og, twitter, <title>) against the
    // visible headline that the JSON-LD headline confirms is a tie, which the visible headline wins.
    assert.equal(
      title(
        page(
          '<title>Lorries lose the harbour bridge | City News</title><meta property="og:title" content="Lorries lose the harbour bridge"><meta name="twitter:title" content="Lorries lose the harbour bridge"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour bridge to close to lorries next spring"}</script>',
          '<h1>Harbour bridge to close to lorries next spring</h1>',
        ),
      ),
      'Harbour bridge to close to lorries next spring',
    );
  });

  it('recovers the outlet from what the page says of itself, with evidence, and never invents one', () => {
    const body =
      '<p>The city council voted on Tuesday to close the old harbour bridge to lorries from next spring, after engineers found corrosion in two of its supports.</p>' +
      '<p>Traffic will be diverted over the ring road while the bridge is repaired, a project the council expects to take at least eighteen months.</p>';
    const page = (title: string, extra: string) =>
      `<html><head><title>${title}</title></head><body><h1>Harbour bridge to close to lorries</h1><article>${body}</article>${extra}</body></html>`;
    const outlet = (html: string) => {
      const x = extractHtml(html, {}, {});
      return [x.metadata.outlet, x.evidence.outlet?.detail];
    };
    const footer = '<footer>© 2008 Khaleej Times. All rights reserved. Terms of use</footer>';
    // The <title>'s site part, confirmed by the copyright line.
    assert.deepEqual(outlet(page('Harbour bridge to close to lorries - Khaleej Times Online', footer)), [
      'Khaleej Times Online',
      'site part of <title> "Harbour bridge to close to lorries - Khaleej Times Online", agreeing with copyright line naming "Khaleej Times"',
    ]);
    // The copyright line alone; a footer's links after the name are not part of it.
    assert.deepEqual(
      outlet(
        page(
          'Harbour bridge to close to lorries',
          '<div id="footer">Copyright 2007-2008 Gulf Daily Tribune Terms Privacy</div>',
        ),
      ),
      ['Gulf Daily Tribune', 'copyright line naming "Gulf Daily Tribune"'],
    );
    // The logo's alt text.
    assert.deepEqual(
      outlet(
        page(
          'Harbour bridge to close to lorries',
          '<div class="masthead"><img src="/i/top.png" alt="The Harbour Herald logo"></div>',
        ),
      ),
      ['The Harbour Herald', 'logo alt text "The Harbour Herald"'],
    );
    // A <title> part no other source confirms may be a section or a call to action: no outlet.
    assert.deepEqual(outlet(page('Harbour bridge to close to lorries - Donate Now', '')), [
      undefined,
      undefined,
    ]);
  });

  it('lets hints win over the page, field by field', () => {
    const extraction = extractHtml(
      OPENGRAPH_ONLY,
      { title: 'Wheat climbs', outlet: 'Farm Wire Daily', publishedAt: '2024-03-02T08:00' },
      {},
    );
    assert.equal(extraction.metadata.title, 'Wheat climbs');
    assert.equal(extraction.metadata.outlet, 'Farm Wire Daily');
    assert.equal(extraction.metadata.publishedAt, '2024-03-02T08:00');
    assert.equal(extraction.metadata.byline, 'Jordan Lee');
    assert.deepEqual(extraction.evidence.title, { source: 'input', detail: 'hints.title' });
    assert.ok(extraction.text.startsWith('Wheat climbs\n\nWheat futures rose'));
    assert.deepEqual(
      extraction.removed.map((r) => r.reason),
      ['boilerplate', 'advertisement'],
    );
    assert.deepEqual(extractionProblems(extraction), []);
  });

  it('takes a fragment without <html> and keeps its leading text', () => {
    const extraction = extractHtml('Plain words before <p>a paragraph that is short</p>', {}, {});
    assert.equal(extraction.text, 'Plain words before\n\na paragraph that is short');
    assert.equal(extraction.bodyStart, 0);
    assert.deepEqual(extractionProblems(extraction), []);
  });

  it('throws EXTRACT_EMPTY for an empty body, an empty string and a script-only page', () => {
    for (const html of [
      '<html><head><title>Nothing</title></head><body>   </body></html>',
      '',
      '<html><body><script>document.write("x")</script><noscript>Enable JavaScript.</noscript><template><p>Later</p></template></body></html>',
    ]) {
      assert.throws(() => extractHtml(html, {}, {}), isExtractEmpty);
    }
  });

  it('throws EXTRACT_EMPTY when every line is page furniture', () => {
    const html =
      '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2024 Example</footer></body></html>';
    assert.throws(
      () => extractHtml(html, {}, {}),
      (error: unknown) => isExtractEmpty(error) && /furniture/.test(String(error)),
    );
  });
});

describe('what a browser shows', () => {
  it('an <object> it cannot render shows its fallback content (not its params); nested ones too', () => {
    const document = parseHtmlDocument(
      '<html><body><div><object data="a.swf"><param name="movie" value="a.swf">' +
        '<object data="b.swf"><p>Fallback caption of the video.</p></object></object></div></body></html>',
    );
    assert.equal(document.body?.querySelector('object'), null);
    assert.equal(document.body?.querySelector('param'), null);
    assert.equal(document.body?.textContent?.trim(), 'Fallback caption of the video.');
  });

  it('a layout wrapper named for content beside a sidebar is not a sidebar; a sidebar is', () => {
    const signal = (id: string) => {
      const element = parseHtmlDocument(
        `<html><body><div id="${id}"><p>Text.</p></div></body></html>`,
      ).body?.querySelector('div');
      assert.ok(element);
      return elementSignal(element, 'div');
    };
    assert.equal(signal('content-sidebar-wrap'), null);
    assert.equal(signal('sidebar-content'), null);
    assert.deepEqual(signal('sidebar-wrap'), { reason: 'related-links', rule: 'id "sidebar-wrap"' });
    assert.deepEqual(signal('left-sidebar'), { reason: 'related-links', rule: 'id "left-sidebar"' });
  });
});
