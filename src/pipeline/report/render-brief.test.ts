import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildSeedAnalysis } from '../../../test/fixtures/analysis/seed-analysis.ts';
import type { Analysis } from '../../core/analysis.ts';
import { renderBrief } from './render-brief.ts';

const { analysis } = buildSeedAnalysis();
const textOf = (a: Analysis, id: string) => a.articles.find((x) => x.id === id)?.text ?? '';
const unescapeMd = (s: string) => s.replace(/\\([\\`*_[\]<>#|~])/g, '$1');

test('Markdown: every sentence carries a footnote, every footnote quotes its span exactly', () => {
  const md = renderBrief(analysis, { format: 'md' });
  const sentences = md.split('\n').filter((l) => l.startsWith('- ') && !l.startsWith('- … and '));
  assert.ok(sentences.length > 20);
  // A capped section ends with how many items it left out.
  assert.match(md, /\n- … and 4 more claims \(in the analysis JSON, the API and the UI\)\n/);
  for (const s of sentences) assert.match(s, /\[\^\d+\]$/, s);
  const notes = md.split('\n').filter((l) => l.startsWith('[^'));
  const referenced = new Set(sentences.flatMap((s) => [...s.matchAll(/\[\^(\d+)\]/g)].map((m) => m[1])));
  assert.equal(notes.length, referenced.size);
  for (const note of notes) {
    const m = /^\[\^(\d+)\]: “(.*)” — (\w+):(\d+)–(\d+) \(/.exec(note);
    assert.ok(m, note);
    const [, , quotedText, id, start, end] = m;
    const slice = textOf(analysis, id ?? '').slice(Number(start), Number(end));
    // A long span is quoted by its first words (the offsets locate all of it).
    const quote = unescapeMd(quotedText ?? '');
    if (quote.endsWith(' …')) assert.ok(slice.replace(/\s+/g, ' ').startsWith(quote.slice(0, -2)), note);
    else assert.equal(quote, slice.replace(/\s+/g, ' '));
  }
  for (const heading of [
    'Summary',
    'Key developments',
    'Who says what, on whose authority',
    'Disagreements',
    'Outlook and forecasts',
    'Framing by source',
    'Sources',
  ]) {
    assert.ok(md.includes(`\n## ${heading}\n`), heading);
  }
  assert.match(
    md,
    /six senior US officials via NBC News; US officials via NBC News; NBC News; 1 independent origin, carried by 3 articles: 2 outlets \(OBOZ\.UA and Yonhap\) and 1 article with no named outlet\)/,
  );
  assert.match(
    md,
    /- Sources differ on the place of: Vladimir Putin met Kim Jong Un \(2023-09\): “Vostochny cosmodrome” \(Yonhap\) vs “Vladivostok” \(“LOOK: Blinken denounces “dangerous” military cooperation between North …”\)\.\[\^\d+\]\[\^\d+\]/,
  );
  assert.match(
    md,
    /- OBOZ\.UA uses in its own voice “dictator” ×3 \(pejorative-label\), “terrorist country” ×1 \(delegitimizing\) and “aggressor country” ×1 \(delegitimizing\)\./,
  );
  assert.match(md, /carries inside attributed quotes “illegal war” ×1/);
});

test('JSON: sentences with their spans; every span slices to its text; developments in time order', () => {
  const brief = JSON.parse(renderBrief(analysis, { format: 'json', storyId: 'st-korea-russia' }));
  assert.equal(brief.schema, 'sitrep/brief@1');
  let count = 0;
  for (const section of brief.sections) {
    for (const s of section.sentences) {
      count++;
      assert.ok(s.citations.length >= 1, s.text);
      for (const c of s.citations) assert.equal(textOf(analysis, c.articleId).slice(c.start, c.end), c.text);
    }
  }
  assert.ok(count > 20);
  const dev = brief.sections.find((s: { id: string }) => s.id === 'developments');
  assert.deepEqual(
    dev.sentences.map((s: { text: string }) => s.text.split(':')[0]),
    ['2023-07', '2023-09', '2023-11-09', '2024-05-24', '2024-06', '2024-10 (early-mid)'],
  );
  const outlook = brief.sections.find((s: { id: string }) => s.id === 'outlook');
  // Attributed forward-looking statements only; no later event of another type is linked.
  assert.deepEqual(
    outlook.sentences.map((s: { text: string }) => s.text.split(':')[0]),
    [
      'US officials via NBC News expected (as reported on 2024-05-25)',
      'The report via NBC News expected (as reported on 2024-05-25)',
      'The US expected',
    ],
  );
});

