/**
 * The extractive core of the executive summary: the sentences of a story's articles that say most of
 * what the story's articles share, steered by an optional focus text, without repeating one another,
 * within a word budget. Every sentence is a span of an article's clean text (a leading wire dateline
 * cut off), so it cites itself. See docs/decisions/0054-executive-summary.md.
 *
 * Method (an approximate-oracle scorer in the manner of CLASSY, Conroy et al., DUC 2006–2007): a term
 * (a stemmed content word) is likely to be in a human summary of a story in proportion to the share of
 * the story's articles that use it; terms of the focus text count more. A sentence's score is the
 * mean likelihood of its terms, so long sentences gain nothing by length. Sentences are taken best
 * first, skipping any too similar to one already taken, until the budget is spent; they are then
 * put in the order of their articles' dates and their place in the article.
 */
import { stemmer } from 'stemmer';
import type { AnalysisArticle } from '../../core/analysis.ts';
import type { Span } from '../../core/span.ts';
import { datelineLength } from '../cluster/article-profile.ts';
import { STOPWORDS } from '../dedupe/text-features.ts';
import { segment } from '../segment/segment.ts';

export interface SummaryOptions {
  /** Word budget for the chosen sentences (default 250). */
  words?: number;
  /** A query or narrative: its terms weigh more (`--focus`). */
  focus?: string;
  /** Words already spent by the caller (other summary sentences); the budget shrinks by as many. */
  spent?: number;
  /** Sentences whose terms mostly repeat these texts are skipped (the caller's other sentences). */
  avoid?: string[];
  /** Words the caller adds to a sentence with this support (a note of how many carry it). */
  noteWords?: (support: string[]) => number;
}

export interface SummarySentence {
  span: Span;
  text: string;
  words: number;
  score: number;
  /** Articles of the story with a sentence stating much the same (this one's included). */
  support: string[];
  /** Words of the caller's note counted in the budget for it (`noteWords`). */
  noteWords: number;
}

/** Sentences shorter or longer than this are not summary material. */
const MIN_WORDS = 12;
const MAX_WORDS = 60;
/** A sentence whose term cosine with a chosen one reaches this repeats it. */
const REDUNDANT = 0.45;
/** A focus term counts this much more than its share of the articles says (0.1: on DUC 2007 more focus weight lowered ROUGE-2, see ADR 0054). */
const FOCUS_WEIGHT = 0.1;
/**
 * With a focus, a sentence sharing none of its terms counts this much less: the focus steers by
 * setting aside what it does not ask about (DUC 2007: 0.4–0.6 +0.0003 ROUGE-2; boosting focus terms
 * instead lowered it).
 */
const OFF_FOCUS = 0.5;
/** An article's first sentences (news leads) count this much more (DUC 2007: 0.1–0.2 +0.001 ROUGE-2, 0.4 −0.003). */
const LEAD_SENTENCES = 3;
const LEAD_BONUS = 0.2;
/** Two sentences with a term cosine this high state much the same (support). */
const SAME = 0.6;

/** Words of a request rather than of its subject ("Describe the efforts…", "Include details of…"), stemmed. */
const QUERY_WORDS = new Set(
  `describe discuss explain identify include including provide information detail details specific specifically
  mention give list report reports summarize summarise outline indicate note kind kinds type types aspect
  aspects any all what who whom whose when where why how which`
    .split(/\s+/)
    .map((w) => stemmer(w)),
);

/** Whitespace-separated words, as the summary's budget counts them. */
export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Stemmed content words. */
export function summaryTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (w.length < 2 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Stems of words met before (words repeat: the story index stems ~2 million words on pile-dev). */
const stems = new Map<string, string>();
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= 200_000) stems.clear();
    s = stemmer(word);
    stems.set(word, s);
  }
  return s;
}

/** Each article's set of summary terms (an article is summarised with its storyline and its events). */
const articleTerms = new WeakMap<AnalysisArticle, Set<string>>();
function termsOfArticle(article: AnalysisArticle): Set<string> {
  let terms = articleTerms.get(article);
  if (!terms) {
    terms = new Set(summaryTerms(article.text));
    articleTerms.set(article, terms);
  }
  return terms;
}

interface Candidate {
  article: AnalysisArticle;
  order: number;
  /** Its place among the article's summary candidates (0: the lead). */
  rank: number;
  span: Span;
  text: string;
  words: number;
  terms: Map<string, number>;
  norm: number;
}

function vector(terms: string[]): { terms: Map<string, number>; norm: number } {
  const map = new Map<string, number>();
  for (const t of terms) map.set(t, (map.get(t) ?? 0) + 1);
  let sq = 0;
  for (const v of map.values()) sq += v * v;
  return { terms: map, norm: Math.sqrt(sq) };
}

function cosine(
  a: { terms: Map<string, number>; norm: number },
  b: { terms: Map<string, number>; norm: number },
) {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.terms.size < b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, v] of small.terms) dot += v * (large.terms.get(t) ?? 0);
  return dot / (a.norm * b.norm);
}

