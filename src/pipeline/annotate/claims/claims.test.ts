import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ClaimMention } from '../../../core/quote.ts';
import { extractQuotes } from '../quotes/extract-quotes.ts';
import { extractClaims } from './extract-claims.ts';
import { matchClaims } from './match-claims.ts';
import { claimModality } from './modality.ts';

const seeds = readFileSync(new URL('../../../../test/fixtures/quotes/seeds.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; text: string; outlet?: string });

const seedMentions = (): ClaimMention[] =>
  seeds.flatMap((s) =>
    extractClaims(s.id, s.text, { quotes: extractQuotes(s.id, s.text), outlet: s.outlet }),
  );

const mentions = seedMentions();
const starting = (articleId: string, prefix: string) =>
  mentions.find((m) => m.articleId === articleId && m.text.startsWith(prefix));

describe('extractClaims', () => {
  it("chains seed 001's warning to the officials NBC cites, then NBC News, then Yonhap", () => {
    const warning = starting('seed-001', 'US officials are bracing');
    assert.deepEqual(warning?.attribution, ['six senior US officials', 'NBC News', 'Yonhap']);
    assert.equal(warning?.modality, 'expected');
  });

  it('chains the submarine claim in each rewrite, nearest speaker first', () => {
    assert.deepEqual(starting('seed-000', 'Putin is providing')?.attribution, ['US officials', 'NBC News']);
    assert.deepEqual(starting('seed-001', 'Putin is providing')?.attribution, [
      'US intelligence officials',
      'NBC News',
      'Yonhap',
    ]);
    assert.deepEqual(starting('seed-002', 'Russia is providing')?.attribution, [
      'U.S. intelligence officials',
      'OBOZ.UA',
    ]);
  });

  it("ends chains with the outlet when known and leaves an unknown outlet out; the outlet's own text is asserted", () => {
    assert.deepEqual(starting('seed-004', 'Allies have confirmed')?.attribution, [
      'Farah Dakhlallah',
      'Politico Europe',
    ]);
    const own = starting('seed-001', 'Seoul, Washington and Tokyo');
    assert.deepEqual([own?.attribution, own?.modality], [['Yonhap'], 'asserted']);
    assert.deepEqual(starting('seed-000', 'Two years into')?.attribution, []);
  });

  it('skips the title and sentences that only attribute ("This was reported by NBC News.")', () => {
    assert.equal(starting('seed-002', 'North Korea may resort'), undefined);
    assert.equal(starting('seed-002', 'This was reported'), undefined);
  });
});

describe('claimModality', () => {
  it('orders denied, speculative, expected, reported, asserted', () => {
    assert.equal(claimModality('Russia sent troops', { cue: 'denied', attributed: true }), 'denied');
    assert.equal(
      claimModality('Pyongyang is allegedly asking for parts', { attributed: true }),
      'speculative',
    );
    assert.equal(
      claimModality('North Korea could have supplied shells', { attributed: false }),
      'speculative',
    );
    assert.equal(claimModality('Officials are bracing for a test', { attributed: true }), 'expected');
    assert.equal(claimModality('Russia may help North Korea', { attributed: false }), 'expected');
    assert.equal(claimModality('Putin is providing technology', { attributed: true }), 'reported');
    assert.equal(claimModality('China balks at instability', { attributed: false }), 'asserted');
  });
});

describe('matchClaims', () => {
  const claims = matchClaims(mentions);

  it('matches the submarine/missile-technology claim across seeds 000, 001 and 002', () => {
    const sub = claims.find((c) =>
      c.mentions.some((m) => /nuclear submarine and ballistic missile technology/.test(m.text)),
    );
    assert.deepEqual(
      sub?.mentions.map((m) => m.articleId),
      ['seed-000', 'seed-001', 'seed-002'],
    );
    assert.equal(sub?.attribution.length, 3);
  });

  it('keeps different numbers, opposite polarity and unrelated sentences apart', () => {
    const m = (articleId: string, text: string): ClaimMention => ({
      articleId,
      start: 0,
      end: text.length,
      text,
      modality: 'reported',
      attribution: [],
    });
    const out = matchClaims([
      m('a', 'North Korea moved 3,000 soldiers into eastern Russia'),
      m('b', 'North Korea moved 7,000 soldiers into eastern Russia'),
      m('c', 'North Korea did not move soldiers into eastern Russia'),
      m('d', 'North Korea moved soldiers into eastern Russia'),
      m('e', 'China balks at creating further instability in the region'),
    ]);
    assert.deepEqual(
      out.map((c) => c.mentions.map((x) => x.articleId)),
      [['a', 'd'], ['b'], ['c'], ['e']],
    );
  });
});
