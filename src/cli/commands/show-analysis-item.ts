import type { Analysis } from '../../core/analysis.ts';
import type { Entity } from '../../core/entity.ts';
import type { Story } from '../../core/story.ts';

export type AnalysisItem = { kind: 'story'; value: Story } | { kind: 'entity'; value: Entity };

/** A story or entity by id or unique prefix (≥ 4 characters). */
export function findInAnalysis(analysis: Analysis, id: string): AnalysisItem | undefined {
  const match = <T extends { id: string }>(items: T[]): T | undefined => {
    const exact = items.find((x) => x.id === id);
    if (exact) return exact;
    const prefixed = id.length >= 4 ? items.filter((x) => x.id.startsWith(id)) : [];
    return prefixed.length === 1 ? prefixed[0] : undefined;
  };
  const story = match(analysis.stories);
  if (story) return { kind: 'story', value: story };
  const entity = match(analysis.entities);
  if (entity) return { kind: 'entity', value: entity };
  return undefined;
}

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
  const cooccurring = new Map<string, number>();
  for (const other of analysis.entities) {
    if (other.id === entity.id) continue;
    const shared = new Set(other.mentions.map((m) => m.articleId).filter((id) => articles.has(id))).size;
    if (shared > 0) cooccurring.set(other.name, shared);
  }
  const top = [...cooccurring].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12);
  lines.push(`  co-occurs    ${top.map(([name, n]) => `${name} (${n})`).join(', ') || '-'}`);
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
