import { stableId } from '../../../core/hash.ts';
import type { Claim, ClaimMention } from '../../../core/quote.ts';
import { countryNameForms } from '../entities/lexicon.ts';
import { CandidateIndex } from './claim-candidates.ts';
import { ClusterProfile, FeatureSpace } from './claim-scoring.ts';

export const MATCH_CLAIMS_STAGE = { name: 'match-claims', version: '3' } as const;

/** Two mentions state one proposition when their weighted overlap reaches this (see ADR 0042). */
export const CLAIM_MATCH_THRESHOLD = 0.5;

/** A large cluster is scored against (and its medoid chosen among) its first members only. */
const SCORE_SAMPLE = 24;

/**
 * Country names that differ in wording only ("DPRK", "North Korea", "Pyongyang" for its government)
 * become one feature per country, from the entity gazetteer (data/countries.json), case as written.
 * Forms are looked up by their first word at each capitalised word of the text.
 */
let formsByFirstWord: Map<string, Array<[form: string, code: string]>> | undefined;
const CAPITALISED = /\p{Lu}[\p{L}\p{N}.'-]*/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function countryForms(): Map<string, Array<[string, string]>> {
  if (!formsByFirstWord) {
    formsByFirstWord = new Map();
    for (const [raw, code] of countryNameForms()) {
      const form = raw.replace(/’/g, "'");
      const first = form.match(CAPITALISED)?.[0];
      if (!first || !form.startsWith(first)) continue;
      const list = formsByFirstWord.get(first) ?? [];
      list.push([form, code]);
      formsByFirstWord.set(first, list);
    }
    for (const list of formsByFirstWord.values()) list.sort((x, y) => y[0].length - x[0].length);
  }
  return formsByFirstWord;
}

