/**
 * Metadata from plain text: facts found by the removal rules (timestamps, bylines, section
 * labels, channel plugs) plus facts read from kept blocks (a place dateline opening the body,
 * a wire sign-off closing it). The strongest fact per field wins; hints win over all.
 */
import type { ArticleMetadata, DocumentHints, Evidence, MetadataField } from '../../../core/article.ts';
import { languagePack } from '../../language/language-pack.ts';
import type { TitleChoice } from './find-title.ts';
import type { Block } from './split-blocks.ts';
import { type Fact, quote, type Verdict } from './verdict.ts';

const MONTH = `${languagePack().patterns.monthPrefixCapitalised}\\.?`;
const PLACE_DATELINE = new RegExp(
  `^(\\p{Lu}[\\p{Lu}'’.]+(?:[ -]\\p{Lu}[\\p{Lu}'’.]+){0,3})(?:,\\s*(?:\\p{Lu}[\\p{L}.]*\\s?){1,3})?(?:,\\s*${MONTH}\\s+\\d{1,2})?\\s*(?:\\(([^)]{2,40})\\))?\\s*(?:--|—|–|-)\\s+\\S`,
  'u',
);
const SIGN_OFF = /[.!?"”’]\s*\((\p{Lu}[\p{L}.&-]*(?:\s\p{Lu}[\p{L}.&-]*){0,2})\)\s*$/u;
const AGENCY = /^(?:\p{Lu}[\p{L}.&-]*)(?:\s\p{Lu}[\p{L}.&-]*){0,2}$/u;

function bodyFacts(blocks: Block[], body: number[]): Fact[] {
  const facts: Fact[] = [];
  const opening = body.slice(0, 2).map((i) => blocks[i]!);
  const first = opening.find((b) => PLACE_DATELINE.test(b.text));
  const m = first ? PLACE_DATELINE.exec(first.text) : null;
  if (first && m && m[1]!.replace(/[^\p{L}]/gu, '').length >= 3) {
    const line = `place dateline opening the body: ${quote(first.text, 50)}`;
    facts.push({
      field: 'dateline',
      value: m[1]!,
      detail: line,
      raw: { start: first.start, end: first.start + m[1]!.length },
      rank: 1,
    });
    const agency = m[2]?.trim();
    if (agency && AGENCY.test(agency)) {
      const at = first.text.indexOf(agency, m[1]!.length);
      facts.push({
        field: 'outlet',
        value: agency,
        detail: `agency in the dateline: ${quote(first.text, 50)}`,
        raw: { start: first.start + at, end: first.start + at + agency.length },
        rank: 1,
      });
    }
  }
  const last = body.length > 1 ? blocks[body[body.length - 1]!]! : undefined;
  const s = last ? SIGN_OFF.exec(last.text) : null;
  if (last && s) {
    const at = last.text.lastIndexOf(s[1]!);
    const detail = `wire sign-off "(${s[1]})" closing the last paragraph`;
    facts.push({
      field: 'outlet',
      value: s[1]!,
      detail,
      raw: { start: last.start + at, end: last.start + at + s[1]!.length },
      rank: 2,
    });
  }
  return facts;
}

function best(facts: Fact[]): Fact | undefined {
  return [...facts].sort((a, b) => a.rank - b.rank || a.raw.start - b.raw.start)[0];
}

export function recoverMetadata(
  blocks: Block[],
  verdicts: (Verdict | undefined)[],
  body: number[],
  title: TitleChoice,
  hints: DocumentHints,
): { metadata: ArticleMetadata; evidence: Partial<Record<MetadataField, Evidence>> } {
  const metadata: ArticleMetadata = {};
  const evidence: Partial<Record<MetadataField, Evidence>> = {};
  const facts = [...verdicts.flatMap((v) => v?.facts ?? []), ...bodyFacts(blocks, body)];
  const fields: MetadataField[] = ['outlet', 'byline', 'publishedAt', 'dateline', 'section'];
  for (const field of fields) {
    const candidates = facts.filter((f) => f.field === field);
    const top = best(candidates);
    if (!top) continue;
    const agreeing = candidates.filter((f) => f !== top && f.value.toLowerCase() === top.value.toLowerCase());
    const also = agreeing.length > 0 ? `; agrees with ${agreeing.map((f) => f.detail).join('; ')}` : '';
    metadata[field] = top.value;
    evidence[field] = { source: 'text', detail: `${top.detail}${also}`, raw: top.raw };
  }
  if (title.text !== undefined && !title.fromHints && title.index !== undefined) {
    const b = blocks[title.index]!;
    metadata.title = b.flat;
    evidence.title = {
      source: 'text',
      detail: `first substantive line looks like a headline: line ${quote(b.text, 80)}`,
      raw: { start: b.start, end: b.end },
    };
  }
  const given: Array<[MetadataField, string | undefined]> = [
    ['title', hints.title],
    ['outlet', hints.outlet],
    ['byline', hints.byline],
    ['publishedAt', hints.publishedAt],
    ['language', hints.language],
  ];
  for (const [field, value] of given) {
    if (value === undefined || value.trim() === '') continue;
    metadata[field] = value.trim();
    evidence[field] = { source: 'input', detail: `hints.${field} given with the document` };
  }
  return { metadata, evidence };
}
