import type { Range } from '../../../core/span.ts';
import { periodEnds, type Token, tokenize } from '../../segment/segment.ts';
import {
  capitalRun,
  endsAttribution,
  isSourceHead,
  isSpeechCue,
  low,
  type Piece,
  parseTail,
  pieceOf,
  sourceAfter,
  sourceBefore,
  type TokenRange,
} from './phrases.ts';
import { type QuotedRegion, quotedRegions } from './quote-marks.ts';
import type { RawQuote } from './raw-quote.ts';

const SUBJECT_PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they']);

interface Found {
  speaker: TokenRange;
  cue: TokenRange;
  via?: TokenRange;
  citing?: TokenRange;
  cueText?: string;
}

/** "…,” said Victor Cha" / "…“, explains to Trade analyst Roberto Heimovits" / "…,” Austin said" / "…,” X was quoted by NBC News as saying". */
function attributionAfter(tokens: readonly Token[], continues: boolean): Found | undefined {
  const n0 = tokens.length;
  // A pull quote or epigraph signed with a dash: "“…” ― Sonya Herridge" (a name of two words or more,
  // then nothing, a comma or a stop).
  if (tokens[0]?.kind === 'punct' && /^[―—–]$/.test(tokens[0].text)) {
    const name = capitalRun(tokens, 1, n0);
    const after = name ? tokens[name.last + 1] : undefined;
    if (name && name.last > name.first && (!after || /^[.,]$/.test(after.text)))
      return { speaker: name, cue: { first: 0, last: 0 } };
  }
  let s = 0;
  while (tokens[s]?.kind === 'punct' && /^[,—–-]$/.test(tokens[s]!.text)) s += 1;
  const n = tokens.length;
  if (isSpeechCue(tokens[s])) {
    const tail = parseTail(tokens, s, n);
    const speaker = sourceAfter(tokens, tail.next, n);
    if (speaker) return { speaker, cue: { first: s, last: s }, via: tail.via };
    return undefined;
  }
  for (let c = s + 1; c < Math.min(n, s + 12); c += 1) {
    const w = low(tokens[c]);
    if (w === 'quoted') {
      const speaker = sourceBefore(tokens, c, s);
      if (!speaker || speaker.first !== s) return undefined;
      let k = c + 1;
      let via: TokenRange | undefined;
      if (low(tokens[k]) === 'by') {
        via = capitalRun(tokens, k + 1, n) ?? sourceAfter(tokens, k + 1, n);
        if (via) k = via.last + 1;
      }
      if (low(tokens[k]) !== 'as' || low(tokens[k + 1]) !== 'saying') return undefined;
      return { speaker, cue: { first: c, last: k + 1 }, via, cueText: 'quoted as saying' };
    }
    if (!isSpeechCue(tokens[c])) continue;
    const speaker = sourceBefore(tokens, c, s);
    if (!speaker || speaker.first !== s) continue;
    const tail = parseTail(tokens, c, n);
    // When the quotation ends on a comma (or ? ! —), the sentence goes on, and "X said/told …" right
    // after the closing mark attributes it whatever adjunct or object follows ("told some of the
    // miners", "recalled of the proceedings") — unless a clause of its own opens ("X said that …",
    // "X said she …").
    const next = tokens[tail.next];
    const loose =
      continues && next?.kind !== 'punct' && low(next) !== 'that' && !SUBJECT_PRONOUNS.has(low(next));
    if (!loose && !endsAttribution(tokens, tail.next, n)) continue;
    return { speaker, cue: { first: c, last: c }, via: tail.via, citing: tail.citing };
  }
  return undefined;
}

