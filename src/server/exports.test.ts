import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureAnalysis } from '../../test/fixtures/analysis-fixture.ts';
import { exportCsv } from '../engine/export-csv.ts';
import { stixBundle, uuidV5 } from '../engine/export-stix.ts';

describe('exports', () => {
  const analysis = fixtureAnalysis();

  it('uuidV5 is RFC 9562 version 5 (the RFC example: "www.example.com" in the DNS namespace)', () => {
    assert.equal(
      uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('CSV: RFC 4180 quoting, a header, one row per item, formula-looking fields defused', () => {
    const claims = exportCsv(analysis, 'claims');
    const lines = claims.split('\r\n');
    assert.equal(lines[0], 'id,text,modality,independent_origins,mentions,attribution,article_id,start,end');
    assert.equal(lines.length, analysis.claims.length + 2);
    assert.equal(lines.at(-1), '');
    const quotes = exportCsv(analysis, 'quotes').split('\r\n');
    assert.equal(quotes[0], 'id,speaker,speaker_kind,cue,direct,via,citing,text,article_id,start,end');
    assert.equal(quotes[1], 'q1,Putin,,said,true,,,We will help each other,a1,94,117');
    const tricky = { ...analysis, claims: [{ ...analysis.claims[0]!, text: '=HYPERLINK("x"), said "he"' }] };
    assert.match(exportCsv(tricky, 'claims').split('\r\n')[1]!, /^c1,"'=HYPERLINK\(""x""\), said ""he""",/);
  });

  it('STIX 2.1: every object well formed, every reference resolves, the same ids on every export', () => {
    const bundle = stixBundle(analysis);
    assert.equal(bundle.type, 'bundle');
    const ids = new Set(bundle.objects.map((o) => o.id));
    assert.equal(ids.size, bundle.objects.length);
    for (const o of bundle.objects) {
      assert.match(
        o.id,
        /^[a-z][a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        o.id,
      );
      assert.equal(o.id.split('--')[0], o.type);
      assert.equal(o['spec_version'], '2.1');
      assert.match(String(o['created']), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const refs = [
        ...((o['object_refs'] as string[] | undefined) ?? []),
        ...['source_ref', 'target_ref'].flatMap((k) => (o[k] ? [o[k] as string] : [])),
      ];
      for (const ref of refs) assert.ok(ids.has(ref), `${o.id} refers to missing ${ref}`);
      if (o.type === 'report') assert.ok((o['object_refs'] as string[]).length > 0);
    }
    const byType = (t: string) => bundle.objects.filter((o) => o.type === t);
    assert.deepEqual(
      byType('identity').map((o) => [o['name'], o['identity_class']]),
      [
        ['Vladimir Putin', 'individual'],
        ['Kim Jong Un', 'individual'],
      ],
    );
    assert.deepEqual(
      byType('location').map((o) => [o['name'], o['country']]),
      [['North Korea', 'KP']],
    );
    assert.equal(byType('report').length, analysis.stories.length);
    assert.equal(byType('note').length, 4);
    assert.deepEqual(stixBundle(analysis), bundle);
    assert.deepEqual(
      stixBundle(analysis, 's1')
        .objects.filter((o) => o.type === 'report')
        .map((o) => o['name']),
      ['Putin meets Kim in Pyongyang'],
    );
  });
});
