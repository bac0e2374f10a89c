/**
 * What the browser suites share: whether they run, opening a view (failing on console errors and
 * failed requests), axe-core checks, screenshots kept as CI artifacts, and the walk over every view
 * at desktop and phone sizes.
 *
 * Screenshots go to `$SITREP_SCREENSHOTS`, else `artifacts/screenshots` in the repository (ignored
 * by git); each suite prints the folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Analysis } from '../../src/core/analysis.ts';
import { analyzeStore } from '../../src/engine/analysis.ts';
import { ingest } from '../../src/engine/ingest.ts';
import { type RunningServer, startServer } from '../../src/server/serve.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../fixtures/chromium.ts';

const required = process.env['SITREP_TEST_BROWSER'] === '1';
const available = chromiumAvailable();
if (required && !available) throw new Error(`SITREP_TEST_BROWSER=1 but no Chromium at ${CHROMIUM}`);
/** `describe`'s skip option: false, or why the suite cannot run here. */
export const skipBrowser: false | string = available
  ? false
  : `no Chromium at ${CHROMIUM} (set SITREP_CHROMIUM, or apt-get install chromium)`;

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
export type Size = typeof DESKTOP;

/** A suite's store (in memory), its analysis, the server serving it on loopback, and Chromium. */
export interface BrowserRig {
  store: Store;
  analysis: Analysis;
  server: RunningServer;
  browser: Browser;
  /** How many articles the ingest inserted. */
  inserted: number;
  close(): Promise<void>;
}

/** Ingest `inputs` into a fresh in-memory store, analyse it, serve it, start Chromium. */
export async function browserRig(inputs: string[], now: () => Date): Promise<BrowserRig> {
  const store = createSqliteStore({ path: ':memory:' });
  const report = await ingest(store, inputs, { now });
  const analysis = await analyzeStore(store, { now, threads: 0 });
  const server = await startServer({
    store,
    now,
    getAnalysis: async () => analysis,
    host: '127.0.0.1',
    port: 0,
  });
  const browser = await launchChromium();
  return {
    store,
    analysis,
    server,
    browser,
    inserted: report.counts.inserted,
    async close() {
      await browser.close();
      await server.close();
      store.close();
    },
  };
}

/** The screenshot folder, made on first use. */
export function screenshotFolder(): string {
  const dir =
    process.env['SITREP_SCREENSHOTS'] ?? resolve(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // Expressions as strings: they run in the page, whose globals Node's types do not have.
  const violations = (await page.evaluate('axe.run(document).then((r) => r.violations)')) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Open a view at a size; fail on any console error or failed request. */
export async function openView(browser: Browser, baseUrl: string, hash: string, size: Size): Promise<Page> {
  // bypassCSP lets the test inject axe-core; the page itself runs under its strict policy.
  const page = await browser.newPage({ viewport: size, bypassCSP: true });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(`${baseUrl}${hash}`);
  await page.waitForSelector('main[data-view]');
  assert.deepEqual(problems, [], hash);
  return page;
}

/** A file name for a view's screenshot: the suite, the route and the width. */
const shotName = (suite: string, hash: string, size: Size) =>
  `${suite}-${
    hash
      .replace(/^#\/?/, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '') || 'index'
  }-${size.width}.png`;

/** Every view to visit: one of each kind, on the largest storyline and the most mentioned entity. */
export function viewsOf(analysis: Analysis, search: string): string[] {
  const storyline = [...analysis.stories]
    .filter((s) => s.kind === 'storyline')
    .sort((a, b) => b.articleIds.length - a.articleIds.length)[0];
  assert.ok(storyline, 'a storyline to visit');
  const article = analysis.articles.find((a) => storyline.articleIds.includes(a.id));
  const entity = [...analysis.entities].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  assert.ok(article && entity);
  return [
    '#/',
    '#/articles',
    `#/story/${storyline.id}`,
    `#/story/${storyline.id}/brief`,
    `#/article/${article.id}`,
    '#/claims',
    '#/quotes',
    '#/events',
    '#/entities',
    `#/entity/${entity.id}`,
    `#/search?q=${encodeURIComponent(search)}`,
    '#/ingest',
  ];
}

/**
 * Each view at desktop and phone size: no serious or critical axe violation, no sideways scroll on
 * the phone, a title of its own; a screenshot of each kept. Returns the screenshots' folder.
 */
export async function checkEveryView(
  browser: Browser,
  baseUrl: string,
  views: string[],
  suite: string,
): Promise<string> {
  const folder = screenshotFolder();
  const titles = new Set<string>();
  for (const hash of views) {
    for (const size of [DESKTOP, PHONE]) {
      const page = await openView(browser, baseUrl, hash, size);
      assert.deepEqual(await axeViolations(page), [], `${hash} at ${size.width}px`);
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - window.innerWidth',
      )) as number;
      assert.ok(overflow <= 0, `${hash} at ${size.width}px scrolls sideways by ${overflow}px`);
      titles.add(await page.title());
      await page.screenshot({ path: join(folder, shotName(suite, hash, size)) });
      await page.close();
    }
  }
  assert.equal(titles.size, views.length, [...titles].join(' | '));
  return folder;
}
