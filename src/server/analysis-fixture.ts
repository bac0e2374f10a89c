import type { Analysis } from '../core/analysis.ts';
import type { Span } from '../core/span.ts';

/**
 * A small hand-built analysis for the server and web UI tests: two articles in one story (the
 * second rewrites the first), two entities, a quote, two claims, a timeline. Spans are computed
 * from the texts so that `text.slice(start, end)` is always the quoted text. The first title holds
 * markup so that tests can check escaping.
 */
export const FIXTURE_TEXT_A =
  'Putin <b>visits</b> Pyongyang\n\nVladimir Putin met Kim Jong Un in Pyongyang on June 19, 2024. "We will help each other," Putin said.';
export const FIXTURE_TEXT_B =
  'Kim hosts Putin\n\nKim Jong Un hosted Vladimir Putin on June 19, 2024, according to Wire A & Co.';

function at(articleId: string, text: string, needle: string, from = 0): Span & { text: string } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in ${articleId}`);
  return { articleId, start, end: start + needle.length, text: needle };
}

export function fixtureAnalysis(ids: { a: string; b: string } = { a: 'a1', b: 'b2' }): Analysis {
  const A = FIXTURE_TEXT_A;
  const B = FIXTURE_TEXT_B;
  const putinA = at(ids.a, A, 'Vladimir Putin');
  const putinB = at(ids.b, B, 'Vladimir Putin');
  const kimA = at(ids.a, A, 'Kim Jong Un');
  const kimB = at(ids.b, B, 'Kim Jong Un');
  const quote = at(ids.a, A, 'We will help each other');
  const metA = at(ids.a, A, 'Vladimir Putin met Kim Jong Un in Pyongyang on June 19, 2024.');
  const metB = at(ids.b, B, 'Kim Jong Un hosted Vladimir Putin on June 19, 2024');
  return {
    schema: 'sitrep/analysis@1',
    generatedAt: '2024-06-20T00:00:00.000Z',
    versions: { fixture: '1' },
    articles: [
      {
        id: ids.a,
        input: {},
        title: 'Putin <b>visits</b> Pyongyang',
        outlet: 'Wire A & Co',
        publishedAt: '2024-06-19',
        text: A,
        removed: [{ start: 0, end: 9, reason: 'share-widget', text: 'Share <x>' }],
      },
      {
        id: ids.b,
        input: {},
        title: 'Kim hosts Putin',
        outlet: 'Daily B',
        publishedAt: '2024-06-20',
        text: B,
        removed: [],
        derivedFrom: [{ articleId: ids.a, evidence: 'text reuse' }],
      },
    ],
    stories: [
      {
        id: 's1',
        kind: 'event',
        title: 'Putin meets Kim in Pyongyang',
        articleIds: [ids.a, ids.b],
        period: { start: '2024-06-19', end: '2024-06-20' },
      },
      {
        id: 's2',
        kind: 'storyline',
        title: 'Russia–North Korea <cooperation>',
        articleIds: [ids.a],
        period: {},
        eventIds: ['s1'],
      },
    ],
    entities: [
      {
        id: 'e-putin',
        name: 'Vladimir Putin',
        type: 'person',
        aliases: ['Putin'],
        roles: [],
        mentions: [putinA, putinB].map((m) => ({
          ...m,
          type: 'person' as const,
          entityId: 'e-putin',
          via: 'gazetteer',
        })),
      },
      {
        id: 'e-kim',
        name: 'Kim Jong Un',
        type: 'person',
        aliases: [],
        roles: [],
        mentions: [kimA, kimB].map((m) => ({
          ...m,
          type: 'person' as const,
          entityId: 'e-kim',
          via: 'gazetteer',
        })),
      },
      { id: 'e-nk', name: 'North Korea', type: 'country', aliases: ['Pyongyang'], roles: [], mentions: [] },
    ],
    quotes: [
      {
        id: 'q1',
        articleId: ids.a,
        speaker: { entityId: 'e-putin', text: 'Putin' },
        cue: 'said',
        direct: true,
        content: quote,
      },
    ],
    claims: [
      {
        id: 'c1',
        text: metA.text,
        modality: 'asserted',
        mentions: [
          { ...metA, modality: 'asserted', attribution: [] },
          { ...metB, modality: 'reported', attribution: ['Wire A & Co'] },
        ],
        attribution: [[], ['Wire A & Co']],
        independentOrigins: 1,
      },
      {
        id: 'c2',
        text: 'We will help each other',
        modality: 'expected',
        mentions: [{ ...quote, modality: 'expected', attribution: ['Putin'] }],
        attribution: [['Putin']],
        independentOrigins: 2,
      },
    ],
    events: [
      {
        id: 'ev1',
        type: 'meet',
        actor: { entityId: 'e-putin', text: 'Vladimir Putin' },
        action: 'met',
        target: { entityId: 'e-kim', text: 'Kim Jong Un' },
        time: { start: '2024-06-19', end: '2024-06-19', granularity: 'day' },
        modality: 'occurred',
        mentions: [metA],
      },
    ],
    timeline: [
      {
        start: '2024-06-19',
        end: '2024-06-19',
        granularity: 'day',
        label: 'Putin meets Kim <in Pyongyang>',
        eventIds: ['ev1'],
        mentions: [metA, metB],
      },
      {
        start: '2023-09',
        end: '2023-09',
        granularity: 'month',
        label: 'Eastern summit',
        eventIds: [],
        mentions: [],
      },
    ],
    sources: [
      { outlet: 'Wire A & Co', articleIds: [ids.a], cites: [], loadedTerms: [] },
      { outlet: 'Daily B', articleIds: [ids.b], cites: ['Wire A & Co'], loadedTerms: [] },
    ],
    derivations: [
      { articleId: ids.b, sourceArticleId: ids.a, kind: 'text-reuse', score: 0.8 },
      { articleId: ids.b, outlet: 'Wire A & Co', kind: 'citation', score: 1 },
    ],
    comparisons: [
      {
        storyId: 's1',
        matrix: [
          { claimId: 'c1', outlet: 'Wire A & Co', articleIds: [ids.a], via: [] },
          { claimId: 'c1', outlet: 'Daily B', articleIds: [ids.b], via: ['Wire A & Co'] },
          { claimId: 'c2', outlet: 'Wire A & Co', articleIds: [ids.a], via: [] },
        ],
        unique: [{ outlet: 'Wire A & Co', claimIds: ['c2'], quoteIds: ['q1'] }],
        numbers: [],
        divergences: [],
      },
    ],
    forecasts: [],
  };
}
