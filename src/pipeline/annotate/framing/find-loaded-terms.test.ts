import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { A002, A004, seedArticles, spanFinder } from '../../../../test/fixtures/analysis/seed-articles.ts';
import { findLoadedTerms } from './find-loaded-terms.ts';
import { defaultFramingLexicon, loadFramingLexicon } from './framing-lexicon.ts';

const articles = seedArticles();
const textOf = (id: string) => articles.find((a) => a.id === id)?.text ?? '';
const surface = (text: string, terms: ReturnType<typeof findLoadedTerms>['ownVoice']) =>
  terms.map((t) => [t.term, t.category, t.mentions.map((m) => text.slice(m.start, m.end))]);

test('OBOZ.UA (seed 002): labels in its own voice', () => {
  const text = textOf(A002);
  const found = findLoadedTerms(A002, text, { quoteSpans: [] });
  assert.deepEqual(surface(text, found.ownVoice), [
    ['dictator', 'pejorative-label', ['dictator', 'dictators', 'dictator']],
    ['terrorist country', 'delegitimizing', ['terrorist country']],
    ['aggressor country', 'delegitimizing', ['aggressor country']],
  ]);
  const phrases: [string, string][] = [
    ['Russian dictator Vladimir Putin', 'dictator'],
    ['the two dictators', 'dictators'],
    ['North Korean dictator', 'dictator'],
    ['the terrorist country Russia', 'terrorist country'],
    ['the aggressor country Russia', 'aggressor country'],
  ];
  assert.deepEqual(
    found.ownVoice.flatMap((t) => t.mentions.map((m) => m.start)),
    phrases.map(([phrase, form]) => text.indexOf(phrase) + phrase.indexOf(form)),
  );
  assert.deepEqual(found.inQuotes, []);
});

test('seed 004: "illegal war" inside NATO\'s quote is kept apart', () => {
  const text = textOf(A004);
  const find = spanFinder(articles);
  const quote = find(A004, 'Allies have confirmed evidence of a DPRK troop deployment to Russia.');
  const inside = findLoadedTerms(A004, text, {
    quoteSpans: [{ articleId: A004, start: quote.start, end: text.indexOf('front lines,') + 12 }],
  });
  assert.deepEqual(surface(text, inside.ownVoice), []);
  assert.deepEqual(surface(text, inside.inQuotes), [['illegal war', 'delegitimizing', ['illegal war']]]);
  const without = findLoadedTerms(A004, text, {
    quoteSpans: [{ articleId: 'other', start: 0, end: text.length }],
  });
  assert.deepEqual(surface(text, without.ownVoice), [['illegal war', 'delegitimizing', ['illegal war']]]);
});

test('exceptions, scare quotes and longest match', () => {
  const text =
    'The sanctions regime held. The "regime" fell. The regime of Kim, a puppet show, a terrorist state.';
  const found = findLoadedTerms('x', text);
  assert.deepEqual(surface(text, found.ownVoice), [
    ['regime', 'delegitimizing', ['regime']],
    ['terrorist country', 'delegitimizing', ['terrorist state']],
  ]);
  assert.equal(found.ownVoice[0]?.mentions[0]?.start, text.indexOf('regime of'));
  assert.deepEqual(surface(text, found.inQuotes), [['regime', 'delegitimizing', ['regime']]]);
  assert.equal(found.ownVoice[0]?.strength, 'mild');
});

test('a user file extends, replaces and disables entries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lexicon-'));
  const path = join(dir, 'lexicon.json');
  writeFileSync(
    path,
    JSON.stringify({
      entries: [
        { term: 'rogue state', forms: ['rogue states'], category: 'delegitimizing', strength: 'strong' },
        { term: 'regime', category: 'delegitimizing', strength: 'strong' },
      ],
      disable: ['saber-rattling'],
    }),
  );
  const lexicon = loadFramingLexicon(path);
  assert.deepEqual(lexicon.sources, ['bundled', path]);
  assert.equal(lexicon.entries.length, defaultFramingLexicon.entries.length);
  const text = 'A rogue state and its saber-rattling regime.';
  const found = findLoadedTerms('x', text, { lexicon });
  assert.deepEqual(
    found.ownVoice.map((t) => [t.term, t.strength]),
    [
      ['rogue state', 'strong'],
      ['regime', 'strong'],
    ],
  );
});

test('lexicon files with errors are refused with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lexicon-'));
  const write = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };
  const cases: [string, string, RegExp][] = [
    ['syntax.json', '{ entries: ', /not valid JSON/],
    ['array.json', '[]', /not a JSON object/],
    ['noterm.json', '{"entries":[{"category":"intensifier"}]}', /entry 1: "term" must be/],
    [
      'badcat.json',
      '{"entries":[{"term":"x","category":"Bad Cat"}]}',
      /entry 1: "category" must be kebab-case/,
    ],
    ['strength.json', '{"entries":[{"term":"x","category":"a","strength":"very"}]}', /"strength" must be/],
    ['extra.json', '{"entries":[{"term":"x","category":"a","severity":1}]}', /unknown field "severity"/],
    ['twice.json', '{"entries":[{"term":"x","category":"a"},{"term":"X","category":"a"}]}', /listed twice/],
    ['forms.json', '{"entries":[{"term":"x","category":"a","forms":[""]}]}', /"forms" must be a list/],
  ];
  for (const [name, body, message] of cases) {
    assert.throws(
      () => loadFramingLexicon(write(name, body)),
      (e: unknown) => {
        assert.equal((e as { code?: string }).code, 'INPUT_MALFORMED');
        assert.match((e as Error).message, message);
        return true;
      },
    );
  }
  assert.throws(() => loadFramingLexicon(join(dir, 'missing.json')), { code: 'INPUT_NOT_FOUND' });
});