/** "Kirby said: “…" / "The broadcaster cited one senior US official as saying, “…”". */
function attributionBefore(tokens: readonly Token[]): Found | undefined {
  let e = tokens.length - 1;
  while (e >= 0 && tokens[e]!.kind === 'punct' && /^[,:—–-]$/.test(tokens[e]!.text)) e -= 1;
  if (e < 1) return undefined;
  if (low(tokens[e]) === 'saying' && low(tokens[e - 1]) === 'as') {
    for (let c = e - 2; c > 0 && c > e - 12; c -= 1) {
      const w = low(tokens[c]);
      if (w === 'cited' || w === 'quoted') {
        const speaker = w === 'cited' ? sourceAfter(tokens, c + 1, e - 1) : sourceBefore(tokens, c, 0);
        const via =
          w === 'cited'
            ? sourceBefore(tokens, c, 0)
            : low(tokens[c + 1]) === 'by'
              ? capitalRun(tokens, c + 2, e)
              : undefined;
        if (speaker) return { speaker, cue: { first: c, last: e }, via, cueText: `${w} as saying` };
      }
    }
    return undefined;
  }
  const c = low(tokens[e]) === 'that' ? e - 1 : e;
  if (!isSpeechCue(tokens[c])) return undefined;
  const speaker = sourceBefore(tokens, c, 0);
  if (speaker) return { speaker, cue: { first: c, last: c } };
  // "He then defended the remark, saying, “…”": a participle after a comma speaks for the subject
  // that opens its sentence.
  if (!/ing$/.test(low(tokens[c])) || tokens[c - 1]?.text !== ',') return undefined;
  let start = c - 1;
  while (start > 0 && !/^[.!?]$/.test(tokens[start - 1]!.text)) start -= 1;
  const subject = sentenceSubject(tokens, start, c);
  return subject ? { speaker: subject, cue: { first: c, last: c } } : undefined;
}

/** The subject opening a sentence: a name, or a phrase of up to five words ending in a source head. */
function sentenceSubject(tokens: readonly Token[], start: number, limit: number): TokenRange | undefined {
  const determined = /^(the|a|an|this|that|his|her|their|its|our)$/.test(low(tokens[start]));
  const name = determined ? undefined : capitalRun(tokens, start, limit);
  if (name && isSourceHead(tokens[name.last])) return name;
  for (let k = start + (determined ? 1 : 0); k < Math.min(limit, start + 5); k += 1) {
    if (tokens[k]!.kind === 'punct') return undefined;
    if (isSourceHead(tokens[k])) return { first: start, last: k };
  }
  return undefined;
}

/** Where the sentence that follows a closing mark ends: the next sentence stop or opening mark. */
function restEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i += 1) {
    const ch = text[i] ?? '';
    if (/[!?]/.test(ch) && (i + 1 >= limit || /\s/.test(text[i + 1] ?? ''))) return i + 1;
    // A period ends the sentence unless it closes an abbreviation or an initial ("Mr. Clarke said").
    if (ch === '.' && (i + 1 >= limit || /\s/.test(text[i + 1] ?? '')) && periodEnds(text, i, i + 1))
      return i + 1;
    if ((ch === '“' || ch === '"') && i > from && /\s/.test(text[i - 1] ?? '')) return i;
  }
  return limit;
}

/** Content ends before a comma or space left before the closing mark. */
function trimEnd(text: string, region: Range): number {
  let end = region.end;
  while (end > region.start && /[\s,]/.test(text[end - 1] ?? '')) end -= 1;
  return end;
}

function toRaw(text: string, tokens: readonly Token[], region: QuotedRegion, found: Found): RawQuote {
  const cue = pieceOf(text, tokens, found.cue);
  const speaker = pieceOf(text, tokens, found.speaker);
  const pieces: Piece[] = [cue, speaker];
  const via = found.via ? pieceOf(text, tokens, found.via) : undefined;
  const citing = found.citing ? pieceOf(text, tokens, found.citing) : undefined;
  for (const p of [via, citing]) if (p) pieces.push(p);
  const start = Math.min(region.open ?? region.start, ...pieces.map((p) => p.start));
  const end = Math.max(region.close ?? region.end, ...pieces.map((p) => p.end));
  return {
    content: { start: region.start, end: trimEnd(text, region) },
    direct: true,
    cue: found.cueText ?? cue.text,
    cueSpan: { start: cue.start, end: cue.end },
    speaker,
    via,
    citing,
    extent: { start, end },
  };
}

