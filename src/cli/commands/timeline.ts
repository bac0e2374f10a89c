import type { Command } from 'commander';
import type { Analysis } from '../../core/analysis.ts';
import type { EventRecord, TimelineEntry } from '../../core/event.ts';
import { resolveStoryId } from '../../engine/brief.ts';
import { formatTable, type Io } from '../output.ts';
import { type PageFlags, pageOf, pageOptions, printPage } from '../paging.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

/** Compare ISO dates at the precision both have ("2024-10" vs "2024-10-23" compare equal). */
function compareAtCommonPrecision(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).localeCompare(b.slice(0, n));
}

export function selectTimeline(
  analysis: Analysis,
  options: { story?: string; from?: string; to?: string },
): TimelineEntry[] {
  let entries = analysis.timeline;
  if (options.story) {
    const storyId = resolveStoryId(analysis.stories, options.story);
    const ids = new Set(analysis.stories.find((s) => s.id === storyId)?.articleIds ?? []);
    entries = entries.filter((e) => e.mentions.some((m) => ids.has(m.articleId)));
  }
  const { from, to } = options;
  if (from) entries = entries.filter((e) => compareAtCommonPrecision(e.end, from) >= 0);
  if (to) entries = entries.filter((e) => compareAtCommonPrecision(e.start, to) <= 0);
  return entries;
}

const when = (e: { start: string; end: string; mod?: string }) =>
  `${e.mod ? `${e.mod.toLowerCase()} ` : ''}${e.start === e.end ? e.start : `${e.start}…${e.end}`}`;

export function formatTimeline(entries: TimelineEntry[], columns: number): string {
  if (entries.length === 0) return 'no dated events';
  return formatTable(
    ['when', 'granularity', 'sources', 'what'],
    entries.map((e) => [
      when(e),
      e.granularity,
      String(new Set(e.mentions.map((m) => m.articleId)).size),
      e.label,
    ]),
    columns,
  );
}

export function formatEvents(events: EventRecord[]): string {
  if (events.length === 0) return 'no events';
  return events
    .map((e) => {
      const who = [e.actor?.text ?? '?', e.action, e.target?.text].filter(Boolean).join(' ');
      const where = e.place ? ` at ${e.place.text}` : '';
      const time = e.time ? ` (${when(e.time)})` : '';
      const flags = e.divergences?.length
        ? `  ⚠ sources diverge on ${e.divergences.map((d) => d.field).join(', ')}`
        : '';
      return `${e.id}  [${e.type}; ${e.modality}] ${who}${where}${time} — ${e.mentions.length} mention(s)${flags}`;
    })
    .join('\n');
}

export function registerTimeline(program: Command, io: Io): void {
  pageOptions(
    program
      .command('timeline')
      .description('the merged timeline: what happened when, at the granularity the sources support')
      .option('--story <id>', 'only entries supported by articles of this story')
      .option('--from <date>', 'only entries ending on or after this ISO date (any precision)')
      .option('--to <date>', 'only entries starting on or before this ISO date (any precision)'),
    'entries',
  )
    .option('--json', 'print JSON: { timeline, total, offset, limit }')
    .action(
      async (
        flags: PageFlags & { story?: string; from?: string; to?: string; json?: boolean },
        command: Command,
      ) => {
        for (const value of [flags.from, flags.to]) {
          if (value && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
            io.err(`sitrep: "${value}" is not an ISO date such as 2024, 2024-05 or 2024-05-25 [USAGE]`);
            process.exitCode = 2;
            return;
          }
        }
        const entries = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
          selectTimeline(a, {
            ...(flags.story ? { story: flags.story } : {}),
            ...(flags.from ? { from: flags.from } : {}),
            ...(flags.to ? { to: flags.to } : {}),
          }),
        );
        printPage(io, pageOf(entries, flags), {
          json: flags.json,
          name: 'timeline',
          format: (items) => formatTimeline(items, io.columns),
        });
      },
    );
}

export function registerEvents(program: Command, io: Io): void {
  pageOptions(
    program
      .command('events')
      .description('actor–action–target events with type, modality, time, place and mentions')
      .option('--type <type>', 'only events of this ontology type (e.g. deploy-forces, meet, supply-weapons)')
      .option('--actor <name>', 'only events whose actor contains this text'),
    'events',
  )
    .option('--json', 'print JSON: { events, total, offset, limit }')
    .action(
      async (flags: PageFlags & { type?: string; actor?: string; json?: boolean }, command: Command) => {
        const actor = flags.actor?.toLowerCase();
        const events = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
          a.events.filter(
            (e) =>
              (!flags.type || e.type === flags.type) &&
              (!actor || (e.actor?.text ?? '').toLowerCase().includes(actor)),
          ),
        );
        printPage(io, pageOf(events, flags), { json: flags.json, name: 'events', format: formatEvents });
      },
    );
}
