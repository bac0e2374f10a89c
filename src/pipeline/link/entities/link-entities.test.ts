import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { EntityMention } from '../../../core/entity.ts';
import { stableId } from '../../../core/hash.ts';
import { annotateEntities } from '../../annotate/entities/annotate-entities.ts';
import { extractPlainText } from '../../extract/text/extract-text.ts';
import { linkEntities } from './link-entities.ts';
import { isAbbreviationOf, nameKey } from './name-key.ts';

const SEEDS = join(import.meta.dirname, '../../../../examples/korea-russia');
const seedMentions = (): EntityMention[] =>
  [
    '000_4ed6d99c9978a127',
    '001_dc7abb91df948636',
    '002_313fdb9f659b9b3c',
    '003_8f96c8e8a16b5ff7',
    '004_57623772aa3dea69',
  ].flatMap((f) =>
    annotateEntities(f.slice(0, 3), extractPlainText(readFileSync(join(SEEDS, `${f}.txt`), 'utf8'), {}).text),
  );

const mention = (
  articleId: string,
  text: string,
  type: EntityMention['type'],
  extra: Partial<EntityMention> = {},
): EntityMention => ({
  articleId,
  start: 0,
  end: text.length,
  text,
  type,
  via: 'capitalization',
  ...extra,
});

test('the seeds: each named person is one entity holding all their mentions', () => {
  const mentions = seedMentions();
  const entities = linkEntities(mentions);
  const people = new Map(entities.filter((e) => e.type === 'person').map((e) => [e.name, e]));
  for (const name of [
    'Vladimir Putin',
    'Kim Jong Un',
    'Antony Blinken',
    'Victor Cha',
    'Sergei Shoigu',
    'Park Jin',
    'Lloyd Austin',
    'Farah Dakhlallah',
    'Roberto Heimovits',
    'Joe Biden',
    'Donald Trump',
    'John Kirby',
  ]) {
    assert.ok(people.has(name), name);
  }
  assert.deepEqual(people.get('Kim Jong Un')!.aliases, ['Kim', 'Kim Jong-un']);
  assert.deepEqual(people.get('Lloyd Austin')!.aliases, ['Austin']);
  assert.deepEqual(people.get('Vladimir Putin')!.roles, ['President of Russia', 'dictator of Russia']);
  assert.deepEqual(people.get('John Kirby')!.roles, ['spokesman of National Security Council']);
  assert.equal(people.get('Lloyd Austin')!.id, stableId('entity', 'person', 'Lloyd Austin'));
  // No person-shaped leftovers: every "Kim", "Park", "Austin" joined its full name.
  assert.deepEqual(
    [...people.keys()].filter((n) => !n.includes(' ')),
    [],
  );
  // Nothing is a Texas city.
  assert.ok(!entities.some((e) => e.name === 'Austin'));
  // Every input mention is in exactly one entity, with that entity's id.
  const total = entities.reduce((n, e) => n + e.mentions.length, 0);
  assert.equal(total, mentions.length);
  assert.ok(entities.every((e) => e.mentions.every((m) => m.entityId === e.id)));
  assert.ok(
    mentions.every((m) => m.entityId === undefined),
    'input left unchanged',
  );
});

test('the seeds: DPRK, demonyms and acting capitals fold into North Korea', () => {
  const nk = linkEntities(seedMentions()).find((e) => e.name === 'North Korea')!;
  assert.equal(nk.type, 'country');
  for (const alias of [
    'DPRK',
    'North Korean',
    'North Koreans',
    'Pyongyang',
    'Democratic People’s Republic of Korea',
  ]) {
    assert.ok(nk.aliases.includes(alias), alias);
  }
});

test('spelling variants merge without a lexicon entry; unresolved surnames and abbreviations join across articles', () => {
  const entities = linkEntities([
    mention('a', 'Choe Ryong-hae', 'person'),
    mention('b', 'Choe Ryong Hae', 'person'),
    mention('c', 'Choe', 'person'),
    mention('a', 'Korea Institute for Defense Analyses', 'organization'),
    mention('b', 'KIDA', 'organization'),
    mention('c', 'National Security Council', 'organization', { canonical: 'National Security Council' }),
    mention('d', 'NSC', 'organization'),
  ]);
  assert.deepEqual(
    entities.map((e) => [e.name, e.type, e.mentions.length, e.aliases]),
    [
      ['Choe Ryong Hae', 'person', 3, ['Choe', 'Choe Ryong-hae']],
      ['Korea Institute for Defense Analyses', 'organization', 2, ['KIDA']],
      ['National Security Council', 'organization', 2, ['NSC']],
    ],
  );
});

test('an ambiguous surname stays apart; same name, different type stays two entities', () => {
  const entities = linkEntities([
    mention('a', 'Lee Jae-myung', 'person'),
    mention('b', 'Lee Jong-sup', 'person'),
    mention('c', 'Lee', 'person'),
    mention('d', 'Georgia', 'country'),
    mention('e', 'Georgia', 'place'),
  ]);
  assert.equal(entities.length, 5);
  assert.deepEqual(linkEntities([]), []);
});

test('name keys and abbreviations', () => {
  assert.equal(nameKey('Kim Jong-un'), nameKey('Kim Jong Un'));
  assert.equal(nameKey('Recep Tayyip Erdoğan'), 'recep tayyip erdogan');
  assert.ok(isAbbreviationOf('CSIS', 'Center for Strategic and International Studies'));
  assert.ok(isAbbreviationOf('U.N.', 'United Nations'));
  assert.ok(!isAbbreviationOf('NATO', 'National Security Council'));
  assert.ok(!isAbbreviationOf('N', 'Nato'));
});
