// Types for views.js (the UI stays build-free; TypeScript tests import it through this file).

import type { Entity } from '../src/core/entity.ts';
import type { EventRecord, TimelineEntry } from '../src/core/event.ts';
import type { Claim, Quote } from '../src/core/quote.ts';
import type { StoryDetail } from '../src/server/analysis-views.ts';
import type { EntityDetail } from '../src/server/entity-view.ts';

/** A list item as `mentionLimit` gives it: its mentions cut, with their count. */
type Counted<T> = T & { mentionCount?: number };

interface Page {
  limit: number;
  offset: number;
  total: number;
}

export function articleHref(articleId: string, span?: { start: number; end: number }): string;
export function routeHref(path: string, params?: Record<string, string | number | undefined>): string;
export function renderPager(
  page: Page & { items: number },
  hrefFor: (offset: number) => string,
  label: string,
): string;
export function renderBrief(brief: {
  title?: string;
  storyId?: string;
  period?: { start?: string; end?: string };
  sections: {
    title: string;
    sentences: { text: string; citations?: { n: number; articleId: string; start: number; end: number }[] }[];
  }[];
}): string;
export const CLAIM_LEGEND: string;
export function renderClaimsPage(
  page: Page & { claims: Counted<Claim>[] },
  filter: { story?: string; modality?: string; minOrigins?: string | number; outlet?: string; sort?: string },
): string;
export function renderQuotesPage(
  page: Page & { quotes: Quote[] },
  filter: { story?: string; speaker?: string },
): string;
export function renderEventsPage(
  page: Page & { events: Counted<EventRecord>[] },
  timeline: TimelineEntry[],
  filter: { story?: string; type?: string; actor?: string },
): string;
export function renderEntitiesPage(
  page: Page & { entities: Counted<Entity>[] },
  filter: { type?: string },
): string;
export function renderEntityPage(detail: EntityDetail): string;
export function renderStorySections(detail: StoryDetail): string;
export function renderIngestForm(health: { writes?: 'open' | 'token' }): string;
export function renderIngestReport(report: import('../src/engine/ingest.ts').IngestReport): string;
