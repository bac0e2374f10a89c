import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { evaluate, type TrainingDocument, trainTagger } from '../../../tagger/perceptron.ts';
import { type TaggedSpan, tagDocument } from '../../../tagger/sequence.ts';
import { decodeWeights, encodeWeights } from '../../../tagger/weights.ts';
import { annotateEntities } from '../annotate-entities.ts';
import { lexicon } from '../lexicon.ts';
import { NER_FORMAT, NER_LABELS, type NerType, nerSpec, tagEntities } from './ner-tagger.ts';

const rows = (text: string): string[][] =>
  annotateEntities('t', text).map((m) => [m.text, m.type, m.via, m.canonical ?? '']);

describe('the shipped tagger', () => {
  it('finds people, organisations and places that no list names, and links the surname', () => {
    assert.deepEqual(
      rows(
        'Maria Gonzalez, a spokeswoman for Telstra, said on Monday that the company would open an office ' +
          'in Adelaide. Gonzalez added that Qantas had been told.',
      ),
      [
        ['Maria Gonzalez', 'person', 'tagger', 'Maria Gonzalez'],
        ['Telstra', 'organization', 'tagger', ''],
        ['Adelaide', 'place', 'tagger', ''],
        ['Gonzalez', 'person', 'tagger', 'Maria Gonzalez'],
        ['Qantas', 'organization', 'tagger', ''],
      ],
    );
  });

  it('reads shouted headlines and datelines, where capitals say nothing, with the lexicon beside it', () => {
    const tag = (line: string): string[] => {
      const words = line.split(' ');
      return tagEntities([words], lexicon())[0]!.map(
        (s) => `${words.slice(s.start, s.end).join(' ')}/${s.type}`,
      );
    };
    assert.deepEqual(tag('SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .'), [
      'JAPAN/LOC',
      'CHINA/LOC',
    ]);
    assert.deepEqual(tag('TENNIS - AGASSI BEATS SAMPRAS IN NEW YORK FINAL .'), [
      'AGASSI/PER',
      'SAMPRAS/PER',
      'NEW YORK/LOC',
    ]);
    assert.deepEqual(tag('LONDON 1996-08-30'), ['LONDON/LOC']);
  });
});

describe('BILOU labels', () => {
  it('round-trips spans and reads an ill-formed sequence leniently', () => {
    const spans: TaggedSpan<NerType>[] = [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 7, type: 'ORG' },
    ];
    const labels = NER_LABELS.bilou(8, spans);
    assert.deepEqual(
      labels.map((l) => NER_LABELS.labels[l]),
      ['B-PER', 'L-PER', 'O', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG', 'O'],
    );
    assert.deepEqual(NER_LABELS.spansOf(labels), spans);
    // A stray I- opens an entity; a change of type closes one; a B- left open ends at the sentence.
    const stray = ['I-PER', 'L-PER', 'B-ORG', 'I-LOC', 'O', 'B-MISC'].map((l) => NER_LABELS.index(l));
    assert.deepEqual(NER_LABELS.spansOf(stray), [
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'ORG' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 5, end: 6, type: 'MISC' },
    ]);
  });
});

/** A tiny corpus: who said what where, in a few shapes. */
function tinyCorpus(): TrainingDocument<NerType>[] {
  const doc = (sentences: Array<[string, TaggedSpan<NerType>[]]>): TrainingDocument<NerType> => ({
    sentences: sentences.map(([text, gold]) => ({ words: text.split(' '), gold })),
  });
  return [
    doc([
      [
        'John Smith visited Paris .',
        [
          { start: 0, end: 2, type: 'PER' },
          { start: 3, end: 4, type: 'LOC' },
        ],
      ],
      [
        'Smith met Acme Corp officials .',
        [
          { start: 0, end: 1, type: 'PER' },
          { start: 2, end: 4, type: 'ORG' },
        ],
      ],
    ]),
    doc([
      [
        'Mary Jones left Berlin .',
        [
          { start: 0, end: 2, type: 'PER' },
          { start: 3, end: 4, type: 'LOC' },
        ],
      ],
      [
        'Jones joined Acme Corp .',
        [
          { start: 0, end: 1, type: 'PER' },
          { start: 2, end: 4, type: 'ORG' },
        ],
      ],
    ]),
  ];
}

describe('training', () => {
  it('is deterministic for a seed, learns its training data, and survives the compact encoding', () => {
    const corpus = tinyCorpus();
    const spec = nerSpec(undefined);
    const a = trainTagger(spec, corpus, corpus, { epochs: 10, seed: 7 });
    const b = trainTagger(spec, corpus, corpus, { epochs: 10, seed: 7 });
    assert.deepEqual(encodeWeights(a.weights, 0, NER_FORMAT), encodeWeights(b.weights, 0, NER_FORMAT));
    assert.equal(a.devF1, 1);
    assert.equal(evaluate(spec, a.weights, corpus).f1, 1);
    const model = decodeWeights(encodeWeights(a.weights, 0, NER_FORMAT), NER_FORMAT);
    assert.equal(model.size, a.weights.size);
    // The compact model tags its training documents as the float weights do.
    for (const d of corpus) {
      assert.deepEqual(
        tagDocument(
          spec,
          model.score,
          d.sentences.map((s) => s.words),
        ),
        d.sentences.map((s) => s.gold),
      );
    }
  });

  it('refuses a file of another format, or not gzipped, with a message that says what to do', () => {
    assert.throws(
      () => decodeWeights(gzipSync(Buffer.from('not a model at all, just text')), NER_FORMAT),
      /ner-model.bin is not a tagger model of this version: run `npm run train:ner`/,
    );
    assert.throws(() => decodeWeights(Buffer.from('plain'), NER_FORMAT), /not a gzipped tagger model/);
  });
});
