import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis, AnalysisFailure } from '../core/analysis.ts';
import type { Entity } from '../core/entity.ts';
import { SitrepError } from '../core/errors.ts';
import type { Story } from '../core/story.ts';
import { rankStories } from '../pipeline/report/story-index.ts';
import { analysisDocument, articleRef } from './analysis-document.ts';
import { writeBrief } from './brief.ts';
import { scopeToStory } from './story-scope.ts';

/** What an output folder's index lists of one storyline (docs/decisions/0014). */
export interface IndexedStory {
  rank: number;
  id: string;
  title: string;
  period: Story['period'];
  articles: number;
  independentOrigins: number;
  outlets: string[];
  events: { id: string; title: string; period: Story['period']; articles: number }[];
  /** The story's analysis document and its brief, relative to the folder. */
  file: string;
  brief: string;
}

/** The index of an output folder: what the folder holds, the storylines ranked as in the brief. */
export interface AnalysisIndex {
  schema: 'sitrep/analysis-index@1';
  generatedAt: string;
  versions: Record<string, string>;
  counts: Record<
    'articles' | 'storylines' | 'events' | 'entities' | 'quotes' | 'claims' | 'timeline',
    number
  >;
  files: {
    articles: string;
    entities: string;
    sources: string;
    brief: Record<'md' | 'html' | 'json', string>;
  };
  stories: IndexedStory[];
  failures?: AnalysisFailure[];
}

const STORY_FILE = /^[0-9a-f]{8,64}\.(json|md)$/;

function writeFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (cause) {
    throw new SitrepError('USAGE', `cannot write ${path}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Write the analysis into a folder, per story and by reference (docs/decisions/0014): `index.json`
 * (counts, failures, the storylines ranked as in the brief, each with its files), `articles.jsonl`
 * (one article per line, its text by reference), `entities.jsonl` (one entity per line with its
 * mention count and stories; the mentions are in the story files), `sources.json` (outlets, what they
 * cite, their loaded terms), `stories/<id>.json` (each storyline's analysis document, its events
 * inside) and `stories/<id>.md` (its brief), and the pile's brief (`brief.md`, `brief.html`,
 * `brief.json`). Files are written one story at a time; story files of an earlier run that this one
 * did not write are removed. Returns the paths of the top-level files.
 */
export function writeAnalysisOutputs(analysis: Analysis, dir: string): Record<string, string> {
  const storiesDir = join(dir, 'stories');
  try {
    mkdirSync(storiesDir, { recursive: true });
  } catch (cause) {
    throw new SitrepError('USAGE', `cannot create output folder ${dir}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const paths = {
    index: join(dir, 'index.json'),
    articles: join(dir, 'articles.jsonl'),
    entities: join(dir, 'entities.jsonl'),
    sources: join(dir, 'sources.json'),
    briefMarkdown: join(dir, 'brief.md'),
    briefHtml: join(dir, 'brief.html'),
    briefJson: join(dir, 'brief.json'),
  };
  writeFile(paths.articles, lines(analysis.articles.map(articleRef)));
  writeFile(paths.sources, `${JSON.stringify(analysis.sources, null, 2)}\n`);
  const storyOf = new Map<string, string>();
  const written = new Set<string>();
  const ranked = rankStories(analysis);
  const byId = new Map(analysis.stories.map((s) => [s.id, s]));
  const indexed = ranked.map((r, i): IndexedStory => {
    const { story } = r;
    for (const id of story.articleIds) storyOf.set(id, story.id);
    const scoped = scopeToStory(analysis, story.id);
    const file = `stories/${story.id}.json`;
    const brief = `stories/${story.id}.md`;
    writeFile(join(dir, file), `${JSON.stringify(analysisDocument(scoped))}\n`);
    writeFile(join(dir, brief), writeBrief(scoped, { format: 'md' }));
    written.add(`${story.id}.json`).add(`${story.id}.md`);
    const outlets = [...new Set(r.articles.flatMap((a) => (a.outlet ? [a.outlet] : [])))].sort();
    const events = (story.eventIds ?? []).flatMap((id) => {
      const e = byId.get(id);
      return e ? [{ id, title: e.title, period: e.period, articles: e.articleIds.length }] : [];
    });
    return {
      rank: i + 1,
      id: story.id,
      title: story.title,
      period: story.period,
      articles: r.articles.length,
      independentOrigins: r.origins,
      outlets,
      events,
      file,
      brief,
    };
  });
  writeFile(paths.entities, lines(analysis.entities.map((e) => entityLine(e, storyOf))));
  removeStale(storiesDir, written);
  const index: AnalysisIndex = {
    schema: 'sitrep/analysis-index@1',
    generatedAt: analysis.generatedAt,
    versions: analysis.versions,
    counts: {
      articles: analysis.articles.length,
      storylines: ranked.length,
      events: analysis.stories.length - ranked.length,
      entities: analysis.entities.length,
      quotes: analysis.quotes.length,
      claims: analysis.claims.length,
      timeline: analysis.timeline.length,
    },
    files: {
      articles: 'articles.jsonl',
      entities: 'entities.jsonl',
      sources: 'sources.json',
      brief: { md: 'brief.md', html: 'brief.html', json: 'brief.json' },
    },
    stories: indexed,
    ...(analysis.failures ? { failures: analysis.failures } : {}),
  };
  writeFile(paths.index, `${JSON.stringify(index, null, 2)}\n`);
  if (analysis.stories.length > 0 || analysis.articles.length > 0) {
    writeFile(paths.briefMarkdown, writeBrief(analysis, { format: 'md' }));
    writeFile(paths.briefHtml, writeBrief(analysis, { format: 'html' }));
    writeFile(paths.briefJson, writeBrief(analysis, { format: 'json' }));
  }
  return paths;
}

const lines = (items: unknown[]): string => items.map((item) => `${JSON.stringify(item)}\n`).join('');

/** An entity as `entities.jsonl` lists it: without its mentions (they are in the story files). */
function entityLine(entity: Entity, storyOf: Map<string, string>) {
  const { mentions, ...rest } = entity;
  const articles = new Set(mentions.map((m) => m.articleId));
  const stories = [...new Set([...articles].flatMap((id) => storyOf.get(id) ?? []))].sort();
  return { ...rest, mentions: mentions.length, articles: articles.size, stories };
}

/** Story files of an earlier run that this one did not write (only files named as Sitrep names them). */
function removeStale(storiesDir: string, written: Set<string>): void {
  for (const name of readdirSync(storiesDir)) {
    if (STORY_FILE.test(name) && !written.has(name)) rmSync(join(storiesDir, name), { force: true });
  }
}

/** A few lines on what the analysis found, for people. */
/**
 * One line per stage failure, for the error stream: which stage, on which article or story, and why
 * (at most `limit` lines, then a count of the rest). Empty when nothing failed.
 */
export function describeFailures(analysis: Analysis, limit = 20): string[] {
  const failures = analysis.failures ?? [];
  if (failures.length === 0) return [];
  const lines = failures.slice(0, limit).map((f) => {
    const on = f.articleId
      ? `article ${f.articleId.slice(0, 12)}`
      : f.storyId
        ? `story ${f.storyId.slice(0, 12)}`
        : 'all articles';
    return `  ${f.stage} failed on ${on}: ${f.message} [${f.code}]`;
  });
  if (failures.length > limit)
    lines.push(`  … and ${failures.length - limit} more (--json lists them all under "failures")`);
  const articles = new Set(failures.flatMap((f) => (f.articleId ? [f.articleId] : []))).size;
  return [
    `sitrep: ${failures.length} stage failure(s) (${articles} article(s)); the rest of the analysis completed and was stored:`,
    ...lines,
  ];
}

export function summarizeAnalysis(analysis: Analysis): string[] {
  const storylines = analysis.stories.filter((s) => s.kind === 'storyline').length;
  const events = analysis.stories.filter((s) => s.kind === 'event').length;
  const outlets = new Set(analysis.articles.map((a) => a.outlet).filter(Boolean));
  const corroborated = analysis.claims.filter((c) => c.independentOrigins >= 2).length;
  const multi = analysis.claims.filter((c) => new Set(c.mentions.map((m) => m.articleId)).size >= 2);
  const singleOrigin = multi.filter((c) => c.independentOrigins === 1).length;
  const dates = analysis.timeline.flatMap((t) => [t.start, t.end]).sort();
  const span = dates.length > 0 ? `${dates[0]} … ${dates[dates.length - 1]}` : 'no dated events';
  return [
    `articles: ${analysis.articles.length} from ${outlets.size} named outlet(s)`,
    `stories: ${storylines} storyline(s), ${events} event(s)`,
    `claims: ${analysis.claims.length}; ${multi.length} carried by several articles, of which ${singleOrigin} rest on a single independent origin; ${corroborated} with 2+ independent origins`,
    `entities: ${analysis.entities.length} (${analysis.entities.filter((e) => e.type === 'person').length} people)`,
    `quotes: ${analysis.quotes.length}; events: ${analysis.events.length}; forecasts: ${analysis.forecasts.length}`,
    `timeline: ${analysis.timeline.length} entries, ${span}`,
  ];
}
