import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { generateCorpus } from '../bench/cluster-corpus-generator.ts';
import { analyzeStore } from '../src/engine/analysis.ts';
import { ingest } from '../src/engine/ingest.ts';
import { openStore } from '../src/engine/open-store.ts';

const size = Number(process.argv[2] ?? 20000);
const only = process.argv[3] === 'make';
const base = `/tmp/prof/scale${size}.db`;
if (!existsSync(base)) {
  const file = `/tmp/prof/corpus-${size}.jsonl`;
  const rows: string[] = [];
  for (const { input } of generateCorpus(size, 11)) {
    rows.push(
      JSON.stringify({
        url: `https://bench.example/${input.id}`,
        text: input.text,
        ...(input.title ? { title: input.title } : {}),
        ...(input.outlet ? { outlet: input.outlet } : {}),
        ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
      }),
    );
  }
  writeFileSync(file, rows.join('\n'));
  const s = await openStore({ db: base, mustExist: false });
  await ingest(s, [file], { now: () => new Date(), maxStreamBytes: 2 ** 31 - 1 });
  await s.close();
}
if (only) process.exit(0);
const run = `/tmp/prof/run${size}.db`;
copyFileSync(base, run);
const store = await openStore({ db: run, mustExist: false });
const t0 = performance.now();
const mb = (x: number) => (x / 2 ** 20).toFixed(0);
const log = (what: string) => {
  if (process.env.GC && !what.startsWith('/') && what !== 'tick') (globalThis as any).gc();
  const m = process.memoryUsage();
  console.log(
    `${((performance.now() - t0) / 1000).toFixed(1)}s ${what} rss ${mb(m.rss)} heap ${mb(m.heapUsed)} tot ${mb(m.heapTotal)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)} maxrss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`,
  );
};
const timer = new Map<string, number>();
const orig = timer.set.bind(timer);
(timer as any).set = (k: string, v: number) => {
  if (!timer.has(k)) log(`+${k}`);
  return orig(k, v);
};
const iv = setInterval(() => log('tick'), Number(process.env.TICK ?? 5000));
for (const k of ['putDerived', 'putDerivedMany', 'deleteDerived'] as const) {
  const o = (store as any)[k].bind(store);
  (store as any)[k] = async (...a: any[]) => {
    log(`${k} ${a[0]?.kind ?? a[0]?.[0]?.kind ?? a[0]} n=${Array.isArray(a[0]) ? a[0].length : 1}`);
    const r = await o(...a);
    log(`/${k}`);
    return r;
  };
}
const analysis = await analyzeStore(store, { now: () => new Date(), timer });
log('done');
clearInterval(iv);
console.log(
  analysis.articles.length,
  [...timer]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
    .join(', '),
);
await store.close();
