import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A001, buildSeedAnalysis } from '../../../../test/fixtures/analysis/seed-analysis.ts';
import type { EventRecord } from '../../../core/event.ts';
import { collectForecasts } from './collect-forecasts.ts';

const { analysis } = buildSeedAnalysis();

test('the May 2024 warning is collected with who made it and when, and linked neutrally to the October deployment', () => {
  const forecasts = collectForecasts(analysis);
  assert.deepEqual(
    forecasts.map((f) => [f.id, f.by, f.madeAt, f.mention.articleId, f.laterEvents.map((l) => l.eventId)]),
    [
      ['forecast-c-provocation', ['US officials', 'NBC News'], '2024-05-25T10:19', A001, ['ev-deploy']],
      ['forecast-c-putin-visit', ['Yonhap'], '2024-05-25T10:19', A001, ['ev-agreement', 'ev-deploy']],
      ['forecast-c-submarine', ['the report', 'NBC News'], '2024-05-25T10:19', A001, []],
    ],
  );
  const warning = forecasts[0];
  assert.equal(warning?.eventId, 'ev-provocation');
  assert.equal(
    warning?.laterEvents[0]?.relation,
    'later event of another type (deploy-forces, forecast: military-provocation) involving the same actor: North Korea',
  );
  const text = analysis.articles.find((a) => a.id === A001)?.text ?? '';
  assert.equal(text.slice(warning?.mention.start, warning?.mention.end), warning?.text);
  for (const f of forecasts)
    for (const l of f.laterEvents) assert.doesNotMatch(l.relation, /confirm|fulfil(l)?ed|came true/i);
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
  const [f] = collectForecasts({ claims: [], events, articles });
  assert.deepEqual(f?.laterEvents, [
    {
      eventId: 'x-visit',
      relation:
        'later visit event with the same actors (Putin, North Korea); it bears on the forecast, it does not by itself settle it',
    },
  ]);
  assert.deepEqual(f?.by, ['unnamed source m']);
  const undated = collectForecasts({
    claims: [],
    events,
    articles: [{ id: 'n', publishedAt: '2024-06-20' }],
  });
  assert.equal(undated[0]?.madeAt, undefined);
  assert.deepEqual(undated[0]?.laterEvents, []);
});
