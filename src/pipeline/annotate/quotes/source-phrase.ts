/**
 * The source phrase of a quote as annotators of attribution mark it (PolNeAR, PARC): the name with
 * its apposition or relative clause — "Mike Schmidt, an economic policy adviser at the Clinton
 * campaign", "Joseph, who has four children", "Rep. Jim Clyburn (D-S.C.)". The speaker's resolved name
 * stays the name; only the phrase's span (`Quote.speaker.span`) takes the apposition.
 */
import type { Range } from '../../../core/span.ts';

/** A party-and-state parenthesis or similar short aside right after the name: "(D-S.C.)". */
const ASIDE = String.raw`(?:[^\S\n]*\([^()\n]{1,30}\))?`;
/** An apposition or relative clause opens with a determiner or a relative pronoun. */
const OPENER = String.raw`,[^\S\n]+(?:a|an|the|who|whose|one)\b`;
/** Before the cue: "Name, an economist who …, said" — up to the comma before the cue. */
const BEFORE_CUE = new RegExp(String.raw`^${ASIDE}(?:${OPENER}[^"“”\n]*?)?(?=[^\S\n]*,[^\S\n]*$)`, 'u');
/** After the cue and the content: "…," said Name, an economist at … — to the sentence's end. */
const AFTER_CUE = new RegExp(String.raw`^${ASIDE}(?:${OPENER}[^"“”\n]*?)?(?=[.!?]?[^\S\n]*(?:\n|$))`, 'u');
/** Where a sentence ends after the phrase: end punctuation (not of a title or an initial) or a new line. */
const SENTENCE_END =
  /(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Prof|Inc|Co|\p{Lu}))[.!?](?=\s|$)|\n/gu;
/** A further clause after the apposition ends it: ", in a statement", ", whose …", ", poked at …". */
const FURTHER = /,[^\S\n]+(?:in|whose|which|\p{Ll}+ed)\b/u;

/** The apposition `m` found after the speaker, cut before a further clause. */
function apposition(m: RegExpExecArray | null): number {
  if (!m?.[0]) return 0;
  const cut = FURTHER.exec(m[0].slice(1));
  return cut ? cut.index + 1 : m[0].length;
}

/** The span of a quote's source phrase: the speaker's span with what annotators count with it. */
export function sourcePhrase(text: string, speaker: Range, cue: Range | undefined, content: Range): Range {
  if (cue && speaker.end <= cue.start) {
    const n = apposition(BEFORE_CUE.exec(text.slice(speaker.end, cue.start)));
    return { start: speaker.start, end: speaker.end + n };
  }
  if (content.start >= speaker.end) return speaker;
  SENTENCE_END.lastIndex = speaker.end;
  const end = SENTENCE_END.exec(text)?.index ?? text.length;
  return {
    start: speaker.start,
    end: speaker.end + apposition(AFTER_CUE.exec(text.slice(speaker.end, end))),
  };
}
