/**
 * Invariants every extraction must satisfy, as a list of problems (empty when sound):
 * kept blocks map raw text to clean text exactly, removed blocks quote the raw text, kept and
 * removed blocks do not overlap, and no non-whitespace raw character is silently lost.
 */
import type { Extraction } from '../../../core/article.ts';

export function extractionProblems(x: Extraction): string[] {
  const problems: string[] = [];
  const owner = new Array<string | undefined>(x.rawText.length);
  const claim = (start: number, end: number, who: string) => {
    for (let i = start; i < end; i++) {
      if (owner[i] !== undefined) problems.push(`${who} overlaps ${owner[i]} at ${i}`);
      owner[i] = who;
    }
  };
  x.kept.forEach((k, n) => {
    const raw = x.rawText.slice(k.rawStart, k.rawEnd).trim();
    if (x.text.slice(k.start, k.end) !== raw) problems.push(`kept #${n} text differs from its raw range`);
    claim(k.rawStart, k.rawEnd, `kept #${n}`);
  });
  x.removed.forEach((r, n) => {
    if (x.rawText.slice(r.start, r.end) !== r.text)
      problems.push(`removed #${n} text differs from its raw range`);
    if (r.rule.trim() === '') problems.push(`removed #${n} has no rule`);
    claim(r.start, r.end, `removed #${n}`);
  });
  for (let i = 0; i < x.rawText.length; i++) {
    if (owner[i] === undefined && /\S/.test(x.rawText[i]!)) {
      problems.push(`raw character ${JSON.stringify(x.rawText[i])} at ${i} is neither kept nor removed`);
      break;
    }
  }
  const body = x.kept.filter((k) => k.kind !== 'title');
  if (body.length > 0 && body[0]!.start !== x.bodyStart)
    problems.push('bodyStart is not where the first body block starts');
  for (let n = 1; n < x.kept.length; n++) {
    const [a, b] = [x.kept[n - 1]!, x.kept[n]!];
    if (b.start !== a.end + 2 || x.text.slice(a.end, b.start) !== '\n\n')
      problems.push(`kept #${n} is not joined by a blank line`);
    if (b.rawStart < a.rawEnd) problems.push(`kept #${n} is out of raw order`);
  }
  if (x.kept.length > 0 && x.kept[x.kept.length - 1]!.end !== x.text.length)
    problems.push('text has a tail no kept block explains');
  return problems;
}
