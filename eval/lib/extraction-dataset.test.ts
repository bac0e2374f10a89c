import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { goldBody, loadExtractionDataset } from './extraction-dataset.ts';

test('the CleanEval header line is taken off a gold body, with or without a byte-order mark', () => {
  assert.equal(
    goldBody('URL: http://bbc.co.uk/news/business-21302969\nJapan stocks rise\nThe Nikkei climbed.'),
    'Japan stocks rise\nThe Nikkei climbed.',
  );
  assert.equal(
    goldBody('\uFEFFURL: http://www.filmsite.org/crow.html ______\nThe Crow (1994)'),
    'The Crow (1994)',
  );
  assert.equal(goldBody('URL: http://example.com/only-a-header'), '');
});

test('only the opening header goes: gold text that mentions a URL later is kept whole', () => {
  const body = 'Shortened links\nURL: shorteners hide where a link goes.\nURLs are addresses.';
  assert.equal(goldBody(body), body);
  assert.equal(goldBody('URLs are addresses.'), 'URLs are addresses.');
});

test('the dataset loader scores against the gold without its header', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-extraction-set-'));
  try {
    mkdirSync(join(dir, 'html'));
    writeFileSync(join(dir, 'html', 'a.html'), '<html><body><p>Body text.</p></body></html>');
    writeFileSync(
      join(dir, 'ground-truth.json'),
      JSON.stringify({
        a: { articleBody: 'URL: http://example.com/a\nBody text.', url: 'http://example.com/a' },
      }),
    );
    const [only] = loadExtractionDataset(dir);
    assert.equal(only?.articleBody, 'Body text.');
    assert.equal(only?.url, 'http://example.com/a');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
