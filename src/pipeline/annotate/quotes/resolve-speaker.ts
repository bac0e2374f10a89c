import type { EntityMention } from '../../../core/entity.ts';
import type { Range } from '../../../core/span.ts';
import { memoByText } from '../../segment/memo-by-text.ts';
import { MEDIA_ANAPHORS, NOT_IN_SOURCE, PRONOUNS, SOURCE_HEADS, TITLES } from './lexicon.ts';
import type { Piece } from './phrases.ts';

export type SpeakerKind = 'person' | 'organization' | 'outlet' | 'anonymous';

export interface ResolvedSpeaker {
  text: string;
  kind: SpeakerKind;
  entityId?: string;
  role?: string;
  antecedent?: Range;
}

/** What resolution can look back on: the article, its entity mentions, and the speakers so far. */
export interface SpeakerContext {
  text: string;
  entities: EntityMention[];
  /** Resolved speakers and media in text order (media: vias and reporting outlets). */
  history: { at: number; speaker: ResolvedSpeaker; plural: boolean }[];
}

const ORG_WORDS =
  /\b(News|Times|Post|Journal|Press|Agency|Council|Ministry|Department|Office|Institute|Center|Centre|Project|Committee|Group|House|Government|Administration|Party|Army|Forces|Command|Network|Radio|Television|TV|Channel|Telegraph|Guardian|Politico|Reuters|Yonhap|Bloomberg|Tass|TASS|Xinhua|KCNA|CNN|NBC|BBC|CBS|ABC|AFP|AP|Fox)\b/;
const MEDIA_WORDS =
  /\b(News|Times|Post|Journal|Press|Politico|Reuters|Yonhap|Bloomberg|TASS|Tass|Xinhua|KCNA|CNN|NBC|BBC|CBS|ABC|AFP|AP|Fox|Telegraph|Guardian|Radio|Television|Trade)\b/;

