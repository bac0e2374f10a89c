import type { EntityType } from '../../../core/entity.ts';
import type { LexEntry } from './lexicon.ts';

/** A mention being built: token indices into its sentence plus what is known so far. */
export interface Candidate {
  /** First token index (inclusive) and last (exclusive) in the sentence's tokens. */
  s: number;
  e: number;
  type: EntityType;
  via: string;
  kind: LexEntry['kind'] | 'pattern';
  canonical?: string;
  country?: string;
  role?: string;
  roleOf?: string;
}

/** Is any token of [s, e) already taken by a candidate? */
export function covered(taken: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (taken[i]) return true;
  return false;
}

export function take(taken: Uint8Array, s: number, e: number): void {
  for (let i = s; i < e; i++) taken[i] = 1;
}
