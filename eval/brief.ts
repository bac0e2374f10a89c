/**
 * Score the executive summary on a DUC multi-document task:
 *   npm run eval:brief -- <duc-dir> [--words 250] [--json]
 * Every topic with human summaries is ingested (one JSON-lines item per document: headline, date,
 * agency, paragraphs) into one fresh SQLite store through the CLI's ingest path — the topics together
 * form the pile, as a user's feeds would — and analyzed (`analyzeStore`). For each topic the summary
 * section of its brief is built over the topic's articles with `--focus` from the topic's title and
 * narrative, its text (citation markers aside) scored with ROUGE-2 and ROUGE-SU4 recall
 * (eval/lib/rouge.ts: ROUGE-1.5.5 conventions) beside the lead baseline of the same run: the first 250
 * words of the newest article. `--json` prints the figures as a metric summary on the last line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story } from '../src/core/story.ts';
import { analyzeStore } from '../src/engine/analysis.ts';
import { ingest } from '../src/engine/ingest.ts';
import { openStore } from '../src/engine/open-store.ts';
import { buildBrief } from '../src/pipeline/report/build-brief.ts';
import { ducOutlet, readDuc } from './lib/duc.ts';
import { metricSummaryLine } from './lib/metric-summary.ts';
import { rouge } from './lib/rouge.ts';

const args = process.argv.slice(2);
const valued = new Set(['--words']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
const words = args.includes('--words') ? Number(args[args.indexOf('--words') + 1]) : 250;
const [ducDir] = positional;
if (!ducDir || !Number.isInteger(words) || words < 20) {
  console.error('usage: npm run eval:brief -- <duc-dir> [--words N ≥ 20] [--json]');
  process.exit(2);
}

const topics = readDuc(ducDir);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-duc-'));
const started = performance.now();
try {
  const lines: string[] = [];
  const topicOfLine = new Map<number, string>();
  for (const topic of topics) {
    for (const doc of topic.docs) {
      const outlet = ducOutlet(doc.docno);
      lines.push(
        JSON.stringify({
          url: `https://duc.invalid/${topic.id}/${doc.docno}`,
          text: doc.paragraphs.join('\n\n'),
          ...(doc.headline ? { title: doc.headline } : {}),
          ...(doc.date ? { publishedAt: doc.date } : {}),
          ...(outlet ? { outlet } : {}),
        }),
      );
      topicOfLine.set(lines.length, topic.id);
    }
  }
  const pile = join(dir, 'duc.jsonl');
  writeFileSync(pile, `${lines.join('\n')}\n`);
  const store = await openStore({ db: join(dir, 'duc.db'), mustExist: false });
  try {
    const report = await ingest(store, [pile], { now: () => new Date() });
    const membersOf = new Map<string, Set<string>>();
    for (const item of report.items) {
      const line = /#line:(\d+)$/.exec(item.where);
      const topic = line ? topicOfLine.get(Number(line[1])) : undefined;
      if (!topic || !item.articleId) continue;
      const set = membersOf.get(topic) ?? new Set<string>();
      set.add(item.articleId);
      membersOf.set(topic, set);
    }
    const analysis = await analyzeStore(store, { now: () => new Date() });
    const byId = new Map(analysis.articles.map((a) => [a.id, a]));
    let system = { rouge2: 0, rougeSU4: 0 };
    let lead = { rouge2: 0, rougeSU4: 0 };
    let summaryWords = 0;
    let renderMs = 0;
    for (const topic of topics) {
      const ids = [...(membersOf.get(topic.id) ?? [])].filter((id) => byId.has(id));
      const articles = ids.map((id) => byId.get(id)!);
      const dates = articles.flatMap((a) => (a.publishedAt ? [a.publishedAt] : [])).sort();
      // The topic's document set is the story (DUC gives it; clustering may split it).
      const story: Story = {
        id: `duc-${topic.id}`,
        kind: 'storyline',
        title: topic.title,
        articleIds: ids,
        period: { ...(dates[0] ? { start: dates[0] } : {}), ...(dates.at(-1) ? { end: dates.at(-1) } : {}) },
      };
      const t0 = performance.now();
      const brief = buildBrief(
        { ...analysis, stories: [story] },
        { storyId: story.id, words, focus: `${topic.title}. ${topic.narrative}` },
      );
      renderMs += performance.now() - t0;
      const summary = brief.sections
        .find((s) => s.id === 'summary')
        ?.sentences.map((s) => s.text)
        .join(' ');
      summaryWords += (summary ?? '').split(/\s+/).filter(Boolean).length;
      const newest = [...articles].sort((a, b) =>
        (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
      )[0];
      const body = newest ? newest.text.slice(newest.text.indexOf('\n\n') + 2) : '';
      const s = rouge(summary ?? '', topic.models, words);
      const l = rouge(body, topic.models, words);
      system = { rouge2: system.rouge2 + s.rouge2, rougeSU4: system.rougeSU4 + s.rougeSU4 };
      lead = { rouge2: lead.rouge2 + l.rouge2, rougeSU4: lead.rougeSU4 + l.rougeSU4 };
    }
    const n = topics.length;
    const avg = (x: { rouge2: number; rougeSU4: number }) => ({
      rouge2: x.rouge2 / n,
      rougeSU4: x.rougeSU4 / n,
    });
    const sys = avg(system);
    const base = avg(lead);
    const gain = base.rouge2 > 0 ? sys.rouge2 / base.rouge2 - 1 : 0;
    console.log(
      `${ducDir}: ${n} topics with human summaries, ${analysis.articles.length} articles ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    console.log(
      `summary (--words ${words}, focus = topic title + narrative): ROUGE-2 ${sys.rouge2.toFixed(4)}  ` +
        `ROUGE-SU4 ${sys.rougeSU4.toFixed(4)}  (mean ${(summaryWords / n).toFixed(0)} words; ` +
        `brief built in ${(renderMs / n).toFixed(0)} ms per topic)`,
    );
    console.log(
      `lead of the newest article:                     ROUGE-2 ${base.rouge2.toFixed(4)}  ` +
        `ROUGE-SU4 ${base.rougeSU4.toFixed(4)}`,
    );
    console.log(`ROUGE-2 gain over the lead: ${(100 * gain).toFixed(1)} % (target ≥ 60 %)`);
    if (args.includes('--json')) {
      console.log(
        metricSummaryLine('eval:brief', {
          'summary.rouge2': sys.rouge2,
          'summary.rougeSU4': sys.rougeSU4,
          'lead.rouge2': base.rouge2,
          'lead.rougeSU4': base.rougeSU4,
          'rouge2.gain': gain,
        }),
      );
    }
  } finally {
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
