import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotateTime } from './annotate-time.ts';

/** The expressions of a text as "text → type value [mod]". */
function tags(text: string, documentDate?: string): string[] {
  return annotateTime(text, documentDate ? { documentDate } : {}).map(
    (e) => `${e.text} → ${e.type} ${e.value}${e.mod ? ` ${e.mod}` : ''}`,
  );
}

describe('annotateTime', () => {
  it('resolves "Thursday the 9th" to the nearest month where the 9th is a Thursday', () => {
    assert.deepEqual(tags('After the meeting on Thursday the 9th, Park warned.', '2023-11'), [
      'Thursday the 9th → DATE 2023-11-09',
    ]);
    const [e] = annotateTime('on Thursday the 9th', { documentDate: '2023-11-20' });
    assert.deepEqual(e?.interval, { start: '2023-11-09', end: '2023-11-09', granularity: 'day' });
  });

  it('keeps "early- to mid-October" at month granularity with an EARLY-MID modifier', () => {
    const [e] = annotateTime('We assess that between early- to mid-October, North Korea moved troops.', {
      documentDate: '2024-10-23T16:28',
    });
    assert.equal(e?.text, 'early- to mid-October');
    assert.equal(e?.value, '2024-10');
    assert.equal(e?.mod, 'EARLY-MID');
    assert.deepEqual(e?.interval, { start: '2024-10', end: '2024-10', granularity: 'month' });
  });

  it('"last October", "In July" and "In June" resolve against the document date', () => {
    assert.deepEqual(tags('the Israel-Hamas war that started last October.', '2024-05-25'), [
      'last October → DATE 2023-10',
    ]);
    assert.deepEqual(tags('In July, Shoigu visited North Korea.', '2023-11'), ['July → DATE 2023-07']);
    assert.deepEqual(tags('In June, Kim and Putin signed an agreement.', '2024-10-23'), [
      'June → DATE 2024-06',
    ]);
  });

  it('"this year", "in the coming weeks", "two years into", "in 2010"', () => {
    assert.deepEqual(tags('North Korea will be provocative this year.', '2024-05-25'), [
      'this year → DATE 2024',
    ]);
    assert.deepEqual(tags('Putin will visit North Korea in the coming weeks.', '2024-05-25'), [
      'the coming weeks → DATE FUTURE_REF',
    ]);
    assert.deepEqual(tags('Two years into the conflict, North Korea provides munitions.', '2024-05'), [
      'Two years → DURATION P2Y',
    ]);
    assert.deepEqual(tags('belligerence unseen since 2010.', '2024-05-25'), ['2010 → DATE 2010']);
  });

  it('"the Nov. 5 presidential election" looks ahead; "reported Friday" looks back', () => {
    assert.deepEqual(
      tags('ahead of the Nov. 5 presidential election, NBC News reported Friday.', '2024-05-25T10:19'),
      ['Nov. 5 → DATE 2024-11-05', 'Friday → DATE 2024-05-24'],
    );
  });

  it('seasons, decades, "since September 2023", quarters and durations with modifiers', () => {
    assert.deepEqual(tags('in the summer of 2023, in the 1990s and the late 70s', '2024-05-25'), [
      'summer of 2023 → DATE 2023-SU',
      'the 1990s → DATE 199',
      'the late 70s → DATE 197 LATE',
    ]);
    assert.deepEqual(tags('since September 2023, North Korea could have supplied', '2024-05-25'), [
      'September 2023 → DATE 2023-09',
    ]);
    assert.deepEqual(tags('profits rose in the third quarter, for more than a decade', '1989-11-02'), [
      'the third quarter → DATE 1989-Q3',
      'more than a decade → DURATION P10Y MORE_THAN',
    ]);
  });

  it('relative units and deictic days', () => {
    assert.deepEqual(
      tags('a year ago, last week, the past three months, yesterday, recently, now.', '1989-11-02'),
      [
        'a year ago → DATE 1988',
        'last week → DATE 1989-W43',
        'the past three months → DURATION P3M',
        'yesterday → DATE 1989-11-01',
        'recently → DATE PAST_REF',
        'now → DATE PRESENT_REF',
      ],
    );
  });

  it('"between June and August 2024" is a range: June takes the year of August', () => {
    const [a, b] = annotateTime('They met between June and August 2024.', { documentDate: '2024-10-23' });
    assert.equal(a?.value, '2024-06');
    assert.equal(a?.anchor, 'previous-expression');
    assert.equal(b?.value, '2024-08');
    assert.deepEqual(a?.range, {
      start: 9,
      end: 37,
      interval: { start: '2024-06', end: '2024-08', granularity: 'month' },
    });
  });

  it('absolute dates and times keep their precision; no document date leaves relative values open', () => {
    assert.deepEqual(tags('May 25, 2024 - 10:19 By Yonhap'), [
      'May 25, 2024 - 10:19 → TIME 2024-05-25T10:19',
    ]);
    assert.deepEqual(tags('In July and this year, on Thursday the 9th'), [
      'July → DATE XXXX-07',
      'this year → DATE XXXX',
      'Thursday the 9th → DATE XXXX-XX-09',
    ]);
  });

  it('does not read the modal "may", ages or counts of troops as times', () => {
    assert.deepEqual(tags('Russia may help. A 6-year-old boy. 2000 troops left.', '2024-05-25'), []);
  });

  it('spans index the text and carry the article id', () => {
    const text = 'Seoul said on Thursday the 9th that talks resumed.';
    const [e] = annotateTime(text, { documentDate: '2023-11', articleId: 'a1' });
    assert.equal(e?.articleId, 'a1');
    assert.equal(text.slice(e?.start, e?.end), 'Thursday the 9th');
  });
});
