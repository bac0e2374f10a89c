import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { segment, tokenize } from '../../../segment/segment.ts';
import { tagDocument, type WordPart, WordScores } from '../../../tagger/sequence.ts';
import { lexicon } from '../lexicon.ts';
import {
  CONTEXT_PART,
  type DocumentContext,
  type PreparedSentence,
  tokenFeatures,
  WORD_PART,
} from './features.ts';
import { nerSpec, nerWeights, prepareSentence, tagEntities } from './ner-tagger.ts';

const examples = new URL('../../../../../examples/korea-russia/', import.meta.url);

/** The example corpus's articles, each as sentences of words. */
function exampleDocuments(): string[][][] {
  return readdirSync(examples)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(new URL(f, examples), 'utf8');
      return segment(text).sentences.map((s) => tokenize(text, s).map((t) => t.text));
    });
}

describe("the entity tagger's inference fast path", () => {
  it('scores word features once per word and gets exactly the labels of scoring every feature', () => {
    const words: WordPart<PreparedSentence, DocumentContext> = {
      key: (s, i) => s.words[i]!,
      wordFeatures: (s, i, out) =>
        tokenFeatures(s, i, { lowerSeen: new Set(), history: new Map() }, out, WORD_PART),
      contextFeatures: (s, i, ctx, out) => tokenFeatures(s, i, ctx, out, CONTEXT_PART),
      cache: new WordScores(),
    };
    const spec = nerSpec(lexicon());
    const docs = exampleDocuments();
    let spans = 0;
    for (const doc of docs) {
      const plain = tagDocument(spec, nerWeights().score, doc);
      assert.deepEqual(tagDocument(spec, nerWeights().score, doc, words), plain);
      spans += plain.flat().length;
    }
    assert.ok(spans > 100, `the examples hold ${spans} tagged spans`);
  });

  it('settles uncased prose tokens after an O or a closed span without changing a label on the example corpus', () => {
    for (const doc of exampleDocuments()) {
      assert.deepEqual(tagEntities(doc, lexicon()), tagEntities(doc, lexicon(), false));
    }
  });

  it('never settles a capitalised word, a name particle, "&", a headline word or a shouted sentence', () => {
    const settled = (line: string): string =>
      [...prepareSentence(line.split(' '), lexicon()).settled].map((x) => x.toString()).join('');
    // Mayor Bill de Blasio said on Monday , the AT & T deal is off .
    assert.equal(
      settled('Mayor Bill de Blasio said on Monday , the AT & T deal is off .'),
      '0000110110001111',
    );
    // A headline: its punctuation and numbers only.
    assert.equal(settled('Trump Wins Big In Iowa , Takes 52 Delegates'), '000001010');
    assert.equal(settled('TRUMP WINS BIG IN IOWA , TAKES 52 DELEGATES'), '000000000');
  });

  it('keeps a bounded cache of word scores', () => {
    const cache = new WordScores(2);
    const part: WordPart<string[], undefined> = {
      key: (s, i) => s[i]!,
      wordFeatures: (s, i, out) => out.push(s[i]!.length),
      contextFeatures: () => {},
      cache,
    };
    const score = (features: number[], scores: Float64Array) => {
      for (const f of features) scores[0]! += f;
    };
    const s = ['ab', 'abc', 'abcd'];
    const first = cache.get(part, s, 0, score, 1);
    assert.equal(first[0], 2);
    assert.equal(cache.get(part, s, 0, score, 1), first, 'a word met again is not scored again');
    cache.get(part, s, 1, score, 1);
    assert.equal(cache.get(part, s, 2, score, 1)[0], 4);
    assert.notEqual(cache.get(part, s, 0, score, 1), first, 'the full cache was emptied');
  });
});
