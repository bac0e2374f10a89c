import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Extraction } from '../../../core/article.ts';
import { extractionProblems } from './check-extraction.ts';
import { extractPlainText } from './extract-text.ts';

const SEEDS = join(import.meta.dirname, '../../../../examples/korea-russia');
const NBSP = '\u00a0';

function seed(name: string): { raw: string; x: Extraction } {
  const raw = readFileSync(join(SEEDS, name), 'utf8');
  return { raw, x: extractPlainText(raw, {}) };
}

/** The whole raw line that starts with `prefix` (exactly one must). */
function line(raw: string, prefix: string): string {
  const found = raw.split('\n').filter((l) => l.startsWith(prefix));
  assert.equal(found.length >= 1, true, `no line starts with ${prefix}`);
  return found[0]!;
}

function removedOf(x: Extraction): Array<[string, string]> {
  return x.removed.map((r) => [r.reason, r.text]);
}

/** First 40 characters of each kept body block, in order. */
function bodyHeads(x: Extraction): string[] {
  return x.kept
    .filter((k) => k.kind !== 'title')
    .map((k) => x.text.slice(k.start, Math.min(k.end, k.start + 40)));
}

function bodyBlocks(x: Extraction): string[] {
  return x.kept.filter((k) => k.kind !== 'title').map((k) => x.text.slice(k.start, k.end));
}

/** Evidence raw ranges quote the text they claim. */
function evidenceQuotes(x: Extraction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(x.evidence))
    if (e.raw) out[field] = x.rawText.slice(e.raw.start, e.raw.end);
  return out;
}

