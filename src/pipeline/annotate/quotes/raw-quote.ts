import type { Range } from '../../../core/span.ts';
import type { Piece } from './phrases.ts';

/** A quote before its speaker is resolved: the phrases as they stand in the text. */
export interface RawQuote {
  content: Range;
  direct: boolean;
  /** The cue as written ("said", "told", "according to", "quoted as saying"). */
  cue: string;
  cueSpan?: Range;
  /** The source phrase in the text ("a US intelligence official", "he", "the outlet"). */
  speaker: Piece;
  via?: Piece;
  citing?: Piece;
  /** Where the whole attribution sits (content, marks, cue and source), to keep passes apart. */
  extent: Range;
}
