import type { Article } from '../core/article.ts';
import type { EntityMention } from '../core/entity.ts';
import type { EventRecord } from '../core/event.ts';
import { annotateEntities } from '../pipeline/annotate/entities/annotate-entities.ts';
import { annotateEvents } from '../pipeline/annotate/events/annotate-events.ts';
import { annotateTime } from '../pipeline/annotate/time/annotate-time.ts';

/**
 * Photo captions are removed from the clean text (they are page furniture for reading, deduping and
 * quoting), but they are the outlet's own words and sometimes the only place an article states a fact
 * ("… during their meeting at the Vostochny cosmodrome … on Sept. 13, 2023"). Events are read from
 * caption blocks too; their spans index the article's raw text and are marked `in: 'raw'` (see
 * docs/decisions/0008-caption-evidence.md).
 */
export function captionBlocks(article: Pick<Article, 'removed'>): { start: number; text: string }[] {
  return article.removed.filter((b) => b.reason === 'caption').map((b) => ({ start: b.start, text: b.text }));
}

/** Entity mentions of one caption, offsets shifted into the raw text and marked. */
export function captionEntityMentions(
  article: Pick<Article, 'id'>,
  block: { start: number; text: string },
  annotate: typeof annotateEntities = annotateEntities,
): EntityMention[] {
  return annotate(article.id, block.text).map((m) => ({
    ...m,
    start: m.start + block.start,
    end: m.end + block.start,
    in: 'raw',
  }));
}

/** Events of one caption, given its linked entity mentions (raw offsets); spans shifted and marked. */
export function captionEvents(
  article: Pick<Article, 'id'>,
  block: { start: number; text: string },
  linked: EntityMention[],
  documentDate: string | undefined,
): EventRecord[] {
  const local = linked
    .filter((m) => m.start >= block.start && m.end <= block.start + block.text.length)
    .map(({ in: _in, ...m }) => ({ ...m, start: m.start - block.start, end: m.end - block.start }));
  const times = annotateTime(block.text, documentDate ? { documentDate } : {});
  const events = annotateEvents(article.id, block.text, {
    entities: local,
    times,
    ...(documentDate ? { documentDate } : {}),
  });
  return events.map((event) => ({
    ...event,
    id: `${event.id}-caption`,
    mentions: event.mentions.map((m) => ({
      ...m,
      start: m.start + block.start,
      end: m.end + block.start,
      in: 'raw' as const,
      ...(m.trigger
        ? {
            trigger: { ...m.trigger, start: m.trigger.start + block.start, end: m.trigger.end + block.start },
          }
        : {}),
    })),
  }));
}
