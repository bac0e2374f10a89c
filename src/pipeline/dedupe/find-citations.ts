import type { ClusterInput, DerivationLink } from '../../core/story.ts';
import { normaliseOutlet, OUTLET_PATTERN } from './outlets.ts';

/** One place where an article says its content comes from an outlet. */
export interface CitationMention {
  outlet: string;
  /** The citing phrase ("NBC News reported", "told NBC", "the broadcaster also said"). */
  start: number;
  end: number;
  text: string;
  /** How it was recognised. */
  form: 'attribution' | 'medium' | 'headline' | 'wire' | 'back-reference';
}

const VERB =
  '(?:reported|reports|said|says|wrote|writes|cited|cites|quoted|quotes|published|revealed|learned|added|noted|obtained|confirmed|claimed|stated)';
const NOUN =
  '(?:broadcaster|outlet|network|newspaper|paper|news agency|agency|channel|publication|daily|news outlet|website|magazine)';
const BEFORE = new RegExp(
  `(?:according to|told|telling|tells|speaking to|spoke to|speaking with|spoke with|in an interview with|interview with|citing|cited by|quoted by|reported by|report by|report from|reports by|reporting by|reported to|via|per)\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}.]*(?:'s|’s)\\s+)?(?:${NOUN}\\s+)?$`,
  'u',
);
const AFTER = new RegExp(
  `^(?:(?:'s|’s)\\s+(?:report|reporting|story|investigation|article)\\b|(?:\\s+${NOUN})?(?:,[^,.\\n]{1,60},)?(?:\\s+(?:first|also|later|previously|earlier|exclusively|on\\s+\\p{Lu}\\p{L}+|has|had|have|was|were|\\p{Lu}\\p{L}+day))*\\s+${VERB}\\b)`,
  'u',
);
const MENTION = new RegExp(OUTLET_PATTERN, 'gu');
const BACK_REF = new RegExp(
  `(?:according to|citing|cited by|quoted by|told)\\s+the\\s+${NOUN}\\b|\\b[Tt]he\\s+(?:${NOUN}|report)(?:\\s+(?:also|further|later|then))?\\s+${VERB}\\b`,
  'gu',
);

/** Is `index` inside a quotation of the paragraph it is in (an odd number of quote marks before it)? */
function insideQuote(text: string, index: number): boolean {
  let start = text.lastIndexOf('\n', index);
  start = start < 0 ? 0 : start + 1;
  let straight = 0;
  let depth = 0;
  for (let i = start; i < index; i++) {
    const c = text[i];
    if (c === '"') straight += 1;
    else if (c === '“') depth += 1;
    else if (c === '”') depth = Math.max(0, depth - 1);
  }
  return straight % 2 === 1 || depth > 0;
}

/**
 * Every place the article attributes its content to a known outlet: "according to X", "X reported",
 * "told X" (the outlet as the medium of a quote still makes the article derive from its reporting),
 * "citing X", a headline ending ": X" or "- X", a wire credit "(X) -", and back-references ("the
 * broadcaster said") resolved to the outlet cited last before them. Mentions inside a quotation, and
 * the article's own outlet, are not citations.
 */
export function findCitationMentions(input: ClusterInput): CitationMention[] {
  const { text } = input;
  const self = input.outlet ? (normaliseOutlet(input.outlet) ?? input.outlet) : undefined;
  const out: CitationMention[] = [];
  const titleEnd = input.bodyStart > 0 ? input.bodyStart : 0;
  for (const m of text.matchAll(MENTION)) {
    const outlet = normaliseOutlet(m[0]);
    if (!outlet || outlet === self) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (insideQuote(text, start)) continue;
    const before = BEFORE.exec(text.slice(Math.max(0, start - 80), start));
    const after = AFTER.exec(text.slice(end, end + 90));
    const lineStart = text.lastIndexOf('\n', start) + 1;
    if (after) {
      out.push(
        mention(
          text,
          outlet,
          before ? start - before[0].length : start,
          end + after[0].length,
          'attribution',
        ),
      );
    } else if (before) {
      const form = /told|telling|tells|spoke|speaking|interview/.test(before[0]) ? 'medium' : 'attribution';
      out.push(mention(text, outlet, start - before[0].length, end, form));
    } else if (
      start < titleEnd &&
      /[:\-–—|]\s*$/.test(text.slice(lineStart, start)) &&
      /^\s*$/.test(text.slice(end, titleEnd))
    ) {
      const sep = /[:\-–—|]\s*$/.exec(text.slice(lineStart, start))!;
      out.push(mention(text, outlet, start - sep[0].length, end, 'headline'));
    } else if (
      text[start - 1] === '(' &&
      /^\)\s*[-–—]/.test(text.slice(end, end + 4)) &&
      start - 1 - lineStart < 40
    ) {
      out.push(mention(text, outlet, start - 1, end + 1, 'wire'));
    }
  }
  out.sort((a, b) => a.start - b.start);
  for (const m of text.matchAll(BACK_REF)) {
    if (insideQuote(text, m.index)) continue;
    const previous = out.filter((c) => c.end <= m.index && c.form !== 'back-reference').at(-1);
    if (!previous) continue;
    out.push(mention(text, previous.outlet, m.index, m.index + m[0].length, 'back-reference'));
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function mention(
  text: string,
  outlet: string,
  start: number,
  end: number,
  form: CitationMention['form'],
): CitationMention {
  return { outlet, start, end, text: text.slice(start, end), form };
}

/**
 * Citation derivations: one link per cited outlet, with the first explicit citation as evidence and
 * a score that grows with the number of times the article leans on that outlet (1 mention → 0.6,
 * each more +0.1, at most 1).
 */
export function findCitations(input: ClusterInput): DerivationLink[] {
  const byOutlet = new Map<string, CitationMention[]>();
  for (const m of findCitationMentions(input)) {
    const list = byOutlet.get(m.outlet) ?? [];
    list.push(m);
    byOutlet.set(m.outlet, list);
  }
  const links: DerivationLink[] = [];
  for (const [outlet, mentions] of byOutlet) {
    const first =
      mentions.find((m) => m.form !== 'back-reference' && m.form !== 'headline') ??
      mentions.find((m) => m.form !== 'back-reference') ??
      mentions[0]!;
    links.push({
      articleId: input.id,
      outlet,
      kind: 'citation',
      score: Math.min(1, Math.round((0.5 + 0.1 * mentions.length) * 100) / 100),
      citation: { articleId: input.id, start: first.start, end: first.end, text: first.text },
    });
  }
  return links.sort((a, b) => a.citation!.start - b.citation!.start);
}
