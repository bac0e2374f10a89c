import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed } from '../../../../test/fixtures/time/seeds.ts';
import type { EntityMention } from '../../../core/entity.ts';
import type { EventRecord } from '../../../core/event.ts';
import { annotateTime } from '../time/annotate-time.ts';
import { inferPublicationDate } from '../time/infer-publication-date.ts';
import { annotateEvents } from './annotate-events.ts';

function eventsOf(id: string): EventRecord[] {
  const s = seed(id);
  const date = inferPublicationDate(
    s.text,
    s.metadata.publishedAt ? { publishedAt: s.metadata.publishedAt } : {},
  ).value;
  const times = annotateTime(s.text, date ? { documentDate: date, articleId: id } : { articleId: id });
  return annotateEvents(id, s.text, { entities: [], times, ...(date ? { documentDate: date } : {}) });
}

/** "type | actor -> target | place | time value mod | modality" for compact exact assertions. */
function line(e: EventRecord): string {
  const time = e.timeValue ? `${e.timeValue}${e.time?.mod ? ` ${e.time.mod}` : ''}` : '';
  return `${e.type} | ${e.actor?.text ?? ''} -> ${e.target?.text ?? ''} | ${e.place?.text ?? ''} | ${time} | ${e.modality}`;
}

describe('annotateEvents on the seeds', () => {
  const s003 = eventsOf('003');
  const s004 = eventsOf('004');

  it('Shoigu visits North Korea in July 2023 (seed 003)', () => {
    assert.ok(s003.map(line).includes('visit | Sergei Shoigu -> North Korea |  | 2023-07 | occurred'));
  });

  it('the Putin–Kim summit in September 2023 at Vladivostok (seed 003)', () => {
    const summit = s003.find((e) => e.type === 'meet' && e.place?.text === 'Vladivostok');
    assert.equal(summit && line(summit), 'meet | Kim -> Vladimir Putin | Vladivostok | 2023-09 | occurred');
    assert.deepEqual(summit?.time, { start: '2023-09', end: '2023-09', granularity: 'month' });
  });

  it('North Korea supplies munitions to Russia: occurred (000, 001) and charged (003) with the number', () => {
    assert.ok(eventsOf('000').map(line).includes('supply-weapons | North Korea -> Russia |  |  | occurred'));
    assert.ok(eventsOf('001').map(line).includes('supply-weapons | the North -> Russia |  |  | occurred'));
    const charged = s003.find((e) => e.type === 'supply-weapons' && e.modality === 'alleged');
    assert.equal(charged && line(charged), 'supply-weapons | Pyongyang -> Moscow |  | 2023-09 | alleged');
    assert.deepEqual(charged?.quantity, {
      value: 1_000_000,
      unit: 'rounds',
      text: 'a million or more rounds',
      mod: 'at least',
    });
    assert.equal(charged?.mentions[0]?.cue, 'charged');
  });

  it('Russia transfers submarine/missile technology to North Korea: alleged ("believe")', () => {
    const t = eventsOf('001').find((e) => e.type === 'transfer-technology');
    assert.equal(t && line(t), 'transfer-technology | Putin -> the North |  |  | alleged');
    assert.equal(t?.mentions[0]?.cue, 'believe');
  });

  it('the mutual-assistance agreement signed in June 2024 (seed 004)', () => {
    assert.ok(
      s004.map(line).includes('sign-agreement | Kim Jong Un -> Vladimir Putin |  | 2024-06 | occurred'),
    );
  });

  it('North Korea moves at least 3,000 soldiers into eastern Russia, early–mid October 2024', () => {
    const moved = s004.find((e) => e.action === 'moved');
    assert.equal(
      moved && line(moved),
      'deploy-forces | North Korea -> eastern Russia | eastern Russia | 2024-10 EARLY-MID | reported',
    );
    assert.deepEqual(moved?.quantity, {
      value: 3000,
      unit: 'soldiers',
      text: 'at least 3,000 soldiers',
      mod: 'at least',
    });
    assert.deepEqual(moved?.time, {
      start: '2024-10',
      end: '2024-10',
      granularity: 'month',
      mod: 'EARLY-MID',
    });
  });

  it('North Korea may conduct a seventh nuclear test: expected', () => {
    const test = eventsOf('000').find((e) => e.action === 'seventh nuclear test');
    assert.equal(test && line(test), 'test-weapon | North Korea ->  |  |  | expected');
    assert.equal(test?.mentions[0]?.cue, 'preparations for');
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