test('HTML: one self-contained file, cited spans marked in the article section, text escaped', () => {
  const html = renderBrief(analysis, { format: 'html' });
  assert.doesNotMatch(html, /<link\b|<script\b|<img\b|src=|url\(/i);
  assert.match(html, /<style>[\s\S]*@media print/);
  // Readable on a phone: a viewport, a narrow-screen layout, long ids and URLs wrapped.
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.match(html, /@media \(max-width: 40rem\)/);
  assert.match(html, /overflow-wrap: anywhere/);
  const { document } = parseHTML(html);
  const links = [...document.querySelectorAll('sup.cite a')].map((a) => a.getAttribute('href'));
  assert.ok(links.length > 20);
  for (const href of links) assert.ok(document.getElementById(href?.slice(1) ?? ''), `${href} resolves`);
  const mark = document.getElementById('m-1');
  // The first citation is the summary's first sentence: the latest development.
  assert.equal(
    mark?.textContent,
    'North Korean troops have deployed to Russia and may join the fight against Ukraine, U.S. officials said Wednesday.',
  );

  const hostile: Analysis = structuredClone(analysis);
  const a = hostile.articles[0];
  if (!a) throw new Error('fixture has articles');
  a.text = `<script>alert("x")</script> & more${a.text.slice(a.title.length)}`;
  a.title = '<script>alert("x")</script> & more';
  const out = renderBrief(hostile, { format: 'html' });
  assert.doesNotMatch(out, /<script>/);
  assert.match(out, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; more/);
});

test('errors: unknown story and unknown format', () => {
  assert.throws(() => renderBrief(analysis, { format: 'md', storyId: 'nope' }), { code: 'NOT_FOUND' });
  assert.throws(() => renderBrief(analysis, { format: 'pdf' as 'md' }), { code: 'USAGE' });
  const empty: Analysis = { ...analysis, articles: [], stories: [] };
  assert.throws(() => renderBrief(empty, { format: 'md' }), { code: 'INPUT_EMPTY' });
});

test('without stories, all articles are briefed as one story titled by the first article', () => {
  const md = renderBrief({ ...analysis, stories: [], comparisons: [] }, { format: 'md' });
  assert.match(
    md,
    /^# Situation report: Russia, North Korea may be planning ‘October surprise’ ahead of election: report\n/,
  );
  assert.match(
    md,
    /- Story: “Russia, North Korea may be planning ‘October surprise’ ahead of election: report”\.\[\^\d+\]\n/,
  );
});

test('the pile brief: a story index of the storylines with several articles, then the top stories', () => {
  const solo = analysis.articles[4]!.id;
  const pile: Analysis = {
    ...analysis,
    stories: [
      ...analysis.stories,
      { id: 'st-solo', kind: 'storyline', title: 'Solo', articleIds: [solo], period: {} },
    ],
  };
  const brief = JSON.parse(renderBrief(pile, { format: 'json', pile: true, top: 1 }));
  assert.equal(brief.title, '2 stories in 5 articles');
  const [index, ...rest] = brief.sections;
  assert.equal(index.id, 'index');
  assert.equal(index.sentences.length, 1);
  assert.match(
    index.sentences[0].text,
    /^1\. “North Korea and Russia have strengthened their ties in recent years\.” \[st-korea-rus\]: 5 articles \(2 outlets \(OBOZ\.UA and Yonhap\) and 3 articles with no named outlet\), 5 independent origins, 2023-11 to 2024-10-23\. \S/,
  );
  assert.deepEqual(index.omitted, {
    count: 1,
    what: 'storylines (those with one article each, or ranked lower)',
  });
  assert.equal(
    rest[0].title,
    'Story 1 — Summary: North Korea and Russia have strengthened their ties in recent years.',
  );
  assert.equal(rest[0].anchor, 'story-1-summary');
  assert.equal(new Set(rest.map((s: { anchor: string }) => s.anchor)).size, rest.length);
  const html = renderBrief(pile, { format: 'html', pile: true, top: 1 });
  assert.match(html, /<section id="story-1-summary">/);
  // No brief after the index with top 0.
  assert.equal(JSON.parse(renderBrief(pile, { format: 'json', pile: true, top: 0 })).sections.length, 1);
});
