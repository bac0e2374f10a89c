import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TEXTS, twoStorylines } from '../../test/fixtures/analysis/two-storylines.ts';
import { sha256Hex } from '../core/hash.ts';
import { analysisDocument } from './analysis-document.ts';
import { writeBrief } from './brief.ts';
import { scopeToStory } from './story-scope.ts';
import { type AnalysisIndex, writeAnalysisOutputs } from './write-outputs.ts';

const L1 = 'l1aaaaaaaaaaaaaa';
const L2 = 'l2bbbbbbbbbbbbbb';
const dir = mkdtempSync(join(tmpdir(), 'sitrep-outputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const read = (...path: string[]) => readFileSync(join(dir, ...path), 'utf8');
const jsonLines = (name: string) =>
  read(name)
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('writeAnalysisOutputs: per story, texts by reference', () => {
  it('writes the index, the article and entity lines, the sources, a file and a brief per storyline', () => {
    // A story file of an earlier run, and a file the user put there.
    mkdirSync(join(dir, 'stories'), { recursive: true });
    writeFileSync(join(dir, 'stories', 'deadbeefdeadbeef.json'), '{}');
    writeFileSync(join(dir, 'stories', 'notes.txt'), 'mine');
    const analysis = twoStorylines();
    const paths = writeAnalysisOutputs(analysis, dir);
    assert.deepEqual(Object.keys(paths), [
      'index',
      'articles',
      'entities',
      'sources',
      'briefMarkdown',
      'briefHtml',
      'briefJson',
    ]);
    assert.deepEqual(readdirSync(join(dir, 'stories')).sort(), [
      `${L1}.json`,
      `${L1}.md`,
      `${L2}.json`,
      `${L2}.md`,
      'notes.txt',
    ]);
    const index = JSON.parse(read('index.json')) as AnalysisIndex;
    assert.equal(index.schema, 'sitrep/analysis-index@1');
    assert.deepEqual(index.counts, {
      articles: 3,
      storylines: 2,
      events: 1,
      entities: 2,
      quotes: 1,
      claims: 1,
      timeline: 1,
    });
    // Ranked as the brief's index ranks them: the larger storyline first.
    assert.deepEqual(index.stories, [
      {
        rank: 1,
        id: L1,
        title: 'Geneva talks',
        period: { start: '2026-11-30', end: '2026-12-01' },
        articles: 2,
        independentOrigins: 2,
        outlets: ['Daily', 'Wire'],
        events: [
          {
            id: 'e1aaaaaaaaaaaaaa',
            title: 'Envoys meet in Geneva',
            period: { start: '2026-11-30', end: '2026-12-01' },
            articles: 2,
          },
        ],
        file: `stories/${L1}.json`,
        brief: `stories/${L1}.md`,
      },
      {
        rank: 2,
        id: L2,
        title: 'Floods in Valencia',
        period: { start: '2026-12-01', end: '2026-12-01' },
        articles: 1,
        independentOrigins: 1,
        outlets: ['Wire'],
        events: [],
        file: `stories/${L2}.json`,
        brief: `stories/${L2}.md`,
      },
    ]);
    assert.deepEqual(index.failures, analysis.failures);
    assert.deepEqual(jsonLines('articles.jsonl')[1], {
      id: 'b1',
      input: { url: 'https://news.example/b1' },
      title: 'Floods in Valencia',
      outlet: 'Wire',
      publishedAt: '2026-12-01',
      textLength: TEXTS.b1.length,
      textSha256: sha256Hex(TEXTS.b1),
      removed: [],
    });
    assert.deepEqual(jsonLines('entities.jsonl'), [
      {
        id: 'x-geneva',
        name: 'Geneva',
        type: 'place',
        aliases: [],
        roles: [],
        mentions: 2,
        articles: 2,
        stories: [L1],
      },
      {
        id: 'x-valencia',
        name: 'Valencia',
        type: 'place',
        aliases: [],
        roles: [],
        mentions: 1,
        articles: 1,
        stories: [L2],
      },
    ]);
    assert.deepEqual(JSON.parse(read('sources.json')), analysis.sources);
    // A story file is the story's analysis document; its brief the story's brief.
    assert.deepEqual(
      JSON.parse(read('stories', `${L2}.json`)),
      JSON.parse(JSON.stringify(analysisDocument(scopeToStory(analysis, L2)))),
    );
    assert.equal(read('stories', `${L1}.md`), writeBrief(analysis, { storyId: L1, format: 'md' }));
    assert.equal(read('brief.md'), writeBrief(analysis, { format: 'md' }));
    // No article text is copied into any file but the briefs (which quote sentences).
    for (const name of ['index.json', 'articles.jsonl', 'entities.jsonl', `stories/${L2}.json`])
      assert.ok(!read(name).includes('The regime was silent'), name);
  });

  it('a folder that cannot be made is a usage error, not a stack trace', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    assert.throws(() => writeAnalysisOutputs(twoStorylines(), join(file, 'out')), { code: 'USAGE' });
    assert.equal(existsSync(join(file, 'out')), false);
  });
});
