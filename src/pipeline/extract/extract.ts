import type { DocumentFormat, Extraction, SourceDocument } from '../../core/article.ts';
import type { WorkBudget } from './budget.ts';
import { detectLanguage } from './detect-language.ts';
import { extractHtml, HTML_EXTRACTOR } from './html/extract-html.ts';
import { extractPlainText, TEXT_EXTRACTOR } from './text/extract-text.ts';

/** Name and version of the extractor that handles a format (stamped on stored articles). */
export function extractorFor(format: DocumentFormat): { name: string; version: string } {
  return format === 'html' ? HTML_EXTRACTOR : TEXT_EXTRACTOR;
}

/**
 * The extract stage: a source document → clean text, removed blocks and metadata.
 * Throws SitrepError('EXTRACT_EMPTY') when nothing of an article remains, and EXTRACT_BUDGET when the
 * document takes longer than its work budget (checked inside the extractors' loops).
 */
export function extractDocument(doc: SourceDocument, budget?: WorkBudget): Extraction {
  const extraction =
    doc.format === 'html'
      ? extractHtml(doc.content, doc.hints, {
          ...(doc.hints.url ? { url: doc.hints.url } : {}),
          ...(budget ? { budget } : {}),
        })
      : extractPlainText(doc.content, doc.hints, budget ? { budget } : {});
  if (!extraction.metadata.language) {
    const language = detectLanguage(extraction.text);
    if (language) {
      extraction.metadata.language = language;
      extraction.evidence.language = {
        source: 'detector',
        detail: 'eld n-gram language detector on the clean text',
      };
    }
  }
  return extraction;
}
