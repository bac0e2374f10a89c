import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCitationMentions, findCitations } from './find-citations.ts';
import { normaliseOutlet } from './outlets.ts';

const input = (text: string, outlet?: string) => {
  const bodyStart = text.indexOf('\n\n') + 2;
  return outlet ? { id: 'x', text, bodyStart, outlet } : { id: 'x', text, bodyStart };
};
const mentions = (text: string, outlet?: string) =>
  findCitationMentions(input(text, outlet)).map((m) => [m.outlet, m.form, m.text]);

test('outlet aliases normalise to one name', () => {
  assert.equal(normaliseOutlet('NBC'), 'NBC News');
  assert.equal(normaliseOutlet('NBC News'), 'NBC News');
  assert.equal(normaliseOutlet('AP'), 'Associated Press');
  assert.equal(normaliseOutlet('Politico Europe'), 'Politico Europe');
  assert.equal(normaliseOutlet('Reuters'), 'Reuters');
  assert.equal(normaliseOutlet('the Guardian'), 'The Guardian');
  assert.equal(normaliseOutlet('Acme Gazette'), undefined);
});

test('attribution, medium, citing and back-references are found and normalised', () => {
  const text =
    'Title\n\nOfficials are bracing for a test, NBC News reported Friday. Citing six officials, the broadcaster also said plans exist.\n\n"It is a matter of time," an official told NBC.\n\nThe ministry confirmed the move, according to Reuters.\n\nSEOUL (Yonhap) -- The ministry said so.';
  assert.deepEqual(mentions(text), [
    ['NBC News', 'attribution', 'NBC News reported'],
    ['NBC News', 'back-reference', 'the broadcaster also said'],
    ['NBC News', 'medium', 'told NBC'],
    ['Reuters', 'attribution', 'according to Reuters'],
    ['Yonhap', 'wire', '(Yonhap)'],
  ]);
});

test('headline attributions count; the outlet in a quote, bare mentions and the own outlet do not', () => {
  assert.deepEqual(mentions('Troops head north: NBC\n\nBody text here.'), [
    ['NBC News', 'headline', ': NBC'],
  ]);
  assert.deepEqual(mentions('Title\n\n"As CNN reported, the war is over," he said.'), []);
  assert.deepEqual(mentions('Title\n\n“Everyone saw what CNN said about us,” she told reporters.'), []);
  assert.deepEqual(mentions('Title\n\nCNN founder Ted Turner visited Atlanta. He watched AP footage.'), []);
  assert.deepEqual(mentions('Title\n\nThe minister said so, Yonhap reported.', 'Yonhap'), []);
  assert.deepEqual(mentions('Title\n\nThe report was criticised by Time magazine.'), []);
});

test('one citation link per outlet, with the first explicit citation as evidence', () => {
  const text =
    'Title: NBC\n\nThe broadcaster said nothing new. Officials told NBC News on Friday. NBC News said more.';
  const links = findCitations(input(text));
  assert.equal(links.length, 1);
  const link = links[0]!;
  assert.equal(link.outlet, 'NBC News');
  assert.equal(link.kind, 'citation');
  assert.equal(link.citation!.text, 'told NBC News');
  assert.equal(text.slice(link.citation!.start, link.citation!.end), 'told NBC News');
  // Four mentions (headline, back-reference, medium, attribution): 0.5 + 4 × 0.1.
  assert.equal(link.score, 0.9);
});
