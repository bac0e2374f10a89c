import type { EntityMention } from '../../src/core/entity.ts';

/** A labelled span of one document. */
export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface NerScores {
  byLabel: Map<string, Counts>;
  overall: Counts;
}

/**
 * Our types in CoNLL-2003 terms: person → PER, organization → ORG, country, place and facility →
 * LOC, other → MISC; a demonym ("Russian", "North Koreans") is MISC whatever its type, as CoNLL
 * annotates nationalities.
 */
export function conllLabel(m: Pick<EntityMention, 'type' | 'via'>): string {
  if (m.via === 'demonym') return 'MISC';
  switch (m.type) {
    case 'person':
      return 'PER';
    case 'organization':
      return 'ORG';
    case 'other':
      return 'MISC';
    default:
      return 'LOC';
  }
}

const keyOf = (s: LabelledSpan): string => `${s.start}:${s.end}:${s.label}`;

/** Exact span match: a prediction is right when start, end and label all equal a gold span. */
export function scoreDocument(gold: LabelledSpan[], predicted: LabelledSpan[], into: NerScores): void {
  const bump = (label: string, field: keyof Counts): void => {
    let c = into.byLabel.get(label);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      into.byLabel.set(label, c);
    }
    c[field] += 1;
    into.overall[field] += 1;
  };
  const goldKeys = new Set(gold.map(keyOf));
  const predKeys = new Set(predicted.map(keyOf));
  for (const p of predicted) bump(p.label, goldKeys.has(keyOf(p)) ? 'tp' : 'fp');
  for (const g of gold) if (!predKeys.has(keyOf(g))) bump(g.label, 'fn');
}

export const emptyScores = (): NerScores => ({ byLabel: new Map(), overall: { tp: 0, fp: 0, fn: 0 } });

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** A fixed-width table: one row per label, then the overall (micro-averaged) row. */
export function formatScores(s: NerScores): string {
  const row = (label: string, c: Counts): string => {
    const { precision, recall, f1 } = prf(c);
    const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
    return `${label.padEnd(14)}${pct(precision)}${pct(recall)}${pct(f1)}${String(c.tp + c.fn).padStart(8)}${String(c.tp + c.fp).padStart(8)}`;
  };
  const lines = [
    `${'label'.padEnd(14)}${'P'.padStart(6)}${'R'.padStart(6)}${'F1'.padStart(6)}${'gold'.padStart(8)}${'pred'.padStart(8)}`,
  ];
  for (const label of [...s.byLabel.keys()].sort()) lines.push(row(label, s.byLabel.get(label)!));
  lines.push(row('overall', s.overall));
  return lines.join('\n');
}
