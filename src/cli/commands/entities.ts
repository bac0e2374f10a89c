import type { Command } from 'commander';
import type { Entity, EntityType } from '../../core/entity.ts';
import { ENTITY_TYPES, selectEntities } from '../../engine/analysis-query.ts';
import { formatTable, type Io } from '../output.ts';
import { type PageFlags, pageOf, pageOptions, printPage } from '../paging.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

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
      .option('--type <type>', `only this type: ${ENTITY_TYPES.join(', ')}`),
    'entities',
  )
    .option('--json', 'print JSON: { entities (with every mention span), total, offset, limit }')
    .action(async (flags: PageFlags & { type?: string; json?: boolean }, command: Command) => {
      if (flags.type && !ENTITY_TYPES.includes(flags.type as EntityType)) {
        io.err(`sitrep: unknown entity type "${flags.type}"; use one of ${ENTITY_TYPES.join(', ')} [USAGE]`);
        process.exitCode = 2;
        return;
      }
      const entities = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
        selectEntities(a, { type: flags.type as EntityType | undefined }),
      );
      printPage(io, pageOf(entities, flags), {
        json: flags.json,
        name: 'entities',
        format: (items) => formatEntities(items, io.columns),
      });
    });
}
