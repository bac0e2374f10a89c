import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractionProblems } from './check-extraction.ts';
import { extractPlainText } from './extract-text.ts';

const BODY = [
  'Flood barriers held overnight',
  'The river crested at 8.2 metres early on Tuesday, the city said, and the barriers along the old town held.',
  'Engineers will inspect the embankments on Wednesday before the roads along the river are opened again.',
  'Residents who left their homes on Monday were allowed back in the afternoon, the fire service said.',
];

/** The removal reason of each block (joined by blank lines), or 'kept'. */
function reasons(blocks: string[]): string[] {
  const x = extractPlainText(blocks.join('\n\n'), {}, { blockModel: false });
  assert.deepEqual(extractionProblems(x), []);
  const byStart = new Map(x.removed.map((r) => [r.start, r.reason]));
  let start = 0;
  return blocks.map((block) => {
    const reason = byStart.get(start) ?? 'kept';
    start += block.length + 2;
    return reason;
  });
}

/** Distinct body paragraphs. */
const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `The river crested at ${i} centimetres above the mark on Tuesday, the city said in its report.`,
  );

// The rules that used to walk back over earlier blocks (or forward over later ones) now carry their
// state forward; these pin what they decide on runs long enough that a walk would have been costly.
describe('context rules over long runs', () => {
  it('removes every reader comment in a long run after a comments heading, up to a kept block', () => {
    const comments = Array.from({ length: 3000 }, (_, i) => `Reader ${i} thinks this is fine`);
    const out = reasons([...prose(3100), 'Comments', ...comments]);
    assert.ok(out.slice(0, 3100).every((r) => r === 'kept'));
    assert.ok(out.slice(3100).every((r) => r === 'comments'));
  });

  it('a related-links heading governs only the link-like run right after it', () => {
    const links = ['Related stories', 'River levels rise in the north', 'Storm warning for Friday'];
    const out = reasons([...BODY, ...links, ...prose(2), 'Bridge closed until May']);
    assert.deepEqual(out.slice(4), [
      'related-links',
      'related-links',
      'related-links',
      'kept',
      'kept',
      'kept',
    ]);
  });

  it('removes a repeat of a kept block, but not the repeat of a removed one', () => {
    const repeated =
      'Engineers will inspect the embankments on Wednesday before the roads along the river are opened again.';
    const out = reasons([...BODY, 'Advertisement', repeated]);
    assert.equal(out[5], 'duplicate-block');
    const onlyRemoved = reasons([...BODY, 'Share on Facebook', 'Share on Facebook', 'Share on Facebook']);
    assert.ok(onlyRemoved.slice(4).every((r) => r !== 'duplicate-block' && r !== 'kept'));
  });

  it('takes a first-person note after the end-of-article widgets as an author bio, and a closing contributor note', () => {
    const bio = 'I have been writing about my town for years and I love my job, my readers and my editors.';
    const out = reasons([...BODY, 'Share on Facebook', 'Share on Twitter', bio]);
    assert.equal(out[6], 'author-bio');
    const note = 'Jane Doe is a reporter who covers the river towns for the paper.';
    const closing = reasons([...BODY, ...BODY.slice(1), note, 'Advertisement']);
    assert.equal(closing[7], 'author-bio');
  });

  it('removes a run of three reaction buttons, and two under a reactions heading, but not two alone', () => {
    assert.deepEqual(reasons([...BODY, 'Like', 'Love 3', 'Wow']).slice(4), [
      'reactions',
      'reactions',
      'reactions',
    ]);
    assert.deepEqual(reasons([...BODY, 'Reactions', 'Like', 'Wow']).slice(5), ['reactions', 'reactions']);
    assert.deepEqual(reasons([...BODY, 'Like', 'Wow', ...BODY.slice(1)]).slice(4, 6), ['kept', 'kept']);
  });
});
