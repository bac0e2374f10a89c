import type { Range } from '../../../core/span.ts';
import { type Token, tokensOf } from '../../segment/segment.ts';
import { tokenTest } from './cue-words.ts';
import { ADJUNCT_OPENERS, BELIEF_CUES, SPEECH_CUES } from './lexicon.ts';
import {
  clauseStart,
  endsAttribution,
  isAnyCue,
  isSpeechCue,
  low,
  parseTail,
  pieceOf,
  sourceAfter,
  sourceBefore,
  type TokenRange,
} from './phrases.ts';
import type { RawQuote } from './raw-quote.ts';

/** Trim spaces, final stops and dangling commas off a content range. */
function trimContent(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && /[\s,]/.test(text[s] ?? '')) s += 1;
  const dateline = /^\p{Lu}[\p{Lu}\s,.]+\s(--|—|–)\s+/u.exec(text.slice(s, e));
  if (dateline) s += dateline[0].length;
  while (e > s && /[\s.,;:!?…]/.test(text[e - 1] ?? '')) e -= 1;
  return { start: s, end: e };
}

function make(
  text: string,
  tokens: readonly Token[],
  content: Range,
  speaker: TokenRange,
  cue: TokenRange,
  extras: { via?: TokenRange; citing?: TokenRange; cueText?: string },
  range: Range,
): RawQuote {
  const cuePiece = pieceOf(text, tokens, cue);
  return {
    content,
    direct: false,
    cue: extras.cueText ?? cuePiece.text,
    cueSpan: { start: cuePiece.start, end: cuePiece.end },
    speaker: pieceOf(text, tokens, speaker),
    via: extras.via ? pieceOf(text, tokens, extras.via) : undefined,
    citing: extras.citing ? pieceOf(text, tokens, extras.citing) : undefined,
    extent: range,
  };
}

/** "According to NBC News, …" */
function leadingAccording(text: string, tokens: readonly Token[], range: Range): RawQuote | undefined {
  if (low(tokens[0]) !== 'according' || low(tokens[1]) !== 'to') return undefined;
  const speaker = sourceAfter(tokens, 2, tokens.length);
  const comma = speaker ? tokens[speaker.last + 1] : undefined;
  if (!speaker || comma?.text !== ',') return undefined;
  const content = trimContent(text, comma.end, range.end);
  return make(text, tokens, content, speaker, { first: 0, last: 1 }, { cueText: 'according to' }, range);
}

/** "…, the officials added." / "…, six senior US officials told NBC News." / "…, according to a report." */
function trailing(text: string, tokens: readonly Token[], range: Range): RawQuote | undefined {
  const n = tokens.length;
  for (let c = n - 1; c >= 3; c -= 1) {
    const w = low(tokens[c]);
    if (w === 'according' && low(tokens[c + 1]) === 'to' && tokens[c - 1]?.text === ',') {
      const speaker = sourceAfter(tokens, c + 2, n);
      if (!speaker || !endsAttribution(tokens, speaker.last + 1, n)) continue;
      const content = trimContent(text, range.start, tokens[c - 1]!.start);
      return make(
        text,
        tokens,
        content,
        speaker,
        { first: c, last: c + 1 },
        { cueText: 'according to' },
        range,
      );
    }
    if (!isSpeechCue(tokens[c])) continue;
    const speaker = sourceBefore(tokens, c, 0);
    const comma = speaker ? tokens[speaker.first - 1] : undefined;
    if (!speaker || comma?.text !== ',' || speaker.first < 4) continue;
    const tail = parseTail(tokens, c, n);
    if (!endsAttribution(tokens, tail.next, n) || clauseStart(tokens, tail.next, n) !== undefined) continue;
    const content = trimContent(text, range.start, comma.start);
    return make(text, tokens, content, speaker, { first: c, last: c }, tail, range);
  }
  return undefined;
}

