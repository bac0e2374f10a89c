import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCameoPlover, ploverOf } from '../../src/pipeline/annotate/events/cameo-plover.ts';
import { dictionaryMentions, parsePetrarchDictionary } from './petrarch-actors.ts';
import { parsePetrarchRecords } from './petrarch-records.ts';

describe('PETRARCH validation readers', () => {
  it('reads records, their codings and noevents', () => {
    const xml = `<Sentences><!-- c --><Sentence date="19950101" id="X-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
ties with Gondor.
</Text></Sentence>
<Sentence id="X-2"><EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence></Sentences>`;
    const r = parsePetrarchRecords(xml);
    assert.equal(r.length, 2);
    assert.equal(r[0]?.text, 'Arnor is about to restore ties with Gondor.');
    assert.deepEqual(r[0]?.codings, [{ source: 'ARN', target: 'GON', code: '064' }]);
    assert.deepEqual(r[1]?.codings, []);
  });

  it('maps CAMEO codes to PLOVER through the nearest listed parent', () => {
    const t = parseCameoPlover(
      '03: AGREE\n036: AGREE,  , diplomatic # meet\n171: COERCE, seize, human_security # x\n',
    );
    assert.equal(ploverOf(t, '1717')?.category, 'COERCE');
    assert.equal(ploverOf(t, '036')?.context, 'diplomatic');
    assert.equal(ploverOf(t, '023'), undefined);
  });

  it('finds actors by stem and joins an adjacent agent', () => {
    const actors = parsePetrarchDictionary(
      'ARGENTIN [ARG]\nGONDOR [GON]\n+MINAS_TIRITH\nENT\n\t[ENT]\n',
      false,
    );
    const agents = parsePetrarchDictionary('!MINST! = MINISTER, MINISTRY\nFOREIGN_!MINST! [~GOVFRM]\n', true);
    const text = "Argentine troops met Gondor's foreign minister in Minas Tirith; enter.";
    const m = dictionaryMentions('t', text, actors, agents).map((e) => `${e.text}=${e.entityId}`);
    assert.deepEqual(m, ['Argentine=ARG', 'Gondor=GONGOVFRM', 'Minas Tirith=GON']);
  });
});
