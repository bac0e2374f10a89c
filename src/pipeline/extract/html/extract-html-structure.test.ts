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
