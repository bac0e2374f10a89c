import type { Command } from 'commander';
import type { Entity } from '../../core/entity.ts';
import { formatTable, type Io, positiveInt, printJson } from '../output.ts';
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
  program
    .command('entities')
    .description('list canonical entities (one per real-world thing) with mention counts')
    .option('--type <type>', `only this type: ${TYPES.join(', ')}`)
    .option('--limit <n>', 'at most this many (most mentioned first)', positiveInt)
    .option('--json', 'print JSON (with every mention span)')
    .action(async (flags: { type?: string; limit?: number; json?: boolean }, command: Command) => {
      if (flags.type && !TYPES.includes(flags.type)) {
        io.err(`sitrep: unknown entity type "${flags.type}"; use one of ${TYPES.join(', ')} [USAGE]`);
        process.exitCode = 2;
        return;
      }
      const entities = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
        a.entities
          .filter((e) => !flags.type || e.type === flags.type)
          .sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name))
          .slice(0, flags.limit ?? Number.POSITIVE_INFINITY),
      );
      if (flags.json) printJson(io, entities);
      else io.out(formatEntities(entities, io.columns));
    });
}
