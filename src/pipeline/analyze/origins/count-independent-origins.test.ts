import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Claim, ClaimMention } from '../../../core/quote.ts';
import type { DerivationLink } from '../../../core/story.ts';
import { extractClaims } from '../../annotate/claims/extract-claims.ts';
import { matchClaims } from '../../annotate/claims/match-claims.ts';
import { extractQuotes } from '../../annotate/quotes/extract-quotes.ts';
import { countIndependentOrigins } from './count-independent-origins.ts';

const seeds = readFileSync(new URL('../../../../test/fixtures/quotes/seeds.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; text: string; outlet?: string });

const mention = (
  articleId: string,
  attribution: string[],
  text = 'Russia is supplying North Korea with submarine technology',
): ClaimMention => ({
  articleId,
  start: 0,
  end: text.length,
  text,
  modality: 'reported',
  attribution,
});
const claimOf = (mentions: ClaimMention[]): Claim => ({
  id: 'c',
  text: mentions[0]!.text,
  modality: 'reported',
  mentions,
  attribution: mentions.map((m) => m.attribution),
  independentOrigins: 0,
});

describe('countIndependentOrigins', () => {
  it('counts the NBC report carried by seeds 000, 001 and 002 as one origin', () => {
    const mentions = seeds.flatMap((s) =>
      extractClaims(s.id, s.text, { quotes: extractQuotes(s.id, s.text), outlet: s.outlet }),
    );
    const derivations: DerivationLink[] = ['seed-000', 'seed-001', 'seed-002'].map((articleId) => ({
      articleId,
      outlet: 'NBC News',
      kind: 'citation',
      score: 1,
    }));
    const claims = countIndependentOrigins(matchClaims(mentions), {
      articles: seeds.map((s) => ({ id: s.id, outlet: s.outlet })),
      duplicates: [],
      derivations,
    });
    const sub = claims.find(
      (c) => c.mentions.length === 3 && /submarine and ballistic missile technology/.test(c.text),
    );
    assert.equal(sub?.independentOrigins, 1);
    assert.deepEqual(sub?.origins?.[0]?.origin, 'NBC News');
    assert.deepEqual(sub?.origins?.[0]?.mentions, [0, 1, 2]);
    assert.match(sub?.origins?.[0]?.why ?? '', /OBOZ\.UA derives from NBC News \(citation\)/);
  });

  it('counts a claim carried by two unrelated outlets with their own anonymous sources as two', () => {
    const [claim] = countIndependentOrigins(
      [claimOf([mention('a', ['US officials', 'Reuters']), mention('b', ['a diplomat', 'Le Monde'])])],
      {
        articles: [
          { id: 'a', outlet: 'Reuters' },
          { id: 'b', outlet: 'Le Monde' },
        ],
        duplicates: [],
        derivations: [],
      },
    );
    assert.equal(claim?.independentOrigins, 2);
    assert.deepEqual(
      claim?.origins?.map((o) => [o.origin, o.why]),
      [
        ['Reuters', 'US officials via Reuters'],
        ['Le Monde', 'a diplomat via Le Monde'],
      ],
    );
  });

  it('collapses one named speaker carried by two outlets, and NBC with NBC News', () => {
    const [claim] = countIndependentOrigins(
      [
        claimOf([
          mention('a', ['Lloyd Austin', 'Reuters']),
          mention('b', ['Lloyd Austin']),
          mention('c', ['a US official', 'NBC']),
          mention('d', ['six senior US officials', 'NBC News', 'Yonhap']),
        ]),
      ],
      {
        articles: [{ id: 'a', outlet: 'Reuters' }, { id: 'b' }, { id: 'd', outlet: 'Yonhap' }],
        duplicates: [],
        derivations: [],
      },
    );
    assert.deepEqual(
      claim?.origins?.map((o) => [o.origin, o.mentions]),
      [
        ['Lloyd Austin', [0, 1]],
        ['NBC News', [2, 3]],
      ],
    );
  });

  it('collapses copies through duplicate links and marks an article with no outlet as uncertain', () => {
    const ctx = {
      articles: [{ id: 'a' }, { id: 'b' }, { id: 'c', outlet: 'TASS' }],
      duplicates: [{ articleId: 'b', duplicateOf: 'a', kind: 'near' as const, similarity: 0.93 }],
      derivations: [],
    };
    const [claim] = countIndependentOrigins(
      [claimOf([mention('a', []), mention('b', []), mention('c', [])])],
      ctx,
    );
    assert.equal(claim?.independentOrigins, 2);
    assert.deepEqual(claim?.origins?.[0], {
      origin: 'unnamed outlet (article a)',
      mentions: [0, 1],
      why: 'asserted by an article with no known outlet; asserted by an article with no known outlet (article b is a copy of a)',
      uncertain: true,
    });
    assert.deepEqual(claim?.origins?.[1], { origin: 'TASS', mentions: [2], why: 'asserted by TASS' });
  });

  it('follows text reuse to the source article and flags an article citing several outlets', () => {
    const [claim] = countIndependentOrigins(
      [claimOf([mention('a', ['officials', 'AP']), mention('b', ['OBOZ.UA'])])],
      {
        articles: [
          { id: 'a', outlet: 'AP' },
          { id: 'b', outlet: 'OBOZ.UA' },
        ],
        duplicates: [],
        derivations: [{ articleId: 'b', sourceArticleId: 'a', kind: 'text-reuse', score: 0.8 }],
      },
    );
    assert.equal(claim?.independentOrigins, 1);
    assert.match(claim?.origins?.[0]?.why ?? '', /text reused from article a: officials via AP/);
    const [two] = countIndependentOrigins([claimOf([mention('b', ['OBOZ.UA'])])], {
      articles: [{ id: 'b', outlet: 'OBOZ.UA' }],
      duplicates: [],
      derivations: [
        { articleId: 'b', outlet: 'CNN', kind: 'citation', score: 1 },
        { articleId: 'b', outlet: 'NBC News', kind: 'citation', score: 1 },
      ],
    });
    assert.deepEqual(two?.origins?.[0]?.uncertain, true);
    assert.match(two?.origins?.[0]?.why ?? '', /cannot tell which/);
  });
});
