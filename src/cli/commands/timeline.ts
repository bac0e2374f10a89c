import type { Command } from 'commander';
import type { EventRecord, TimelineEntry } from '../../core/event.ts';
import { dateBound, selectEvents, selectTimeline } from '../../engine/analysis-query.ts';
import { formatTable, type Io } from '../output.ts';
import { type PageFlags, pageOf, pageOptions, printPage } from '../paging.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

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
        // Checked before the analysis is loaded: a typo fails at once.
        const from = dateBound('--from', flags.from, 'first');
        const to = dateBound('--to', flags.to, 'last');
        const entries = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
          selectTimeline(a, { story: flags.story, from, to }),
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
      .option('--actor <name>', 'only events whose actor contains this text')
      .option('--story <id>', 'only events mentioned in articles of this story'),
    'events',
  )
    .option('--json', 'print JSON: { events, total, offset, limit }')
    .action(
      async (
        flags: PageFlags & { type?: string; actor?: string; story?: string; json?: boolean },
        command: Command,
      ) => {
        const { type, actor, story } = flags;
        const events = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
          selectEvents(a, { type, actor, story }),
        );
        printPage(io, pageOf(events, flags), { json: flags.json, name: 'events', format: formatEvents });
      },
    );
}
