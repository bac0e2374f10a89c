import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datelineLength } from './article-profile.ts';

const rest = (s: string) => s.slice(datelineLength(s));

test('datelines of wire copy are cut from a lead sentence', () => {
  assert.equal(
    rest('NEW YORK (AP) — President Barack Obama opened a mission'),
    'President Barack Obama opened a mission',
  );
  assert.equal(
    rest('CAIRO, June 1 (Xinhua) -- Saudi Arabia called on India'),
    'Saudi Arabia called on India',
  );
  assert.equal(rest('MOBILE, Ala. (AP) -- A white supremacist arrested'), 'A white supremacist arrested');
  assert.equal(rest('BERLIN -- Chancellor Angela Merkel said'), 'Chancellor Angela Merkel said');
  assert.equal(rest("YANGON, Myanmar (AP) _ Myanmar's military government"), "Myanmar's military government");
  assert.equal(rest('WASHINGTON _ Vice President Al Gore emerges'), 'Vice President Al Gore emerges');
});

test('sentences that start with a name or an acronym keep it', () => {
  assert.equal(datelineLength('NATO said on Monday that it would'), 0);
  assert.equal(datelineLength('US troops - moving north - crossed'), 0);
  assert.equal(datelineLength('The Indian Navy on Saturday prevented pirates'), 0);
});
