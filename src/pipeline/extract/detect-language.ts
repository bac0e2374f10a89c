import { eld } from 'eld/small';

/**
 * ISO 639-1 language of a text by n-gram statistics (eld's shipped small
 * model), or undefined when the detector is not confident.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  if (sample.trim().length < 20) return undefined;
  const result = eld.detect(sample);
  if (!result.language || !result.isReliable()) return undefined;
  return result.language;
}
