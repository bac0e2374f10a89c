import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

test("the package entry ('sitrep', as package.json exports it) ingests, analyses and clusters", async () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, string>;
  };
  assert.equal(pkg.exports['.'], './src/index.ts');
  const sitrep = await import('sitrep');
  const store = await sitrep.openStore({ db: ':memory:' });
  try {
    const seeds = fileURLToPath(new URL('../../examples/korea-russia/', import.meta.url));
    const now = () => new Date('2026-11-23T00:00:00Z');
    const report = await sitrep.ingest(store, [seeds], { now, include: ['*.txt'] });
    assert.equal(report.counts.inserted, 5);
    const analysis = await sitrep.analyzeStore(store, { now });
    assert.equal(analysis.articles.length, 5);
    assert.equal(analysis.stories.filter((s) => s.kind === 'storyline').length, 1);
    assert.match(sitrep.writeBrief(analysis, { format: 'md' }), /^# /m);
  } finally {
    await store.close();
  }
  const index = new sitrep.ClusterIndex();
  assert.equal(
    index.add([{ id: 'a', text: 'Headline\n\nOne short body sentence here.', bodyStart: 10 }]).events.length,
    1,
  );
  assert.ok(new sitrep.SitrepError('USAGE', 'x') instanceof Error);
});
