import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedEvents } from '../../../../test/fixtures/time/seed-events.ts';
import { seed } from '../../../../test/fixtures/time/seeds.ts';
import type { EntityMention } from '../../../core/entity.ts';
import type { EventRecord } from '../../../core/event.ts';
import { linkEntities } from '../../link/entities/link-entities.ts';
import { annotateEntities } from '../entities/annotate-entities.ts';
import { annotateTime } from '../time/annotate-time.ts';
import { annotateEvents } from './annotate-events.ts';

/** "type | actor -> target | place | time value mod | modality" for compact exact assertions. */
function line(e: EventRecord): string {
  const time = e.timeValue ? `${e.timeValue}${e.time?.mod ? ` ${e.time.mod}` : ''}` : '';
  return `${e.type} | ${e.actor?.text ?? ''} -> ${e.target?.text ?? ''} | ${e.place?.text ?? ''} | ${time} | ${e.modality}`;
}

/** Events of one sentence with real, linked entity mentions, read on 10 June 2024. */
function lines(text: string): string[] {
  const entities = linkEntities(annotateEntities('t', text))
    .flatMap((e) => e.mentions)
    .sort((a, b) => a.start - b.start);
  const times = annotateTime(text, { documentDate: '2024-06-10' });
  return annotateEvents('t', text, { entities, times, documentDate: '2024-06-10' }).map(line);
}

describe('annotateEvents: participants, places, modality and time (rules 1–6, 8)', () => {
  it('1. an entity in an attribution or a medium is never a participant', () => {
    assert.deepEqual(lines('Iran shipped missiles to Russia last month, officials told CBS News.'), [
      'supply-weapons | Iran -> Russia |  | 2024-05 | reported',
    ]);
    assert.deepEqual(
      lines('North Korea moved 2,000 troops into western Russia in May, according to Reuters.'),
      ['deploy-forces | North Korea -> Russia |  | 2024-05 | reported'],
    );
  });

  it('2. a quoted speaker is not the actor of what they describe', () => {
    assert.deepEqual(lines('“Tehran will be able to provide more shells,” explains Heimovits.'), [
      'supply-weapons | Iran ->  |  |  | expected',
    ]);
    assert.deepEqual(lines('Victor Cha said Iran shipped missiles to Russia in March.'), [
      'supply-weapons | Iran -> Russia |  | 2024-03 | reported',
    ]);
    assert.deepEqual(lines('It could be that they sent it through Iran, that is possible”, he warns.'), []);
  });

  it('3. a demonym adjective is a target or the agent of troops, never the actor of another noun', () => {
    assert.deepEqual(lines('The sinking of a South Korean corvette in 2010 killed 46 sailors.'), [
      'attack |  -> South Korea |  | 2010 | occurred',
    ]);
    assert.deepEqual(lines('Russian troops were deployed to Belarus in February.'), [
      'deploy-forces | Russia -> Belarus |  | 2024-02 | occurred',
    ]);
  });

  it('4. both participants of "a meeting held by X and Y"; no meeting without its participants', () => {
    assert.deepEqual(
      lines(
        'Added to this was a meeting held by Xi Jinping and his Russian counterpart, Vladimir Putin, in March in the city of Moscow.',
      ),
      ['meet | Xi Jinping -> Vladimir Putin | Moscow | 2024-03 | occurred'],
    );
    assert.deepEqual(
      lines(
        'After the meeting on Friday, Foreign Minister Lavrov warned that Moscow is watching NATO closely.',
      ),
      ['warn | Lavrov ->  |  | 2024-06-07 | occurred'],
    );
  });

  it('5. a place after in/at; a destination after to/into is the target', () => {
    assert.deepEqual(lines('Putin and Xi Jinping met in Beijing in May.'), [
      'meet | Putin -> Xi Jinping | Beijing | 2024-05 | occurred',
    ]);
  });

  it('6. a contingency is expected, and the past year it mentions is not its time', () => {
    assert.deepEqual(
      lines(
        'The Pentagon has contingency plans to respond in the event of China attacking Taiwan, a crisis unseen since 1996.',
      ),
      ['attack | China -> Taiwan |  |  | expected'],
    );
  });

  it('8. one event per act: a visit includes its meeting, a test its preparations', () => {
    assert.deepEqual(lines('Putin will visit Vietnam to meet with To Lam next week.'), [
      'visit | Putin -> Vietnam |  | 2024-W25 | expected',
    ]);
    assert.deepEqual(lines('North Korea is making preparations for a missile test, Seoul said.'), [
      'test-weapon | North Korea ->  |  |  | expected',
    ]);
  });
});

