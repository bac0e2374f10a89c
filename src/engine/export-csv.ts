/**
 * Claims, quotes and events as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled), one row per item with its first mention's
 * article and span, so a spreadsheet user can go back to the text. A field that a spreadsheet would
 * read as a formula (=, +, -, @ first) is prefixed with an apostrophe (OWASP's CSV-injection advice).
 */
import type { Analysis } from '../core/analysis.ts';
import { SitrepError } from '../core/errors.ts';
import { scopeToStory } from './story-scope.ts';

export const CSV_KINDS = ['claims', 'quotes', 'events'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

function field(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csv = (header: string[], rows: unknown[][]): string =>
  `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;

/** One kind of item of the analysis (or of the story `storyId`) as CSV. */
export function exportCsv(analysis: Analysis, kind: CsvKind, storyId?: string): string {
  const a = storyId ? scopeToStory(analysis, storyId) : analysis;
  if (kind === 'claims') {
    return csv(
      [
        'id',
        'text',
        'modality',
        'independent_origins',
        'mentions',
        'attribution',
        'article_id',
        'start',
        'end',
      ],
      a.claims.map((c) => [
        c.id,
        c.text,
        c.modality,
        c.independentOrigins,
        c.mentions.length,
        c.attribution.map((chain) => chain.join(' > ')).join('; '),
        c.mentions[0]?.articleId,
        c.mentions[0]?.start,
        c.mentions[0]?.end,
      ]),
    );
  }
  if (kind === 'quotes') {
    return csv(
      [
        'id',
        'speaker',
        'speaker_kind',
        'cue',
        'direct',
        'via',
        'citing',
        'text',
        'article_id',
        'start',
        'end',
      ],
      a.quotes.map((q) => [
        q.id,
        q.speaker.text,
        q.speaker.kind,
        q.cue,
        q.direct,
        q.via,
        q.citing,
        q.content.text,
        q.articleId,
        q.content.start,
        q.content.end,
      ]),
    );
  }
  if (kind === 'events') {
    return csv(
      [
        'id',
        'type',
        'actor',
        'action',
        'target',
        'modality',
        'time_start',
        'time_end',
        'place',
        'mentions',
        'article_id',
        'start',
        'end',
      ],
      a.events.map((e) => [
        e.id,
        e.type,
        e.actor?.text,
        e.action,
        e.target?.text,
        e.modality,
        e.time?.start,
        e.time?.end,
        e.place?.text,
        e.mentions.length,
        e.mentions[0]?.articleId,
        e.mentions[0]?.start,
        e.mentions[0]?.end,
      ]),
    );
  }
  throw new SitrepError('USAGE', `no CSV export of ${String(kind)}; one of ${CSV_KINDS.join(', ')}`);
}
