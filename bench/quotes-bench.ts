/**
 * The quotes and claims stages on real text (issue 16's target: ≥ 1,000 articles/s together on one
 * core): the first N pile-dev articles (default 600), their entity mentions found beforehand (not
 * timed), then `extractQuotes` and `extractClaims` on each, in CPU time (process.cpuUsage: the other
 * work on a shared machine does not count), best of R rounds (default 7). Segmentation is warmed
 * before each article as the pipeline's entity stage does before the quotes stage reads it.
 *   tsx bench/quotes-bench.ts [pile.jsonl] [--articles 600] [--rounds 7] [--compare DIR] [--digest]
 * `--compare DIR` also runs another checkout's stages (DIR/src/...; e.g. a worktree of main) in the
 * same process, rounds alternating, and prints the ratio of the two (docs/decisions/0043). `--digest`
 * also prints, per checkout, a SHA-256 of every article's quotes and claims as JSON (not timed): equal
 * digests, byte-identical outputs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { EntityMention } from '../src/core/entity.ts';
import type { ClaimMention, Quote } from '../src/core/quote.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    articles: { type: 'string', default: '600' },
    rounds: { type: 'string', default: '7' },
    compare: { type: 'string' },
    digest: { type: 'boolean', default: false },
  },
});

interface Stages {
  label: string;
  quotes: (id: string, text: string, o: { entities: EntityMention[] }) => Quote[];
  claims: (id: string, text: string, o: { quotes: Quote[]; entities: EntityMention[] }) => ClaimMention[];
  segment: (text: string) => unknown;
  entities: (id: string, text: string) => EntityMention[];
}

async function load(root: string, label: string): Promise<Stages> {
  const at = (p: string): Promise<Record<string, unknown>> => import(pathToFileURL(resolve(root, p)).href);
  const q = await at('src/pipeline/annotate/quotes/extract-quotes.ts');
  const c = await at('src/pipeline/annotate/claims/extract-claims.ts');
  const s = await at('src/pipeline/segment/segment.ts');
  const e = await at('src/pipeline/annotate/entities/annotate-entities.ts');
  return {
    label,
    quotes: q.extractQuotes as Stages['quotes'],
    claims: c.extractClaims as Stages['claims'],
    segment: s.segment as Stages['segment'],
    entities: e.annotateEntities as Stages['entities'],
  };
}

interface Item {
  id: string;
  text: string;
  entities: EntityMention[];
}

/**
 * CPU milliseconds of the quotes and claims stages over the items; counts quotes and claims. Items go
 * in batches of 32, each batch's texts segmented first (the segmentation memo holds 64), so that one
 * CPU reading a batch, not two an article, is all the timing costs.
 */
function round(st: Stages, items: Item[]): { ms: number; quotes: number; claims: number } {
  let ms = 0;
  let quotes = 0;
  let claims = 0;
  for (let b = 0; b < items.length; b += 32) {
    const batch = items.slice(b, b + 32);
    for (const a of batch) st.segment(a.text);
    const t0 = process.cpuUsage();
    for (const a of batch) {
      const q = st.quotes(a.id, a.text, { entities: a.entities });
      const c = st.claims(a.id, a.text, { quotes: q, entities: a.entities });
      quotes += q.length;
      claims += c.length;
    }
    const t = process.cpuUsage(t0);
    ms += (t.user + t.system) / 1000;
  }
  return { ms, quotes, claims };
}

/** A SHA-256 of the JSON of every item's quotes and claims, in order (the first 12 hex digits). */
function digest(st: Stages, items: Item[]): string {
  const h = createHash('sha256');
  for (const a of items) {
    st.segment(a.text);
    const q = st.quotes(a.id, a.text, { entities: a.entities });
    const c = st.claims(a.id, a.text, { quotes: q, entities: a.entities });
    h.update(JSON.stringify(q));
    h.update('\n');
    h.update(JSON.stringify(c));
    h.update('\n');
  }
  return h.digest('hex').slice(0, 12);
}

async function main(): Promise<void> {
  const pile = positionals[0] ?? resolve(import.meta.dirname, '../../shared/eval-data/pile-dev/pile.jsonl');
  const n = Number(values.articles);
  const rounds = Number(values.rounds);
  const texts = readFileSync(pile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, n)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const runs = [await load(resolve(import.meta.dirname, '..'), 'this checkout')];
  if (values.compare) runs.push(await load(resolve(values.compare), values.compare));
  const items = runs.map((st) =>
    texts.map((text, i) => ({ id: `pile-${i}`, text, entities: st.entities(`pile-${i}`, text) })),
  );
  const words = texts.reduce((s, t) => s + t.split(/\s+/).length, 0);
  console.log(`quotes: ${texts.length} pile-dev articles, ${words} words, ${rounds} rounds`);
  for (const [k, st] of runs.entries()) round(st, items[k]!.slice(0, 50));
  const best = runs.map(() => Number.POSITIVE_INFINITY);
  const found = runs.map(() => ({ quotes: 0, claims: 0 }));
  for (let r = 0; r < rounds; r++) {
    // The order alternates too: whichever runs first in a round pays more of the collector's work.
    const order = r % 2 === 0 ? runs.map((_, k) => k) : runs.map((_, k) => runs.length - 1 - k);
    order.forEach((k) => {
      const st = runs[k]!;
      const res = round(st, items[k]!);
      best[k] = Math.min(best[k]!, res.ms);
      found[k] = { quotes: res.quotes, claims: res.claims };
    });
  }
  runs.forEach((st, k) => {
    const perSecond = (texts.length * 1000) / best[k]!;
    console.log(
      `quotes: ${st.label}: quotes + claims ${perSecond.toFixed(0)} articles/s (best round ${best[k]!.toFixed(0)} ms CPU), ` +
        `${found[k]!.quotes} quotes, ${found[k]!.claims} claims`,
    );
  });
  if (values.digest)
    for (const [k, st] of runs.entries()) console.log(`quotes: ${st.label}: digest ${digest(st, items[k]!)}`);
  if (runs.length === 2)
    console.log(`quotes: throughput ratio this / compare ${(best[1]! / best[0]!).toFixed(3)}`);
}

await main();
