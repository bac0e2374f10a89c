/**
 * The web UI on a 500-article pile generated from real news paragraphs (the example corpus and the
 * clustering fixture, through bench/cluster-corpus-generator.ts; nothing read from ../shared):
 * every view at desktop and phone sizes with axe-core and the sideways-scroll check, and every
 * paged list driven through its pager — forward, back, and to the end.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { corpusJsonLine, documentPool, generateCorpus } from '../../bench/cluster-corpus-generator.ts';
import type { Analysis } from '../../src/core/analysis.ts';
import {
  type BrowserRig,
  browserRig,
  checkEveryView,
  openView,
  PHONE,
  skipBrowser,
  viewsOf,
} from './browser-kit.ts';

const ARTICLES = 500;
const now = () => new Date('2026-01-01T00:00:00Z');

describe(`web UI in Chromium: a ${ARTICLES}-article generated pile`, { skip: skipBrowser }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-browser-pile-'));
  let rig: BrowserRig;
  let analysis: Analysis;
  let server: BrowserRig['server'];
  let browser: Browser;

  before(async () => {
    const file = join(dir, 'pile.jsonl');
    const pool = documentPool(false);
    const rows = [...generateCorpus(ARTICLES, 5, pool)].map(({ input }) => corpusJsonLine(input));
    writeFileSync(file, rows.join('\n'));
    rig = await browserRig([file], now);
    assert.equal(rig.inserted, ARTICLES);
    ({ analysis, server, browser } = rig);
  });
  after(async () => {
    await rig?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every view: no serious or critical axe violation, no horizontal scroll on a phone, a title of its own', async () => {
    const folder = await checkEveryView(browser, server.url, viewsOf(analysis, 'said'), 'pile');
    console.log(`screenshots: ${folder}`);
  });

  it('Back returns to where the reader was in a long list, and the page title follows the route', async () => {
    const page = await openView(browser, server.url, '#/', PHONE);
    assert.equal(await page.title(), 'Stories · Sitrep');
    const link = page.locator('main li.story a[href^="#/story/"]').nth(30);
    await link.scrollIntoViewIfNeeded();
    const before = (await page.evaluate('window.scrollY')) as number;
    assert.ok(before > 1000, `scrolled to ${before}`);
    await link.click();
    await page.waitForSelector('main[data-view="story"]');
    assert.equal(await page.evaluate('window.scrollY'), 0, 'a new view opens at its top');
    await page.goBack();
    await page.waitForSelector('main[data-view="stories"]');
    await page.waitForFunction(`Math.abs(window.scrollY - ${before}) <= 2`);
    assert.equal(await page.title(), 'Stories · Sitrep');
    await page.close();
  });

  /** The pager's "a–b of n" as numbers. */
  async function range(page: Page): Promise<[number, number, number]> {
    const text = (await page.locator('main nav.pager .range').first().textContent()) ?? '';
    const m = /^(\d+)–(\d+) of (\d+)$/.exec(text.trim());
    assert.ok(m, `pager range "${text}"`);
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  }

  /** Wait until the pager shows a range starting at `start` (the new page is drawn). */
  const rangeStarts = (page: Page, start: number) =>
    page.waitForFunction(
      `(document.querySelector('main nav.pager .range')?.textContent ?? '').startsWith('${start}–')`,
    );

  /** The hrefs of the page's items, to tell one page from another. */
  const itemLinks = (page: Page) =>
    page
      .locator('main a[href^="#/story/"], main a[href^="#/article/"], main a[href^="#/entity/"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));

  it('every paged list: next, previous and the last page, each with its own items and the same total', async () => {
    const lists: [hash: string, view: string, total: number][] = [
      ['#/', 'stories', analysis.stories.length],
      ['#/articles', 'articles', ARTICLES],
      ['#/claims', 'claims', analysis.claims.length],
      ['#/quotes', 'quotes', analysis.quotes.length],
      ['#/events', 'events', analysis.events.length],
      ['#/entities', 'entities', analysis.entities.length],
    ];
    const multiPage: string[] = [];
    for (const [hash, view, total] of lists) {
      const page = await openView(browser, server.url, hash, PHONE);
      const [from, to, shownTotal] = await range(page);
      assert.deepEqual([from, shownTotal], [1, total], view);
      const next = page.locator('main nav.pager a', { hasText: 'next →' });
      if (to === total) {
        assert.equal(await next.count(), 0, `${view}: one page, no next link`);
        await page.close();
        continue;
      }
      multiPage.push(view);
      const first = await itemLinks(page);
      await next.first().click();
      await rangeStarts(page, to + 1);
      const [, to2, total2] = await range(page);
      assert.equal(total2, total, `${view}: the total stays`);
      assert.equal(new URL(page.url()).hash.includes(`offset=${to}`), true, page.url());
      const second = await itemLinks(page);
      assert.notDeepEqual(second, first, `${view}: page 2 shows other items`);
      await page.locator('main nav.pager a', { hasText: '← previous' }).first().click();
      await rangeStarts(page, 1);
      assert.deepEqual(await itemLinks(page), first, `${view}: back to page 1`);
      // The last page: reached by its offset, it ends at the total with no next link.
      const size = to;
      const lastOffset = Math.floor((total - 1) / size) * size;
      const separator = hash.includes('?') ? '&' : '?';
      const base = hash === '#/' ? '#/stories' : hash;
      await page.goto(`${server.url}${base}${separator}offset=${lastOffset}`);
      await rangeStarts(page, lastOffset + 1);
      assert.deepEqual(await range(page), [lastOffset + 1, total, total], `${view}: the last page`);
      assert.equal(await page.locator('main nav.pager a', { hasText: 'next →' }).count(), 0);
      assert.ok(to2 > to);
      await page.close();
    }
    // The pile is large enough that the lists an analyst pages through have more than one page.
    console.log(`paged through: ${multiPage.join(', ')}`);
    assert.ok(multiPage.length >= 4, multiPage.join(', '));
  });
});
