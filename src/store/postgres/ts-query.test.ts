import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toTsQuery } from './ts-query.ts';

describe('toTsQuery', () => {
  it('binds every term as a value and joins terms with AND', () => {
    assert.deepEqual(toTsQuery('Kim Jong-un'), {
      sql: "((phraseto_tsquery('english', $1) && phraseto_tsquery('english', $2)))",
      values: ['Kim', 'Jong-un'],
    });
  });

  it('keeps phrases whole and turns a trailing * into a prefix of the last token', () => {
    assert.deepEqual(toTsQuery('"near the election" U.S.*', 3), {
      sql: "((phraseto_tsquery('english', $3) && to_tsquery('english', $4)))",
      values: ['near the election', 'U <-> S:*'],
    });
  });

  it('gives NOT the tightest binding, then AND, then OR (as FTS5 does)', () => {
    assert.deepEqual(toTsQuery('a NOT b c OR d AND e'), {
      sql:
        "((phraseto_tsquery('english', $1) && (!! phraseto_tsquery('english', $2)) && phraseto_tsquery('english', $3))" +
        " || (phraseto_tsquery('english', $4) && phraseto_tsquery('english', $5)))",
      values: ['a', 'b', 'c', 'd', 'e'],
    });
  });

  it('drops dangling operators and reads NEAR as AND', () => {
    assert.deepEqual(toTsQuery('OR putin NEAR kim AND'), {
      sql: "((phraseto_tsquery('english', $1) && phraseto_tsquery('english', $2)))",
      values: ['putin', 'kim'],
    });
  });

  it('cannot be broken by quotes or tsquery syntax in the input', () => {
    assert.deepEqual(toTsQuery("it's & !x:* <-> (a|b)*"), {
      sql: "((phraseto_tsquery('english', $1) && to_tsquery('english', $2) && to_tsquery('english', $3)))",
      values: ["it's", 'x:*', 'a <-> b:*'],
    });
  });

  it('refuses a query with nothing to look for', () => {
    assert.throws(() => toTsQuery('"" *** AND'), { code: 'USAGE', message: /has no words to look for/ });
  });
});
