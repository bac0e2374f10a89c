import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom.ts';
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