/** Is this sentence prose a summary can quote (not a fragment, a question, a credit or a list)? */
function usable(text: string, words: number): boolean {
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  if (!/^[\p{Lu}\p{N}"“‘'`(]/u.test(text)) return false;
  if (!/[.!”"’']\)?$/.test(text)) return false;
  if (/\?[”"’']?$/.test(text)) return false;
  if (DANGLING.test(text)) return false;
  // A sentence opening a quotation is a speaker's words, not the report's: the brief gives quotes
  // with their source (its claims); an extract of one reads as the summary's own statement.
  if (QUOTED.test(text)) return false;
  return true;
}

/** A sentence opening with a quotation mark (newswire ``, typographic “ ‘, straight "). */
const QUOTED = /^(?:``|[“‘"])/;

/** A sentence that leans on the one before it ("He said…", "But…", "such a step") does not stand alone. */
const DANGLING =
  /^(?:he|she|it|they|this|that|these|those|but|and|however|also|yet|still|then|meanwhile)\b|\bsuch an? \w+ (?:step|move|action|attack|plan|decision|measure|deal|case|scenario)\b/i;

/** The summary sentences of an article: body sentences, a leading dateline cut, the title left out. */
/** Each article's candidates, made once (an article is summarised with its storyline and its events). */
const articleCandidates = new WeakMap<AnalysisArticle, Candidate[]>();
function candidates(article: AnalysisArticle, order: number): Candidate[] {
  let made = articleCandidates.get(article);
  if (!made) {
    made = makeCandidates(article);
    articleCandidates.set(article, made);
  }
  return made.map((c) => ({ ...c, order }));
}

function makeCandidates(article: AnalysisArticle): Candidate[] {
  const order = 0;
  const out: Candidate[] = [];
  const { sentences } = segment(article.text);
  for (const s of sentences) {
    let start = s.start;
    let text = article.text.slice(s.start, s.end);
    if (article.title && start === 0 && text.trim() === article.title.trim()) continue;
    const cut = datelineLength(text);
    if (cut > 0) {
      start += cut;
      text = text.slice(cut);
    }
    const lead = text.length - text.trimStart().length;
    start += lead;
    text = text.trim();
    const words = wordCount(text);
    if (!usable(text, words)) continue;
    out.push({
      article,
      order,
      rank: out.length,
      span: { articleId: article.id, start, end: start + text.length },
      text,
      words,
      ...vector(summaryTerms(text)),
    });
  }
  return out;
}

/**
 * Choose summary sentences from a story's articles. `articles` are the story's members; an article
 * that duplicates another is left out (its copy speaks for it). The result is in reading order.
 */
export function summarize(articles: AnalysisArticle[], options: SummaryOptions = {}): SummarySentence[] {
  const budget = (options.words ?? 250) - (options.spent ?? 0);
  if (budget < MIN_WORDS) return [];
  const ids = new Set(articles.map((a) => a.id));
  const originals = articles.filter((a) => !(a.duplicateOf && ids.has(a.duplicateOf)));
  const dated = [...originals].sort(
    (a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.id.localeCompare(b.id),
  );
  const pool = dated.flatMap((a, i) => candidates(a, i));
  // The share of the articles using each term.
  const df = new Map<string, number>();
  for (const a of originals) for (const t of termsOfArticle(a)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, originals.length);
  const focus = new Set(summaryTerms(options.focus ?? '').filter((t) => !QUERY_WORDS.has(t)));
  const weight = (t: string): number => {
    const share = (df.get(t) ?? 0) / n;
    // A term of one article alone says nothing about the story when there are several.
    const base = n >= 3 && (df.get(t) ?? 0) <= 1 ? 0 : share;
    return focus.has(t) ? base * (1 + FOCUS_WEIGHT) : base;
  };
  const scored = pool.map((c) => {
    let sum = 0;
    let count = 0;
    for (const [t, v] of c.terms) {
      sum += weight(t) * v;
      count += v;
    }
    const lead = c.rank < LEAD_SENTENCES ? LEAD_BONUS : 0;
    const off = focus.size > 0 && ![...c.terms.keys()].some((t) => focus.has(t)) ? OFF_FOCUS : 0;
    return { c, score: count === 0 ? 0 : (sum / count) * (1 + lead) * (1 - off) };
  });
  scored.sort((x, y) => y.score - x.score || x.c.order - y.c.order || x.c.span.start - y.c.span.start);
  const avoid = (options.avoid ?? []).map((t) => vector(summaryTerms(t)));
  const chosen: { c: Candidate; score: number; support: string[]; note: number }[] = [];
  let left = budget;
  for (const item of scored) {
    if (left < MIN_WORDS) break;
    if (item.c.words > left) continue;
    const seen = [...chosen.map((x) => x.c), ...avoid];
    if (seen.some((x) => cosine(item.c, x) >= REDUNDANT)) continue;
    const support = [...new Set(pool.filter((o) => cosine(item.c, o) >= SAME).map((o) => o.article.id))];
    const note = options.noteWords?.(support) ?? 0;
    if (item.c.words + note > left) continue;
    chosen.push({ ...item, support, note });
    left -= item.c.words + note;
  }
  chosen.sort((x, y) => x.c.order - y.c.order || x.c.span.start - y.c.span.start);
  return chosen.map(({ c, score, support, note }) => ({
    span: c.span,
    text: c.text,
    words: c.words,
    score,
    support,
    noteWords: note,
  }));
}
