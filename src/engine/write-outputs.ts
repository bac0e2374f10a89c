import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../core/analysis.ts';
import { SitrepError } from '../core/errors.ts';
import { writeBrief } from './brief.ts';

/** Write the analysis JSON and the brief (Markdown, HTML, JSON) into a folder; returns the paths. */
export function writeAnalysisOutputs(analysis: Analysis, dir: string): Record<string, string> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw new SitrepError('USAGE', `cannot create output folder ${dir}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const paths = {
    analysis: join(dir, 'analysis.json'),
    briefMarkdown: join(dir, 'brief.md'),
    briefHtml: join(dir, 'brief.html'),
    briefJson: join(dir, 'brief.json'),
  };
  writeFileSync(paths.analysis, `${JSON.stringify(analysis, null, 2)}\n`);
  if (analysis.stories.length > 0 || analysis.articles.length > 0) {
    writeFileSync(paths.briefMarkdown, writeBrief(analysis, { format: 'md' }));
    writeFileSync(paths.briefHtml, writeBrief(analysis, { format: 'html' }));
    writeFileSync(paths.briefJson, writeBrief(analysis, { format: 'json' }));
  }
  return paths;
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
