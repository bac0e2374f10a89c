import { type Command, Option } from 'commander';
import type { Claim, ClaimModality } from '../../core/quote.ts';
import { CLAIM_MODALITIES, CLAIM_SORTS, selectClaims } from '../../engine/analysis-query.ts';
import { type Io, positiveInt } from '../output.ts';
import { type PageFlags, pageOf, pageOptions, printPage } from '../paging.ts';
import { withAnalysis } from './analysis-context.ts';
import type { GlobalOptions } from './context.ts';

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
      .option('--min-origins <n>', 'only claims with at least this many independent origins', positiveInt)
      .addOption(
        new Option('--modality <modality>', 'only claims of this modality').choices(CLAIM_MODALITIES),
      )
      .option('--outlet <name>', 'only claims an article from this outlet carries (any case)')
      .addOption(
        new Option('--sort <order>', 'mentions (most mentioned first) or origins (most independent origins)')
          .choices(CLAIM_SORTS)
          .default('mentions'),
      ),
    'claims',
  )
    .option('--json', 'print JSON: { claims, total, offset, limit }')
    .action(async (flags: ClaimFlags, command: Command) => {
      const { story, minOrigins, modality, outlet, sort } = flags;
      const claims = await withAnalysis(command.optsWithGlobals<GlobalOptions>(), (a) =>
        selectClaims(a, { story, minOrigins, modality, outlet, sort }),
      );
      printPage(io, pageOf(claims, flags), { json: flags.json, name: 'claims', format: formatClaims });
    });
}

type ClaimFlags = PageFlags & {
  story?: string;
  minOrigins?: number;
  modality?: ClaimModality;
  outlet?: string;
  sort?: (typeof CLAIM_SORTS)[number];
  json?: boolean;
};
