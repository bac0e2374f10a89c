/**
 * The API under load while the server ingests and analyses (issue 18, finding 4; docs/decisions/0080).
 *
 *   tsx bench/api-load-bench.ts [articles=5000] [seconds=20]
 *
 * Builds a store of `articles` generated from real news text (bench/cluster-corpus-generator.ts),
 * ingested and analysed once (so the server starts from the cached per-article results, as after
 * `sitrep analyze`), then starts the built server (`node dist/sitrep.js serve`, built first) and runs
 * autocannon at 50 connections against /api/stories (its default first page, as the web UI asks) on
 * loopback:
 *   1. idle: `seconds` seconds with no background work (also for the largest page, ?limit=500);
 *   2. busy: from a POST /api/ingest of 50 new articles until the recompute it starts has finished
 *      (the upload runs on the server's ingest thread, the recompute on its analysis thread).
 * Clients accept gzip (as browsers do); the idle run is also made without it. For each: req/s, latency
 * p50/p99/max, errors, timeouts and non-2xx answers, the CPU time of the server and of the load tool,
 * and the server's RSS (peak and at the end, sampled every 100 ms). The load tool runs in this process,
 * on the same machine as the server: where it saturates a core, its figures bound the latencies.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { analyzeStore } from '../src/engine/analysis.ts';
import { ingest } from '../src/engine/ingest.ts';
import { openStore } from '../src/engine/open-store.ts';
import { corpusJsonLine, generateCorpus, type SyntheticArticle } from './cluster-corpus-generator.ts';

const root = resolve(import.meta.dirname, '..');
const [articles = 5000, seconds = 20] = process.argv.slice(2).map(Number);
const CONNECTIONS = 50;

const jsonLine = (input: SyntheticArticle['input'], prefix: string) =>
  corpusJsonLine(input, `https://bench.example/${prefix}`);

async function buildStore(db: string, file: string): Promise<void> {
  writeFileSync(
    file,
    [...generateCorpus(articles, 11)].map(({ input }) => jsonLine(input, 'base')).join('\n'),
  );
  const store = await openStore({ db });
  try {
    let started = performance.now();
    const report = await ingest(store, [file], { now: () => new Date(), maxStreamBytes: 2 ** 31 - 1 });
    console.log(
      `store: ${report.counts.inserted} articles ingested in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    await analyzeStore(store, { now: () => new Date() });
    console.log(
      `store: analysed in ${((performance.now() - started) / 1000).toFixed(1)} s (cached for the server)`,
    );
  } finally {
    await store.close();
  }
}

/** The server's resident set (MiB), sampled until stopped. */
function rssSampler(pid: number) {
  const read = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  };
  let peak = 0;
  let last = 0;
  const timer = setInterval(() => {
    try {
      last = read();
      peak = Math.max(peak, last);
    } catch {
      // the server has exited
    }
  }, 100);
  return {
    reset: () => {
      peak = last;
    },
    figures: () => `server RSS peak ${peak.toFixed(0)} MiB, now ${last.toFixed(0)} MiB`,
    stop: () => clearInterval(timer),
  };
}

async function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, 'dist/sitrep.js'), '--db', db, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving (http:\/\/\S+\/) /.exec(out);
      if (m) resolveUrl(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
  return { child, url };
}

// biome-ignore lint/suspicious/noExplicitAny: /api/health read by shape
async function health(url: string): Promise<any> {
  return (await fetch(`${url}api/health`)).json();
}

async function waitFor(
  url: string,
  done: (h: { analysis: { version: number; pending: boolean } }) => boolean,
) {
  for (;;) {
    const h = await health(url);
    if (done(h)) return h;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** CPU seconds of the server process (from /proc) and of this one (the load tool), to see who is busy. */
function cpuMeter(pid: number) {
  const server = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const s0 = server();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return `CPU s: server ${(server() - s0).toFixed(1)}, load tool ${((c.user + c.system) / 1e6).toFixed(1)}; load average ${loadavg()[0]!.toFixed(1)}`;
  };
}

function figures(name: string, r: autocannon.Result, extra: string): void {
  const l = r.latency;
  console.log(
    `${name}: ${r.requests.average.toFixed(0)} req/s over ${r.duration.toFixed(1)} s (${r.requests.total} requests), ` +
      `latency p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms; errors ${r.errors}, timeouts ${r.timeouts}, ` +
      `non-2xx ${r.non2xx}; ${extra}`,
  );
}

/**
 * autocannon on /api/stories (accepting gzip, as browsers do) — the first page the web UI asks for,
 * or `query`'s page: the running instance and its result.
 */
function load(
  url: string,
  duration: number,
  gzip = true,
  query = '',
): { instance: autocannon.Instance; result: Promise<autocannon.Result> } {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((done, fail) => {
    instance = autocannon(
      {
        url: `${url}api/stories${query}`,
        connections: CONNECTIONS,
        duration,
        timeout: 10,
        headers: gzip ? { 'accept-encoding': 'gzip' } : {},
      },
      (error, r) => (error ? fail(error) : done(r)),
    );
  });
  return { instance: instance!, result };
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-api-'));
let server: ChildProcess | undefined;
try {
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts')], { stdio: 'inherit' });
  const db = join(dir, 'store.db');
  await buildStore(db, join(dir, 'corpus.jsonl'));
  const started = await startServer(db);
  server = started.child;
  const { url } = started;
  const rss = rssSampler(server.pid!);
  const first = await waitFor(url, (h) => h.analysis.version >= 1 && !h.analysis.pending);
  console.log(
    `server: first analysis ready (${first.analysis.lastRun.ms} ms on its analysis thread); ${rss.figures()}`,
  );
  console.log(
    `api-load: ${CONNECTIONS} connections on ${url}api/stories, ${articles} articles, 2 shared cores`,
  );

  rss.reset();
  let cpu = cpuMeter(server.pid!);
  figures('idle, identity', await load(url, seconds, false).result, `${cpu()}; ${rss.figures()}`);
  rss.reset();
  cpu = cpuMeter(server.pid!);
  figures('idle, gzip', await load(url, seconds).result, `${cpu()}; ${rss.figures()}`);
  // The largest page a client may ask for (MAX_PAGE stories): the body the whole list once was.
  rss.reset();
  cpu = cpuMeter(server.pid!);
  figures(
    'idle, gzip, ?limit=500',
    await load(url, seconds, true, '?limit=500').result,
    `${cpu()}; ${rss.figures()}`,
  );

  // Busy: an upload of 50 new articles, then the recompute it starts, under the same load.
  rss.reset();
  const added = [...generateCorpus(50, 97)].map(({ input }) => JSON.parse(jsonLine(input, 'added')));
  cpu = cpuMeter(server.pid!);
  const running = load(url, 600);
  await new Promise((r) => setTimeout(r, 1000));
  const posted = performance.now();
  const response = await fetch(`${url}api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: added }),
  });
  const report = (await response.json()) as { counts: Record<string, number> };
  const uploadMs = performance.now() - posted;
  const after = await waitFor(url, (h) => h.analysis.version >= 2 && !h.analysis.pending);
  running.instance.stop();
  figures(
    'busy, gzip',
    await running.result,
    `upload ${uploadMs.toFixed(0)} ms (${JSON.stringify(report.counts)}), recompute ${after.analysis.lastRun.ms} ms; ${cpu()}; ${rss.figures()}`,
  );
  rss.stop();
} finally {
  server?.kill('SIGTERM');
  if (server) await new Promise((r) => server!.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
