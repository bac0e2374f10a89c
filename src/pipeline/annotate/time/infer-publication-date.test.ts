import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed } from '../../../../test/fixtures/time/seeds.ts';
import { inferPublicationDate } from './infer-publication-date.ts';

describe('inferPublicationDate', () => {
  it('seed 003 (no date in metadata) comes out as November 2023 from its cues, not today', () => {
    const result = inferPublicationDate(seed('003').text, { now: '2026-01-01' });
    assert.equal(result.value, '2023-11');
    assert.equal(result.evidence, 'inferred');
    assert.ok(result.confidence >= 0.7);
    const reasons = result.reasons.join('\n');
    assert.match(reasons, /"Thursday the 9th": the 9th falls on a Thursday/);
    // No anchor names this story's own events (its July visit, its September summit): the date comes
    // from office-holders, a public dated agreement and the calendar.
    assert.match(reasons, /names Park Jin as South Korean foreign minister \(May 2022 – Jan 2024\)/);
    assert.match(reasons, /Washington Declaration .*"this year"/);
    assert.match(reasons, /consistent window 2023-11 … 2023-11/);
  });

  it('seed 000 (an undated rewrite) is bounded to 2024 only', () => {
    const result = inferPublicationDate(seed('000').text);
    assert.equal(result.value, '2024');
    assert.equal(result.evidence, 'inferred');
    assert.match(
      result.reasons.join('\n'),
      /"Two years into the conflict" after Russia’s full-scale invasion/,
    );
    assert.match(result.reasons.join('\n'), /Israel–Hamas war .*"last October"/);
  });

  it('seed 002 is bounded to spring 2024 by the expected Putin visit "in the coming weeks"', () => {
    const result = inferPublicationDate(seed('002').text);
    assert.equal(result.value, '2024');
    assert.match(result.reasons.join('\n'), /consistent window 2024-03 … 2024-05/);
  });

  it('metadata wins and is reported as such', () => {
    const s = seed('001');
    const published = s.metadata.publishedAt;
    assert.equal(published, '2024-05-25T10:19');
    assert.deepEqual(inferPublicationDate(s.text, published ? { publishedAt: published } : {}), {
      value: '2024-05-25T10:19',
      evidence: 'metadata',
      confidence: 1,
      reasons: ['given with the document'],
    });
  });

  it('a dateline in the text is evidence "text"', () => {
    const result = inferPublicationDate(
      'Title\n\nOct 23, 2024 - 16:28\n\nNorth Korean troops have deployed.',
    );
    assert.equal(result.value, '2024-10-23T16:28');
    assert.equal(result.evidence, 'text');
  });

  it('leaves the date empty when nothing supports one (never falls back to now)', () => {
    const result = inferPublicationDate('Officials met on Thursday to discuss the plan.', {
      now: '2025-03-01',
    });
    assert.equal(result.value, undefined);
    assert.equal(result.confidence, 0);
    assert.deepEqual(result.reasons, ['no dated cue in the text']);
  });
});
