import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSitrepError } from '../../core/errors.ts';
import { WorkBudget } from './budget.ts';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from './html/dom.ts';
import { extractHtml } from './html/extract-html.ts';
import { extractPlainText } from './text/extract-text.ts';

const ARTICLE = [
  'Flood barriers held overnight',
  'The river crested at 8.2 metres early on Tuesday, the city said, and the barriers along the old town held.',
  'Engineers will inspect the embankments on Wednesday before the roads along the river are opened again.',
].join('\n\n');

const HTML = `<html><head><title>Flood barriers held overnight</title></head><body><article>${ARTICLE.split(
  '\n\n',
)
  .map((p) => `<p>${p}</p>`)
  .join('')}</article></body></html>`;

/** A clock that moves `step` ms each time it is read. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => {
    t += step;
    return t;
  };
}

const isBudget = (pattern: RegExp) => (e: unknown) =>
  isSitrepError(e) && e.code === 'EXTRACT_BUDGET' && pattern.test(e.message);

describe('WorkBudget', () => {
  it('passes before the deadline and throws EXTRACT_BUDGET naming the subject after it', () => {
    const budget = new WorkBudget(10, steppingClock(1));
    budget.subject = 'plain text of 12 characters in 3 blocks';
    budget.checkNow();
    for (let i = 0; i < 255; i++) budget.check(); // the clock is read on every 256th call only
    assert.throws(
      () => {
        for (let i = 0; i < 256 * 10; i++) budget.check();
      },
      isBudget(/budget of 10 ms: plain text of 12 characters in 3 blocks is too large/),
    );
  });
});

describe('extraction under a work budget', () => {
  it('a normal text and page pass a generous budget and fail a spent one', () => {
    assert.ok(extractPlainText(ARTICLE, {}, { budget: new WorkBudget(5000) }).text.includes('crested'));
    assert.ok(extractHtml(HTML, {}, { budget: new WorkBudget(5000) }).text.includes('crested'));
    assert.throws(
      () => extractPlainText(ARTICLE, {}, { budget: new WorkBudget(0, steppingClock(1)) }),
      isBudget(/plain text of \d+ characters in 3 blocks/),
    );
    assert.throws(
      () => extractHtml(HTML, {}, { budget: new WorkBudget(0, steppingClock(1)) }),
      isBudget(/HTML of \d+ characters/),
    );
  });

  it('stops inside the loops of a long text, not only between phases', () => {
    // 3 clock readings between phases and one per 256 blocks: 20,000 blocks spend a 20-step budget
    // inside the local rules, before the context rules start.
    const long = Array.from({ length: 20_000 }, (_, i) => `Line ${i} of the list.`).join('\n\n');
    const clock = steppingClock(1);
    assert.throws(
      () => extractPlainText(long, {}, { budget: new WorkBudget(20, clock) }),
      isBudget(/in 20000 blocks/),
    );
    assert.ok(clock() < 40);
  });

  it('refuses HTML nested deeper than the limit, and pages with too many elements', () => {
    const nested = (n: number) => `${'<div>x'.repeat(n)}${'</div>'.repeat(n)}`;
    assert.ok(
      extractHtml(`<p>${ARTICLE}</p>${nested(MAX_HTML_DEPTH - 10)}`, {}, {}).text.includes('crested'),
    );
    assert.throws(
      () => extractHtml(nested(5000), {}, {}),
      isBudget(new RegExp(`nests elements more than ${MAX_HTML_DEPTH} deep`)),
    );
    assert.throws(
      () => extractHtml('<p>x</p>'.repeat(MAX_HTML_ELEMENTS + 1), {}, {}),
      isBudget(new RegExp(`more than ${MAX_HTML_ELEMENTS} elements`)),
    );
  });
});
