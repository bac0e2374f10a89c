import type { EntityMention } from '../../../core/entity.ts';
import { stableId } from '../../../core/hash.ts';
import type { Quote } from '../../../core/quote.ts';
import type { Range } from '../../../core/span.ts';
import { segment } from '../../segment/segment.ts';
import { directQuotes } from './direct-quotes.ts';
import type { Piece } from './phrases.ts';
import type { RawQuote } from './raw-quote.ts';
import { passiveReport, reportedSpeech } from './reported-speech.ts';
import { isPlural, type ResolvedSpeaker, resolveSpeaker, type SpeakerContext } from './resolve-speaker.ts';

export const QUOTES_STAGE = { name: 'quotes', version: '1' } as const;

export interface ExtractQuotesOptions {
  /** Entity mentions of this article (from the entity stage); speakers they cover get their entity id. */
  entities?: EntityMention[];
}

const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

/** All raw quotes: direct quotes per paragraph, then reported speech in the sentences they leave free. */
function rawQuotes(text: string): RawQuote[] {
  const { paragraphs, sentences } = segment(text);
  const direct = paragraphs.flatMap((p) => directQuotes(text, p));
  const reported: RawQuote[] = [];
  sentences.forEach((sentence, i) => {
    if (direct.some((q) => overlaps(q.extent, sentence))) return;
    const previous = sentences[i - 1];
    const passive = passiveReport(
      text,
      sentence,
      previous?.paragraph === sentence.paragraph ? previous : undefined,
    );
    if (passive) reported.push(passive);
    else reported.push(...reportedSpeech(text, sentence));
  });
  return [...direct, ...reported].sort(
    (a, b) => a.content.start - b.content.start || b.content.end - a.content.end,
  );
}

function remember(ctx: SpeakerContext, at: number, speaker: ResolvedSpeaker, phrase: string): void {
  ctx.history.push({ at, speaker, plural: speaker.kind === 'anonymous' && isPlural(phrase) });
}

/**
 * The quotes stage: direct quotes (straight, curly, spanning sentences, with missing or mangled marks)
 * and reported speech ("X said that…", "…, the officials added", "according to…"), each with its
 * speaker resolved where the text allows, its cue, its content span and the medium it went through.
 */
export function extractQuotes(articleId: string, text: string, options: ExtractQuotesOptions = {}): Quote[] {
  const ctx: SpeakerContext = { text, entities: options.entities ?? [], history: [] };
  const quotes: Quote[] = [];
  for (const raw of rawQuotes(text)) {
    const resolve = (p: Piece): ResolvedSpeaker => resolveSpeaker(ctx, p);
    const via = raw.via ? resolve(raw.via) : undefined;
    if (via && raw.via)
      remember(
        ctx,
        raw.via.start,
        { ...via, kind: via.kind === 'anonymous' ? via.kind : 'outlet' },
        raw.via.text,
      );
    const speaker = resolve(raw.speaker);
    if (/^report(ed|s)?$/i.test(raw.cue) && speaker.kind === 'organization') speaker.kind = 'outlet';
    remember(ctx, raw.speaker.start, speaker, raw.speaker.text);
    const citing = raw.citing ? resolve(raw.citing) : undefined;
    const quote: Quote = {
      id: stableId(
        articleId,
        QUOTES_STAGE.name,
        String(raw.content.start),
        String(raw.content.end),
        raw.speaker.text,
      ),
      articleId,
      speaker: {
        text: speaker.text,
        span: { articleId, start: raw.speaker.start, end: raw.speaker.end },
        kind: speaker.kind,
      },
      cue: raw.cue,
      direct: raw.direct,
      content: { articleId, ...raw.content, text: text.slice(raw.content.start, raw.content.end) },
    };
    if (speaker.entityId) quote.speaker.entityId = speaker.entityId;
    if (speaker.role) quote.speaker.role = speaker.role;
    if (speaker.antecedent) quote.speaker.antecedent = { articleId, ...speaker.antecedent };
    if (raw.cueSpan) quote.cueSpan = { articleId, ...raw.cueSpan };
    if (via) quote.via = via.text;
    if (citing) quote.citing = citing.text;
    quotes.push(quote);
  }
  return quotes;
}
