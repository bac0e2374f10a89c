import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from '../../../core/entity.ts';
import { annotateEvents } from './annotate-events.ts';
import { parseVerbDictionary } from './verb-dictionary.ts';
import { CAMEO_VERBS, inflections, matchVerbPatterns, type VerbDictionary } from './verb-patterns.ts';

const found = (s: string) => matchVerbPatterns(s).map((m) => `${m.text}:${m.category}`);

/** Country mentions of the names in `names`, as the entity stage would give them. */
function ents(text: string, names: string[]): EntityMention[] {
  return names.map((n) => {
    const start = text.indexOf(n);
    return {
      articleId: 't',
      start,
      end: start + n.length,
      text: n,
      type: 'country',
      entityId: n,
      via: 'test',
    };
  });
}

describe('CAMEO verb patterns', () => {
  it('makes the regular inflections', () => {
    assert.deepEqual(inflections('agree'), ['agree', 'agrees', 'agreed', 'agreing']);
    assert.deepEqual(inflections('deny'), ['deny', 'denies', 'denied', 'denying']);
    assert.ok(inflections('ship').includes('shipped'));
  });

  it('types a verb by its most specific pattern, in any inflection', () => {
    assert.deepEqual(found('Police arrested 30 protesters.'), ['arrested:COERCE']);
    assert.deepEqual(found('The government condemns the raid.'), ['condemns:ACCUSE']);
    assert.deepEqual(found('Gondor agreed to the ceasefire.'), ['agreed:AGREE']);
  });

  it('reads % as a compound actor and ^ as a gap', () => {
    const dict: VerbDictionary = {
      ...parseVerbDictionary(
        '--- AGREE [081] ---\nAGREE\n- % * [030]\n--- CELEBRATE [181] ---\nCELEBRATE\n- * EID AT ^ WITH + [043]\n',
      ),
      plover: {
        '030': ['AGREE', '', ''],
        '081': ['CONCEDE', '', ''],
        '043': ['CONSULT', 'visit', ''],
        '181': ['ASSAULT', '', ''],
      },
    };
    const codes = (s: string) => matchVerbPatterns(s, dict).map((m) => `${m.text}:${m.code}`);
    assert.deepEqual(codes('Gondor agrees.'), ['agrees:081']);
    assert.deepEqual(codes('Gondor and Arnor agree.'), ['agree:030']);
    assert.deepEqual(codes('Arnor celebrated Eid at Osgiliath with Gondor.'), ['celebrated:043']);
  });

  it('leaves nouns and prepositions alone', () => {
    assert.ok(!found('Tehran will be able to provide more shells.').some((f) => f.startsWith('shells')));
    assert.deepEqual(found('The United States has contingency plans, according to officials.'), []);
  });

  it('gives PLOVER events with actors only when asked, negation kept as modality', () => {
    const text = 'Arnor did not agree to the ceasefire with Gondor.';
    const opts = { entities: ents(text, ['Arnor', 'Gondor']), times: [] };
    assert.deepEqual(annotateEvents('t', text, opts), []);
    const [e] = annotateEvents('t', text, { ...opts, verbs: CAMEO_VERBS });
    assert.equal(e?.category, 'AGREE');
    assert.equal(e?.actor?.text, 'Arnor');
    assert.equal(e?.modality, 'denied');
  });
});
