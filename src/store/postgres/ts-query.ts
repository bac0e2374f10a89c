import { SitrepError } from '../../core/errors.ts';

/** An SQL expression of type tsquery and the values of its `$n` placeholders. */
export interface TsQuery {
  sql: string;
  values: string[];
}

const OPERATOR = /^(AND|OR|NOT|NEAR)$/;
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

type Part = { op: 'AND' | 'OR' | 'NOT' } | { term: string; prefix: boolean };

/**
 * Turn what a person types into a tsquery expression, with the syntax the
 * SQLite driver accepts (see ../sqlite/fts-query.ts): plain words, "double-quoted
 * phrases", a trailing * for prefixes, and AND / OR / NOT. Precedence is FTS5's:
 * NOT binds tightest (`a NOT b` = a and not b), then AND (also implied between
 * terms), then OR. NEAR has no tsquery counterpart and is read as AND.
 *
 * Every term travels as a bound value through `phraseto_tsquery` (or, for a
 * prefix, through `to_tsquery` built from letters and digits only), so nothing a
 * person types can break the query syntax, and terms are stemmed with the same
 * `english` configuration as the indexed text.
 */
export function toTsQuery(input: string, firstParam = 1): TsQuery {
  const parts: Part[] = [];
  // A NUL separates words, as in ../sqlite/fts-query.ts; PostgreSQL refuses it in a value.
  for (const match of input.replace(/\u0000/g, ' ').matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      if (phrase.trim()) parts.push({ term: phrase.trim(), prefix: false });
    } else if (word !== undefined) {
      if (OPERATOR.test(word)) {
        parts.push({ op: word === 'NEAR' ? 'AND' : (word as 'AND' | 'OR' | 'NOT') });
        continue;
      }
      const prefix = word.endsWith('*');
      const body = (prefix ? word.slice(0, -1) : word).replace(/"/g, '');
      if (!/[\p{L}\p{N}]/u.test(body)) continue;
      parts.push({ term: body, prefix });
    }
  }
  // One operator between two terms, as ../sqlite/fts-query.ts reads them: none before the first term
  // or after the last, and a run of them is OR when it holds one, else NOT when it holds one, else AND.
  const joined: Part[] = [];
  let run: ('AND' | 'OR' | 'NOT')[] = [];
  for (const part of parts) {
    if ('op' in part) {
      run.push(part.op);
      continue;
    }
    if (run.length > 0 && joined.length > 0) {
      joined.push({ op: run.includes('OR') ? 'OR' : run.includes('NOT') ? 'NOT' : 'AND' });
    }
    run = [];
    joined.push(part);
  }
  parts.splice(0, parts.length, ...joined);
  if (parts.length === 0) {
    throw new SitrepError('USAGE', `search query ${JSON.stringify(input)} has no words to look for`);
  }

  const values: string[] = [];
  const term = (part: { term: string; prefix: boolean }): string => {
    if (part.prefix) {
      const tokens = part.term.match(TOKEN) ?? [];
      values.push(`${tokens.join(' <-> ')}:*`);
      return `to_tsquery('english', $${firstParam + values.length - 1})`;
    }
    values.push(part.term);
    return `phraseto_tsquery('english', $${firstParam + values.length - 1})`;
  };

  // OR-groups of AND-ed terms; NOT negates the term that follows it.
  const groups: string[][] = [[]];
  let negate = false;
  for (const part of parts) {
    if ('op' in part) {
      if (part.op === 'OR') {
        if ((groups.at(-1) ?? []).length > 0) groups.push([]);
        negate = false;
      } else if (part.op === 'NOT') {
        negate = true;
      }
      continue;
    }
    (groups.at(-1) as string[]).push(negate ? `(!! ${term(part)})` : term(part));
    negate = false;
  }
  const sql = groups
    .filter((g) => g.length > 0)
    .map((g) => (g.length === 1 ? g[0] : `(${g.join(' && ')})`))
    .join(' || ');
  return { sql: `(${sql})`, values };
}
