/**
 * Transcript turns: a paragraph opening with a speaker's label in capitals and a colon ("WALLACE:
 * Let's start with …", "PENCE: Well, look, …"), as interview and debate transcripts print them. The
 * turn is an attribution of the rest of the paragraph to the label, cue ":" (PolNeAR marks them so).
 * Only when the article has a transcript — some label opens two paragraphs or more — so that a lone
 * "UPDATE:" or "CORRECTION:" is no speaker.
 */
import type { Range } from '../../../core/span.ts';
import type { RawQuote } from './raw-quote.ts';

/** A label in capitals (one to three words) and a colon opening a paragraph, after an optional quotation mark. */
const TURN =
  /[^\S\n]*["“]?[^\S\n]*((?:\p{Lu}[\p{Lu}.’'-]+)(?:[^\S\n]+\p{Lu}[\p{Lu}.’'-]+){0,2})(:)[^\S\n]+(?=\S)/uy;

/** The transcript turns of an article's paragraphs (none when no label opens two paragraphs). */
export function transcriptTurns(text: string, paragraphs: readonly Range[]): RawQuote[] {
  const turns: Array<{ label: string; at: number; colon: number; content: Range }> = [];
  for (const p of paragraphs) {
    // Read in place (sticky at the paragraph's start): no copy of each paragraph.
    TURN.lastIndex = p.start;
    const m = TURN.exec(text);
    if (!m?.[1] || TURN.lastIndex > p.end) continue;
    let end = p.end;
    while (end > p.start && /[\s"”]/.test(text[end - 1]!)) end -= 1;
    const start = m.index + m[0].length;
    if (end <= start) continue;
    const at = m.index + m[0].indexOf(m[1]);
    turns.push({ label: m[1], at, colon: at + m[1].length, content: { start, end } });
  }
  const count = new Map<string, number>();
  for (const t of turns) count.set(t.label, (count.get(t.label) ?? 0) + 1);
  if (![...count.values()].some((n) => n >= 2)) return [];
  return turns.map((t) => ({
    content: t.content,
    direct: false,
    cue: ':',
    cueSpan: { start: t.colon, end: t.colon + 1 },
    speaker: { start: t.at, end: t.colon, text: t.label },
    extent: { start: t.at, end: t.content.end },
  }));
}
