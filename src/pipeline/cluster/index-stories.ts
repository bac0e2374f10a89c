/** The events and storylines of a `ClusterIndex` as stories (titles, periods, ids, links between them). */
import type { Story } from '../../core/story.ts';
import type { IdVector } from './pair-scores.ts';
import { compareGroups, groupBy, removedIds } from './partition.ts';
import type { StoredRecord } from './stored-record.ts';
import { buildStory, storyId } from './story-builder.ts';

/** What building stories reads of the index. */
export interface IndexView {
  articles: readonly StoredRecord[];
  eventOf: readonly number[];
  lineOf: readonly number[];
  indexOf: (id: string) => number;
  vector: (i: number) => IdVector;
  termText: (id: number) => string;
}

const byStoryId = (a: Story, b: Story) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function story(view: IndexView, kind: Story['kind'], members: readonly number[]): Story {
  return buildStory({
    kind,
    members: members.map((i) => view.articles[i]!),
    weigh: (m) => view.vector(view.indexOf(m.id)),
    termText: view.termText,
  });
}

export function storyIdOf(view: IndexView, kind: Story['kind'], members: readonly number[]): string {
  return storyId(
    kind,
    members.map((i) => view.articles[i]!.id),
  );
}

/** The events of these groups (representative → members), each with its storyline's id; sorted by id. */
export function eventStories(
  view: IndexView,
  events: Map<number, number[]>,
  lines: Map<number, number[]>,
): Story[] {
  const lineIds = new Map([...lines].map(([rep, members]) => [rep, storyIdOf(view, 'storyline', members)]));
  return [...events]
    .map(([rep, members]) => {
      const s = story(view, 'event', members);
      s.storylineId = lineIds.get(view.lineOf[rep]!)!;
      return s;
    })
    .sort(byStoryId);
}

/** The storylines of these groups, each with its events' ids; sorted by id. */
export function lineStories(view: IndexView, lines: Map<number, number[]>): Story[] {
  return [...lines.values()]
    .map((members) => {
      const s = story(view, 'storyline', members);
      const events = groupBy(members, (m) => view.eventOf[m]!);
      s.eventIds = [...events.values()].map((m) => storyIdOf(view, 'event', m)).sort();
      return s;
    })
    .sort(byStoryId);
}

/**
 * After re-clustering `reclustered` (with each old member's previous event and storyline in `was`):
 * the events and storylines that changed — built as stories when `build`, else left empty — and the
 * ids of those that no longer exist.
 */
export function changedStories(
  view: IndexView,
  reclustered: readonly number[],
  was: { event: Map<number, number>; line: Map<number, number> },
  build: boolean,
): { events: Story[]; storylines: Story[]; removedEventIds: string[]; removedStorylineIds: string[] } {
  const eventGroups = groupBy(reclustered, (m) => view.eventOf[m]!);
  const lineGroups = groupBy(reclustered, (m) => view.lineOf[m]!);
  const ev = compareGroups(eventGroups, was.event);
  const ln = compareGroups(lineGroups, was.line);
  const changedLines = new Set(
    [...lineGroups]
      .filter(([rep, m]) => ln.changed.has(rep) || m.some((i) => ev.changed.has(view.eventOf[i]!)))
      .map(([rep]) => rep),
  );
  // An unchanged event is reported again only when its storyline's id changed. Representatives are
  // smallest-id members, and a story's id is a hash of its smallest member id: a new representative
  // is a new id.
  const renamed = (rep: number) => view.lineOf[rep]! !== was.line.get(rep);
  const changedEvents = new Map([...eventGroups].filter(([r]) => ev.changed.has(r) || renamed(r)));
  const changedLineGroups = new Map([...lineGroups].filter(([r]) => changedLines.has(r)));
  // Building a story (its title, period) costs; a caller that reads the whole index afterwards
  // (`sitrep analyze`) asks for none, and gets the ids of what changed only through removed ids.
  const events = build ? eventStories(view, changedEvents, lineGroups) : [];
  const storylines = build ? lineStories(view, changedLineGroups) : [];
  const idOf = (kind: Story['kind']) => (m: readonly number[]) => storyIdOf(view, kind, m);
  const liveEvents = build ? events : [...changedEvents.values()].map((m) => ({ id: idOf('event')(m) }));
  const liveLines = build
    ? storylines
    : [...changedLineGroups.values()].map((m) => ({ id: idOf('storyline')(m) }));
  return {
    events,
    storylines,
    removedEventIds: removedIds(ev, liveEvents, idOf('event')),
    removedStorylineIds: removedIds(ln, liveLines, idOf('storyline')),
  };
}
