import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventRecord } from '../../../core/event.ts';
import type { TimeInterval } from '../../../core/time.ts';
import { buildTimeline, eventLabel } from './build-timeline.ts';

function ev(
  id: string,
  type: string,
  actor: string,
  target: string | undefined,
  time?: TimeInterval,
  extra: Partial<EventRecord> = {},
): EventRecord {
  const e: EventRecord = {
    id,
    type,
    action: type,
    actor: { text: actor },
    modality: 'occurred',
    mentions: [{ articleId: `a-${id}`, start: 0, end: 10, text: 'mention' }],
    ...extra,
  };
  if (target) e.target = { text: target };
  if (time) e.time = time;
  return e;
}

describe('buildTimeline', () => {
  const month = (m: string, mod?: string): TimeInterval => ({
    start: m,
    end: m,
    granularity: 'month',
    ...(mod ? { mod } : {}),
  });
  const day = (d: string): TimeInterval => ({ start: d, end: d, granularity: 'day' });
  const events = [
    ev('sep', 'meet', 'Putin', 'Kim', month('2023-09')),
    ev('sep1', 'supply-weapons', 'North Korea', 'Russia', day('2023-09-01')),
    ev('sep20', 'warn', 'Blinken', 'Russia', day('2023-09-20')),
    ev('sep13', 'visit', 'Kim', 'Russia', day('2023-09-13')),
    ev('y2023', 'threaten', 'North Korea', 'United States', {
      start: '2023',
      end: '2023',
      granularity: 'year',
    }),
    ev('oct', 'deploy-forces', 'North Korea', 'Russia', month('2024-10', 'EARLY-MID'), {
      quantity: { value: 3000, unit: 'soldiers', text: 'at least 3,000 soldiers', mod: 'at least' },
    }),
    ev('oct12', 'warn', 'NATO', 'North Korea', day('2024-10-12')),
    ev('oct23', 'warn', 'Austin', 'North Korea', day('2024-10-23')),
    ev('nodate', 'attack', 'Russia', 'Ukraine'),
    ev('fut', 'test-weapon', 'North Korea', undefined, undefined, {
      modality: 'expected',
      documentDate: '2024-05-25',
    }),
  ];
  const timeline = buildTimeline(events);

  it('orders by interval midpoint: a month sits mid-month (not on the 1st), a year mid-year, early-to-mid October on the 10th', () => {
    assert.deepEqual(
      timeline.map((t) => `${t.start} ${t.granularity}${t.mod ? ` ${t.mod}` : ''}`),
      [
        '2023 year',
        '2023-09-01 day',
        '2023-09-13 day',
        '2023-09 month',
        '2023-09-20 day',
        '2024-05-25 vague AFTER',
        '2024-10 month EARLY-MID',
        '2024-10-12 day',
        '2024-10-23 day',
      ],
    );
  });

  it('labels carry actor, verb, target, numbers and modality; untimed past events are left out', () => {
    assert.deepEqual(
      timeline.map((t) => t.label),
      [
        'North Korea threatens United States',
        'North Korea supplies weapons to Russia',
        'Kim visits Russia',
        'Putin and Kim meet',
        'Blinken warns Russia',
        'North Korea tests a weapon (expected)',
        'North Korea deploys forces to Russia (at least 3,000 soldiers)',
        'NATO warns North Korea',
        'Austin warns North Korea',
      ],
    );
    assert.deepEqual(timeline[3]?.eventIds, ['sep']);
    assert.deepEqual(timeline[3]?.mentions, [{ articleId: 'a-sep', start: 0, end: 10 }]);
  });

  it('a place divergence shows in the label', () => {
    const e = ev('s', 'meet', 'Putin', 'Kim', month('2023-09'), {
      place: { text: 'Vostochny cosmodrome' },
      divergences: [
        {
          field: 'place',
          values: [
            { value: 'Vostochny cosmodrome', mention: { articleId: 'a', start: 0, end: 1 } },
            { value: 'Vladivostok', mention: { articleId: 'b', start: 0, end: 1 } },
          ],
        },
      ],
    });
    assert.equal(eventLabel(e), 'Putin and Kim meet at Vostochny cosmodrome [places differ]');
  });

  it('labels without a stated actor, with a coordinated actor, and with a destination place', () => {
    const attack = ev('a', 'attack', 'x', 'South Korea', day('2010-03-26'));
    delete attack.actor;
    assert.equal(eventLabel(attack), 'attack on South Korea');
    assert.equal(
      eventLabel(ev('c', 'accuse', 'United States and South Korea', 'North Korea')),
      'United States and South Korea accuse North Korea',
    );
    assert.equal(
      eventLabel(ev('s', 'supply-weapons', 'Iran and North Korea', 'Russia')),
      'Iran and North Korea supply weapons to Russia',
    );
    const visit = ev('v', 'visit', 'Putin', undefined, undefined, { place: { text: 'Pyongyang' } });
    assert.equal(eventLabel({ ...visit, modality: 'expected' }), 'Putin visits Pyongyang (expected)');
  });
});
