import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedEvents } from '../../../../test/fixtures/time/seed-events.ts';
import { seed } from '../../../../test/fixtures/time/seeds.ts';
import type { EventRecord } from '../../../core/event.ts';
import { linkEntities } from '../../link/entities/link-entities.ts';
import { annotateEntities } from '../entities/annotate-entities.ts';
import { annotateTime } from '../time/annotate-time.ts';
import { inferPublicationDate } from '../time/infer-publication-date.ts';
import { annotateEvents } from './annotate-events.ts';
import { mergeEvents } from './merge-events.ts';

function eventsOfText(id: string, text: string, publishedAt?: string): EventRecord[] {
  const date = inferPublicationDate(text, publishedAt ? { publishedAt } : {}).value;
  const times = annotateTime(text, date ? { documentDate: date, articleId: id } : { articleId: id });
  // Real entity mentions, linked (ids are hashes of type and name, so they agree across texts).
  const entities = linkEntities(annotateEntities(id, text))
    .flatMap((e) => e.mentions)
    .sort((a, b) => a.start - b.start);
  return annotateEvents(id, text, { entities, times, ...(date ? { documentDate: date } : {}) });
}

describe('mergeEvents', () => {
  // Seed 001 names the summit's place only in its photo caption, which the extractor removes from the
  // clean text; the caption block is annotated on its own (its spans index the caption, article "001#caption").
  const s001 = seed('001');
  const caption = s001.removed.find((r) => r.reason === 'caption' && /Vostochny/.test(r.text));
  const captionEvents = eventsOfText('001#caption', caption?.text ?? '', '2024-05-25T10:19');
  const s003 = seed('003');
  const merged = mergeEvents([...captionEvents, ...eventsOfText('003', s003.text)]);

  it('the Putin–Kim summit of September 2023: one event, both places kept as a divergence', () => {
    assert.ok(caption, 'seed 001 has the Vostochny caption among its removed blocks');
    const summit = merged.filter((e) => e.type === 'meet' && e.divergences);
    assert.equal(summit.length, 1);
    const e = summit[0] as EventRecord;
    assert.deepEqual(e.time, { start: '2023-09-13', end: '2023-09-13', granularity: 'day' });
    assert.equal(e.modality, 'occurred');
    assert.deepEqual(
      e.divergences?.map((d) => [d.field, d.values.map((v) => `${v.value}@${v.mention.articleId}`)]),
      [['place', ['Vostochny cosmodrome@001#caption', 'Vladivostok@003']]],
    );
    assert.deepEqual([...new Set(e.mentions.map((m) => m.articleId))], ['001#caption', '003']);
  });

  it('keeps a forecast apart from what happened, and different participants apart', () => {
    const base: EventRecord = {
      id: 'a',
      type: 'visit',
      action: 'visit',
      // The link stage gives "Putin" and "Vladimir Putin" one entity id; the merge keys on it.
      actor: { entityId: 'person-putin', text: 'Putin' },
      target: { entityId: 'country-north-korea', text: 'North Korea' },
      modality: 'expected',
      documentDate: '2024-05-25',
      mentions: [{ articleId: 'p', start: 0, end: 5, text: 'visit' }],
    };
    const happened: EventRecord = {
      ...base,
      id: 'b',
      modality: 'occurred',
      time: { start: '2024-06', end: '2024-06', granularity: 'month' },
    };
    const other: EventRecord = { ...base, id: 'c', actor: { entityId: 'person-shoigu', text: 'Shoigu' } };
    const sameForecast: EventRecord = {
      ...base,
      id: 'd',
      actor: { entityId: 'person-putin', text: 'Vladimir Putin' },
      mentions: [{ articleId: 'q', start: 3, end: 8, text: 'visit' }],
    };
    const out = mergeEvents([base, happened, other, sameForecast]);
    assert.equal(out.length, 3);
    const forecast = out.find((e) => e.mentions.length === 2);
    assert.deepEqual(
      forecast?.mentions.map((m) => m.articleId),
      ['p', 'q'],
    );
  });

  it('7. same type, same entity set, a month containing a day: one event; one named participant joins a pair', () => {
    const sep: EventRecord = {
      id: 'm1',
      type: 'meet',
      action: 'met',
      actor: { entityId: 'e-xi', text: 'Xi Jinping' },
      target: { entityId: 'e-putin', text: 'Vladimir Putin' },
      place: { text: 'Moscow' },
      time: { start: '2023-03', end: '2023-03', granularity: 'month' },
      modality: 'occurred',
      mentions: [{ articleId: 'a', start: 0, end: 10, text: 'meeting' }],
    };
    const day: EventRecord = {
      ...sep,
      id: 'm2',
      actor: { entityId: 'e-putin', text: 'Putin' },
      target: { entityId: 'e-xi', text: 'Xi' },
      place: { text: 'the Kremlin' },
      time: { start: '2023-03-21', end: '2023-03-21', granularity: 'day' },
      mentions: [{ articleId: 'b', start: 0, end: 10, text: 'met' }],
    };
    const half: EventRecord = {
      ...sep,
      id: 'm3',
      actor: { entityId: 'e-putin', text: 'Putin' },
      mentions: [],
    };
    delete half.target;
    const other: EventRecord = { ...half, id: 'm4', actor: { entityId: 'e-lavrov', text: 'Lavrov' } };
    const out = mergeEvents([sep, day, half, other]);
    assert.deepEqual(
      out.map((e) => [
        e.actor?.text,
        e.target?.text,
        e.time?.start,
        e.divergences?.[0]?.values.map((v) => v.value),
      ]),
      [
        ['Putin', 'Xi', '2023-03-21', ['the Kremlin', 'Moscow']],
        ['Lavrov', undefined, '2023-03', undefined],
      ],
    );
  });

  it('the seeds: the caption and text mentions of the September 2023 summit merge with their places apart', () => {
    const summit = mergeEvents(seedEvents()).filter((e) => e.type === 'meet' && e.divergences);
    assert.equal(summit.length, 1);
    assert.deepEqual(
      summit[0]?.divergences?.map((d) => [d.field, d.values.map((v) => `${v.value}@${v.mention.articleId}`)]),
      [['place', ['Vostochny cosmodrome@001', 'Vladivostok@003']]],
    );
    assert.deepEqual(summit[0]?.time, { start: '2023-09-13', end: '2023-09-13', granularity: 'day' });
  });
});