/** The text with its country names cut out, and the codes of the countries they name. */
function foldCountries(raw: string): { text: string; codes: string[] } {
  const text = raw.replace(/’/g, "'");
  const forms = countryForms();
  const codes: string[] = [];
  let out = '';
  let at = 0;
  for (const m of text.matchAll(CAPITALISED)) {
    if (m.index < at) continue;
    // The capitalised run may run past the form ("U.S.-led"): look forms up by each prefix that is a word.
    const run = m[0];
    const last = run[run.length - 1];
    const candidates =
      forms.get(run) ??
      (last === '.' || last === "'" || last === '-' ? forms.get(run.replace(/[.'-]+$/, '')) : undefined) ??
      [];
    for (const [form, code] of candidates) {
      const end = m.index + form.length;
      if (!text.startsWith(form, m.index) || WORD_CHAR.test(text[end] ?? '')) continue;
      out += `${text.slice(at, m.index)} `;
      at = end;
      codes.push(code);
      break;
    }
  }
  return { text: out + text.slice(at), codes };
}

const STOP = new Set(
  `a an the and or but of to in on at for with by from as is are was were be been being has have had do does did
  it its this that these those there their they them he she his her we our you i will would could may might can
  also not no than then so such which who whom what when where while into about over after before under up out
  more most some any all other another one very just only said says say told according reported officials
  official us`.split(/\s+/),
);

/** The word without the longest of these endings it has: -ing, -ed, -es, -ly, -s. */
function stem(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ing')) return w.slice(0, -3);
  if (w.endsWith('ed') || w.endsWith('es') || w.endsWith('ly')) return w.slice(0, -2);
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a code point is a letter or a digit (\p{L} or \p{N}; in ASCII: a-z, A-Z, 0-9). */
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/**
 * The matches of /[\p{L}\p{N}][\p{L}\p{N},.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu, read code point by code
 * point: from a letter or digit over letters, digits, commas, full stops and hyphens, to the last
 * letter or digit of that run.
 */
export function claimTokens(t: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < t.length) {
    const cp = t.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (!isWordChar(cp)) {
      i += width;
      continue;
    }
    let end = i + width;
    for (let j = end; j < t.length; ) {
      const c = t.codePointAt(j) as number;
      if (isWordChar(c)) {
        j += c > 0xffff ? 2 : 1;
        end = j;
      } else if (c === 44 || c === 46 || c === 45) j += 1;
      else break;
    }
    out.push(t.slice(i, end));
    i = end;
  }
  return out;
}

/** Content words, numbers and entity ids of a mention. */
export function claimFeatures(m: ClaimMention): Set<string> {
  const folded = foldCountries(m.text);
  const t = ` ${folded.text.toLowerCase().replace(/[’']s\b/g, '')} `;
  const out = new Set<string>();
  // A token ends with a letter or a digit: it is the word as it stands.
  for (const word of claimTokens(t)) {
    const first = word.charCodeAt(0);
    if (first >= 48 && first <= 57) out.add(`#${word.replace(/,/g, '')}`);
    else if (!STOP.has(word)) out.add(stem(word));
  }
  for (const code of folded.codes) out.add(`@country:${code}`);
  for (const id of m.entities ?? []) out.add(`@${id}`);
  return out;
}

const NEGATION = /\b(not|no|never|neither|nor|n't|denied|denies)\b/i;

/** Weighted Dice overlap of two feature sets; 0 when numbers or polarity disagree. */
export function claimSimilarity(
  a: Set<string>,
  b: Set<string>,
  weight: (f: string) => number,
  ta = '',
  tb = '',
): number {
  const numsA = [...a].filter((f) => f.startsWith('#'));
  const numsB = [...b].filter((f) => f.startsWith('#'));
  if (numsA.length > 0 && numsB.length > 0 && !numsA.some((n) => b.has(n))) return 0;
  if (NEGATION.test(ta) !== NEGATION.test(tb)) return 0;
  let common = 0;
  let total = 0;
  for (const f of a) {
    total += weight(f);
    if (b.has(f)) common += 2 * weight(f);
  }
  for (const f of b) total += weight(f);
  return total === 0 ? 0 : common / total;
}

/**
 * Group claim mentions that state the same proposition. Features are content-word stems (aliases
 * folded), numbers and entity ids, weighted by inverse mention frequency; mentions join the cluster
 * whose average similarity to them is highest, if at least CLAIM_MATCH_THRESHOLD. Numbers that
 * disagree or a negation on one side only keep mentions apart.
 */
export function matchClaims(mentions: ClaimMention[]): Claim[] {
  // Features numbered in order of first appearance, with their document frequencies and weights.
  const idOf = new Map<string, number>();
  const df: number[] = [];
  const numeric: number[] = [];
  const featureIds = mentions.map((m) => {
    const fs = claimFeatures(m);
    const ids = new Int32Array(fs.size);
    let k = 0;
    for (const f of fs) {
      let id = idOf.get(f);
      if (id === undefined) {
        id = df.length;
        idOf.set(f, id);
        df.push(0);
        numeric.push(f.startsWith('#') ? 1 : 0);
      }
      df[id] = (df[id] as number) + 1;
      ids[k++] = id;
    }
    return ids;
  });
  const n = mentions.length;
  const weights = Float64Array.from(df, (d) => Math.log(1 + n / d));
  const space = new FeatureSpace(df.length, weights, Uint8Array.from(numeric));
  const prepared = featureIds.map((ids, i) => space.prepare(ids, mentions[i]!.text));
  const sim = (i: number, j: number): number => space.similarity(prepared[i]!, prepared[j]!);
  // Candidate retrieval instead of all pairs: a mention is compared only with the clusters that share
  // one of its informative features (document frequency at most MAX_POSTING), through an inverted index
  // from feature to clusters. A pair whose only shared features are very common words cannot reach the
  // threshold in practice, so the result equals the exhaustive one on real text (ADR 0042).
  const maxPosting = Math.max(64, Math.ceil(n * 0.01));
  const informative = featureIds.map((ids) =>
    Uint8Array.from(ids, (id) => ((df[id] as number) > maxPosting ? 0 : 1)),
  );
  const index = new CandidateIndex();
  const clusters: number[][] = [];
  const profiles: ClusterProfile[] = [];
  mentions.forEach((_, i) => {
    const own = prepared[i]!;
    let best = -1;
    let bestScore = CLAIM_MATCH_THRESHOLD - 1e-9;
    // Clusters that cannot reach the threshold, and then those that cannot beat the best so far, are
    // not scored: an upper bound of their average similarity says so (the result is the same).
    for (const c of index.candidates(own, informative[i]!, profiles, bestScore)) {
      if (profiles[c]!.bound(own) * (1 + 1e-9) < bestScore) continue;
      const members = clusters[c]!;
      const sample = members.length > SCORE_SAMPLE ? members.slice(0, SCORE_SAMPLE) : members;
      const score = sample.reduce((sum, j) => sum + sim(i, j), 0) / sample.length;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    const cluster = best >= 0 ? best : clusters.push([]) - 1;
    if (cluster === profiles.length) profiles.push(new ClusterProfile());
    const inSample = clusters[cluster]!.length < SCORE_SAMPLE;
    if (inSample) profiles[cluster]!.add(own);
    clusters[cluster]!.push(i);
    index.add(cluster, own, informative[i]!, inSample);
  });
  return clusters.map((members) => {
    const sample = members.length > SCORE_SAMPLE ? members.slice(0, SCORE_SAMPLE) : members;
    // The sample's member most similar to the others (the first of those that are most similar).
    const score = (x: number) => sample.reduce((s, j) => s + (j === x ? 0 : sim(x, j)), 0);
    let medoid = members[0]!;
    if (sample.length > 1) {
      let best = score(medoid);
      for (const x of sample) {
        const s = x === medoid ? best : score(x);
        if (s > best) [medoid, best] = [x, s];
      }
    }
    const rep = mentions[medoid]!;
    const ms = members.map((i) => mentions[i]!);
    const chains = new Map(ms.map((m) => [JSON.stringify(m.attribution), m.attribution]));
    return {
      id: stableId(MATCH_CLAIMS_STAGE.name, rep.articleId, String(rep.start), String(rep.end)),
      text: rep.text,
      modality: rep.modality,
      mentions: ms,
      attribution: [...chains.values()],
      independentOrigins: 0,
    };
  });
}
