/**
 * The web UI in a real browser (Chromium through playwright-core): the example corpus ingested and
 * analysed, served by `startServer`, and every view visited at desktop (1440×900) and phone (390×844)
 * sizes — navigated by clicking where a user would, checked with axe-core (no serious or critical
 * violation), for horizontal scrolling on the phone, for page titles and focus on navigation.
 *
 * Chromium: `$SITREP_CHROMIUM`, else /usr/bin/chromium (Debian's package; `.ci/run` installs it).
 * Without one the suite is skipped with the reason, unless SITREP_TEST_BROWSER=1 (CI) makes it fail.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import type { Analysis } from '../../src/core/analysis.ts';
import { createApp } from '../../src/server/app.ts';
import {
  type BrowserRig,
  browserRig,
  checkEveryView,
  DESKTOP,
  openView,
  PHONE,
  type Size,
  skipBrowser,
  viewsOf,
} from './browser-kit.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/korea-russia', import.meta.url));
const now = () => new Date('2024-11-01T00:00:00Z');
const TOKEN = 'browser-test-token-0123456789';

describe('web UI in Chromium: the example corpus', { skip: skipBrowser }, () => {
  let rig: BrowserRig;
  let store: BrowserRig['store'];
  let analysis: Analysis;
  let server: BrowserRig['server'];
  let browser: Browser;

  before(async () => {
    rig = await browserRig([EXAMPLES], now);
    ({ store, analysis, server, browser } = rig);
  });
  after(() => rig?.close());

  const open = (hash: string, size: Size): Promise<Page> => openView(browser, server.url, hash, size);

  it('every view: no serious or critical axe violation, no horizontal scroll on a phone, a title of its own', async () => {
    const folder = await checkEveryView(browser, server.url, viewsOf(analysis, 'Putin'), 'examples');
    console.log(`screenshots: ${folder}`);
  });

  it('navigates by clicking: the story list to a story, its brief, an article; focus moves to the content', async () => {
    const page = await open('#/', DESKTOP);
    const first = page.locator('main a[href^="#/story/"]').first();
    const storyTitle = (await first.textContent())?.trim() ?? '';
    await first.click();
    await page.waitForSelector('main[data-view="story"]');
    assert.match(
      await page.title(),
      new RegExp(storyTitle.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'main');
    await page.locator('main a[href$="/brief"]').first().click();
    await page.waitForSelector('main[data-view="brief"]');
    // A brief's citation goes to the cited span of its article.
    await page.locator('main a[href^="#/article/"]').first().click();
    await page.waitForSelector('main[data-view="article"]');
    assert.ok(
      (await page.locator('main mark[tabindex="0"]').count()) > 0,
      'highlights reachable by keyboard',
    );
    assert.equal(await page.locator('nav a[aria-current="page"]').count(), 0);
    await page.goto(`${server.url}#/claims`);
    await page.waitForSelector('main[data-view="claims"]');
    assert.equal(await page.locator('nav a[aria-current="page"]').textContent(), 'Claims');
    await page.close();
  });

  it('filters by their forms: claims by modality, stories by size; pagers and choices keep them', async () => {
    const page = await open('#/claims', DESKTOP);
    const modality = analysis.claims[0]!.modality;
    await page.selectOption('form.filters select[name="modality"]', modality);
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(new RegExp(`#/claims\\?modality=${modality}$`));
    await page.waitForSelector(`main[data-view="claims"] option[value="${modality}"][selected]`, {
      state: 'attached',
    });
    const shown = await page.locator('table.claims tbody tr td:nth-child(2)').allTextContents();
    assert.ok(shown.length > 0 && shown.every((m) => m === modality), shown.join(','));
    assert.equal(
      await page.locator('main h2 small').textContent(),
      `(${analysis.claims.filter((c) => c.modality === modality).length})`,
    );
    await page.goto(`${server.url}#/`);
    await page.waitForSelector('main[data-view="stories"]');
    await page.fill('form.filters input[name="minArticles"]', '2');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/#\/stories\?minArticles=2$/);
    await page.waitForSelector('main[data-view="stories"] input[name="minArticles"][value="2"]', {
      state: 'attached',
    });
    const sizes = await page.locator('li.story .size').allTextContents();
    assert.ok(sizes.length > 0 && sizes.every((t) => Number.parseInt(t, 10) >= 2), sizes.join(','));
    await page.close();
  });

  it('the story graph: drawn by the graph library, zoomable, a node opens its entity page', async () => {
    const storyline = analysis.stories.find((x) => x.kind === 'storyline')!;
    const page = await open(`#/story/${storyline.id}`, DESKTOP);
    // Drawn when the section comes near the viewport: not before.
    assert.equal(await page.locator('.graph-canvas canvas').count(), 0);
    await page.locator('section.graphs').scrollIntoViewIfNeeded();
    await page.waitForSelector('.graph-canvas canvas');
    assert.equal(await page.locator('svg.entity-graph').isHidden(), true);
    await page.waitForSelector('.source-section .graph-canvas canvas');
    assert.equal(await page.locator('svg.source-graph').isHidden(), true);
    const zoom = () => page.evaluate('document.querySelector(".graph-canvas").cy.zoom()') as Promise<number>;
    const before = await zoom();
    await page.click('.graph-tools button[data-zoom="in"]');
    assert.ok((await zoom()) > before);
    await page.click('.graph-tools button[data-zoom="fit"]');
    const node = (await page.evaluate(
      '(() => { const cy = document.querySelector(".graph-canvas").cy; const n = cy.nodes()[0]; const b = document.querySelector(".graph-canvas").getBoundingClientRect(); const p = n.renderedPosition(); return { id: n.id(), x: b.left + p.x, y: b.top + p.y }; })()',
    )) as { id: string; x: number; y: number };
    await page.mouse.click(node.x, node.y);
    await page.waitForSelector('main[data-view="entity"]');
    assert.equal(new URL(page.url()).hash, `#/entity/${encodeURIComponent(node.id)}`);
    await page.close();
  });

  it('off loopback (reads need the token): asks for it once, then reads and downloads with it', async () => {
    const app = createApp({
      store,
      now,
      getAnalysis: async () => analysis,
      token: TOKEN,
      readsNeedToken: true,
    });
    const guarded = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((done) => guarded.once('listening', done));
    const { port } = guarded.address() as AddressInfo;
    const page = await browser.newPage({ viewport: DESKTOP, bypassCSP: true, acceptDownloads: true });
    let asked = 0;
    page.on('dialog', (dialog) => {
      asked += 1;
      void dialog.accept(TOKEN);
    });
    const storyline = analysis.stories.find((x) => x.kind === 'storyline')!;
    await page.goto(`http://127.0.0.1:${port}/#/story/${storyline.id}`);
    await page.waitForSelector('main[data-view="story"]');
    assert.equal(asked, 1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[download][href*="kind=claims"]').click(),
    ]);
    assert.equal(download.suggestedFilename(), `claims-${storyline.id}.csv`);
    await page.close();
    await new Promise((done) => guarded.close(done));
  });

  it('adds an article through the form and reports it', async () => {
    const page = await open('#/ingest', PHONE);
    await page.fill('#ingest-title', 'A pasted report');
    await page.fill(
      '#ingest-text',
      'A pasted report\n\nOfficials in Seoul said on Monday that the talks would resume next week.',
    );
    await page.click('form#ingest button[type="submit"]');
    await page.waitForSelector('#ingest-report li');
    assert.match(
      (await page.locator('#ingest-report').textContent()) ?? '',
      /^1 inserted\. .*inserted items\[0\] A pasted report$/,
    );
    await page.close();
  });
});
