/**
 * ROUGE-N and ROUGE-SU recall as ROUGE-1.5.5 computes them for the DUC tasks
 * (`-n 2 -m -2 4 -u -l 250 -f A`, no stop-word removal):
 * - text lower-cased, every character other than a-z and 0-9 a separator; tokens longer than three
 *   characters Porter-stemmed (`-m`);
 * - the peer truncated to its first `words` whitespace-separated words (`-l 250`) before tokenising;
 * - ROUGE-N recall: n-gram hits clipped by the reference counts over the reference n-grams;
 *   ROUGE-SU4: skip bigrams with at most four words between them, plus unigrams (`-u`);
 * - several references: jackknifed (each leave-one-out subset scored as the ratio of summed hits to
 *   summed reference counts, `-f A`, and those scores averaged), as ROUGE does for DUC.
 */
import { stemmer } from 'stemmer';

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => (t.length > 3 ? stemmer(t) : t));
}

/** The first `words` whitespace-separated words of a text. */
export function truncateWords(text: string, words: number): string {
  return text.split(/\s+/).filter(Boolean).slice(0, words).join(' ');
}

type Counts = Map<string, number>;

function count(grams: string[]): Counts {
  const out: Counts = new Map();
  for (const g of grams) out.set(g, (out.get(g) ?? 0) + 1);
  return out;
}

export function ngrams(tokens: string[], n: number): Counts {
  const grams: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) grams.push(tokens.slice(i, i + n).join(' '));
  return count(grams);
}

/** Skip bigrams with at most `gap` words between the two, plus the unigrams. */
export function skipBigrams(tokens: string[], gap: number): Counts {
  const grams: string[] = [...tokens];
  for (let i = 0; i < tokens.length; i++)
    for (let j = i + 1; j < tokens.length && j - i - 1 <= gap; j++) grams.push(`${tokens[i]} ${tokens[j]}`);
  return count(grams);
}

function hits(peer: Counts, ref: Counts): { hit: number; total: number } {
  let hit = 0;
  let total = 0;
  for (const [g, n] of ref) {
    total += n;
    hit += Math.min(n, peer.get(g) ?? 0);
  }
  return { hit, total };
}

/** Recall of a peer against references, jackknifed over the references when there are several. */
function recall(peer: Counts, refs: Counts[]): number {
  const scored = refs.map((r) => hits(peer, r));
  const ratio = (xs: typeof scored) => {
    const total = xs.reduce((s, x) => s + x.total, 0);
    return total === 0 ? 0 : xs.reduce((s, x) => s + x.hit, 0) / total;
  };
  if (scored.length < 2) return ratio(scored);
  const subsets = scored.map((_, leave) => ratio(scored.filter((_, i) => i !== leave)));
  return subsets.reduce((a, b) => a + b, 0) / subsets.length;
}

export interface RougeScores {
  rouge2: number;
  rougeSU4: number;
}

/** ROUGE-2 and ROUGE-SU4 recall of a peer summary against one or more reference summaries. */
export function rouge(peer: string, references: string[], words = 250): RougeScores {
  const p = rougeTokens(truncateWords(peer, words));
  const refs = references.map((r) => rougeTokens(r));
  return {
    rouge2: recall(
      ngrams(p, 2),
      refs.map((r) => ngrams(r, 2)),
    ),
    rougeSU4: recall(
      skipBigrams(p, 4),
      refs.map((r) => skipBigrams(r, 4)),
    ),
  };
}
