import type { Command } from 'commander';
import type { Entity } from '../../core/entity.ts';
import { formatTable, type Io } from '../output.ts';
import { type PageFlags, pageOf, pageOptions, printPage } from '../paging.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

const TYPES = ['person', 'organization', 'country', 'place', 'facility', 'other'];

export function formatEntities(entities: Entity[], columns: number): string {
  if (entities.length === 0) return 'no entities';
  return formatTable(
    ['id', 'type', 'mentions', 'articles', 'name', 'aliases / roles'],
    entities.map((e) => [
      e.id,
      e.type,
      String(e.mentions.length),
      String(new Set(e.mentions.map((m) => m.articleId)).size),
      e.name,
      [...e.aliases.filter((a) => a !== e.name), ...e.roles].join('; '),
    ]),
    columns,
  );
}

export function registerEntities(program: Command, io: Io): void {
  pageOptions(
    program
      .command('entities')
      .description('list canonical entities (one per real-world thing), most mentioned first')
      .option('--type <type>', `only this type: ${TYPES.join(', ')}`),
    'entities',
  )
    .option('--json', 'print JSON: { entities (with every mention span), total, offset, limit }')
    .action(async (flags: PageFlags & { type?: string; json?: boolean }, command: Command) => {
      if (flags.type && !TYPES.includes(flags.type)) {
        io.err(`sitrep: unknown entity type "${flags.type}"; use one of ${TYPES.join(', ')} [USAGE]`);
        process.exitCode = 2;
        return;
      }
      const entities = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
        a.entities
          .filter((e) => !flags.type || e.type === flags.type)
          .sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name)),
      );
      printPage(io, pageOf(entities, flags), {
        json: flags.json,
        name: 'entities',
        format: (items) => formatEntities(items, io.columns),
      });
    });
}
