/**
 * The span of a reported attribution's source before its cue as PolNeAR's annotators mark it, from
 * the span the rules or the tagger (or a fallback) gave: the whole noun phrase — "The | Security
 * Council" when the tagger stopped at the article, "Federal and | state officials" when the last
 * member of a coordination was taken, "Ban Ki-moon, | the secretary general …" when the apposition
 * alone was. The resolved speaker keeps the words it was given; only the quote's source span
 * (`Quote.speaker.span`) changes (docs/decisions/0043, fifth version).
 */
import type { EntityMention } from '../../../core/entity.ts';
import type { Range } from '../../../core/span.ts';

const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}’'.&-]*`;
/** One to three words and nothing else between the source and its cue. */
const GAP = new RegExp(String.raw`^(?:[^\S\n]+${WORD}){1,3}[^\S\n]*$`, 'u');
/** Words that end a noun phrase before its verb: auxiliaries, modals, adverbs, relative pronouns. */
const NOT_NOMINAL =
  /^(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|also|not|never|now|then|still|just|already|again|recently|later|often|once|even|only|who|which|that|on|in|at|to|for|by|with|from|of|this|last|next|yesterday|today|tonight|and|or|but)$/i;
/** A lower-case adverb or verb form: "recently", "saying", "released". */
const VERB_FORM = /^\p{Ll}+(?:ly|ing|ed)$/u;
/** A phrase opening or ending with a determiner or quantifier. */
const DETERMINER_AT_EDGE =
  /^(?:the|a|an|one|two|three|several|some|many|most|its|his|her|their|our)\b|\b(?:the|a|an|one|two|three|several|some|many|most|its|his|her|their|our)$/i;
/** A coordination ending just before the source: "Federal and ", "RT and its ", "protesters and ". */
const COORDINATED_BEFORE = new RegExp(
  String.raw`(?:^|[,;:(—–][^\S\n]*)((?:${WORD}[^\S\n]+){1,3}?(?:and|or)[^\S\n]+)$`,
  'u',
);
/** Words a coordination before a source cannot open with: prepositions, conjunctions, openers. */
const NOT_OPENING =
  /^(?:to|of|in|on|at|for|with|by|from|about|as|but|and|or|so|if|when|while|after|before|since|because|although|though|than|that|which|who|said|says|told|according)\b/i;
/** An apposition's opening: a determiner or possessive, or a lower-case noun ("political science professor"). */
const OPENS_APPOSITION =
  /^(?:(?:the|a|an|her|his|its|their)\b|(?!(?:who|which|that|he|she|they|it|we|i|you)\b)\p{Ll})/u;

/** A source span before its cue, widened to the noun phrase annotators mark. */
export function sourceNounPhrase(
  text: string,
  sentence: Range,
  source: Range,
  cue: Range,
  entities: readonly EntityMention[],
): Range {
  let { start, end } = source;
  if (end <= cue.start) {
    // Forward: the words the tagger left between its source and the cue, when they are nominal.
    // Only after a phrase that opens or ends with a determiner ("The | GOP candidate", "polls taken
    // over the | past two weeks"), or over capitalised words: "Donald Trump | needs to" is no phrase.
    const gap = text.slice(end, cue.start);
    const words = gap.trim().split(/[^\S\n]+/);
    const phrase = text.slice(start, end);
    if (
      GAP.test(gap) &&
      words.every((w) => !NOT_NOMINAL.test(w) && !VERB_FORM.test(w)) &&
      (DETERMINER_AT_EDGE.test(phrase) || words.every((w) => /^\p{Lu}/u.test(w)))
    )
      end += gap.trimEnd().length;
    // Backward: the first members of a coordination ("Federal and | state officials").
    const before = text.slice(sentence.start, start);
    const coordination = COORDINATED_BEFORE.exec(before);
    if (coordination?.[1] && !NOT_OPENING.test(coordination[1])) start -= coordination[1].length;
    else {
      // Backward: the name an apposition describes ("Ban Ki-moon, | the secretary general …").
      const name = OPENS_APPOSITION.test(text.slice(start, end))
        ? entities.find(
            (m) =>
              m.start >= sentence.start &&
              /^[\s"“]*$/.test(text.slice(sentence.start, m.start)) &&
              (m.type === 'person' || m.type === 'organization') &&
              /^,[^\S\n]+(?:(?:the|a|an|her|his|its|their)[^\S\n]+)?$/.test(text.slice(m.end, start)),
          )
        : undefined;
      if (name) start = name.start;
    }
  }
  return { start, end };
}
