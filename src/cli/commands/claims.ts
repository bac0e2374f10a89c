import type { Command } from 'commander';
import type { Analysis } from '../../core/analysis.ts';
import type { Claim } from '../../core/quote.ts';
import { resolveStoryId } from '../../engine/brief.ts';
import { type Io, positiveInt } from '../output.ts';
import { type PageFlags, pageOf, pageOptions, printPage } from '../paging.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

export function selectClaims(analysis: Analysis, options: { story?: string; minOrigins?: number }): Claim[] {
  let claims = analysis.claims;
  if (options.story) {
    const storyId = resolveStoryId(analysis.stories, options.story);
    const ids = new Set(analysis.stories.find((s) => s.id === storyId)?.articleIds ?? []);
    claims = claims.filter((c) => c.mentions.some((m) => ids.has(m.articleId)));
  }
  if (options.minOrigins) claims = claims.filter((c) => c.independentOrigins >= (options.minOrigins ?? 0));
  return [...claims].sort(
    (a, b) => b.mentions.length - a.mentions.length || b.independentOrigins - a.independentOrigins,
  );
}

export function formatClaims(claims: Claim[]): string {
  if (claims.length === 0) return 'no claims';
  return claims
    .map((c) => {
      const chains = c.attribution.map((chain) => chain.join(' → ')).join(' | ') || 'the outlet itself';
      const articles = new Set(c.mentions.map((m) => m.articleId)).size;
      return `${c.id}  [${c.modality}] ${c.independentOrigins} independent origin(s), ${c.mentions.length} mention(s) in ${articles} article(s)\n    ${c.text.replace(/\s+/g, ' ')}\n    attribution: ${chains}`;
    })
    .join('\n');
}

export function registerClaims(program: Command, io: Io): void {
  pageOptions(
    program
      .command('claims')
      .description('list claims with modality, attribution chains and independent-origin counts')
      .option('--story <id>', 'only claims carried by articles of this story')
      .option('--min-origins <n>', 'only claims with at least this many independent origins', positiveInt),
    'claims',
  )
    .option('--json', 'print JSON: { claims, total, offset, limit }')
    .action(
      async (
        flags: PageFlags & { story?: string; minOrigins?: number; json?: boolean },
        command: Command,
      ) => {
        const claims = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
          selectClaims(a, {
            ...(flags.story ? { story: flags.story } : {}),
            ...(flags.minOrigins ? { minOrigins: flags.minOrigins } : {}),
          }),
        );
        printPage(io, pageOf(claims, flags), { json: flags.json, name: 'claims', format: formatClaims });
      },
    );
}
