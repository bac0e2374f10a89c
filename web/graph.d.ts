// Types for graph.js (the UI stays build-free; TypeScript tests import it through this file).
import type { DerivationLink } from '../src/core/story.ts';
import type { StoryArticle, StoryDetail, StoryEntity } from '../src/server/analysis-views.ts';

export const GRAPH_NODES: number;
export const LINKS_PER_NODE: number;
export function entityGraphElements(
  entities: StoryEntity[],
  cooccurrence: StoryDetail['cooccurrence'],
): { data: Record<string, string | number> }[];
export function drawEntityGraph(
  section: unknown,
  detail: StoryDetail,
  open: (id: string) => void,
): Promise<boolean>;
export function sourceGraphElements(
  articles: StoryArticle[],
  derivations: DerivationLink[],
): { data: Record<string, string | number> }[];
export function drawSourceGraph(
  section: unknown,
  detail: StoryDetail,
  open: (id: string) => void,
): Promise<boolean>;
