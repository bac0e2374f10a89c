/**
 * From role spans to attributions: each cue the tagger found takes the nearest content after it (or,
 * failing that, before it: "…, he said") and the nearest source before it (or after it: "said the
 * minister"), never reaching past another cue. A sentence with content but no cue continues the
 * attribution of the sentence just before it when that one ended in content (a quotation running on).
 */
import type { Range } from '../../../../core/span.ts';
import type { RoleSpan } from './attribution-tagger.ts';

export interface LearnedAttribution {
  content: Range;
  cue: Range;
  source?: Range;
}

const between = (cues: RoleSpan[], a: number, b: number): boolean =>
  cues.some((c) => c.start >= a && c.end <= b);

function nearestAfter(spans: RoleSpan[], cues: RoleSpan[], cue: RoleSpan): RoleSpan | undefined {
  const next = spans.filter((s) => s.start >= cue.end).sort((a, b) => a.start - b.start)[0];
  return next && !between(cues, cue.end, next.start) ? next : undefined;
}

function nearestBefore(spans: RoleSpan[], cues: RoleSpan[], cue: RoleSpan): RoleSpan | undefined {
  const prev = spans.filter((s) => s.end <= cue.start).sort((a, b) => b.end - a.end)[0];
  return prev && !between(cues, prev.end, cue.start) ? prev : undefined;
}

/**
 * A cue whose content holds another attribution ("Trump said [Clinton believes the economy is
 * weak]"): the tagger marks the inner cue and source, so the outer content runs from the first role
 * after the cue to the end of the last content after it.
 */
function outerContent(spans: RoleSpan[], cue: RoleSpan): RoleSpan | undefined {
  const after = spans.filter((s) => s.start >= cue.end).sort((a, b) => a.start - b.start);
  const lastContent = after.filter((s) => s.role === 'CNT').at(-1);
  if (!after[0] || !lastContent || after[0].role === 'CUE') return undefined;
  return { start: after[0].start, end: lastContent.end, role: 'CNT' };
}

/**
 * A content the tagger broke into pieces ("About | one of every nine voters"): it runs on over the
 * contents that follow it while no cue or source stands between, and not past a closing quotation mark
 * or a dash or parenthesis opening an aside ("“steps to fulfill …” -signed by both countries …").
 */
const CLOSED = /[”"»]/;
const ASIDE = /^[^\S\n]*[-–—(]/;
function runOn(text: string, spans: RoleSpan[], first: RoleSpan): RoleSpan {
  let end = first.end;
  for (const s of spans.filter((x) => x.start >= first.end).sort((a, b) => a.start - b.start)) {
    if (s.role !== 'CNT' || CLOSED.test(text.slice(end - 1, s.start)) || ASIDE.test(text.slice(end, s.end)))
      break;
    end = s.end;
  }
  return { start: first.start, end, role: 'CNT' };
}

/** The attributions of one article's sentences, in text order. */
export function groupRoles(
  sentences: readonly Range[],
  roles: readonly RoleSpan[][],
  text = '',
): LearnedAttribution[] {
  const out: LearnedAttribution[] = [];
  let openFrom = -1; // index in `out` of the attribution whose content ended its sentence
  sentences.forEach((sentence, si) => {
    const spans = roles[si] ?? [];
    const cues = spans.filter((s) => s.role === 'CUE');
    const contents = spans.filter((s) => s.role === 'CNT');
    const sources = spans.filter((s) => s.role === 'SRC');
    if (cues.length === 0) {
      const continued = openFrom >= 0 ? out[openFrom] : undefined;
      const first = contents[0];
      const adjacent = si > 0 && sentence.start - sentences[si - 1]!.end <= 3;
      if (continued && first && adjacent && first.start - sentence.start <= 2) {
        continued.content = { start: continued.content.start, end: contents[contents.length - 1]!.end };
      } else openFrom = -1;
      return;
    }
    openFrom = -1;
    const seen = new Set<string>();
    for (const cue of cues) {
      const after = nearestAfter(contents, cues, cue);
      const content =
        (after && runOn(text, spans, after)) ??
        nearestBefore(contents, cues, cue) ??
        outerContent(spans, cue);
      if (!content) continue;
      const key = `${content.start}:${content.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const source = nearestBefore(sources, cues, cue) ?? nearestAfter(sources, cues, cue);
      const a: LearnedAttribution = {
        content: { start: content.start, end: content.end },
        cue: { start: cue.start, end: cue.end },
      };
      if (source) a.source = { start: source.start, end: source.end };
      out.push(a);
      if (sentence.end - content.end <= 2) openFrom = out.length - 1;
    }
  });
  return out;
}
