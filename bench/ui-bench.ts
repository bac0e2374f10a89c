/**
 * The web UI's first render on a large store (issue 19: every view and table < 500 ms at 5,000
 * articles), in Chromium (Debian's package through playwright-core).
 *
 *   tsx bench/ui-bench.ts [articles=5000] [rounds=3]
 *
 * Builds a store of `articles` generated from real news text (bench/cluster-corpus-generator.ts),
 * ingests and analyses it, serves it with `startServer` (the analysis held, as a running server holds
 * it), then opens each view at 1440×900 and measures from navigation to the view's content in the
 * DOM (`main[data-view]`), best and worst of `rounds` fresh page loads (the server's view bodies are
 * cached after the first, as for every reader after the first). Prints the HTML size of each view.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeStore } from '../src/engine/analysis.ts';
import { ingest } from '../src/engine/ingest.ts';
import { openStore } from '../src/engine/open-store.ts';
import { startServer } from '../src/server/serve.ts';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../test/fixtures/chromium.ts';
import { corpusJsonLine, generateCorpus } from './cluster-corpus-generator.ts';

const [articles = 5000, rounds = 3] = process.argv.slice(2).map(Number);
if (!chromiumAvailable()) {
  console.log(`ui: skipped — no Chromium at ${CHROMIUM} (apt-get install chromium, or set SITREP_CHROMIUM)`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-ui-'));
const store = await openStore({ db: join(dir, 'ui.db'), mustExist: false });
try {
  const file = join(dir, 'corpus.jsonl');
  const rows = [...generateCorpus(articles, 11)].map(({ input }) => corpusJsonLine(input));
  writeFileSync(file, rows.join('\n'));
  await ingest(store, [file], { now: () => new Date(), maxStreamBytes: 2 ** 31 - 1 });
  const analysis = await analyzeStore(store, { now: () => new Date() });
  const largest = analysis.stories
    .filter((s) => s.kind === 'storyline')
    .sort((a, b) => b.articleIds.length - a.articleIds.length)[0]!;
  const entity = [...analysis.entities].sort((a, b) => b.mentions.length - a.mentions.length)[0]!;
  const article = analysis.articles.find((a) => largest.articleIds.includes(a.id))!;
  console.log(
    `ui: ${analysis.articles.length} articles, ${analysis.stories.length} stories, ${analysis.claims.length} claims; ` +
      `largest storyline ${largest.articleIds.length} articles`,
  );
  const server = await startServer({
    store,
    now: () => new Date(),
    getAnalysis: async () => analysis,
    host: '127.0.0.1',
    port: 0,
  });
  const browser = await launchChromium();
  try {
    const views = [
      ['story index', '#/'],
      ['articles', '#/articles'],
      ['largest story', `#/story/${largest.id}`],
      ['its brief', `#/story/${largest.id}/brief`],
      ['an article of it', `#/article/${article.id}`],
      ['claims', '#/claims'],
      ['quotes', '#/quotes'],
      ['events', '#/events'],
      ['entities', '#/entities'],
      ['most mentioned entity', `#/entity/${entity.id}`],
    ] as const;
    // The server's side of a first view: the API answer for stories no one asked for yet (cold), then again.
    const storylines = analysis.stories.filter((x) => x.kind === 'storyline').slice(1, 6);
    const timed = async (path: string) => {
      const started = performance.now();
      await (await fetch(`${server.url}${path}`)).arrayBuffer();
      return performance.now() - started;
    };
    const cold: number[] = [];
    for (const story of storylines) cold.push(await timed(`api/stories/${story.id}`));
    const warm = await timed(`api/stories/${storylines[0]!.id}`);
    console.log(
      `  GET /api/stories/{id}: cold ${Math.min(...cold).toFixed(0)}–${Math.max(...cold).toFixed(0)} ms (${cold.length} stories), warm ${warm.toFixed(0)} ms`,
    );
    let worstOverall = 0;
    for (const [label, hash] of views) {
      const times: number[] = [];
      let bytes = 0;
      for (let r = 0; r < rounds; r++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        const started = performance.now();
        await page.goto(`${server.url}${hash}`);
        await page.waitForSelector('main[data-view]', { timeout: 60_000 });
        times.push(performance.now() - started);
        bytes = ((await page.evaluate('document.querySelector("main").innerHTML.length')) as number) ?? 0;
        await page.close();
      }
      const worst = Math.max(...times);
      worstOverall = Math.max(worstOverall, worst);
      console.log(
        `  ${label.padEnd(22)} best ${Math.min(...times)
          .toFixed(0)
          .padStart(5)} ms, worst ${worst.toFixed(0).padStart(5)} ms, ` +
          `${(bytes / 1024).toFixed(0)} KB of HTML`,
      );
    }
    console.log(`  slowest first render ${worstOverall.toFixed(0)} ms (target < 500 ms)`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
