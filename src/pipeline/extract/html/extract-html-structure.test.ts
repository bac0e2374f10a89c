import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom.ts';
import { extractHtml } from './extract-html.ts';
import { blocksInside, fallbackContainer } from './fallback-scorer.ts';
import { collectTextBlocks } from './text-blocks.ts';

const pageOf = (html: string) => collectTextBlocks(parseHtmlDocument(html).body!);

describe('fallbackContainer', () => {
  it("never takes a <select>'s options for prose", () => {
    const songs = Array.from(
      { length: 40 },
      (_, i) => `<option>Song number ${i} - The Band of ${i}</option>`,
    );
    const page = pageOf(
      `<body><div id="intro"><p>Play your own selection of fifties songs in streaming audio, just like a jukebox.</p>
       <p>To make several selections, hold down the control key while you click each song you want.</p></div>
       <form><p><select multiple>${songs.join('')}</select></p></form></body>`,
    );
    const container = fallbackContainer(page)!;
    assert.equal(container.element.getAttribute('id'), 'intro');
    assert.deepEqual(
      blocksInside(page, container).map((i) => page.blocks[i]!.text.slice(0, 24)),
      ['Play your own selection ', 'To make several selectio'],
    );
  });
});

describe('extractHtml and form controls', () => {
  it("keeps the page's prose and removes a <select>'s options, which never count as text", () => {
    const songs = Array.from(
      { length: 40 },
      (_, i) => `<option>Song number ${i} - The Band of ${i}</option>`,
    );
    const html = `<html><head><title>Fifties jukebox</title></head><body><h1>The Fifties Jukebox</h1>
      <p>Play your own selection of fifties songs in streaming audio, just like a jukebox that never eats your quarters.</p>
      <p>To make several selections, hold down the control key while you click each song you want to hear, then press the play button.</p>
      <p>If the songs do not load, try the alternate page, which holds the same songs and is less busy in the evening.</p>
      <form><p><select multiple>${songs.join('')}</select></p></form></body></html>`;
    const extraction = extractHtml(html, {}, {});
    assert.equal(
      extraction.text,
      'The Fifties Jukebox\n\nPlay your own selection of fifties songs in streaming audio, just like a jukebox that never eats your quarters.\n\n' +
        'To make several selections, hold down the control key while you click each song you want to hear, then press the play button.\n\n' +
        'If the songs do not load, try the alternate page, which holds the same songs and is less busy in the evening.',
    );
    assert.deepEqual(
      extraction.removed.map((r) => [r.reason, r.rule, r.text.slice(0, 29)]),
      [['boilerplate', '<select> element', 'Song number 0 - The Band of 0']],
    );
  });
});

describe('extractHtml gap filling', () => {
  const tail = ' The council met on Tuesday evening and heard from residents, officials and the builders.';
  const para = (s: string) => `<p>${s}${tail}</p>`;
  const page = (box: string) => `<html><head><title>Bridge repairs</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="main"><div class="story">
    <h1>Bridge repairs begin in March</h1>
    ${para('The old bridge over the river will close for repairs in March, the council said.')}
    ${para('Drivers will be sent along the ring road while the deck is replaced.')}
    ${box}
    ${para('The ferry will run every half hour for people on foot and on bicycles.')}
    ${para('Shops near the bridge asked for help with parking during the works.')}
    </div></div><div class="footer"><p>Copyright 2024 The Courier</p></div></body></html>`;
  const table =
    '<div class="media"><table><tr><td>Closure starts</td><td>3 March</td></tr><tr><td>Cost</td><td>4.2 million</td></tr></table></div>';

  it('puts back the table cells Readability cleaned out from between kept paragraphs', () => {
    const extraction = extractHtml(page(table), {}, {});
    assert.deepEqual(
      extraction.text
        .slice(extraction.bodyStart)
        .split('\n\n')
        .map((line) => line.replace(tail, '')),
      [
        'The old bridge over the river will close for repairs in March, the council said.',
        'Drivers will be sent along the ring road while the deck is replaced.',
        'Closure starts',
        '3 March',
        'Cost',
        '4.2 million',
        'The ferry will run every half hour for people on foot and on bicycles.',
        'Shops near the bridge asked for help with parking during the works.',
      ],
    );
    assert.deepEqual(
      extraction.removed.map((r) => r.rule),
      ['<nav> element', 'class "footer"'],
    );
  });

  it('leaves out a heading over a box that is not kept, and link lists', () => {
    const box =
      '<div class="media"><h3>Elsewhere today</h3><p><a href="/a">Storm closes airport</a></p><p><a href="/b">Mayor resigns</a></p></div>';
    const extraction = extractHtml(page(box), {}, {});
    assert.equal(extraction.text.includes('Elsewhere today'), false);
    assert.equal(extraction.text.includes('Storm closes airport'), false);
    assert.equal(extraction.text.slice(extraction.bodyStart).split('\n\n').length, 4);
  });
});

describe('extractHtml datelines', () => {
  it('drops the dateline under the headline though the article shows other "Last updated" stamps', () => {
    const para = (s: string) =>
      `<p>${s} Officials said the figures would be published again next week, after a review of the data.</p>`;
    const html = `<html><head><title>Markets fall</title></head><body><div class="story">
      <h1>Markets fall in Asia</h1><div class="date">5 April 2013 Last updated at 08:09 GMT</div>
      ${para('Share prices fell across Asia on Friday as investors waited for jobs data from the US.')}
      <div><div>Nikkei chart</div><div>Last Updated at 05 Apr 2013, 12:51 GMT</div></div>
      ${para('The Nikkei index lost two per cent in early trading, its biggest fall in a month.')}
      <div><div>Hang Seng chart</div><div>Last Updated at 05 Apr 2013, 12:56 GMT</div></div>
      ${para('In Hong Kong the Hang Seng was down by one per cent, led by property companies.')}
      </div></body></html>`;
    const extraction = extractHtml(html, {}, {});
    const removed = extraction.removed.filter((r) => r.reason === 'dateline').map((r) => [r.text, r.rule]);
    assert.deepEqual(removed, [
      ['5 April 2013 Last updated at 08:09 GMT', 'line gives a date with a time or a posting word'],
      ['Last Updated at 05 Apr 2013, 12:51 GMT', 'line gives the publication time'],
      ['Last Updated at 05 Apr 2013, 12:56 GMT', 'line gives the publication time'],
    ]);
  });
});
