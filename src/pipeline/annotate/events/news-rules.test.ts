import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventRecord } from '../../../core/event.ts';
import { linkEntities } from '../../link/entities/link-entities.ts';
import { annotateEntities } from '../entities/annotate-entities.ts';
import { agentCode, agentMentions, politicalActor } from './agents.ts';
import { annotateEvents, NEWS_VERBS } from './annotate-events.ts';
import { matchVerbPatterns } from './verb-patterns.ts';

/** "CATEGORY/cameo | actor -> target | modality" of a sentence's events in news mode. */
function news(text: string): string[] {
  const entities = linkEntities(annotateEntities('t', text))
    .flatMap((e) => e.mentions)
    .sort((a, b) => a.start - b.start);
  const line = (e: EventRecord) =>
    `${e.category}/${e.cameo ?? '-'} | ${e.actor?.text ?? ''} -> ${e.target?.text ?? ''} | ${e.modality}`;
  return annotateEvents('t', text, { entities, times: [], ...NEWS_VERBS }).map(line);
}

describe('Phoenix agents (data/phoenix-agents.json)', () => {
  it('codes role and sector words with their plural', () => {
    assert.equal(agentCode('police'), 'COP');
    assert.equal(agentCode('rebels'), 'REB');
    assert.equal(agentCode('foreign ministers'), 'GOV');
    assert.equal(agentCode('sociology'), undefined);
  });

  it('makes actor phrases where no entity stands, not titles nor modifiers of a state', () => {
    const text = 'Police fought protesters while Russian troops and Foreign Minister Lavrov watched.';
    const ents = annotateEntities('t', text);
    assert.deepEqual(
      agentMentions('t', text, 0, text.length, ents).map((m) => `${m.text}:${m.role}`),
      ['Police:COP', 'protesters:OPP'],
    );
  });

  it('tells political actors from others', () => {
    const text = 'Sen. Bernie Sanders and Michelle Robinson spoke.';
    const [sanders, robinson] = annotateEntities('t', text).filter((m) => m.type === 'person');
    assert.ok(sanders && robinson);
    assert.equal(politicalActor(text, sanders), true);
    assert.equal(politicalActor(text, robinson), false);
  });
});

describe('CAMEO verb patterns in news mode (news-rules.ts)', () => {
  it('codes political acts with their actors and targets', () => {
    assert.deepEqual(news('Belgian authorities arrested three people on Saturday.'), [
      'COERCE/173 | Belgium -> people | occurred',
    ]);
    assert.deepEqual(news('The Peruvian government fined the gold mine $500,000 for a mercury spill.'), [
      'COERCE/172 | Peru ->  | occurred',
    ]);
    assert.deepEqual(news('Police fought pitched battles with protesters in Athens.'), [
      'ASSAULT/190 | Police -> protesters | occurred',
    ]);
    assert.deepEqual(news('The minister condemned the raid.'), ['ACCUSE/111 | minister ->  | occurred']);
    assert.deepEqual(news('Germany will contribute 650 soldiers to the operation in Mali.'), [
      'AID/072 | Germany ->  | expected',
    ]);
  });

  it('reads no act held back, and a negated holding back as the act', () => {
    // The verb pattern's act after a verb outside the dictionary: no event.
    assert.deepEqual(news('Russia might hesitate to encourage the rebels to take actions.'), []);
    // The ontology's trigger: the act is denied, unless the holding back is negated.
    assert.deepEqual(news('Russia failed to attack Ukraine.'), ['ASSAULT/- | Russia -> Ukraine | denied']);
    assert.deepEqual(news('Russia did not hesitate to attack Ukraine.'), [
      'ASSAULT/- | Russia -> Ukraine | occurred',
    ]);
    assert.deepEqual(news('Russia would not hesitate to attack Ukraine.'), [
      'ASSAULT/- | Russia -> Ukraine | expected',
    ]);
  });

  it('is the default (the pipeline passes no verbs); verbs: null keeps the ontology types alone', () => {
    const text = 'Police fought pitched battles with protesters in Athens.';
    const entities = annotateEntities('t', text);
    const categories = (verbs?: null) =>
      annotateEvents('t', text, { entities, times: [], ...(verbs === null ? { verbs } : {}) }).map(
        (e) => `${e.category}/${e.cameo ?? '-'}`,
      );
    assert.deepEqual(categories(), ['ASSAULT/190']);
    assert.deepEqual(categories(null), []);
  });

  it('reads a politician attacking a person as an accusation', () => {
    assert.deepEqual(news('Bernie Sanders often attacked Clinton during the primaries.'), [
      'ACCUSE/111 | Bernie Sanders -> Clinton | occurred',
    ]);
  });

  it('codes nothing for light verbs, weak categories, actors outside politics and passives without agent', () => {
    assert.deepEqual(news('Police are still at the scene and say more details will be released later.'), []);
    assert.deepEqual(news('Michelle Robinson studied sociology at Princeton University.'), []);
    assert.deepEqual(news('Politicians have been threatened and party agents have been shot.'), []);
  });

  it('reads nouns as nouns', () => {
    const found = (s: string) => matchVerbPatterns(s, undefined, false, true).map((m) => m.text);
    assert.deepEqual(found('They condemned the suicide attacks in Paris.'), ['condemned']);
    assert.deepEqual(found("Trump's campaign entered the conversation."), []);
    assert.deepEqual(found('Greece has blocked the financial aid to Turkey.'), ['blocked']);
  });
});