describe('annotateEvents on the seeds (real linked entities, photo captions included)', () => {
  const all = seedEvents();
  const of = (id: string) => all.filter((e) => e.mentions[0]?.articleId === id);
  const s003 = of('003');
  const s004 = of('004');

  it('Shoigu visits North Korea in July 2023 (seed 003)', () => {
    assert.ok(s003.map(line).includes('visit | Sergei Shoigu -> North Korea |  | 2023-07 | occurred'));
  });

  it('the Putin–Kim summit: Vostochny cosmodrome in the caption of 001, Vladivostok in 003', () => {
    assert.ok(
      of('001')
        .map(line)
        .includes('meet | Vladimir Putin -> Kim Jong Un | Vostochny cosmodrome | 2023-09-13 | occurred'),
    );
    assert.ok(s003.map(line).includes('meet | Kim -> Vladimir Putin | Vladivostok | 2023-09 | occurred'));
  });

  it('North Korea supplies munitions to Russia: stated (000) and charged (003) with the number', () => {
    assert.ok(of('000').map(line).includes('supply-weapons | North Korea -> Russia |  |  | occurred'));
    const charged = s003.find((e) => e.type === 'supply-weapons' && e.modality === 'alleged');
    assert.equal(charged && line(charged), 'supply-weapons | North Korea -> Russia |  | 2023-09 | alleged');
    assert.deepEqual(charged?.quantity, {
      value: 1_000_000,
      unit: 'rounds',
      text: 'a million or more rounds',
      mod: 'at least',
    });
    assert.equal(charged?.mentions[0]?.cue, 'charged');
    const charge = s003.find((e) => e.type === 'accuse');
    assert.equal(
      charge && line(charge),
      'accuse | United States and South Korea -> North Korea |  |  | occurred',
    );
  });

  it('Russia transfers submarine/missile technology to North Korea: alleged ("believe")', () => {
    const t = of('002').find((e) => e.type === 'transfer-technology');
    assert.equal(t && line(t), 'transfer-technology | Russia -> North Korea |  |  | alleged');
    assert.equal(t?.mentions[0]?.cue, 'believe');
  });

  it('the mutual-assistance agreement signed in June 2024 (seed 004)', () => {
    assert.ok(
      s004.map(line).includes('sign-agreement | Kim Jong Un -> Vladimir Putin |  | 2024-06 | occurred'),
    );
  });

  it('North Korea moves at least 3,000 soldiers into eastern Russia, early–mid October 2024 ("according to CNN")', () => {
    const moved = s004.find((e) => e.action === 'moved');
    assert.equal(
      moved && line(moved),
      'deploy-forces | North Korea -> Russia |  | 2024-10 EARLY-MID | reported',
    );
    assert.deepEqual(moved?.quantity, {
      value: 3000,
      unit: 'soldiers',
      text: 'at least 3,000 soldiers',
      mod: 'at least',
    });
  });

  it('North Korea may conduct a seventh nuclear test: expected', () => {
    const test = of('000').find((e) => e.action === 'seventh nuclear test');
    assert.equal(test && line(test), 'test-weapon | North Korea ->  |  |  | expected');
    assert.equal(test?.mentions[0]?.cue, 'preparations for');
  });

  it('the 2010 sinking and shelling: attacks on South Korea, no actor from "South Korean corvette"', () => {
    const attacks = of('001').filter((e) => e.timeValue === '2010');
    assert.deepEqual(attacks.map(line), [
      'attack |  -> South Korea |  | 2010 | occurred',
      'attack |  -> South Korea |  | 2010 | occurred',
    ]);
  });

  it('mention spans index the clean text', () => {
    const text = seed('004').text;
    for (const e of s004) {
      for (const m of e.mentions) {
        assert.equal(text.slice(m.start, m.end), m.text);
        if (m.trigger) assert.equal(text.slice(m.trigger.start, m.trigger.end), m.trigger.text);
      }
    }
  });
});

describe('annotateEvents with given entities and modality rules', () => {
  const text = 'Russia denied sending weapons to North Korea. Russia could send troops to Belarus next year.';
  const entities: EntityMention[] = [
    { articleId: 'x', start: 0, end: 6, text: 'Russia', type: 'country', via: 'gazetteer', entityId: 'e-ru' },
    {
      articleId: 'x',
      start: 33,
      end: 44,
      text: 'North Korea',
      type: 'country',
      via: 'gazetteer',
      entityId: 'e-nk',
    },
    {
      articleId: 'x',
      start: 46,
      end: 52,
      text: 'Russia',
      type: 'country',
      via: 'gazetteer',
      entityId: 'e-ru',
    },
    {
      articleId: 'x',
      start: 74,
      end: 81,
      text: 'Belarus',
      type: 'country',
      via: 'gazetteer',
      entityId: 'e-by',
    },
  ];
  const events = annotateEvents('x', text, {
    entities,
    times: annotateTime(text, { documentDate: '2024-01-10' }),
  });

  it('uses the given entity ids; a denial is "denied"; "could" is "expected"', () => {
    const lines = events.map(
      (e) => `${e.type} ${e.actor?.entityId}>${e.target?.entityId} ${e.modality} ${e.time?.start ?? ''}`,
    );
    assert.deepEqual(lines, ['supply-weapons e-ru>e-nk denied ', 'deploy-forces e-ru>e-by expected 2025']);
  });
});