/**
 * A mixed quotation — the quoted words end a clause the writer began ("Oz is “smart as hell,” Mosko
 * wrote"; "The answers are "not meeting the demand," says Rieckhoff") — attributes the whole clause:
 * the content starts at its sentence's first word and the quote is not direct (the words before the
 * mark are the writer's). A lead that is only a conjunction or ends with a colon changes nothing.
 */
function withLead(
  text: string,
  quote: RawQuote,
  region: QuotedRegion,
  paragraph: Range,
  previous: QuotedRegion | undefined,
): RawQuote {
  if (region.open === undefined) return quote;
  const floor = Math.max(paragraph.start, previous?.close === undefined ? -1 : previous.close + 1);
  let from = region.open;
  while (from > floor) {
    const ch = text[from - 1] ?? '';
    if (ch === '\n') break;
    if (/[.!?]/.test(ch) && /\s/.test(text[from] ?? '') && periodEnds(text, from - 1, from)) break;
    from -= 1;
  }
  const lead = text.slice(from, region.open);
  const words = lead.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? [];
  if (words.length === 0 || /:\s*$/.test(lead) || /^(and|but|or|so)$/i.test(words.join(' '))) return quote;
  const start = from + (lead.length - lead.trimStart().length);
  return {
    ...quote,
    // The quoted words stay whole, closing mark included: "Oz is “smart as hell,”".
    content: { start, end: region.close === undefined ? quote.content.end : region.close + 1 },
    direct: false,
    extent: { start: Math.min(start, quote.extent.start), end: quote.extent.end },
  };
}

/**
 * Direct quotes of one paragraph: quoted regions with a cue and a source right after the closing mark
 * or right before the opening mark — or, for a paragraph that opens with the quotation, at the end of
 * the paragraph before when that ends with a colon ("Caddell continued:"). A region with neither, next to an attributed region of the same
 * paragraph, continues that quote ("“…,” Austin said. “…”"); other unattributed regions are scare quotes.
 */
export function directQuotes(text: string, paragraph: Range, previous?: Range): RawQuote[] {
  const regions = quotedRegions(text, paragraph);
  const found: (RawQuote | undefined)[] = regions.map((region, i) => {
    if (region.close !== undefined) {
      const after = tokenize(text, {
        start: region.close + 1,
        end: restEnd(text, region.close + 1, paragraph.end),
      });
      const last = text.slice(region.start, region.end).trimEnd().at(-1) ?? '';
      const a = attributionAfter(after, /[,?!—–-]/.test(last));
      if (a) return withLead(text, toRaw(text, after, region, a), region, paragraph, regions[i - 1]);
    }
    if (region.open !== undefined) {
      const from = Math.max(paragraph.start, (regions[i - 1]?.close ?? -1) + 1);
      const before = tokenize(text, { start: from, end: region.open });
      const b = attributionBefore(before);
      if (b) return toRaw(text, before, region, b);
      // A block quotation: the paragraph opens with the quote, the one before ends "X continued:".
      if (
        i === 0 &&
        previous &&
        before.length === 0 &&
        /:\s*$/.test(text.slice(previous.start, previous.end))
      ) {
        const lead = tokenize(text, previous);
        const p = attributionBefore(lead);
        if (p) return toRaw(text, lead, region, p);
      }
    }
    return undefined;
  });
  const out: RawQuote[] = [];
  regions.forEach((region, i) => {
    const own = found[i];
    if (own) {
      out.push(own);
      return;
    }
    const neighbour = found[i - 1] ?? found[i + 1];
    const words = text.slice(region.start, region.end).split(/\s+/).length;
    if (!neighbour || region.open === undefined || words < 4) return;
    out.push({
      ...neighbour,
      direct: true,
      content: { start: region.start, end: trimEnd(text, region) },
      extent: { start: region.open, end: region.close === undefined ? region.end : region.close + 1 },
    });
  });
  return out;
}
