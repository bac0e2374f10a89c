/**
 * An analysis sent between threads in parts. Posting a whole corpus-sized analysis as one message
 * makes the receiving thread deserialize it in one go (hundreds of milliseconds at 5,000 articles,
 * during which a server answers nothing); in slices of a few hundred array elements each message is
 * a short task, and the event loop serves requests between them.
 */
import type { Analysis } from '../core/analysis.ts';
import { SitrepError } from '../core/errors.ts';

/** The first part: every field that is not an array, and the array fields' names in their order. */
export interface AnalysisHead {
  kind: 'head';
  keys: string[];
  fields: Record<string, unknown>;
  arrays: Record<string, number>;
}

/** Consecutive elements of one array field. */
export interface AnalysisSlice {
  kind: 'slice';
  field: string;
  items: unknown[];
}

export type AnalysisPart = AnalysisHead | AnalysisSlice;

/** Array elements per slice: a few milliseconds of deserialization each. */
export const SLICE_ITEMS = 200;

/** The parts of an analysis: its head, then each array field in slices of `size` elements. */
export function* analysisParts(analysis: Analysis, size = SLICE_ITEMS): Generator<AnalysisPart> {
  const record = analysis as unknown as Record<string, unknown>;
  const keys = Object.keys(record);
  const fields: Record<string, unknown> = {};
  const arrays: Record<string, number> = {};
  for (const key of keys) {
    const value = record[key];
    if (Array.isArray(value)) arrays[key] = value.length;
    else fields[key] = value;
  }
  yield { kind: 'head', keys, fields, arrays };
  for (const [field, length] of Object.entries(arrays)) {
    const value = record[field] as unknown[];
    for (let start = 0; start < length; start += size) {
      yield { kind: 'slice', field, items: value.slice(start, start + size) };
    }
  }
}

/** Puts an analysis back together from its parts, in the order `analysisParts` made them. */
export class AnalysisAssembler {
  private head: AnalysisHead | undefined;
  private readonly arrays = new Map<string, unknown[]>();

  add(part: AnalysisPart): void {
    if (part.kind === 'head') {
      this.head = part;
      for (const field of Object.keys(part.arrays)) this.arrays.set(field, []);
      return;
    }
    const target = this.arrays.get(part.field);
    if (!this.head || !target)
      throw new SitrepError('INTERNAL', `analysis slice of "${part.field}" before its head`);
    for (const item of part.items) target.push(item);
  }

  /** The analysis; throws when a part is missing. */
  result(): Analysis {
    const head = this.head;
    if (!head) throw new SitrepError('INTERNAL', 'no analysis was received');
    const out: Record<string, unknown> = {};
    for (const key of head.keys) {
      const array = this.arrays.get(key);
      if (array === undefined) {
        out[key] = head.fields[key];
        continue;
      }
      if (array.length !== head.arrays[key]) {
        throw new SitrepError(
          'INTERNAL',
          `analysis field "${key}" arrived with ${array.length} of ${head.arrays[key]} elements`,
        );
      }
      out[key] = array;
    }
    return out as unknown as Analysis;
  }
}
