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

  it('reads noun phrases, adjectives and modals as no verb; multi-word forms as stated', () => {
    const dict: VerbDictionary = {
      ...parseVerbDictionary(
        '--- VISIT [042] ---\nVISIT\nBREAK [075]\nCLOSE [192]\nSHOULD [101]\n+WIRE_TAP {+WIRE_TAPPED}\n- SAID * TAKE [102]\n',
      ),
      plover: {
        '042': ['CONSULT', 'visit', ''],
        '075': ['AID', '', ''],
        '192': ['COERCE', '', ''],
        '101': ['REQUEST', '', ''],
        '102': ['REQUEST', '', ''],
      },
    };
    const texts = (s: string) => matchVerbPatterns(s, dict).map((m) => m.text);
    assert.deepEqual(texts('He was there during a brief private visit after a 12-year break.'), []);
    assert.deepEqual(texts('He marched very close to the border; disputes should be resolved.'), []);
    assert.deepEqual(texts('The new mayor will visit; the guards wire tapped the lines.'), [
      'visit',
      'wire tapped',
    ]);
    assert.deepEqual(texts('They joined an anti- Gondor visit.'), []);
  });

  it('reads an infinitive as the content of the verb or noun before it', () => {
    const dict: VerbDictionary = {
      ...parseVerbDictionary('--- URGE [102] ---\nURGE\nHELP [070]\nVISIT [042]\nRESTORE [064]\n'),
      plover: {
        '102': ['REQUEST', '', ''],
        '070': ['AID', '', ''],
        '042': ['CONSULT', 'visit', ''],
        '064': ['COOPERATE', '', ''],
      },
    };
    const texts = (s: string) => matchVerbPatterns(s, dict).map((m) => m.text);
    assert.deepEqual(texts('Gondor urged Rohan on Monday to help.'), ['urged']);
    assert.deepEqual(texts('Gondor urged Rohan, and Arnor is about to help.'), ['urged', 'help']);
    assert.deepEqual(texts('Mordor is a pleasant place to visit.'), []);
    assert.deepEqual(texts('The Shire is about to restore ties.'), ['restore']);
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

  it('codes the verbs of a sentence: event nouns are their objects, coordinated verbs share a subject', () => {
    const dict: VerbDictionary = {
      ...parseVerbDictionary('--- CONDEMN [122] ---\nCONDEMN\nPROMISE [050]\nLEAVE [040]\nREPORT [010]\n'),
      plover: { '122': ['REJECT', '', ''], '050': ['SUPPORT', '', ''], '040': ['CONSULT', '', ''] },
    };
    const coded = (text: string, names: string[]) =>
      annotateEvents('t', text, { entities: ents(text, names), times: [], verbs: dict }).map(
        (e) => `${e.category} ${e.actor?.text} ${e.mentions[0]?.trigger?.text}`,
      );
    assert.deepEqual(
      coded('Gondor condemned an attack by Osgiliath in Ithilen and promised aid to Rohan.', [
        'Gondor',
        'Osgiliath',
        'Ithilen',
        'Rohan',
      ]),
      ['REJECT Gondor condemned', 'SUPPORT Gondor promised'],
    );
    assert.deepEqual(coded('Rohan is leaving Arnor.', ['Rohan', 'Arnor']), ['CONSULT Rohan leaving']);
    // A verb coded without a PLOVER event (CAMEO 01) still holds the sentence's event nouns.
    assert.deepEqual(coded('Rohan reported an attack by Osgiliath.', ['Rohan', 'Osgiliath']), []);
    assert.deepEqual(coded('Rohan reported that Mordor is a fine place to visit.', ['Rohan', 'Mordor']), []);
  });

  it('codes a pattern that states the negation as the negated act, not as denied', () => {
    const dict: VerbDictionary = {
      ...parseVerbDictionary('--- TAP [1711] ---\nTAP\n- WILL NOT * [081]\n'),
      plover: { '1711': ['COERCE', '', ''], '081': ['CONCEDE', '', ''] },
    };
    const coded = (text: string) =>
      annotateEvents('t', text, { entities: ents(text, ['Gondor', 'Mordor']), times: [], verbs: dict }).map(
        (e) => `${e.category} ${e.modality}`,
      );
    assert.deepEqual(coded('Gondor will not tap Mordor.'), ['CONCEDE occurred']);
    assert.deepEqual(coded('Gondor did not tap Mordor.'), ['COERCE denied']);
  });
});
