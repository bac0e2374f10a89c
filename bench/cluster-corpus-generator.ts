/**
 * A deterministic synthetic news corpus with known event and storyline labels, made from real text.
 * Sentences of the example corpus and the clustering fixtures (and, when present beside the
 * repository, the WikiRef220 and PolNeAR news documents: ~1,160 documents) are the raw material; every event writes its own base text:
 *
 * - a storyline draws most sentences from its own two source documents (topic continuity), the rest
 *   from the whole pool;
 * - half the sentences are spliced with another at a shared joint word ("… that …"), so sentences
 *   rarely recur verbatim across unrelated events (as in real news, where they do only as boilerplate);
 * - proper nouns become invented names (a storyline map and recurring cast shared by its events, and
 *   a per-event map), numbers and weekdays/months are redrawn per event, and ~8 % of other words drop.
 *
 * The event is then published as an original, rewrites (sentences dropped and reordered, words
 * dropped, a reworded headline), near duplicates (new headline prefix, a paragraph trimmed) and exact
 * copies. Storylines have 1–4 events 20–90 days apart; events have 1–8 articles over 0–2 days.
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

/** Real source documents, each as its paragraphs (at least 120 characters, ending a sentence). */
export function documentPool(useShared = true): string[][] {
  const texts: string[] = [];
  const seeds = join(root, 'examples', 'korea-russia');
  for (const f of readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    texts.push(readFileSync(join(seeds, f), 'utf8'));
  const fixture = readFileSync(join(root, 'test', 'fixtures', 'clustering', 'corpus.jsonl'), 'utf8');
  for (const line of fixture.split('\n'))
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  // Beside the repository (read by path, never copied): WikiRef220 and the PolNeAR news texts.
  const data = join(root, '..', 'shared', 'eval-data');
  for (const dir of ['clustering/docs', 'quotes/train/text', 'quotes/dev/text'].map((d) => join(data, d))) {
    if (!useShared || !existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  return texts
    .map((t) =>
      t
        .replace(/\r\n?/g, '\n')
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length >= 120 && /[.!?]["”’)]?$/.test(p)),
    )
    .filter((d) => d.length > 0);
}

/** Every paragraph of the pool (kept for callers that count them). */
export function paragraphPool(useShared = true): string[] {
  return documentPool(useShared).flat();
}

// 47 syllables, 3–4 per name: ~5 million possible names. (Version 1 drew 2–3 of 29, ~25,000
// names, so at 100k articles unrelated storylines shared invented names far more than real ones do.)
const SYLLABLES =
  'ka ro mi ta ve lin dor sa nu bel gar ion tes pra vik mon zel ra tu hal ber ost an ko li fen mar du pel sor win kes tal bru nor gis fa lem ur quin dra sel ho mav rik cen tob'.split(
    ' ',
  );

function name(rand: () => number): string {
  const n = 3 + Math.floor(rand() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s[0]!.toUpperCase() + s.slice(1);
}

const splitSentences = (p: string) => p.split(/(?<=[.!?]["”’)]?)\s+(?=["“]?\p{Lu})/u);
const JOINTS = new Set('that which and but while after as because when with who where since'.split(' '));
const CALENDAR =
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December'.split(
    ' ',
  );

/** A: its first part up to a joint word that B also has past its first third, then B's rest. */
function splice(a: string, b: string, rand: () => number): string {
  const wa = a.split(' ');
  const wb = b.split(' ');
  const joints: Array<[number, number]> = [];
  for (let i = Math.floor(wa.length * 0.3); i < wa.length - 3; i++) {
    if (!JOINTS.has(wa[i]!)) continue;
    for (let j = Math.floor(wb.length * 0.3); j < wb.length - 3; j++)
      if (wb[j] === wa[i]) joints.push([i, j]);
  }
  if (joints.length === 0) return a;
  const [i, j] = joints[Math.floor(rand() * joints.length)]!;
  return [...wa.slice(0, i), ...wb.slice(j)].join(' ');
}

interface Story {
  docs: string[][];
  storyMap: Map<string, string>;
  cast: string[];
}

/** Per-event substitutions: names (storyline first, then event), numbers, calendar words; some words dropped. */
function perturb(s: string, story: Story, eventMap: Map<string, string>, rand: () => number): string {
  const { storyMap, cast } = story;
  return s
    .replace(/(?<=[\p{Ll},;] )\p{Lu}\p{Ll}{2,}/gu, (w) => {
      if (CALENDAR.includes(w)) return (eventMap.get(w) ?? eventMap.set(w, pickOf(CALENDAR, rand)).get(w))!;
      const known = storyMap.get(w) ?? eventMap.get(w);
      if (known) return known;
      // A third of the names are the storyline's recurring cast, so its events share them.
      const fresh = rand() < 0.35 ? pickOf(cast, rand) : name(rand);
      (rand() < 0.5 ? storyMap : eventMap).set(w, fresh);
      return fresh;
    })
    .replace(/\d[\d,.]*\d|\d/g, (n) => {
      const known = eventMap.get(n);
      if (known) return known;
      const fresh = String(Math.max(1, Math.round(Number(n.replace(/,/g, '')) * (0.3 + rand() * 1.4) || 1)));
      eventMap.set(n, fresh);
      return fresh;
    })
    .split(' ')
    .filter((w, i) => i === 0 || /^\p{Lu}/u.test(w) || /[.!?]$/.test(w) || rand() > 0.08)
    .join(' ');
}

function pickOf<T>(xs: readonly T[], rand: () => number): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** The base text of one event: 3–6 paragraphs of 2–4 sentences. */
function eventBase(story: Story, pool: string[][], rand: () => number): string[] {
  const eventMap = new Map<string, string>();
  const sentence = () => {
    const doc = rand() < 0.7 ? pickOf(story.docs, rand) : pickOf(pool, rand);
    const s = pickOf(splitSentences(pickOf(doc, rand)), rand);
    const t =
      rand() < 0.5 ? splice(s, pickOf(splitSentences(pickOf(pickOf(pool, rand), rand)), rand), rand) : s;
    return perturb(t, story, eventMap, rand);
  };
  return Array.from({ length: 3 + Math.floor(rand() * 4) }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' '),
  );
}

function rewrite(paragraphs: string[], rand: () => number): string[] {
  return paragraphs
    .map((p) => {
      const sentences = splitSentences(p).filter(() => rand() > 0.2);
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

/** Generate `count` articles, in publication order, deterministically from `seed`. */
export function* generateCorpus(
  count: number,
  seed = 42,
  pool = documentPool(),
): Generator<SyntheticArticle> {
  const rand = prng(seed);
  interface Plan {
    storyline: number;
    event: number;
    day: number;
    size: number;
    story: Story;
  }
  const plans: Plan[] = [];
  let planned = 0;
  let eventNo = 0;
  for (let s = 0; planned < count; s++) {
    const story: Story = {
      docs: [pickOf(pool, rand), pickOf(pool, rand)],
      storyMap: new Map(),
      cast: [name(rand), name(rand), name(rand), name(rand)],
    };
    let day = Math.floor(rand() * 700);
    const events = 1 + Math.floor(rand() * 4);
    for (let e = 0; e < events && planned < count; e++) {
      const size = Math.min(count - planned, 1 + Math.floor(rand() * 8));
      plans.push({ storyline: s, event: eventNo++, day, size, story });
      planned += size;
      day += 20 + Math.floor(rand() * 70);
    }
  }
  plans.sort((a, b) => a.day - b.day || a.event - b.event);
  let id = 0;
  for (const plan of plans) {
    const base = eventBase(plan.story, pool, rand);
    const first = splitSentences(base[0]!)[0]!;
    const headline = first.length <= 140 ? first : first.slice(0, first.lastIndexOf(' ', 140));
    const published: string[][] = [];
    for (let k = 0; k < plan.size; k++) {
      const r = rand();
      let title = headline;
      let paragraphs: string[];
      if (k === 0) paragraphs = base;
      else if (r < 0.05) paragraphs = pickOf(published, rand);
      else if (r < 0.2) {
        const copy = [...pickOf(published, rand)];
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

/** A generated article as a JSON line of `sitrep ingest` (its URL under `base`). */
export function corpusJsonLine(input: SyntheticArticle['input'], base = 'https://bench.example'): string {
  return JSON.stringify({
    url: `${base}/${input.id}`,
    text: input.text,
    ...(input.title ? { title: input.title } : {}),
    ...(input.outlet ? { outlet: input.outlet } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  });
}
