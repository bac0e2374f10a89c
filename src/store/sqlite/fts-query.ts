import { SitrepError } from '../../core/errors.ts';

const OPERATOR = /^(AND|OR|NOT|NEAR)$/;

/**
 * Turn what a person types into an FTS5 query. Plain words become quoted terms
 * (so punctuation such as "Kim Jong-un" or "U.S." cannot break the syntax);
 * "double-quoted phrases", a trailing * for prefixes and the AND / OR / NOT
 * operators keep their FTS5 meaning.
 */
export function toFtsQuery(input: string): string {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  // A NUL separates words: SQLite would end the query text at it ("unterminated string").
  for (const match of input.replace(/\u0000/g, ' ').matchAll(pattern)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      const clean = phrase.trim();
      if (clean) parts.push(`"${clean}"`);
    } else if (word !== undefined) {
      if (OPERATOR.test(word)) {
        parts.push(word);
        continue;
      }
      const prefix = word.endsWith('*');
      const body = (prefix ? word.slice(0, -1) : word).replace(/"/g, '');
      if (!/[\p{L}\p{N}]/u.test(body)) continue;
      parts.push(`"${body}"${prefix ? '*' : ''}`);
    }
  }
  const query = joinOperators(parts);
  if (query.length === 0) {
    throw new SitrepError('USAGE', `search query ${JSON.stringify(input)} has no words to look for`);
  }
  return query.join(' ');
}

/**
 * One operator between two terms, as ../postgres/ts-query.ts reads them: operators before the first
 * term or after the last are dropped, and a run of them between two terms is OR when it holds one,
 * else NOT when it holds one, else AND (NEAR is read as AND, as tsquery has no NEAR). FTS5 would
 * refuse a run ("a AND NOT b") and take a lone NEAR for a word.
 */
function joinOperators(parts: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const part of parts) {
    if (OPERATOR.test(part)) {
      run.push(part);
      continue;
    }
    if (run.length > 0 && out.length > 0) {
      out.push(run.includes('OR') ? 'OR' : run.includes('NOT') ? 'NOT' : 'AND');
    }
    run = [];
    out.push(part);
  }
  return out;
}
