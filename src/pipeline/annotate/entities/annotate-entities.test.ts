import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { EntityMention } from '../../../core/entity.ts';
import { extractPlainText } from '../../extract/text/extract-text.ts';
import { annotateEntities } from './annotate-entities.ts';

const SEEDS = join(import.meta.dirname, '../../../../examples/korea-russia');
const seed = (prefix: string): string => {
  const files: Record<string, string> = {
    '000': '000_4ed6d99c9978a127.txt',
    '003': '003_8f96c8e8a16b5ff7.txt',
    '004': '004_57623772aa3dea69.txt',
  };
  // The clean text, as the pipeline hands it to the annotator.
  return extractPlainText(readFileSync(join(SEEDS, files[prefix]!), 'utf8'), {}).text;
};

/** The mentions as compact rows: text, type, via, canonical, role, roleOf (absent fields left out). */
const rows = (ms: EntityMention[]): string[][] =>
  ms.map((m) =>
    [m.text, m.type, m.via, m.canonical ?? '', m.role ?? '', m.roleOf ?? ''].filter(
      (x, i) => i < 3 || x !== '',
    ),
  );
const find = (ms: EntityMention[], text: string): EntityMention | undefined =>
  ms.find((m) => m.text === text);

test('role before a name: organisation, role and person ("National Security Council spokesman John Kirby")', () => {
  const ms = annotateEntities(
    'a',
    'National Security Council spokesman John Kirby said the troops had moved.',
  );
  assert.deepEqual(rows(ms), [
    ['National Security Council', 'organization', 'gazetteer', 'National Security Council'],
    ['John Kirby', 'person', 'gazetteer', 'John Kirby', 'spokesman', 'National Security Council'],
  ]);
});

test('role with a demonym owner ("Russian President Vladimir Putin") and a name outside the lexicon', () => {
  const ms = annotateEntities('a', 'Russian President Vladimir Putin met NATO spokeswoman Farah Dakhlallah.');
  assert.deepEqual(rows(ms), [
    ['Russian', 'country', 'demonym', 'Russia'],
    ['Vladimir Putin', 'person', 'gazetteer', 'Vladimir Putin', 'President', 'Russia'],
    ['NATO', 'organization', 'tagger', 'North Atlantic Treaty Organization'],
    [
      'Farah Dakhlallah',
      'person',
      'tagger',
      'Farah Dakhlallah',
      'spokeswoman',
      'North Atlantic Treaty Organization',
    ],
  ]);
});

test('metonymy: an acting capital is its country, a capital after "in" is the city', () => {
  const ms = annotateEntities(
    'a',
    'Pyongyang has sent shells to Russia. Putin is preparing a visit to Pyongyang. He arrived in Pyongyang.',
  );
  const pyongyang = ms.filter((m) => m.text === 'Pyongyang').map((m) => [m.type, m.via, m.canonical]);
  assert.deepEqual(pyongyang, [
    ['country', 'metonymy', 'North Korea'],
    ['place', 'tagger', 'Pyongyang'],
    ['place', 'tagger', 'Pyongyang'],
  ]);
  const coordinated = annotateEntities(
    'a',
    'Washington and Seoul have charged that Moscow’s help is growing.',
  );
  assert.deepEqual(
    coordinated.map((m) => m.canonical),
    ['United States', 'South Korea', 'Russia'],
  );
});

test('seed 004: "Austin" is Lloyd Austin (the person, not the Texas city); "Kirby’s" is John Kirby', () => {
  const ms = annotateEntities('004', seed('004'));
  const austins = ms.filter((m) => m.text === 'Austin' || m.text === 'Lloyd Austin');
  assert.deepEqual(
    austins.map((m) => [m.text, m.type, m.canonical]),
    [
      ['Lloyd Austin', 'person', 'Lloyd Austin'],
      ['Austin', 'person', 'Lloyd Austin'],
    ],
  );
  assert.equal(find(ms, 'Lloyd Austin')?.role, 'Defense Secretary');
  assert.deepEqual(rows(ms.filter((m) => m.text === 'Kirby')), [['Kirby', 'person', 'tagger', 'John Kirby']]);
  // "North Korean troops" → North Korea by demonym; "DPRK" → North Korea.
  assert.equal(find(ms, 'North Korean')?.canonical, 'North Korea');
  assert.equal(find(ms, 'North Korean')?.via, 'demonym');
  assert.equal(find(ms, 'DPRK')?.canonical, 'North Korea');
});

test('seed 003: "Foreign Minister Park" is Park Jin; Hamas, Washington Declaration, NGC defined in the text', () => {
  const ms = annotateEntities('003', seed('003'));
  const park = ms.find((m) => m.role === 'Foreign Minister');
  assert.deepEqual([park?.text, park?.type, park?.canonical], ['Park', 'person', 'Park Jin']);
  assert.ok(
    ms.filter((m) => m.text === 'Park').every((m) => m.type === 'person' && m.canonical === 'Park Jin'),
  );
  assert.ok(ms.filter((m) => m.text === 'Hamas').every((m) => m.type === 'organization'));
  assert.equal(find(ms, 'Washington Declaration')?.type, 'other');
  assert.deepEqual(
    ms.filter((m) => m.text === 'NGC').map((m) => [m.type, m.via, m.canonical]),
    [
      ['other', 'alias', 'Nuclear Consultation Group'],
      ['other', 'alias', 'Nuclear Consultation Group'],
    ],
  );
  assert.deepEqual(
    ms.filter((m) => m.text.startsWith('Kim')).map((m) => m.canonical),
    Array(ms.filter((m) => m.text.startsWith('Kim')).length).fill('Kim Jong Un'),
  );
});

