import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConll } from './ner-conll.ts';
import { conllLabel, emptyScores, formatScores, prf, scoreDocument } from './ner-score.ts';

const SAMPLE = `-DOCSTART- -X- -X- O

West NNP B-NP B-MISC
Indian NNP I-NP I-MISC
all-rounder NN I-NP O
Phil NNP I-NP B-PER
Simmons NNP I-NP I-PER
. . O O

LONDON NNP B-NP I-LOC
1996-08-30 CD I-NP O
`;

test('parseConll rebuilds the text and reads IOB1 spans (I- after O starts an entity)', () => {
  const [doc] = parseConll(SAMPLE);
  assert.equal(doc!.text, 'West Indian all-rounder Phil Simmons .\n\nLONDON 1996-08-30');
  assert.deepEqual(
    doc!.gold.map((s) => [doc!.text.slice(s.start, s.end), s.label]),
    [
      ['West Indian', 'MISC'],
      ['Phil Simmons', 'PER'],
      ['LONDON', 'LOC'],
    ],
  );
});

test('parseConll splits two adjacent entities of one type at B- (IOB1)', () => {
  const [doc] = parseConll('Germany NNP I-LOC\nFrance NNP B-LOC\nand CC O\n');
  assert.deepEqual(
    doc!.gold.map((s) => doc!.text.slice(s.start, s.end)),
    ['Germany', 'France'],
  );
});

test('scoreDocument counts exact span and label matches only', () => {
  const s = emptyScores();
  scoreDocument(
    [
      { start: 0, end: 4, label: 'PER' },
      { start: 10, end: 15, label: 'LOC' },
    ],
    [
      { start: 0, end: 4, label: 'PER' },
      { start: 10, end: 14, label: 'LOC' },
    ],
    s,
  );
  assert.deepEqual(s.overall, { tp: 1, fp: 1, fn: 1 });
  assert.deepEqual(prf(s.overall), { precision: 0.5, recall: 0.5, f1: 0.5 });
  assert.match(formatScores(s), /overall\s+50\.0\s+50\.0\s+50\.0/);
});

test('conllLabel maps our types and sends demonyms to MISC', () => {
  assert.equal(conllLabel({ type: 'person', via: 'gazetteer' }), 'PER');
  assert.equal(conllLabel({ type: 'facility', via: 'gazetteer' }), 'LOC');
  assert.equal(conllLabel({ type: 'country', via: 'metonymy' }), 'LOC');
  assert.equal(conllLabel({ type: 'country', via: 'demonym' }), 'MISC');
  assert.equal(conllLabel({ type: 'other', via: 'gazetteer' }), 'MISC');
});
