/**
 * The analysis (or one story of it) as a STIX 2.1 bundle, for OpenCTI and other threat-intelligence
 * platforms: each storyline or event a `report`; people and organizations `identity` objects;
 * countries `location` objects (ISO 3166-1 codes); actor–action–target events `relationship`s between
 * them (the event type as an open-vocabulary relationship type, its modality and time in the
 * description); claims `note`s on their story's report, with their modality and independent origins.
 * Nothing is asserted beyond the analysis: no object says "threat actor", because a news mention is
 * not that judgement. Ids are UUIDv5 of Sitrep's own ids, so exporting again gives the same objects
 * (a platform merges them instead of duplicating).
 */
import { createHash } from 'node:crypto';
import type { Analysis } from '../core/analysis.ts';
import type { Entity } from '../core/entity.ts';
import { countryNameForms } from '../pipeline/annotate/entities/lexicon.ts';
import { scopeToStory } from './story-scope.ts';

/** A UUIDv5 namespace of Sitrep's own (a v4 UUID drawn once). */
const NAMESPACE = 'b4f0a8d2-6c1e-4f37-9a55-2d8e1c7b3f60';

/** RFC 9562 UUIDv5 (SHA-1, name-based) of `name` in NAMESPACE. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type StixObject = Record<string, unknown> & { type: string; id: string };

/** ISO 3166-1 alpha-2 code by lowercased name: every form the gazetteer writes a country in. */
let countryCodes: Map<string, string> | undefined;
const countryCode = (name: string): string | undefined => {
  countryCodes ??= new Map(countryNameForms().map(([form, code]) => [form.toLowerCase(), code]));
  return countryCodes.get(name.toLowerCase());
};

/** A STIX timestamp (RFC 3339, UTC, milliseconds). */
const stamp = (iso: string | undefined, fallback: string): string => {
  const date = new Date(iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso : fallback);
  return (Number.isNaN(date.getTime()) ? new Date(fallback) : date).toISOString();
};

function entityObject(entity: Entity, common: Record<string, unknown>): StixObject | undefined {
  const id = (type: string) => `${type}--${uuidV5(`entity:${entity.id}`)}`;
  const description = entity.aliases.length ? `Also named: ${entity.aliases.join(', ')}.` : undefined;
  if (entity.type === 'person' || entity.type === 'organization') {
    return {
      type: 'identity',
      id: id('identity'),
      ...common,
      name: entity.name,
      identity_class: entity.type === 'person' ? 'individual' : 'organization',
      ...(description ? { description } : {}),
      ...(entity.roles.length ? { roles: entity.roles } : {}),
    };
  }
  if (entity.type === 'country') {
    const code = [entity.name, ...entity.aliases].map(countryCode).find(Boolean);
    if (code) return { type: 'location', id: id('location'), ...common, name: entity.name, country: code };
  }
  return undefined;
}

/** The analysis, or the story `storyId` of it, as a STIX 2.1 bundle. */
export function stixBundle(
  analysis: Analysis,
  storyId?: string,
): { type: 'bundle'; id: string; objects: StixObject[] } {
  const scoped = storyId ? scopeToStory(analysis, storyId) : analysis;
  const created = stamp(scoped.generatedAt, '1970-01-01T00:00:00Z');
  const common = { spec_version: '2.1', created, modified: created };
  const objects: StixObject[] = [];
  const entityRef = new Map<string, string>();
  for (const entity of scoped.entities) {
    const object = entityObject(entity, common);
    if (!object) continue;
    objects.push(object);
    entityRef.set(entity.id, object.id);
  }
  const articlesOf = new Map(scoped.stories.map((s) => [s.id, new Set(s.articleIds)]));
  const inStory = (storyIdOf: string, articleIds: string[]) =>
    articleIds.some((a) => articlesOf.get(storyIdOf)?.has(a));
  const relationships: { id: string; articles: string[] }[] = [];
  for (const event of scoped.events) {
    const source = event.actor?.entityId ? entityRef.get(event.actor.entityId) : undefined;
    const target = event.target?.entityId ? entityRef.get(event.target.entityId) : undefined;
    if (!source || !target || source === target) continue;
    const id = `relationship--${uuidV5(`event:${event.id}`)}`;
    const when = event.time
      ? ` (${event.time.start}${event.time.end !== event.time.start ? ` to ${event.time.end}` : ''})`
      : '';
    objects.push({
      type: 'relationship',
      id,
      ...common,
      relationship_type: event.type.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      source_ref: source,
      target_ref: target,
      description:
        `${event.actor?.text ?? ''} ${event.action} ${event.target?.text ?? ''}${when}; ${event.modality}, ${event.mentions.length} mention(s)`.trim(),
    });
    relationships.push({ id, articles: event.mentions.map((m) => m.articleId) });
  }
  for (const story of scoped.stories) {
    const reportId = `report--${uuidV5(`story:${story.id}`)}`;
    const mentioned = new Set(story.articleIds);
    const refs = [
      ...scoped.entities
        .filter((e) => entityRef.has(e.id) && e.mentions.some((m) => mentioned.has(m.articleId)))
        .map((e) => entityRef.get(e.id)!),
      ...relationships.filter((r) => inStory(story.id, r.articles)).map((r) => r.id),
    ];
    const claims = scoped.claims.filter((c) =>
      inStory(
        story.id,
        c.mentions.map((m) => m.articleId),
      ),
    );
    const notes = claims.map((claim) => ({
      type: 'note',
      id: `note--${uuidV5(`claim:${story.id}:${claim.id}`)}`,
      ...common,
      abstract: claim.text.slice(0, 200),
      content: `${claim.text}\n\nModality: ${claim.modality}. Independent origins: ${claim.independentOrigins}. Attribution: ${
        claim.attribution.map((chain) => chain.join(' → ')).join('; ') || 'none stated'
      }.`,
      object_refs: [reportId],
    }));
    objects.push({
      type: 'report',
      id: reportId,
      ...common,
      name: story.title,
      description: `A Sitrep ${story.kind} of ${story.articleIds.length} article(s); ${claims.length} claim(s).`,
      report_types: ['threat-report'],
      published: stamp(story.period.end ?? story.period.start, created),
      // A report must refer to at least one object: with no entity or event of the story in the bundle
      // it refers to its claims' notes, and with no claim either to a note saying so.
      object_refs: refs.length
        ? refs
        : notes.length
          ? notes.map((n) => n.id)
          : [`note--${uuidV5(`empty:${story.id}`)}`],
    });
    objects.push(...notes);
    if (!refs.length && !notes.length) {
      objects.push({
        type: 'note',
        id: `note--${uuidV5(`empty:${story.id}`)}`,
        ...common,
        content: 'No entity, event or claim of this story maps to a STIX object.',
        object_refs: [reportId],
      });
    }
  }
  return { type: 'bundle', id: `bundle--${uuidV5(`bundle:${storyId ?? 'all'}:${created}`)}`, objects };
}
