import type { Entity, EntityMention, EntityType } from '../../../core/entity.ts';
import { stableId } from '../../../core/hash.ts';
import { initials, isAbbreviationOf, nameKey } from './name-key.ts';

/** Bumped whenever the linker's grouping or ids can change. */
export const ENTITY_LINKER_VERSION = '1';
export const ENTITY_LINKER_NAME = 'entities-link';

interface Group {
  type: EntityType;
  /** A canonical name from the annotator (lexicon, demonym, metonymy, back-reference), if any. */
  canonical?: string;
  mentions: EntityMention[];
}

const groupKey = (type: EntityType, name: string): string => `${type}\u001f${nameKey(name)}`;

/** The entity's display name: the annotator's canonical name, else the most frequent longest surface. */
function nameOf(g: Group): string {
  if (g.canonical) return g.canonical;
  const counts = new Map<string, number>();
  for (const m of g.mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  return [...counts].sort(
    (a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  )[0]![0];
}

/** Merge a group into another (an unresolved surname or abbreviation into its full name). */
function merge(into: Group, from: Group): void {
  into.mentions.push(...from.mentions);
  from.mentions = [];
}

/** Does the short form (one word) fit the full name: a person's first or last name, else an abbreviation? */
function fits(type: EntityType, surface: string, full: string): boolean {
  if (type === 'person') {
    const words = nameKey(full).split(' ');
    const key = nameKey(surface);
    return words[words.length - 1] === key || words[0] === key;
  }
  return isAbbreviationOf(surface, full);
}

/** Keys a full name can be looked up by: a person's first and last name, else its two kinds of initials. */
function lookupKeys(type: EntityType, full: string): string[] {
  if (type === 'person') {
    const words = nameKey(full).split(' ');
    return [words[0] ?? '', words[words.length - 1] ?? ''];
  }
  const words = full.split(/[\s-]+/).filter((w) => w !== '');
  return [
    initials(full),
    words
      .map((w) => w[0] ?? '')
      .join('')
      .toUpperCase(),
  ];
}

/** The key a short form looks up full names by (see `lookupKeys`). */
function shortKey(type: EntityType, surface: string): string {
  return type === 'person' ? nameKey(surface) : surface.replace(/\./g, '').toUpperCase();
}

/**
 * Surnames and abbreviations left unresolved by the annotator, matched to one full name across articles.
 * Full names are looked up by key instead of scanning every group; merging a one-word form into a
 * full name never changes that name, so the lookup built once stays valid.
 */
function foldShortForms(groups: Map<string, Group>): void {
  const all = [...groups.values()];
  const names = new Map(all.map((g) => [g, nameOf(g)]));
  const byKey = new Map<string, Group[]>();
  for (const t of all) {
    const full = names.get(t) as string;
    if (!full.includes(' ')) continue;
    for (const k of new Set(lookupKeys(t.type, full))) {
      const key = `${t.type}\u001f${k}`;
      const list = byKey.get(key) ?? [];
      list.push(t);
      byKey.set(key, list);
    }
  }
  for (const g of all) {
    if (g.canonical || g.mentions.length === 0) continue;
    const surface = names.get(g) as string;
    if (surface.includes(' ')) continue;
    const targets = (byKey.get(`${g.type}\u001f${shortKey(g.type, surface)}`) ?? []).filter(
      (t) => t !== g && t.mentions.length > 0 && fits(g.type, surface, names.get(t) as string),
    );
    if (targets.length === 1) merge(targets[0]!, g);
  }
}

function roleText(m: EntityMention): string | undefined {
  if (!m.role) return undefined;
  return m.roleOf ? `${m.role} of ${m.roleOf}` : m.role;
}

/**
 * The entity link stage: folds mentions from all articles into one entity per real-world thing.
 * Mentions group by type and canonical name (spelling variants compared without case, hyphens
 * and diacritics); a surname or abbreviation the annotator could not resolve in its article joins
 * the one full name it fits across the corpus. Ids are `stableId('entity', type, name)`. Pure: the
 * input is not changed; every input mention appears once, with its `entityId`, in the output.
 */
export function linkEntities(mentions: EntityMention[]): Entity[] {
  const groups = new Map<string, Group>();
  for (const m of mentions) {
    const key = groupKey(m.type, m.canonical ?? m.text);
    let g = groups.get(key);
    if (!g) {
      g = { type: m.type, mentions: [] };
      groups.set(key, g);
    }
    if (m.canonical && !g.canonical) g.canonical = m.canonical;
    g.mentions.push(m);
  }
  foldShortForms(groups);
  const entities: Entity[] = [];
  for (const g of groups.values()) {
    if (g.mentions.length === 0) continue;
    const name = nameOf(g);
    const id = stableId('entity', g.type, name);
    const ordered = [...g.mentions].sort((a, b) =>
      a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start,
    );
    const aliases = [...new Set(ordered.map((m) => m.text))].filter((t) => t !== name).sort();
    const roles = [...new Set(ordered.map(roleText).filter((r): r is string => r !== undefined))];
    entities.push({
      id,
      name,
      type: g.type,
      aliases,
      roles,
      mentions: ordered.map((m) => ({ ...m, entityId: id })),
    });
  }
  return entities.sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
}
