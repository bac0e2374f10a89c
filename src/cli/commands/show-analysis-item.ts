import type { Analysis } from '../../core/analysis.ts';
import type { Entity } from '../../core/entity.ts';
import type { Story } from '../../core/story.ts';
import { type AnalysisItem, cooccurringEntities } from '../../engine/analysis-query.ts';

function context(text: string, start: number, end: number, width = 60): string {
  const before = text.slice(Math.max(0, start - width), start).replace(/\s+/g, ' ');
  const after = text.slice(end, end + width).replace(/\s+/g, ' ');
  return `…${before}[${text.slice(start, end)}]${after}…`;
}

function formatStory(analysis: Analysis, story: Story): string {
  const lines = [`${story.kind} ${story.id}: ${story.title}`];
  lines.push(`  period       ${story.period.start ?? '?'} – ${story.period.end ?? '?'}`);
  if (story.storylineId) lines.push(`  storyline    ${story.storylineId}`);
  if (story.eventIds?.length) lines.push(`  events       ${story.eventIds.join(', ')}`);
  lines.push('  articles:');
  for (const id of story.articleIds) {
    const a = analysis.articles.find((x) => x.id === id);
    const links = [
      a?.duplicateOf ? `duplicate of ${a.duplicateOf}` : '',
      ...(a?.derivedFrom ?? []).map((d) => d.evidence),
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(
      `    ${id}  ${a?.publishedAt ?? '-'}  ${a?.outlet ?? '-'}  ${a?.title ?? ''}${links ? `\n        ${links}` : ''}`,
    );
  }
  return lines.join('\n');
}

function formatEntity(analysis: Analysis, entity: Entity): string {
  const texts = new Map(analysis.articles.map((a) => [a.id, a.text]));
  const lines = [`${entity.type} ${entity.id}: ${entity.name}`];
  if (entity.aliases.length) lines.push(`  aliases      ${entity.aliases.join('; ')}`);
  if (entity.roles.length) lines.push(`  roles        ${entity.roles.join('; ')}`);
  const articles = new Set(entity.mentions.map((m) => m.articleId));
  const top = cooccurringEntities(analysis, entity, 12).map((e) => `${e.name} (${e.articles})`);
  lines.push(`  co-occurs    ${top.join(', ') || '-'}`);
  lines.push(`  ${entity.mentions.length} mention(s) in ${articles.size} article(s):`);
  for (const m of entity.mentions) {
    lines.push(
      `    ${m.articleId} ${m.start}-${m.end}  ${context(texts.get(m.articleId) ?? '', m.start, m.end)}`,
    );
  }
  return lines.join('\n');
}

export function formatAnalysisItem(analysis: Analysis, item: AnalysisItem): string {
  return item.kind === 'story' ? formatStory(analysis, item.value) : formatEntity(analysis, item.value);
}
