import type { Analysis } from '../core/analysis.ts';
import type { Story } from '../core/story.ts';
import { rankStories } from '../pipeline/report/story-index.ts';

/**
 * Stories in reading order: storylines ranked as in the brief's index (size, independent origins,
 * recency), each followed by its events (largest first), then any story no storyline holds.
 */
export function orderStories(analysis: Analysis): Story[] {
  const byId = new Map(analysis.stories.map((s) => [s.id, s]));
  const out: Story[] = [];
  const listed = new Set<string>();
  for (const { story } of rankStories(analysis)) {
    out.push(story);
    listed.add(story.id);
    const events = (story.eventIds ?? []).flatMap((id) => byId.get(id) ?? []);
    events.sort((a, b) => b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id));
    for (const e of events) {
      out.push(e);
      listed.add(e.id);
    }
  }
  for (const s of analysis.stories) if (!listed.has(s.id)) out.push(s);
  return out;
}
