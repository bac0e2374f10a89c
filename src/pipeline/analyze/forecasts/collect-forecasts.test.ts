import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A001, A002, buildSeedAnalysis } from '../../../../test/fixtures/analysis/seed-analysis.ts';
import type { EventRecord } from '../../../core/event.ts';
import type { Claim } from '../../../core/quote.ts';
import { collectForecasts, isForwardLooking } from './collect-forecasts.ts';

const { analysis } = buildSeedAnalysis();

test('the May 2024 warning is collected with who made it and when; a later event of another type is not linked', () => {
  const forecasts = collectForecasts(analysis);
  assert.deepEqual(
    forecasts.map((f) => [f.id, f.by, f.madeAt, f.mention.articleId, f.laterEvents.map((l) => l.eventId)]),
    [
      ['forecast-c-provocation', ['US officials', 'NBC News'], '2024-05-25T10:19', A001, []],
      ['forecast-c-submarine', ['the report', 'NBC News'], '2024-05-25T10:19', A001, []],
      // Its only forward-looking attributed mention ("The US has also warned …") is in an undated article.
      ['forecast-c-putin-visit', ['The US'], undefined, A002, []],
    ],
  );
  const warning = forecasts[0];
  assert.equal(warning?.eventId, 'ev-provocation');
  const text = analysis.articles.find((a) => a.id === A001)?.text ?? '';
  assert.equal(text.slice(warning?.mention.start, warning?.mention.end), warning?.text);
});

test('a forecast is a forward-looking statement with a speaker', () => {
  for (const yes of [
    'We have no doubt that North Korea will be provocative this year.',
    'Another 7,000 are expected to go.',
    'It is unlikely that it will be able to provide other types of weapons, because the ones it has are outdated.',
    'The DPRK may carry out provocations in the coming months.',
  ])
    assert.equal(isForwardLooking(yes), true, yes);
  for (const no of [
    'Let us not forget that Japan and South Korea were historical enemies because the Japanese occupied the peninsula, but they could cooperate more.',
    'It could be that North Korea sent it through Iran, that is possible',
    'It could also be understood as prepositioning more American weapons in South Korea.',
    'Racking up a string of victories, Trump and Clinton solidified their claims.',
    'The prediction on the possible provocations came as Putin is preparing for a visit.',
  ])
    assert.equal(isForwardLooking(no), false, no);
});

test('same type and same actors is said as such, still without a verdict; earlier or undated forecasts get no links', () => {
  const mention = (articleId: string, text: string) => ({ articleId, start: 0, end: text.length, text });
  const events: EventRecord[] = [
    {
      id: 'x-expected',
      type: 'visit',
      actor: { entityId: 'p', text: 'Putin' },
      action: 'will visit',
      target: { entityId: 'nk', text: 'North Korea' },
      modality: 'expected',
      mentions: [mention('m', 'Putin will visit North Korea.')],
    },
    {
      id: 'x-visit',
      type: 'visit',
      actor: { entityId: 'p', text: 'Vladimir Putin' },
      action: 'visited',
      target: { entityId: 'nk', text: 'Pyongyang' },
      time: { start: '2024-06-19', end: '2024-06-19', granularity: 'day' },
      modality: 'occurred',
      mentions: [mention('n', 'Putin visited Pyongyang.')],
    },
    {
      id: 'x-old',
      type: 'visit',
      actor: { entityId: 'p', text: 'Putin' },
      action: 'visited',
      target: { entityId: 'nk', text: 'North Korea' },
      time: { start: '2000-07', end: '2000-07', granularity: 'month' },
      modality: 'occurred',
      mentions: [mention('n', 'Putin visited Pyongyang.')],
    },
  ];
  const articles = [
    { id: 'm', publishedAt: '2024-05' },
    { id: 'n', outlet: 'Later Times', publishedAt: '2024-06-20' },
  ];
  // The statement of the expected visit, attributed; an expected event alone has no speaker.
  const claim: Claim = {
    id: 'c-visit',
    text: 'Putin will visit North Korea.',
    modality: 'expected',
    mentions: [
      { ...mention('m', 'Putin will visit North Korea.'), modality: 'expected', attribution: ['Officials'] },
    ],
    attribution: [['Officials']],
    independentOrigins: 1,
  };
  assert.deepEqual(collectForecasts({ claims: [], events, articles }), []);
  const [f] = collectForecasts({ claims: [claim], events, articles });
  assert.deepEqual(f?.laterEvents, [
    {
      eventId: 'x-visit',
      relation:
        'later visit event with the same actors (Putin, North Korea); it bears on the forecast, it does not by itself settle it',
    },
  ]);
  assert.deepEqual(f?.by, ['Officials']);
  const undated = collectForecasts({
    claims: [claim],
    events,
    articles: [{ id: 'n', publishedAt: '2024-06-20' }],
  });
  assert.equal(undated[0]?.madeAt, undefined);
  assert.deepEqual(undated[0]?.laterEvents, []);
});
