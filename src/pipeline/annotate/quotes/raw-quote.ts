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
  /**
   * The source's span as annotators mark it when it differs from the speaker's words (a learned
   * attribution's whole noun phrase: "Federal and state officials" for "state officials").
   */
  phrase?: Range;
  via?: Piece;
  citing?: Piece;
  /** Where the whole attribution sits (content, marks, cue and source), to keep passes apart. */
  extent: Range;
}
