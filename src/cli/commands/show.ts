import type { Command } from 'commander';
import type { Analysis } from '../../core/analysis.ts';
import type { Article, MetadataField } from '../../core/article.ts';
import { SitrepError } from '../../core/errors.ts';
import { analyzeStore } from '../../engine/analysis.ts';
import { type AnalysisItem, findInAnalysis } from '../../engine/analysis-query.ts';
import { getArticleByIdOrPrefix } from '../../engine/articles.ts';
import { type Io, printJson } from '../output.ts';
import { type GlobalOptions, withStore } from './context.ts';
import { formatAnalysisItem } from './show-analysis-item.ts';

const FIELDS: MetadataField[] = [
  'title',
  'outlet',
  'byline',
  'publishedAt',
  'dateline',
  'section',
  'canonicalUrl',
  'language',
];

function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** The article as a person reads it: metadata with evidence, the clean text, then what was removed and why. */
/** How an article relates to others: duplicates, derivations (copied passages, cited outlets), stories. */
export interface ArticleLinks {
  duplicateOf?: string;
  derivedFrom: { articleId?: string; outlet?: string; evidence: string }[];
  stories: { id: string; kind: string; title: string }[];
  publishedAt?: { value: string; evidence: string; confidence?: number; reasons?: string[] };
}

export function articleLinks(analysis: Analysis, articleId: string): ArticleLinks {
  const a = analysis.articles.find((x) => x.id === articleId);
  const links: ArticleLinks = {
    derivedFrom: a?.derivedFrom ?? [],
    stories: analysis.stories
      .filter((s) => s.articleIds.includes(articleId))
      .map((s) => ({ id: s.id, kind: s.kind, title: s.title })),
  };
  if (a?.duplicateOf) links.duplicateOf = a.duplicateOf;
  if (a?.publishedAt && a.publishedAtEvidence === 'inferred') {
    links.publishedAt = {
      value: a.publishedAt,
      evidence: a.publishedAtEvidence,
      ...(a.publishedAtConfidence !== undefined ? { confidence: a.publishedAtConfidence } : {}),
      ...(a.publishedAtReasons ? { reasons: a.publishedAtReasons } : {}),
    };
  }
  return links;
}

function formatLinks(links: ArticleLinks): string[] {
  const lines: string[] = [];
  if (links.publishedAt) {
    const p = links.publishedAt;
    lines.push(
      `  inferred date ${p.value} (confidence ${p.confidence ?? '?'}): ${(p.reasons ?? []).join('; ')}`,
    );
  }
  if (links.duplicateOf) lines.push(`  duplicate of ${links.duplicateOf}`);
  for (const d of links.derivedFrom) {
    lines.push(`  derived from ${d.articleId ? `article ${d.articleId}` : d.outlet}: ${d.evidence}`);
  }
  for (const s of links.stories) lines.push(`  in ${s.kind} ${s.id}: ${s.title}`);
  return lines;
}

export function formatArticle(
  article: Article,
  options: { removed: boolean; columns: number; links?: ArticleLinks },
): string {
  const lines: string[] = [`article ${article.id}`];
  const source = article.input.path ?? article.input.url;
  if (source) lines.push(`  source       ${source}`);
  for (const field of FIELDS) {
    const value = article[field];
    if (!value) continue;
    const evidence = article.evidence[field];
    const why = evidence ? `  (${evidence.source}: ${oneLine(evidence.detail, 70)})` : '';
    lines.push(`  ${field.padEnd(12)} ${value}${why}`);
  }
  lines.push(`  extractor    ${article.extractor.name}@${article.extractor.version}`);
  if (options.links) lines.push(...formatLinks(options.links));
  lines.push('', article.text, '');
  if (options.removed) {
    lines.push(`removed ${article.removed.length} block(s):`);
    for (const block of article.removed) {
      lines.push(
        `  [${block.reason}] ${block.start}-${block.end} ${JSON.stringify(oneLine(block.text, Math.max(30, options.columns - 40)))}`,
      );
      lines.push(`      rule: ${block.rule}`);
    }
  }
  return lines.join('\n');
}

export function registerShow(program: Command, io: Io): void {
  program
    .command('show')
    .description(
      'show one article (metadata with evidence, clean text, removed blocks with reasons), story or entity',
    )
    .argument('<id>', 'article, story or entity id (or a unique prefix of at least 4 characters)')
    .option('--no-removed', 'leave out the removed blocks')
    .option('--json', 'print JSON (includes the raw text the removed offsets refer to)')
    .action(async (id: string, flags: { removed: boolean; json?: boolean }, command: Command) => {
      type Found = { article: Article; links?: ArticleLinks } | { other: AnalysisItem; analysis: Analysis };
      const found: Found = await withStore(
        command.optsWithGlobals<GlobalOptions>(),
        { mustExist: true },
        async (store): Promise<Found> => {
          try {
            const article = await getArticleByIdOrPrefix(store, id);
            // Duplicates, derivations and stories come from the (cached) analysis of the whole store.
            const analysis = await analyzeStore(store, { now: () => new Date() });
            return { article, links: articleLinks(analysis, article.id) };
          } catch (error) {
            if (!(error instanceof SitrepError) || error.code !== 'NOT_FOUND') throw error;
            // Not an article: maybe a story or an entity of the analysis.
            const analysis = await analyzeStore(store, { now: () => new Date() });
            const other = findInAnalysis(analysis, id);
            if (!other) {
              throw new SitrepError(
                'NOT_FOUND',
                `no article, story or entity with id ${id}; \`sitrep articles\`, \`sitrep stories\` and \`sitrep entities\` list them`,
              );
            }
            return { other, analysis };
          }
        },
      );
      if ('article' in found) {
        if (flags.json) printJson(io, { ...found.article, links: found.links });
        else
          io.out(
            formatArticle(found.article, {
              removed: flags.removed,
              columns: io.columns,
              ...(found.links ? { links: found.links } : {}),
            }),
          );
      } else if (flags.json) {
        printJson(io, found.other.value);
      } else {
        io.out(formatAnalysisItem(found.analysis, found.other));
      }
    });
}
