import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureAnalysis } from '../../test/fixtures/analysis-fixture.ts';
import { AnalysisAssembler, analysisParts } from '../engine/analysis-transfer.ts';
import { analysisJsonChunks } from './analysis-json.ts';

describe('analysis parts', () => {
  it('reassemble to the same analysis, key order included, at any slice size', () => {
    const analysis = fixtureAnalysis({ a: 'a1', b: 'b2' });
    for (const size of [1, 2, 200]) {
      const assembler = new AnalysisAssembler();
      const parts = [...analysisParts(analysis, size)];
      for (const part of structuredClone(parts)) assembler.add(part);
      assert.equal(JSON.stringify(assembler.result()), JSON.stringify(analysis));
      const elements = Object.values(analysis).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
      if (size === 1) assert.equal(parts.length, 1 + elements);
    }
  });

  it('refuses an incomplete analysis', () => {
    const parts = [...analysisParts(fixtureAnalysis({ a: 'a1', b: 'b2' }), 1)];
    const assembler = new AnalysisAssembler();
    for (const part of parts.slice(0, -1)) assembler.add(part);
    assert.throws(() => assembler.result(), { code: 'INTERNAL' });
  });
});

describe('analysisJsonChunks', () => {
  it('make the text of JSON.stringify, at any chunk size', () => {
    const analysis = fixtureAnalysis({ a: 'a1', b: 'b2' });
    for (const size of [1, 3, 200]) {
      assert.equal([...analysisJsonChunks(analysis, size)].join(''), JSON.stringify(analysis));
    }
  });
});