/** A run of capitalised words; a word ending a sentence ("Monday.", not "J." or "U.S.") ends the run. */
const NAME_RUN = /\p{Lu}[\p{L}\p{M}'’.-]*(?:(?<!\p{Ll}\.)[^\S\n]+(?:and[^\S\n]+)?\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;

/** Drop leading titles: "Foreign Minister Park" → "Park", "Defense Secretary Lloyd Austin" → "Lloyd Austin". */
function stripTitles(run: string): { name: string; title: string } {
  const words = run.replace(/(?<!\.\p{L})\.$/u, '').split(/\s+/);
  let i = 0;
  while (
    i < words.length - 1 &&
    (TITLES.has(words[i]!.toLowerCase()) || LEADERS.has(words[i]!.toLowerCase()))
  )
    i += 1;
  // "Homeland Security Secretary Jeh Johnson": the name follows the last title word.
  for (let j = words.length - 2; j > i; j -= 1) {
    if (TITLES.has(words[j]!.toLowerCase())) {
      i = j + 1;
      break;
    }
  }
  return { name: words.slice(i).join(' '), title: words.slice(0, i).join(' ') };
}

/** Capitalised words that open a sentence rather than a name ("What Secretary Blinken fears…"). */
const LEADERS = new Set([
  ...NOT_IN_SOURCE,
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'by',
  'look',
]);

/** Split a source phrase into a role and a trailing name ("NATO spokeswoman Farah Dakhlallah"). */
export function splitName(phrase: string): { name?: string; role?: string } {
  // "The administration of US President Joe Biden", "the Minister of Defense": the head is before "of".
  if (/\sof\s/.test(phrase)) return {};
  const words = phrase.trim().split(/\s+/);
  let i = words.length;
  while (i > 0 && (/^\p{Lu}/u.test(words[i - 1]!) || (words[i - 1] === 'and' && i > 1 && i < words.length)))
    i -= 1;
  if (i === words.length) return {};
  const run = words.slice(i).join(' ');
  const { name, title } = stripTitles(run);
  const role = [...words.slice(0, i), title].filter((w) => w && !/^(a|an|the)$/i.test(w)).join(' ');
  return { name: name.replace(/['’]s$/, ''), role: role || undefined };
}

/** A fuller form of a one-word name found in the article ("Austin" → "Lloyd Austin", "Park" → "Park Jin"). */
/**
 * The runs of capitalised words of a text that can be a full name (two or three words once titles
 * are stripped, no "and"), where each starts: read once per text, then looked up for each speaker.
 */
const fullNameRuns = memoByText((text: string): { name: string; parts: string[]; at: number }[] => {
  const out: { name: string; parts: string[]; at: number }[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    // A run of one word is one part whatever titles it holds: no full name.
    if (!/\s/.test(m[0])) continue;
    const { name, title } = stripTitles(m[0]);
    const parts = name.split(/\s+/);
    if (parts.length < 2 || parts.length > 3 || /\band\b/.test(name)) continue;
    out.push({ name, parts, at: m.index + title.length + (title ? 1 : 0) });
  }
  return out;
}, 8);

function fullName(text: string, word: string, at: number): { name: string; at: number } | undefined {
  let best: { name: string; at: number } | undefined;
  for (const run of fullNameRuns(text)) {
    if (!run.parts.includes(word)) continue;
    const candidate = { name: run.name, at: run.at };
    if (run.at < at) best = candidate;
    else if (!best) return candidate;
  }
  return best;
}

/** "the Defense secretary" → the name that follows that role earlier on ("Defense Secretary Lloyd Austin"). */
function nameByRole(text: string, role: string, at: number): { name: string; at: number } | undefined {
  const wanted = role.toLowerCase();
  let best: { name: string; at: number } | undefined;
  for (const m of text.slice(0, at).matchAll(NAME_RUN)) {
    const run = m[0];
    if (!run.toLowerCase().startsWith(`${wanted} `)) continue;
    const name = run.slice(wanted.length + 1);
    if (name.split(/\s+/).length <= 3) best = { name, at: m.index + wanted.length + 1 };
  }
  return best;
}

function entityFor(ctx: SpeakerContext, range: Range): EntityMention | undefined {
  const hits = ctx.entities.filter((e) => e.start < range.end && e.end > range.start);
  return hits.find((e) => e.type === 'person') ?? hits[0];
}

function canonicalText(ctx: SpeakerContext, mention: EntityMention): string {
  if (!mention.entityId) return mention.text;
  const same = ctx.entities.filter((e) => e.entityId === mention.entityId);
  return same.reduce((a, b) => (b.text.length > a.length ? b.text : a), mention.text);
}

function nearest(ctx: SpeakerContext, at: number, ok: (s: ResolvedSpeaker, plural: boolean) => boolean) {
  for (let i = ctx.history.length - 1; i >= 0; i -= 1) {
    const h = ctx.history[i]!;
    if (h.at < at && ok(h.speaker, h.plural)) return h;
  }
  return undefined;
}

/** Is the phrase plural ("six senior US officials", "they")? */
export function isPlural(phrase: string): boolean {
  const last = phrase.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
  return (
    last === 'they' || last === 'we' || (/s$/.test(last) && !/(ss|us|ws|is)$/.test(last) && last.length > 3)
  );
}

/**
 * Who a source phrase refers to. Pronouns go to the nearest earlier compatible speaker, "the outlet"
 * and its kin to the nearest earlier medium, one-word names and bare roles to a fuller name in the
 * article; an entity mention over the name supplies the entity id. Descriptors stay as written.
 */
export function resolveSpeaker(ctx: SpeakerContext, phrase: Piece): ResolvedSpeaker {
  const lower = phrase.text.toLowerCase().replace(/['’]s$/, '');
  const words = lower.split(/\s+/);
  const head = words[words.length - 1] ?? '';
  if (PRONOUNS.has(lower)) {
    const plural = lower === 'they' || lower === 'we';
    const found =
      lower === 'it'
        ? nearest(ctx, phrase.start, (s) => s.kind === 'outlet' || s.kind === 'organization')
        : nearest(ctx, phrase.start, (s, p) => (plural ? p : s.kind === 'person' && !p));
    if (found)
      return { ...found.speaker, antecedent: found.speaker.antecedent ?? { start: found.at, end: found.at } };
    return { text: phrase.text, kind: 'anonymous' };
  }
  if (/^the\s/.test(lower) && words.length <= 3 && MEDIA_ANAPHORS.has(head)) {
    const found = nearest(ctx, phrase.start, (s) => s.kind === 'outlet');
    if (found) return { ...found.speaker, antecedent: { start: found.at, end: found.at } };
  }
  const { name, role } = splitName(phrase.text);
  if (!name) {
    const bareRole = phrase.text.replace(/^(the|a|an)\s+/i, '');
    const byRole =
      /^the\s/i.test(phrase.text) && !isPlural(phrase.text)
        ? nameByRole(ctx.text, bareRole, phrase.start)
        : undefined;
    if (byRole) {
      return withEntity(
        ctx,
        { text: byRole.name, kind: 'person', role: bareRole },
        byRole.at,
        byRole.name,
        true,
      );
    }
    const kind: SpeakerKind = SOURCE_HEADS.has(head) || PRONOUNS.has(head) ? 'anonymous' : 'organization';
    const entity = entityFor(ctx, phrase);
    if (entity?.entityId && entity.type !== 'country')
      return { text: canonicalText(ctx, entity), kind, entityId: entity.entityId };
    return { text: phrase.text, kind };
  }
  const nameStart = phrase.start + phrase.text.lastIndexOf(name);
  let resolved = name;
  let antecedent: number | undefined;
  if (!name.includes(' ')) {
    const full = fullName(ctx.text, name, phrase.start);
    if (full) {
      resolved = full.name;
      if (full.at !== nameStart) antecedent = full.at;
    }
  }
  const media = MEDIA_WORDS.test(resolved);
  const org =
    media ||
    /\band\b/.test(resolved) ||
    ORG_WORDS.test(resolved) ||
    /^[\p{Lu}.]+$/u.test(resolved) ||
    resolved.split(' ').length > 3;
  const kind: SpeakerKind = media ? 'outlet' : org ? 'organization' : 'person';
  const out: ResolvedSpeaker = { text: resolved, kind, role };
  return withEntity(ctx, out, antecedent ?? nameStart, resolved, antecedent !== undefined);
}

function withEntity(
  ctx: SpeakerContext,
  speaker: ResolvedSpeaker,
  at: number,
  name: string,
  elsewhere: boolean,
): ResolvedSpeaker {
  const out = { ...speaker };
  if (elsewhere) out.antecedent = { start: at, end: at + name.length };
  const entity = entityFor(ctx, { start: at, end: at + name.length });
  if (entity?.entityId) {
    out.entityId = entity.entityId;
    out.text = canonicalText(ctx, entity);
    if (entity.type === 'person') out.kind = 'person';
    else if (out.kind === 'person') out.kind = 'organization';
  }
  return out;
}
