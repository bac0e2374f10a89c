import type { EntityMention } from '../core/entity.ts';
import type { ArticleAnnotations } from './article-phase.ts';

/**
 * Entity ids local to one article (docs/decisions/0013, "Local entity ids"). Linking runs over the whole
 * corpus, so an arriving article often changes the id of an entity an older article names (a surname
 * joins a full name, the most frequent spelling changes) without changing which of that article's
 * mentions go together. The second article phase reads ids only to tell its entities apart, so it
 * runs on ids local to the article — `~0`, `~1`, … in order of first mention — and is cached under
 * them; the corpus ids are put in afterwards. An article is annotated again only when the grouping of
 * its own mentions changes.
 */
export type Linked = { text: EntityMention[]; captions: EntityMention[] };

const LOCAL = '~';

/** The article's linked mentions with local ids, and the corpus id of each local one (by index). */
export function localizeLinked(linked: Linked): { local: Linked; ids: string[] } {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const localize = (m: EntityMention): EntityMention => {
    if (m.entityId === undefined) return m;
    let i = index.get(m.entityId);
    if (i === undefined) {
      i = ids.push(m.entityId) - 1;
      index.set(m.entityId, i);
    }
    return { ...m, entityId: `${LOCAL}${i}` };
  };
  return { local: { text: linked.text.map(localize), captions: linked.captions.map(localize) }, ids };
}

function toGlobal(local: string, ids: readonly string[]): string {
  const id = ids[Number(local.slice(LOCAL.length))];
  if (id === undefined) throw new Error(`local entity id ${local} out of range (${ids.length} ids)`);
  return id;
}

/** Replace every entity id in an article's annotations, in place (claim mentions keep theirs sorted). */
function relabel(value: ArticleAnnotations, map: (id: string) => string): void {
  const who = (w: { entityId?: string } | undefined) => {
    if (w?.entityId !== undefined) w.entityId = map(w.entityId);
  };
  for (const q of value.quotes) who(q.speaker);
  for (const m of value.claimMentions) if (m.entities) m.entities = [...new Set(m.entities.map(map))].sort();
  for (const e of value.events) {
    who(e.actor);
    who(e.target);
    who(e.place);
  }
}

/**
 * Put corpus ids into annotations computed or stored with local ids (`from` undefined), or replace
 * the corpus ids of an earlier linking (`from`, by local index) with this linking's, in place.
 */
export function toCorpusIds(
  value: ArticleAnnotations,
  ids: readonly string[],
  from?: readonly string[],
): void {
  if (from === undefined) {
    relabel(value, (id) => (id.startsWith(LOCAL) ? toGlobal(id, ids) : id));
    return;
  }
  const to = new Map(from.map((id, i) => [id, ids[i]!]));
  relabel(value, (id) => to.get(id) ?? id);
}

/**
 * Run `body` while the given annotations hold local ids instead of their corpus ids (to store them in
 * that form without copying them); the corpus ids are back when it returns or throws.
 */
export async function withLocalIds<T>(
  items: ReadonlyArray<{ value: ArticleAnnotations; ids: readonly string[] }>,
  body: () => Promise<T>,
): Promise<T> {
  for (const { value, ids } of items) {
    const local = new Map(ids.map((id, i) => [id, `${LOCAL}${i}`]));
    relabel(value, (id) => local.get(id) ?? id);
  }
  try {
    return await body();
  } finally {
    for (const { value, ids } of items) toCorpusIds(value, ids);
  }
}
