import type { Claim, ClaimMention } from '../core/quote.ts';
import type { StoryResult } from './story-phase.ts';

/**
 * A storyline's claims refer to claim mentions its articles' annotations already hold. Stored, a
 * mention is written as a reference to it — [article id, index among that article's claim mentions] —
 * instead of a copy (the copies were two fifths of the story records); in memory, claims share the
 * annotations' mention objects instead of holding clones returned by a worker thread.
 */
export type MentionRef = [articleId: string, index: number];
export type StoredClaim = Omit<Claim, 'mentions'> & { mentions: Array<ClaimMention | MentionRef> };
export type StoredStoryResult = Omit<StoryResult, 'claims'> & { claims: StoredClaim[] };

/** Claim mentions of an article, as its annotations hold them (undefined: not known). */
export type MentionsOf = (articleId: string) => readonly ClaimMention[] | undefined;

const spanKey = (m: ClaimMention) => `${m.start}:${m.end}:${m.text.length}`;

/** Finds an article's mention by its span, building each article's lookup once. */
export class MentionIndex {
  private readonly byArticle = new Map<string, Map<string, number>>();

  constructor(private readonly mentionsOf: MentionsOf) {}

  /** Index of the article's mention with the same span and text, or -1. */
  find(m: ClaimMention): number {
    let index = this.byArticle.get(m.articleId);
    if (!index) {
      index = new Map((this.mentionsOf(m.articleId) ?? []).map((x, i) => [spanKey(x), i]));
      this.byArticle.set(m.articleId, index);
    }
    const i = index.get(spanKey(m));
    return i !== undefined && this.mentionsOf(m.articleId)![i]!.text === m.text ? i : -1;
  }

  get(articleId: string, i: number): ClaimMention | undefined {
    return this.mentionsOf(articleId)?.[i];
  }
}

/** The story's claims with their mentions replaced by the annotations' own objects (same values). */
export function shareMentions(result: StoryResult, index: MentionIndex): StoryResult {
  const claims = result.claims.map((c) => ({
    ...c,
    mentions: c.mentions.map((m) => {
      const i = index.find(m);
      return i < 0 ? m : index.get(m.articleId, i)!;
    }),
  }));
  return { ...result, claims };
}

/** The form a story result is stored in: mentions the annotations hold become references. */
export function toStoredStory(result: StoryResult, index: MentionIndex): StoredStoryResult {
  const claims = result.claims.map((c) => ({
    ...c,
    mentions: c.mentions.map((m): ClaimMention | MentionRef => {
      const i = index.find(m);
      return i < 0 ? m : [m.articleId, i];
    }),
  }));
  return { ...result, claims };
}

/** A stored story result with its references resolved, or undefined when one no longer resolves. */
export function fromStoredStory(stored: StoredStoryResult, index: MentionIndex): StoryResult | undefined {
  const claims: Claim[] = [];
  for (const c of stored.claims) {
    const mentions: ClaimMention[] = [];
    for (const m of c.mentions) {
      const found = Array.isArray(m) ? index.get(m[0], m[1]) : m;
      if (!found) return undefined;
      mentions.push(found);
    }
    claims.push({ ...c, mentions });
  }
  return { ...stored, claims };
}
