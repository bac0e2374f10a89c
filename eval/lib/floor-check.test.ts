import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  FLOOR_TOLERANCE,
  type FloorEntry,
  floorFor,
  formatFloorTable,
  groupRuns,
  judgeFloor,
  parseFloors,
  readMetrics,
} from './floor-check.ts';

const entry = (over: Partial<FloorEntry> = {}): FloorEntry => ({
  name: 'ner overall',
  script: 'eval:ner',
  args: ['../shared/eval-data/ner/dev.original.txt', '--json'],
  format: 'json',
  metric: 'overall.f1',
  floor: 0.672,
  note: 'measured 0.6728',
  ...over,
});

// eval/ner.ts --json on CoNLL dev, verbatim (summary line shortened to three metrics).
const NER_OUTPUT = `
CoNLL (exact span): 216 documents, 51362 tokens, 122515 tokens/s
label              P     R    F1    gold    pred
LOC             81.4  86.4  83.8    1837    1951
MISC            83.7  58.6  68.9     922     645
ORG             73.5  18.6  29.7    1341     340
PER             81.7  56.1  66.6    1842    1265
overall         81.2  57.4  67.3    5942    4201
{"scorer":"eval:ner","metrics":{"documents":216,"ORG.f1":0.297441998810232,"overall.f1":0.6727792566301883}}
`;

describe('parseFloors', () => {
  it('accepts the repository floors file', () => {
    const path = join(import.meta.dirname, '..', 'floors.json');
    const floors = parseFloors(JSON.parse(readFileSync(path, 'utf8')), 'eval/floors.json');
    assert.ok(floors.length > 0);
    for (const f of floors) assert.equal(f.floor, floorFor(f.floor), `${f.name}: a floor has 3 decimals`);
  });

  it('keeps prepare only when given', () => {
    const wiki = {
      ...entry({ name: 'w', args: ['{tmp}'] }),
      prepare: ['npx', 'tsx', 'eval/cluster-wikiref.ts', 'd'],
    };
    assert.deepEqual(parseFloors({ about: ['x'], floors: [entry(), wiki] }, 'f.json'), [entry(), wiki]);
  });

  it('names the bad entry and what is wrong with it', () => {
    const bad = (floors: unknown, message: string) =>
      assert.throws(() => parseFloors({ floors }, 'f.json'), { message });
    bad([{ ...entry(), flor: 1 }], 'f.json: floors[0]: unknown key "flor"');
    bad([entry(), entry()], 'f.json: floors[1]: the name "ner overall" is used twice');
    bad(
      [entry({ format: 'text' as 'json' })],
      'f.json: floors[0]: "format" must be one of json, cluster-text',
    );
    bad([entry({ floor: '0.6' as unknown as number })], 'f.json: floors[0]: "floor" must be a number');
    bad([entry({ note: ' ' })], 'f.json: floors[0]: "note" must say where the floor comes from');
    bad(
      [entry({ args: ['{tmp}'] })],
      'f.json: floors[0]: "{tmp}" in "args" and "prepare" go together: one names the other\'s output',
    );
    bad(
      [entry({ prepare: [] })],
      'f.json: floors[0]: "prepare" must be a non-empty list of strings (a command and its arguments)',
    );
    assert.throws(() => parseFloors([], 'f.json'), { message: 'f.json: must be a JSON object' });
    assert.throws(() => parseFloors({ floor: [] }, 'f.json'), { message: 'f.json: unknown key "floor"' });
    assert.throws(() => parseFloors({}, 'f.json'), { message: 'f.json: "floors" must be a list' });
  });
});

describe('groupRuns', () => {
  it('runs one command once for all its metrics, and a different command separately', () => {
    const org = entry({ name: 'ner ORG', metric: 'ORG.f1' });
    const quotes = entry({ name: 'quotes', script: 'eval:quotes', args: ['q', '--json'] });
    const runs = groupRuns([entry(), quotes, org]);
    assert.deepEqual(
      runs.map((r) => [r.script, r.entries.map((e) => e.name)]),
      [
        ['eval:ner', ['ner overall', 'ner ORG']],
        ['eval:quotes', ['quotes']],
      ],
    );
  });
});

describe('judgeFloor', () => {
  const ner = readMetrics('json', NER_OUTPUT);
  assert.ok(ner.ok);
  const metrics = ner.metrics;

  it('passes a score at or above its floor', () => {
    assert.deepEqual(judgeFloor(entry(), { ok: true, metrics }), {
      entry: entry(),
      verdict: 'OK',
      score: 0.6727792566301883,
    });
  });

  it('fails a score below its floor', () => {
    const result = judgeFloor(entry({ floor: 0.68 }), { ok: true, metrics });
    assert.equal(result.verdict, 'BELOW');
    assert.equal(result.score, 0.6727792566301883);
  });

  it(`lets a score sit up to ${FLOOR_TOLERANCE} under its floor`, () => {
    const at = (score: number, floor: number) =>
      judgeFloor(entry({ floor }), { ok: true, metrics: { 'overall.f1': score } }).verdict;
    assert.equal(at(0.7506, 0.751), 'OK');
    assert.equal(at(0.7504, 0.751), 'BELOW');
    assert.equal(at(0, 0), 'OK');
  });

  it('fails a metric the output does not have, naming the ones it has', () => {
    assert.deepEqual(judgeFloor(entry({ metric: 'PER.f1' }), { ok: true, metrics }), {
      entry: entry({ metric: 'PER.f1' }),
      verdict: 'MISSING',
      reason: 'no metric "PER.f1" in the output (found: documents, ORG.f1, overall.f1)',
    });
  });

  it('fails every entry of a run that failed', () => {
    assert.deepEqual(judgeFloor(entry(), { ok: false, error: 'exit code 1' }), {
      entry: entry(),
      verdict: 'FAILED',
      reason: 'exit code 1',
    });
  });

  it('fails a json entry whose scorer printed no summary line', () => {
    const parsed = readMetrics('json', NER_OUTPUT.split('\n').slice(0, -2).join('\n'));
    assert.equal(parsed.ok, false);
  });

  it('reads cluster-text output with the eval/cluster.ts parser', () => {
    const parsed = readMetrics(
      'cluster-text',
      'events (2 clusters) vs label\n  B-cubed   P 1.000  R 0.500  F1 0.667\n',
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.metrics['events.label.bcubed.f1'], 0.667);
  });
});

describe('formatFloorTable', () => {
  it('prints name, metric, score, floor and verdict in columns', () => {
    const table = formatFloorTable([
      { entry: entry(), verdict: 'OK', score: 0.6727792566301883 },
      {
        entry: entry({ name: 'ner ORG', metric: 'ORG.f1', floor: 0.3 }),
        verdict: 'BELOW',
        score: 0.297441998810232,
      },
      { entry: entry({ name: 'x', metric: 'PER.f1' }), verdict: 'MISSING', reason: 'no metric' },
    ]);
    assert.equal(
      table,
      [
        'name         metric        score    floor  result',
        'ner overall  overall.f1   0.6728    0.672  OK',
        'ner ORG      ORG.f1       0.2974    0.300  BELOW',
        'x            PER.f1            —    0.672  MISSING',
      ].join('\n'),
    );
  });
});

describe('floorFor', () => {
  it('rounds down to 3 decimals, keeping a value that already has 3', () => {
    assert.equal(floorFor(0.6727792566301883), 0.672);
    assert.equal(floorFor(0.751), 0.751);
    assert.equal(floorFor(0.849), 0.849);
    assert.equal(floorFor(0.9999), 0.999);
  });
});