test('seed 000: facilities, CSIS, and sentence-initial common words left alone', () => {
  const ms = annotateEntities('000', seed('000'));
  assert.deepEqual(rows(ms.filter((m) => m.type === 'facility')), [
    ['Punggye-ri nuclear facility', 'facility', 'gazetteer', 'Punggye-ri'],
  ]);
  assert.equal(find(ms, 'Center for Strategic and International Studies')?.type, 'organization');
  for (const word of ['Experts', 'Still', 'The', 'Two']) assert.equal(find(ms, word), undefined, word);
  const vostochny = annotateEntities('001', 'Putin and Kim met at the Vostochny cosmodrome on Wednesday.');
  assert.deepEqual(rows(vostochny.filter((m) => m.type === 'facility')), [
    ['Vostochny cosmodrome', 'facility', 'tagger', 'Vostochny Cosmodrome'],
  ]);
});

test('abbreviations from the lexicon: CSIS, NSC and DPRK resolve to their full names', () => {
  const ms = annotateEntities('a', 'Analysts at CSIS and the NSC doubt that the DPRK will stop.');
  assert.deepEqual(
    ms.map((m) => [m.text, m.canonical]),
    [
      ['CSIS', 'Center for Strategic and International Studies'],
      ['NSC', 'National Security Council'],
      ['DPRK', 'North Korea'],
    ],
  );
});

test('a different story (Sahel, Middle East): roles, capitals as actors, armed groups', () => {
  const text =
    "BAMAKO, Mali — Mali's junta leader Assimi Goita met Russian Deputy Defense Minister Yunus-Bek Yevkurov in " +
    'Bamako on Tuesday, weeks after fighters of the al-Qaeda-linked JNIM attacked a military base near Timbuktu. ' +
    'Niamey and Ouagadougou have also turned to Moscow since French troops left the Sahel.\n\n' +
    "Experts say Israeli Prime Minister Benjamin Netanyahu spoke with Egypt's President Abdel Fattah el-Sisi after " +
    'Hezbollah fired rockets at Haifa. Still, Tehran has denied any role, Iranian Foreign Minister Abbas Araghchi said in Tehran.';
  assert.deepEqual(rows(annotateEntities('sahel', text)), [
    ['BAMAKO', 'place', 'tagger', 'Bamako'],
    ['Mali', 'country', 'tagger', 'Mali'],
    ['Mali', 'country', 'tagger', 'Mali'],
    ['Assimi Goita', 'person', 'gazetteer', 'Assimi Goita', 'junta leader', 'Mali'],
    ['Russian', 'country', 'demonym', 'Russia'],
    ['Yunus-Bek Yevkurov', 'person', 'tagger', 'Yunus-Bek Yevkurov', 'Deputy Defense Minister', 'Russia'],
    ['Bamako', 'place', 'tagger', 'Bamako'],
    ['JNIM', 'organization', 'tagger', "Jama'at Nusrat al-Islam wal-Muslimin"],
    ['Timbuktu', 'place', 'tagger', 'Timbuktu'],
    ['Niamey', 'country', 'metonymy', 'Niger'],
    ['Ouagadougou', 'country', 'metonymy', 'Burkina Faso'],
    ['Moscow', 'country', 'metonymy', 'Russia'],
    ['French', 'country', 'demonym', 'France'],
    ['Sahel', 'place', 'tagger', 'Sahel'],
    ['Israeli', 'country', 'demonym', 'Israel'],
    ['Benjamin Netanyahu', 'person', 'gazetteer', 'Benjamin Netanyahu', 'Prime Minister', 'Israel'],
    ['Egypt', 'country', 'tagger', 'Egypt'],
    ['Abdel Fattah el-Sisi', 'person', 'gazetteer', 'Abdel Fattah el-Sisi', 'President', 'Egypt'],
    ['Hezbollah', 'organization', 'tagger', 'Hezbollah'],
    ['Haifa', 'place', 'tagger', 'Haifa'],
    ['Tehran', 'country', 'metonymy', 'Iran'],
    ['Iranian', 'country', 'demonym', 'Iran'],
    ['Abbas Araghchi', 'person', 'gazetteer', 'Abbas Araghchi', 'Foreign Minister', 'Iran'],
    ['Tehran', 'place', 'tagger', 'Tehran'],
  ]);
});

test('spans slice to their text; empty and entity-free texts give no mentions', () => {
  const text = seed('004');
  for (const m of annotateEntities('004', text)) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(m.articleId, '004');
  }
  assert.deepEqual(annotateEntities('e', ''), []);
  assert.deepEqual(annotateEntities('e', 'nothing here is named, and it rains.'), []);
});
