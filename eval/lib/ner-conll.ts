import type { LabelledSpan } from './ner-score.ts';

/** One CoNLL document rebuilt as text: tokens joined by spaces, sentences by a blank line. */
export interface ConllDocument {
  text: string;
  gold: LabelledSpan[];
  tokens: number;
}

/**
 * Parse CoNLL (-DOCSTART- documents, one token per line, the tag in the last column, blank lines
 * between sentences). Tags may be IOB1 (CoNLL-2003: B- only between two adjacent entities of one
 * type) or BIO: an entity starts at a B- tag or at an I- tag whose type differs from the previous tag's.
 */
export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let sentences: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> = [];
  const endSentence = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (sentences.length > 0) docs.push(buildDocument(sentences));
    sentences = [];
  };
  for (const line of content.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('-DOCSTART-')) endDocument();
    else if (trimmed === '') endSentence();
    else {
      const cols = trimmed.split(/\s+/);
      current.push([cols[0]!, cols[cols.length - 1]!]);
    }
  }
  endDocument();
  return docs;
}

function buildDocument(sentences: Array<Array<[string, string]>>): ConllDocument {
  let text = '';
  let tokens = 0;
  const gold: LabelledSpan[] = [];
  for (const sentence of sentences) {
    if (text !== '') text += '\n\n';
    let open: LabelledSpan | undefined;
    let prevType = 'O';
    sentence.forEach(([token, tag], i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += token;
      tokens += 1;
      const type = tag === 'O' ? 'O' : tag.slice(2);
      const begins = tag !== 'O' && (tag.startsWith('B-') || type !== prevType);
      if (open && (tag === 'O' || begins)) {
        gold.push(open);
        open = undefined;
      }
      if (begins) open = { start, end: text.length, label: type };
      else if (open) open.end = text.length;
      prevType = type;
    });
    if (open) gold.push(open);
  }
  return { text, gold, tokens };
}