/** "Kirby said that …" / "In addition, U.S. officials have also stated that …" / "Citing X, the broadcaster said that …" */
function leading(text: string, tokens: readonly Token[], range: Range): RawQuote | undefined {
  const n = tokens.length;
  let floor = 0;
  let citing: TokenRange | undefined;
  if (low(tokens[0]) === 'citing') {
    const cited = sourceAfter(tokens, 1, n);
    if (cited && tokens[cited.last + 1]?.text === ',') {
      citing = cited;
      floor = cited.last + 2;
    }
  }
  for (let c = floor + 1; c < n; c += 1) {
    if (!isAnyCue(tokens[c])) continue;
    const speaker = sourceBefore(tokens, c, floor);
    if (!speaker) continue;
    // "it was reported that …": a passive without its agent names no source.
    const aux = tokens.slice(speaker.last + 1, c).map(low);
    if (isSpeechCue(tokens[c]) && aux.some((w) => /^(was|were|is|are|been|be)$/.test(w))) continue;
    const before = tokens[speaker.first - 1];
    const opensClause =
      speaker.first === floor || before?.text === ',' || ['but', 'and', 'yet', 'so'].includes(low(before));
    if (!opensClause) continue;
    const tail = parseTail(tokens, c, n);
    // "said during a rally in Michigan that …": an adjunct between the cue and "that".
    let next = tail.next;
    for (let k = next; k < Math.min(n, next + 12) && ADJUNCT_OPENERS.has(low(tokens[next])); k += 1) {
      if (tokens[k]!.text === ',') break;
      if (low(tokens[k]) === 'that') next = k;
    }
    const loose = /^(say|says|said)$/.test(low(tokens[c])) && n - next >= 5;
    const start = clauseStart(tokens, next, n, loose);
    const that = low(tokens[next]) === 'that';
    if (
      start === undefined ||
      (!that && !isSpeechCue(tokens[c]) && !/^believe|^think|^assess/.test(low(tokens[c])))
    ) {
      continue;
    }
    const content = trimContent(text, tokens[start]!.start, range.end);
    if (content.end - content.start < 12) continue;
    return make(text, tokens, content, speaker, { first: c, last: c }, { via: tail.via, citing }, range);
  }
  return undefined;
}

/**
 * Can a token of the range be a cue the rules read — "according", a verb of saying or of belief? Every
 * rule here needs one (`leadingAccording`, `trailing`, `leading`, `passiveReport`): a range without
 * is not tokenised nor scanned token by token.
 */
const mayHoldCue = tokenTest([...SPEECH_CUES, ...BELIEF_CUES, 'according']);

/** Reported speech in `range` (a sentence, or the content of an outer attribution), outermost first. */
export function reportedSpeech(text: string, range: Range, depth = 0): RawQuote[] {
  if (!mayHoldCue(text, range.start, range.end)) return [];
  const tokens = tokensOf(text, range);
  if (tokens.length < 4 || depth > 2) return [];
  const found =
    leadingAccording(text, tokens, range) ?? trailing(text, tokens, range) ?? leading(text, tokens, range);
  if (!found) return [];
  return [found, ...reportedSpeech(text, found.content, depth + 1)];
}

/** "This was reported by NBC News." — the previous sentence, attributed to the agent. */
export function passiveReport(
  text: string,
  sentence: Range,
  previous: Range | undefined,
): RawQuote | undefined {
  if (!previous || !mayHoldCue(text, sentence.start, sentence.end)) return undefined;
  const tokens = tokensOf(text, sentence);
  if (!/^(this|that|it)$/.test(low(tokens[0])) || !/^(was|is|has)$/.test(low(tokens[1]))) return undefined;
  let c = 2;
  if (low(tokens[c]) === 'been') c += 1;
  if (!isSpeechCue(tokens[c]) || low(tokens[c + 1]) !== 'by') return undefined;
  const speaker = sourceAfter(tokens, c + 2, tokens.length);
  if (!speaker || !endsAttribution(tokens, speaker.last + 1, tokens.length)) return undefined;
  const content = trimContent(text, previous.start, previous.end);
  const cueText = `${tokens[1]!.text} ${tokens[c]!.text} by`;
  return make(
    text,
    tokens,
    content,
    speaker,
    { first: 1, last: c + 1 },
    { cueText },
    {
      start: previous.start,
      end: sentence.end,
    },
  );
}
