import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNumbers } from './extract-numbers.ts';

const brief = (text: string) =>
  extractNumbers('a', text).map((n) => {
    assert.equal(text.slice(n.start, n.end), n.text);
    return [n.text, n.value, n.qualifier ?? null, n.unit, n.counted ?? null];
  });

test('cardinals with qualifiers, scales and counted phrases (seed sentences)', () => {
  assert.deepEqual(
    brief(
      'South Korean lawmakers have said that 3,000 North Korean troops have left to Russia so far, and another 7,000 are expected to go, according to NBC News.',
    ),
    [
      ['3,000 North Korean troops', 3000, null, 'troops', 'North Korean troops'],
      ['another 7,000', 7000, 'another', 'troops', 'North Korean troops'],
    ],
  );
  assert.deepEqual(brief('North Korea moved at least 3,000 soldiers into eastern Russia'), [
    ['at least 3,000 soldiers', 3000, 'at least', 'soldiers', 'soldiers'],
  ]);
  assert.deepEqual(brief('Pyongyang has sent a million or more rounds of artillery and other equipment'), [
    ['a million or more rounds of artillery', 1_000_000, 'or more', 'rounds', 'rounds of artillery'],
  ]);
  assert.deepEqual(brief('In 2022 alone, for example, it spent around $650 million on weapons tests.'), [
    ['around $650 million', 650_000_000, 'around', 'USD', null],
  ]);
  assert.deepEqual(brief('Despite the fact that 40% of its population lives below the poverty line'), [
    ['40% of its population', 40, null, 'percent', 'of its population'],
  ]);
  assert.deepEqual(brief('conflicts that occur more than 10 thousand kilometers from their country'), [
    ['more than 10 thousand kilometers', 10_000, 'more than', 'kilometers', 'kilometers'],
  ]);
  assert.deepEqual(brief('outside the city of Tsiolkovsky, about 200 kilometers from the city'), [
    ['about 200 kilometers', 200, 'about', 'kilometers', 'kilometers'],
  ]);
  assert.deepEqual(brief('in the region, six senior US officials told NBC News.'), [
    ['six senior US officials', 6, null, 'officials', 'senior US officials'],
  ]);
});

test('a comma, a space and three digits is a thousands group only outside lists', () => {
  assert.deepEqual(brief('supplied the terrorist country Russia with about 6, 700 containers of weapons'), [
    ['about 6, 700 containers of weapons', 6700, 'about', 'containers', 'containers of weapons'],
  ]);
  assert.deepEqual(brief('rooms 1, 200, 300 were hit'), [
    ['1', 1, null, '', null],
    ['200', 200, null, '', null],
    ['300', 300, null, '', null],
  ]);
});

test('years, dates, clock times, ordinals, labels and pronoun "one" are not counts', () => {
  assert.deepEqual(
    brief(
      'On Sept. 13, 2023 at 10:19, after the 70th anniversary, activity at Tunnel No. 3 rose; one of the sites, since 2010, in the late 70s.',
    ),
    [],
  );
  assert.deepEqual(brief('2000 soldiers arrived in 2000.'), [
    ['2000 soldiers', 2000, null, 'soldiers', 'soldiers'],
  ]);
  assert.deepEqual(brief('twenty-five soldiers and one senior official told reporters'), [
    ['twenty-five soldiers', 25, null, 'soldiers', 'soldiers'],
    ['one senior official', 1, null, 'official', 'senior official'],
  ]);
});
