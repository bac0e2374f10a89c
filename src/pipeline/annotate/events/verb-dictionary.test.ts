import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCameoPlover, ploverOf } from './cameo-plover.ts';
import { parseVerbDictionary } from './verb-dictionary.ts';

const DICT = `
&MILITARY
+TROOP
+ARMED_FORCES

####### VERB PATTERNS #######

---  AGREE   [050]  ---
AGREE
BROKER [045]
- * (TO &CEASEFIRE)                                   [0356]        # AGREE
- * (WITH IT)                                         [---]         # DEAL
- $ TROOP * (TOWARD RETREAT)                          [0874]        # MOVE
- * (BEFORE COURT)                                    [:173]        # APPEAR
- % *                                                 [030]
- * EID AT ^ WITH +                                   [043]

---  BRING   [---]  ---
+SIDE_WITH {}
BRING {BRINGS BRINGING BROUGHT }
`;

describe('parseVerbDictionary', () => {
  it('reads synsets, verbs with their codes and forms, and patterns', () => {
    const d = parseVerbDictionary(DICT);
    assert.deepEqual(d.synsets, { MILITARY: ['troop', 'armed forces'] });
    assert.deepEqual(
      d.verbs.map((v) => [v.verb, v.code, v.block, v.forms ?? []]),
      [
        ['agree', '050', 0, []],
        ['broker', '045', 0, []],
        ['side with', '', 1, []],
        ['bring', '', 1, ['brings', 'bringing', 'brought']],
      ],
    );
    assert.deepEqual(d.blocks[0], [
      [[], ['to', '&CEASEFIRE'], '0356'],
      [[], ['with', 'it'], ''],
      [['troop'], ['toward', 'retreat'], '0874'],
      [[], ['before', 'court'], '173'],
      [['%'], [], '030'],
      [[], ['eid', 'at', 'with'], '043'],
    ]);
  });

  it('maps a code to PLOVER through the table', () => {
    const t = parseCameoPlover('03: AGREE\n0356: AGREE,  ,   military # de-escalate\n');
    assert.deepEqual(ploverOf(t, '0356'), { category: 'AGREE', context: 'military' });
  });
});
