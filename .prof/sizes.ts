import { analyzeArticlesInParallel, emptyAnalysisCache } from '../src/engine/analyze-articles.ts';
import { ArticlePool } from '../src/engine/article-pool.ts';
import type { Clustering } from '../src/engine/clusters.ts';
import { openStore } from '../src/engine/open-store.ts';

const size = Number(process.argv[2] ?? 5000);
const store = await openStore({ db: `/tmp/prof/scale${size}.db`, mustExist: true });
const gc = (globalThis as any).gc as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const h0 = heap();
let articles: any[] | undefined = await store.allArticles();
const h1 = heap();
console.log(
  `articles ${articles.length}: heap +${(h1 - h0).toFixed(0)} MB; text ${(articles.reduce((s, a) => s + a.text.length, 0) / 2 ** 20).toFixed(0)} MB`,
);
const cache = emptyAnalysisCache();
let clustering: Clustering | undefined;
const pool = new ArticlePool(1);
let analysis: any = await analyzeArticlesInParallel(
  articles,
  {
    now: () => new Date(),
    cache,
    onClusters: (c) => {
      clustering = c;
    },
  },
  pool,
);
await pool.close();
const h2 = heap();
console.log(`after analysis: heap +${(h2 - h1).toFixed(0)} MB over articles`);
const js = (v: unknown) => (JSON.stringify(v)?.length ?? 0) / 2 ** 20;
for (const k of Object.keys(analysis)) console.log(`  analysis.${k}: json ${js(analysis[k]).toFixed(1)} MB`);
for (const k of ['facts', 'annotations', 'framing', 'stories'] as const)
  console.log(`  cache.${k}: json ${js([...cache[k].values()].map((c) => c.value)).toFixed(1)} MB`);
const ann = [...cache.annotations.values()].map((c) => c.value) as any[];
for (const f of Object.keys(ann[0]))
  console.log(`    annotations.${f}: ${js(ann.map((a) => a[f])).toFixed(1)} MB`);
const facts = [...cache.facts.values()].map((c) => c.value) as any[];
for (const f of Object.keys(facts[0]))
  console.log(`    facts.${f}: ${js(facts.map((a) => a[f])).toFixed(1)} MB`);
const st = [...cache.stories.values()].map((c) => c.value) as any[];
for (const f of Object.keys(st[0])) console.log(`    stories.${f}: ${js(st.map((a) => a[f])).toFixed(1)} MB`);
clustering = undefined;
const h3 = heap();
console.log(`drop clustering: -${(h2 - h3).toFixed(0)} MB`);
analysis = undefined;
const h4 = heap();
console.log(`drop analysis: -${(h3 - h4).toFixed(0)} MB`);
for (const k of ['stories', 'annotations', 'facts', 'framing'] as const) {
  cache[k].clear();
  const h = heap();
  console.log(`drop cache.${k}: now ${h.toFixed(0)} MB`);
}
articles = undefined;
console.log(`drop articles: now ${heap().toFixed(0)} MB`);
console.log(`h0 ${h0.toFixed(0)} MB`);
if (process.argv[3] === 'snap') {
  const v8 = await import('node:v8');
  console.log(v8.writeHeapSnapshot(`/tmp/prof/end${size}.heapsnapshot`));
}
