/**
 * What this machine gives two processes at once, on the work the fleet's workers do: the per-article
 * stages (both phases) over real articles, timed in one process alone, then in two processes started
 * together. The aggregate — twice the time alone over the mean time of the pair — is the ceiling of
 * "two workers against one" for that work on this machine, whatever the queue and the store do: a
 * Node process that runs JavaScript on one thread still uses more than one core (V8's collector and
 * compiler run beside it), and two processes share the caches and memory bandwidth.
 *
 *   tsx bench/machine-capacity.ts <pile.jsonl> [--articles 1000]
 *
 * Each process extracts the pile into an in-memory store (not timed), then runs the stages on the
 * first N articles in store order, each with its own entity mentions as its linked ones. Printed, for
 * two rounds (their spread is the machine's noise): wall and CPU seconds alone, each of the pair's,
 * and the aggregate.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  ARTICLE_STAGES,
  articleAnnotations,
  articleFacts,
  phaseArticle,
} from '../src/engine/article-phase.ts';
import { ingest } from '../src/engine/ingest.ts';
import { tuneJit } from '../src/engine/jit-tuning.ts';
import { openStore } from '../src/engine/open-store.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { articles: { type: 'string', default: '1000' }, child: { type: 'boolean', default: false } },
});
const [pile] = positionals;
const articles = Number(values.articles);

interface Timing {
  articles: number;
  wall: number;
  cpu: number;
}

/** The child: the stages over the first `count` articles of the pile, timed (wall and CPU). */
async function stagesOnce(file: string, count: number): Promise<Timing> {
  tuneJit();
  const store = await openStore({ db: ':memory:' });
  await ingest(store, [file], { now: () => new Date(), maxStreamBytes: 2 ** 31 - 1 });
  const picked = (await store.allArticles()).slice(0, count).map(phaseArticle);
  await store.close();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const article of picked) {
    const facts = articleFacts(article, ARTICLE_STAGES);
    const text = facts.mentions.filter((m) => m.in !== 'raw');
    articleAnnotations(article, facts, { text, captions: [] }, ARTICLE_STAGES);
  }
  const used = process.cpuUsage(cpu);
  return {
    articles: picked.length,
    wall: (performance.now() - started) / 1000,
    cpu: (used.user + used.system) / 1e6,
  };
}

function child(file: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [...process.execArgv, import.meta.filename, file, '--articles', String(articles), '--child'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`a capacity run exited with ${code}`));
      else resolve(JSON.parse(line) as Timing);
    });
  });
}

const fmt = (t: Timing) => `${t.wall.toFixed(1)} s (CPU ${t.cpu.toFixed(1)} s)`;

if (!pile || !Number.isInteger(articles) || articles < 1) {
  console.error('usage: tsx bench/machine-capacity.ts <pile.jsonl> [--articles 1000]');
  process.exit(2);
}
if (values.child) {
  console.log(JSON.stringify(await stagesOnce(pile, articles)));
} else {
  // Two rounds, alone then paired: the machine's own noise shows in their spread.
  for (let round = 1; round <= 2; round++) {
    const alone = await child(pile);
    const pair = await Promise.all([child(pile), child(pile)]);
    const mean = (pair[0].wall + pair[1].wall) / 2;
    console.log(
      `  machine capacity (round ${round}): the per-article stages on ${alone.articles} real articles take ` +
        `${fmt(alone)} in one process alone, ${fmt(pair[0])} and ${fmt(pair[1])} in two at once: two ` +
        `processes give ${((2 * alone.wall) / mean).toFixed(2)}x one (the ceiling of two workers against one here)`,
    );
  }
}
