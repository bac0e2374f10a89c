/**
 * A deterministic synthetic news corpus with known event and storyline labels, made from real text:
 * paragraphs of the example corpus and the clustering fixtures (and, when present, the WikiRef220
 * documents beside the repository) are resampled into stories whose proper nouns are replaced by
 * invented names (per storyline and per event), then published as an original, paraphrase-like
 * rewrites (sentences dropped and reordered, words dropped), near duplicates (new headline, a
 * paragraph trimmed) and exact copies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClusterInput } from '../src/core/story.ts';

export interface SyntheticArticle {
  input: ClusterInput;
  event: string;
  storyline: string;
}

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const root = resolve(import.meta.dirname, '..');

/** Paragraphs of real text to resample (at least 120 characters each). */
export function paragraphPool(useShared = true): string[] {
  const texts: string[] = [];
  const seeds = join(root, 'examples', 'korea-russia');
  for (const f of readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    texts.push(readFileSync(join(seeds, f), 'utf8'));
  for (const line of readFileSync(join(root, 'test', 'fixtures', 'clustering', 'corpus.jsonl'), 'utf8').split(
    '\n',
  )) {
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  const shared = join(root, '..', 'shared', 'eval-data', 'clustering', 'docs');
  if (useShared && existsSync(shared)) {
    for (const f of readdirSync(shared).sort()) texts.push(readFileSync(join(shared, f), 'utf8'));
  }
  return texts
    .flatMap((t) => t.replace(/\r\n?/g, '\n').split(/\n\s*\n/))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length >= 120 && /[.!?]["”’)]?$/.test(p));
}

const SYLLABLES =
  'ka ro mi ta ve lin dor sa nu bel gar ion tes pra vik mon zel ra tu hal ber ost an ko li fen mar'.split(
    ' ',
  );

function name(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Replace capitalised words not at a sentence start by names from the maps (storyline first, then event). */
function rename(
  p: string,
  plan: { storyMap: Map<string, string>; cast: string[] },
  eventMap: Map<string, string>,
  rand: () => number,
): string {
  const { storyMap, cast } = plan;
  return p.replace(/(?<=[a-z,;] )\p{Lu}\p{Ll}{2,}/gu, (w) => {
    const known = storyMap.get(w) ?? eventMap.get(w);
    if (known) return known;
    // A third of the names are the storyline's recurring cast, so its events share them.
    const fresh = rand() < 0.35 ? cast[Math.floor(rand() * cast.length)]! : name(rand);
    (rand() < 0.5 ? storyMap : eventMap).set(w, fresh);
    return fresh;
  });
}

function rewrite(paragraphs: string[], rand: () => number): string[] {
  return paragraphs
    .map((p) => {
      const sentences = p.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter(() => rand() > 0.2);
      if (sentences.length > 1 && rand() < 0.3) sentences.reverse();
      return sentences
        .join(' ')
        .split(' ')
        .filter((w, i) => i === 0 || /^\p{Lu}/u.test(w) || rand() > 0.1)
        .join(' ');
    })
    .filter((p) => p.length > 40);
}

const pad = (n: number) => String(n).padStart(6, '0');

/**
 * Generate `count` articles, in publication order, deterministically from `seed`.
 * Storylines have 1–4 events 20–90 days apart; events have 1–8 articles over 0–2 days.
 */
export function* generateCorpus(
  count: number,
  seed = 42,
  pool = paragraphPool(),
): Generator<SyntheticArticle> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  interface Plan {
    storyline: number;
    event: number;
    day: number;
    size: number;
    storyMap: Map<string, string>;
    cast: string[];
  }
  const plans: Plan[] = [];
  let planned = 0;
  let eventNo = 0;
  for (let s = 0; planned < count; s++) {
    const storyMap = new Map<string, string>();
    const cast = [name(rand), name(rand), name(rand), name(rand)];
    let day = Math.floor(rand() * 700);
    const events = 1 + Math.floor(rand() * 4);
    for (let e = 0; e < events && planned < count; e++) {
      const size = Math.min(count - planned, 1 + Math.floor(rand() * 8));
      plans.push({ storyline: s, event: eventNo++, day, size, storyMap, cast });
      planned += size;
      day += 20 + Math.floor(rand() * 70);
    }
  }
  plans.sort((a, b) => a.day - b.day || a.event - b.event);
  let id = 0;
  for (const plan of plans) {
    const eventMap = new Map<string, string>();
    const base = Array.from({ length: 3 + Math.floor(rand() * 4) }, () =>
      rename(pick(pool), plan, eventMap, rand),
    );
    const headline = base[0]!.split(/(?<=[.!?])\s/)[0]!.slice(0, 140);
    const published: string[][] = [];
    for (let k = 0; k < plan.size; k++) {
      const r = rand();
      let title = headline;
      let paragraphs: string[];
      if (k === 0) paragraphs = base;
      else if (r < 0.05) paragraphs = pick(published);
      else if (r < 0.2) {
        const copy = [...pick(published)];
        copy.splice(Math.floor(rand() * copy.length), 1);
        paragraphs = copy.length > 0 ? copy : base;
        title = `${name(rand)}: ${headline}`;
      } else {
        paragraphs = rewrite(base, rand);
        title = rewrite([headline], rand)[0] ?? headline;
      }
      published.push(paragraphs);
      const date = new Date((19_700 + plan.day + Math.floor(rand() * 3)) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const text = `${title}\n\n${paragraphs.join('\n\n')}`;
      yield {
        input: { id: `syn-${pad(id++)}`, text, bodyStart: title.length + 2, publishedAt: date },
        event: `e${plan.event}`,
        storyline: `s${plan.storyline}`,
      };
    }
  }
}
