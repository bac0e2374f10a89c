import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languagePack } from './language-pack.ts';

test('English: months, weekdays and stop words from the data files', () => {
  const en = languagePack('en');
  assert.equal(en, languagePack());
  assert.equal(Object.keys(en.months).length, 24);
  assert.deepEqual(
    ['january', 'jan', 'may', 'sept', 'sep', 'september', 'dec'].map((f) => en.months[f]),
    [1, 1, 5, 9, 9, 9, 12],
  );
  assert.deepEqual(en.weekdays, {
    sunday: 0,
    monday: 1,
    tuesday: 2,
    wednesday: 3,
    thursday: 4,
    friday: 5,
    saturday: 6,
  });
  assert.equal(
    en.monthNames.join(' '),
    'January February March April May June July August September October November December',
  );
  assert.equal(en.stopwords.size, 303);
  for (const w of ['the', 'said', 'according', 'officials', 'monday']) assert.ok(en.stopwords.has(w), w);
  assert.ok(!en.stopwords.has('missile'));
});

test('English: the month patterns the stages build their regexes from', () => {
  const { patterns } = languagePack();
  // The lenient forms are exactly the ones the extraction stages wrote out before the pack.
  assert.equal(patterns.monthPrefix, '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*');
  assert.equal(
    patterns.monthPrefixCapitalised,
    '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*',
  );
  const form = new RegExp(`^${patterns.monthForm}$`, 'i');
  for (const f of ['September', 'Sept', 'sep', 'May', 'jun', 'June']) assert.ok(form.test(f), f);
  for (const f of ['Sepember', 'Ma', 'Mayo']) assert.ok(!form.test(f), f);
  // Longest first: "September 5" is read as the whole name, not "Sep".
  assert.equal(new RegExp(patterns.monthForm, 'i').exec('September 5')?.[0], 'September');
  assert.equal(new RegExp(`^${patterns.monthName}$`).test('March'), true);
  assert.equal(new RegExp(`^${patterns.monthName}$`).test('Mar'), false);
});

test('a language without a pack is a clear error', () => {
  assert.throws(() => languagePack('de'), /no language pack for 'de' \(available: en\)/);
});
