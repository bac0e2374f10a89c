// Types for charts.js (the UI stays build-free; TypeScript tests import it through this file).
import type { TimelineEntry } from '../src/core/event.ts';

export function renderCoverageChart(articles: { publishedAt?: string; outlet?: string }[]): string;
export function renderTimelineChart(entries: TimelineEntry[]): string;
