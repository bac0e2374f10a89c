/**
 * The learned plain-text boilerplate model: logistic regression over block-features.ts, weights in
 * block-model.json (trained by `npm run train:text-blocks`; docs/decisions/0004). It runs after the
 * rules, on the blocks they kept: a block whose probability of being article body is under the
 * trained threshold is removed, with the probability and the features that weighed most against it
 * in the audit.
 */

import { BLOCK_FEATURES } from './block-features.ts';
import model from './block-model.json' with { type: 'json' };

if (
  model.features.length !== BLOCK_FEATURES.length ||
  model.features.some((f, i) => f !== BLOCK_FEATURES[i])
) {
  throw new Error('block-model.json was trained on other features: run `npm run train:text-blocks`');
}

export const BLOCK_MODEL_THRESHOLD: number = model.threshold;

/** Probability that a block is article body, and the features that weigh most against it. */
export function bodyProbability(features: number[]): { p: number; against: string[] } {
  const terms = features.map((v, d) => ((v - model.mean[d]!) / model.scale[d]!) * model.weights[d]!);
  const z = terms.reduce((a, b) => a + b, 0);
  const against = terms
    .map((t, d) => ({ t, name: BLOCK_FEATURES[d]! }))
    .filter((x) => x.t < 0 && x.name !== 'bias')
    .sort((a, b) => a.t - b.t)
    .slice(0, 2)
    .map((x) => x.name);
  return { p: 1 / (1 + Math.exp(-z)), against };
}

/**
 * Blocks the model never removes: a sentence of prose (ten words or more, a stop word among them,
 * ending as a sentence) — on the development pages the model's costly errors were short body
 * sentences with many names ("South Korean President Yoon Suk Yeol convened an emergency security
 * meeting on Friday.").
 */
export function isProseSentence(flat: string, words: number): boolean {
  return (
    words >= 10 &&
    /[.!?]["'”’)]*$/.test(flat) &&
    /\b(the|a|an|of|to|in|on|and|for|with|at|by|from|is|was|has|had)\b/i.test(flat)
  );
}

/** Fewer blocks than this: the text is an article as given, not a flattened page. */
export const MODEL_MIN_BLOCKS = 12;
/** A flattened page has menus: at least this share of its blocks are of four words or fewer. */
export const MODEL_MIN_SHORT_SHARE = 0.5;

/**
 * Is the text a whole page flattened to text (what the model was trained on)? An article body given
 * as text — a JSON-lines item, a clean file — is not touched by the model: on pile-dev's article
 * texts it removed body paragraphs (storyline precision 0.950 → 0.938 with no gate; 0.949 with a 0.3 or 0.4 share; unchanged at 0.5, where 11 of 2,906 pile texts — articles with bullet lists — still pass the gate).
 */
export function looksLikeFlattenedPage(blocks: { words: number }[]): boolean {
  if (blocks.length < MODEL_MIN_BLOCKS) return false;
  return blocks.filter((b) => b.words <= 4).length / blocks.length >= MODEL_MIN_SHORT_SHARE;
}