describe('extractPlainText on the korea-russia seeds', () => {
  it('000: keeps the whole body and removes the "* Original Article:" stub', () => {
    const { x } = seed('000_4ed6d99c9978a127.txt');
    assert.deepEqual(extractionProblems(x), []);
    assert.deepEqual(removedOf(x), [['source-stub', '* Original Article:']]);
    assert.deepEqual(x.metadata, {
      title: 'Russia, North Korea may be planning ‘October surprise’ ahead of election: report',
    });
    assert.equal(x.evidence.title?.source, 'text');
    assert.equal(bodyBlocks(x).length, 21);
    assert.equal(x.text.slice(0, x.bodyStart), `${x.metadata.title}\n\n`);
    assert.deepEqual(bodyHeads(x).slice(0, 3), [
      'The Biden administration is increasingly',
      'The growing military alliance between Ru',
      '“2024 is not going to be a good year. It',
    ]);
    assert.equal(
      bodyBlocks(x).at(-1),
      'The Trump camp has repeatedly pushed the idea that both wars are the result of Biden’s leadership.',
    );
    assert.equal(x.extractor.name, 'sitrep-text');
  });

  it('001: removes the share widget, dateline and caption; reads outlet, byline, date and place', () => {
    const { raw, x } = seed('001_dc7abb91df948636.txt');
    assert.deepEqual(extractionProblems(x), []);
    assert.deepEqual(removedOf(x), [
      ['share-widget', 'From'],
      ['share-widget', 'Send to'],
      ['dateline', 'May 25, 2024 - 10:19 By Yonhap'],
      ['caption', line(raw, 'Russian President Vladimir Putin, right,')],
    ]);
    assert.deepEqual(x.metadata, {
      title:
        'US girding for possibility of N. Korea taking most provocative military actions in decade near election: NBC',
      outlet: 'Yonhap',
      byline: 'Yonhap',
      publishedAt: '2024-05-25T10:19',
      dateline: 'WASHINGTON',
    });
    assert.deepEqual(evidenceQuotes(x), {
      title: x.metadata.title,
      outlet: 'Yonhap',
      byline: 'Yonhap',
      publishedAt: 'May 25, 2024 - 10:19',
      dateline: 'WASHINGTON',
    });
    assert.match(x.evidence.outlet!.detail, /sign-off "\(Yonhap\)"/);
    assert.match(x.evidence.publishedAt!.detail, /May 25, 2024 - 10:19 By Yonhap/);
    const body = bodyBlocks(x);
    assert.equal(body.length, 12);
    assert.ok(body[0]!.startsWith('WASHINGTON -- US officials are bracing for North Korea'));
    assert.ok(body.at(-1)!.endsWith('the Korean Peninsula and beyond. (Yonhap)'));
  });

  it('002: removes byline+section, caption pair, channel plug and the "Other News" list', () => {
    const { x } = seed('002_313fdb9f659b9b3c.txt');
    assert.deepEqual(extractionProblems(x), []);
    assert.deepEqual(removedOf(x), [
      ['byline', 'Oleksiy LutykovWorld'],
      ['caption', 'Kim Jong-un and Vladimir Putin'],
      ['credit', 'Kim Jong-un and Vladimir Putin. Source: Russian media'],
      [
        'channel-plug',
        'Only verified information on our Telegram channel OBOZ.UA and Viber. Do not fall for fakes!',
      ],
      ['related-links', 'Other News'],
      ['related-links', 'Elementary tuna spread: 5 minutes to prepare'],
      ['related-links', 'Elementary tuna spread: 5 minutes to prepare'],
      ['related-links', 'A quick appetizer option'],
    ]);
    assert.deepEqual(x.metadata, {
      title:
        "North Korea may resort to military provocations ahead of US election at Putin's request - NBC News",
      outlet: 'OBOZ.UA',
      byline: 'Oleksiy Lutykov',
      section: 'World',
    });
    assert.deepEqual(evidenceQuotes(x), {
      title: x.metadata.title,
      outlet: 'OBOZ.UA',
      byline: 'Oleksiy Lutykov',
      section: 'World',
    });
    assert.deepEqual(bodyHeads(x), [
      'North Korea may launch large-scale provo',
      'The administration of US President Joe B',
      'The DPRK may carry out provocations in t',
      'The US has also warned that Putin will v',
      'In addition, U.S. officials are concerne',
      'At the same time, Pyongyang is trying to',
      'As a reminder, since September 2023, Nor',
      'Earlier, it was reported that North Kore',
    ]);
  });

  it('003: removes captions (single and doubled) with their credits and the "Source" stub, keeps subheads', () => {
    const { raw, x } = seed('003_8f96c8e8a16b5ff7.txt');
    assert.deepEqual(extractionProblems(x), []);
    const shoigu = line(raw, 'Kim Jong-un shakes hands with Russian Defense Minister');
    const summit = line(raw, 'In September, Putin and Kim met');
    assert.deepEqual(removedOf(x), [
      ['caption', line(raw, 'The head of American diplomacy, Antony Blinken,')],
      ['credit', '/ JUNG YEON-JE / AFP'],
      ['caption', shoigu],
      ['caption', shoigu],
      ['credit', '/ STR'],
      ['caption', summit],
      ['caption', summit],
      ['credit', '/ VLADIMIR SMIRNOV'],
      ['source-stub', 'Source'],
    ]);
    assert.deepEqual(x.metadata, {
      title: 'LOOK: Blinken denounces “dangerous” military cooperation between North Korea and Russia',
    });
    assert.deepEqual(bodyHeads(x), [
      'This statement adds to a string of state',
      'Regarding the support that Russia is pro',
      'At the meeting, Blinken and Park discuss',
      'The Japanese, an important ally of the U',
      'What Secretary Blinken fears is that Nor',
      '– Getting closer –',
      'In July, Sergei Shoigu became the first ',
      'During that visit, Shoigu hinted that Ru',
      'Added to this was a meeting held by Kim ',
      'Washington and Seoul have charged that P',
      'Although neither Russia nor North Korea ',
      'Despite the fact that 40% of its populat',
      'It is certainly a poor country but it de',
      '– Regional influence (and beyond) –',
      'It is difficult to predict what scope th',
      'Therefore, it was not surprising that Bl',
      'The NGC is a bilateral mechanism to coor',
      'I believe that in principle there would ',
      'North Korean influence, however, would h',
      'If that connection is confirmed, the Nor',
      'In this regard, Heimovits does not consi',
    ]);
    const headings = x.kept.filter((k) => k.kind === 'heading').map((k) => x.text.slice(k.start, k.end));
    assert.deepEqual(headings, ['– Getting closer –', '– Regional influence (and beyond) –']);
  });

  it('004: removes teaser, timestamp, counter, repeated title, promo, reactions and the reader bio', () => {
    const { raw, x } = seed('004_57623772aa3dea69.txt');
    assert.deepEqual(extractionProblems(x), []);
    assert.deepEqual(removedOf(x), [
      [
        'duplicate-lead',
        line(
          raw,
          'North Korean troops have deployed to Russia and may join the fight against Ukraine, U.S. officials said Wednesday. The',
        ),
      ],
      ['dateline', `Oct 23, 2024${NBSP}-${NBSP}16:28`],
      ['comment-counter', `0 ${NBSP}0`],
      ['duplicate-title', 'North Korea Deploys Troops To Russia, Setting Off Alarms In The West'],
      ['promo', `MATT WALSH’S ‘AM I RACIST?’ COMING TO DAILYWIRE+${NBSP}OCT. 28`],
      ['reactions', "What's Your Reaction?"],
      ...['like', 'dislike', 'love', 'funny', 'angry', 'sad', 'wow'].map((w): [string, string] => [
        'reactions',
        w,
      ]),
      ['author-bio', line(raw, 'Fibis I am just an average American.')],
    ]);
    assert.deepEqual(x.metadata, {
      title: 'North Korea Deploys Troops To Russia, Setting Off Alarms In The West',
      publishedAt: '2024-10-23T16:28',
    });
    assert.deepEqual(evidenceQuotes(x), {
      title: x.metadata.title,
      publishedAt: `Oct 23, 2024${NBSP}-${NBSP}16:28`,
    });
    const body = bodyBlocks(x);
    assert.equal(body.length, 11);
    assert.equal(
      body[0],
      'North Korean troops have deployed to Russia and may join the fight against Ukraine, U.S. officials said Wednesday.',
    );
    assert.ok(
      body.at(-1)!.startsWith('North Korea and Russia have strengthened their ties in recent years.'),
    );
  });

  it('leaves no seed without a rule note on every removal', () => {
    for (const name of ['000_4ed6d99c9978a127.txt', '001_dc7abb91df948636.txt', '004_57623772aa3dea69.txt']) {
      for (const r of seed(name).x.removed) assert.ok(r.rule.length > 5, `${name}: ${r.text}`);
    }
  });
});
