/**
 * Entity annotation throughput against compromise (people/places/organizations) on the same text:
 * the five seeds' clean texts repeated to at least 200k words, in words/s and in tokens/s (our
 * tokenizer's tokens, punctuation included: the unit of the target, 100,000 tokens/s on one
 * core). Also the load time of the trained tagger's model and word clusters (target ≤ 300 ms), and
 * each one's F1 on the seeds' gold (CoNLL labels, exact span; compromise has no MISC). Run alone:
 * `tsx bench/entities-bench.ts`.
 */
import nlp from 'compromise';
import { conllLabel, emptyScores, type LabelledSpan, prf, scoreDocument } from '../eval/lib/ner-score.ts';
import { conllGoldLabel, goldSpans, loadSeedGold, seedCases } from '../eval/lib/ner-seed.ts';
import { annotateEntities } from '../src/pipeline/annotate/entities/annotate-entities.ts';
import { lexicon } from '../src/pipeline/annotate/entities/lexicon.ts';
import { nerWeights } from '../src/pipeline/annotate/entities/ner/ner-tagger.ts';
import { wordClusterTable } from '../src/pipeline/annotate/entities/ner/word-clusters.ts';
import { tokenize } from '../src/pipeline/segment/segment.ts';

interface Doc {
  text(): string;
  json(opts: object): Array<{ offset?: { start: number; length: number } }>;
}
interface CompromiseDoc {
  people(): Doc;
  places(): Doc;
  organizations(): Doc;
}
const compromise = nlp as unknown as (text: string) => CompromiseDoc;

/** compromise's mentions as labelled spans, trailing punctuation trimmed from its offsets. */
function compromiseSpans(text: string): LabelledSpan[] {
  const doc = compromise(text);
  const out: LabelledSpan[] = [];
  for (const [label, view] of [
    ['PER', doc.people()],
    ['LOC', doc.places()],
    ['ORG', doc.organizations()],
  ] as const) {
    for (const m of view.json({ offset: true })) {
      if (!m.offset) continue;
      let end = m.offset.start + m.offset.length;
      while (end > m.offset.start && /[\s.,;:!?"'”’)…]/.test(text[end - 1] ?? '')) end -= 1;
      out.push({ start: m.offset.start, end, label });
    }
  }
  return out;
}

const words = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length;

export async function benchEntities(): Promise<void> {
  // Load times first, before anything else has read the files.
  const loadStarted = performance.now();
  nerWeights();
  wordClusterTable();
  const loadMs = performance.now() - loadStarted;
  const lexStarted = performance.now();
  lexicon();
  const lexMs = performance.now() - lexStarted;
  const gold = loadSeedGold();
  const cases = seedCases(gold);
  const texts = cases.map((c) => c.text);
  // Accuracy on the seeds' gold.
  const ours = emptyScores();
  const peer = emptyScores();
  cases.forEach((a, i) => {
    const text = texts[i]!;
    const g = goldSpans(a.mentions, conllGoldLabel);
    const pred = annotateEntities(a.article, text).map((m) => ({
      start: m.start,
      end: m.end,
      label: conllLabel(m),
    }));
    scoreDocument(g, pred, ours);
    scoreDocument(g, compromiseSpans(text), peer);
  });
  // Throughput on the seeds repeated to >= 200k words (one text per article copy).
  const corpus: string[] = [];
  let total = 0;
  let tokens = 0;
  while (total < 200_000) {
    for (const t of texts) {
      corpus.push(t);
      total += words(t);
      tokens += tokenize(t).length;
    }
  }
  const time = (run: (t: string) => unknown): number => {
    const started = performance.now();
    for (const t of corpus) run(t);
    return (performance.now() - started) / 1000;
  };
  annotateEntities('warm', texts[0]!);
  const oursSeconds = time((t) => annotateEntities('bench', t));
  const peerSeconds = time((t) => compromiseSpans(t));
  const rate = (s: number): string =>
    `${Math.round(total / s).toLocaleString('en-US')} words/s ${Math.round(tokens / s).toLocaleString('en-US')} tokens/s`;
  const f1 = (s: typeof ours): string => prf(s.overall).f1.toFixed(3);
  console.log(
    `entities: ${total.toLocaleString('en-US')} words, ${tokens.toLocaleString('en-US')} tokens (the 5 seeds repeated)`,
  );
  console.log(
    `  tagger model + word clusters loaded in ${loadMs.toFixed(0)} ms (target <= 300 ms); lexicon built in ${lexMs.toFixed(0)} ms`,
  );
  console.log(`  sitrep annotateEntities  ${rate(oursSeconds).padStart(36)}   seeds F1 ${f1(ours)}`);
  console.log(`  compromise (ppl/pl/org)  ${rate(peerSeconds).padStart(36)}   seeds F1 ${f1(peer)}`);
  console.log(
    `  speed ratio sitrep / compromise: ${(peerSeconds / oursSeconds).toFixed(2)}x (target >= 0.5x)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEntities();
