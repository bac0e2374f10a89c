import type { ClaimModality } from '../../../core/quote.ts';

const DENIAL_CUES =
  /^(deny|denies|denied|denying|reject|rejects|rejected|dismiss|dismisses|dismissed|refute|refutes|refuted)$/i;
const SPECULATIVE =
  /\b(allegedly|apparently|supposedly|perhaps|maybe|presumably|seemingly|seems?|appears?|suspected|thought to|believed to|said to be|it is possible|it is not certain|not clear|unclear|(may|might|could|would|must) (not )?have)\b/i;
const EXPECTED =
  /\b(will|won't|would|may|might|could|can|shall|going to|likely|unlikely|expected to|set to|plans? to|planning|prepares?|preparing|bracing|braces|poised|forecasts?|predicts?|potentially|possibly|intends? to|aims? to|threatens? to|on the verge|about to|next (week|month|year)|coming (days|weeks|months))\b/i;

/**
 * The modality of a claim: denied (a denial cue), speculative (hedged about what is or was),
 * expected (modal or forward-looking), reported (attributed to someone other than the outlet),
 * asserted (the outlet's own statement). The first that applies wins, in that order.
 */
export function claimModality(text: string, options: { cue?: string; attributed: boolean }): ClaimModality {
  if (options.cue && DENIAL_CUES.test(options.cue)) return 'denied';
  if (SPECULATIVE.test(text)) return 'speculative';
  if (EXPECTED.test(text)) return 'expected';
  return options.attributed ? 'reported' : 'asserted';
}
