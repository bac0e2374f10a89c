import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractPlainText } from '../../extract/text/extract-text.ts';
import { annotateEntities } from '../entities/annotate-entities.ts';
import { extractQuotes } from '../quotes/extract-quotes.ts';
import { extractClaims } from './extract-claims.ts';

const seed = (file: string) => {
  const extraction = extractPlainText(
    readFileSync(new URL(`../../../../examples/korea-russia/${file}`, import.meta.url), 'utf8'),
    {},
  );
  const entities = annotateEntities(file, extraction.text);
  const quotes = extractQuotes(file, extraction.text, { entities });
  const claims = extractClaims(file, extraction.text, {
    quotes,
    outlet: extraction.metadata.outlet,
    entities,
    bodyStart: extraction.bodyStart,
  });
  return { extraction, quotes, claims };
};

describe('quotes and claims on the extractor output of the seeds', () => {
  it("chains seed 001's warning to six senior US officials, NBC News and Yonhap", () => {
    const { extraction, claims } = seed('001_dc7abb91df948636.txt');
    assert.equal(extraction.metadata.outlet, 'Yonhap');
    const warning = claims.find((c) => c.text.startsWith('US officials are bracing'));
    assert.deepEqual(warning?.attribution, ['six senior US officials', 'NBC News', 'Yonhap']);
  });

  it('finds the expected speakers of seed 004', () => {
    const { quotes } = seed('004_57623772aa3dea69.txt');
    const names = quotes.map((q) => q.speaker.text);
    assert.equal(names.filter((n) => n === 'Lloyd Austin').length, 4);
    assert.equal(names.filter((n) => n === 'John Kirby').length, 2);
    assert.equal(quotes.find((q) => q.speaker.text === 'Farah Dakhlallah')?.via, 'Politico Europe');
  });
});
