import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSitrepError } from '../../../core/errors.ts';
import { extractionProblems } from './check-extraction.ts';
import { extractPlainText } from './extract-text.ts';

const PARAS = [
  'North Korea fired a ballistic missile into the sea off its east coast on Tuesday, South Korea’s military said, the latest in a series of launches this year.',
  'By contrast, Japan’s defence ministry said the missile appeared to have landed outside its exclusive economic zone, and no damage was reported.',
  '“I think they are testing our patience,” one Japanese official told reporters, asking not to be named because he was not authorised to speak.',
];

function throwsEmpty(content: string): void {
  assert.throws(
    () => extractPlainText(content, {}),
    (e: unknown) => isSitrepError(e) && e.code === 'EXTRACT_EMPTY' && /plain text/.test(e.message),
  );
}

describe('extractPlainText edge cases', () => {
  it('throws EXTRACT_EMPTY for empty or whitespace-only content', () => {
    throwsEmpty('');
    throwsEmpty('  \n\n\t \u00a0 \r\n');
  });

  it('throws EXTRACT_EMPTY when every block is page furniture', () => {
    throwsEmpty('Share\nFacebook\nTwitter\n\nAdvertisement\n\nSign up for our newsletter');
  });

  it('removes nothing from a text that is all body', () => {
    const raw = PARAS.join('\n\n');
    const x = extractPlainText(raw, {});
    assert.deepEqual(extractionProblems(x), []);
    assert.deepEqual(x.removed, []);
    assert.equal(x.text, raw);
    assert.equal(x.bodyStart, 0);
    assert.deepEqual(x.metadata, {});
    assert.deepEqual(
      x.kept.map((k) => k.kind),
      ['paragraph', 'paragraph', 'paragraph'],
    );
    assert.equal(x.rawText, raw);
  });

  it('removes newswire markup left in the text, with the rule that fired', () => {
    const note = '<ANNOTATION> (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS) </ANNOTATION>';
    const raw = [PARAS[0], note, PARAS[1], '<P>', PARAS[2]].join('\n\n');
    const x = extractPlainText(raw, {});
    assert.equal(x.text, [PARAS[0], PARAS[1], PARAS[2]].join('\n\n'));
    assert.deepEqual(
      x.removed.map((r) => [r.reason, raw.slice(r.start, r.end), r.rule]),
      [
        [
          'boilerplate',
          note,
          'markup left in the text "<ANNOTATION> (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS…"',
        ],
        ['boilerplate', '<P>', 'markup left in the text "<P>"'],
      ],
    );
    // An angle-bracketed phrase inside prose is not markup.
    const prose = `${PARAS[0]} The file <2023 report> was cited.`;
    assert.deepEqual(extractPlainText(prose, {}).removed, []);
  });

  it('removes what the rules keep of a flattened page by the block model, with p in the audit', () => {
    const nav = ['Home', 'World', 'Business', 'Sport', 'Weather', 'Sign in', 'Most read', 'More'];
    const links = ['Share this page', 'Delicious', 'Digg', 'Facebook'];
    const page = [
      'Harbour bridge to close to lorries',
      ...nav,
      ...links,
      ...PARAS,
      'Related Internet links',
      'Council transport plan 2013 | Harbour works timetable | Ring road map',
      'Terms of use About us Privacy Cookies Contact us Feeds',
    ].join('\n\n');
    const x = extractPlainText(page, {});
    assert.equal(x.text.slice(x.bodyStart), PARAS.join('\n\n'));
    const byModel = x.removed.filter((r) => r.rule.startsWith('block model: '));
    assert.ok(byModel.length > 0);
    for (const r of byModel) assert.match(r.rule, /^block model: p\(body\) 0\.\d\d < 0\.75 \(.+\)$/);
    // An article body given as text, with short lines of its own, is left to the rules.
    const article = [
      PARAS[0],
      'Key points:',
      '- bridge closed to lorries',
      '- ring road diversion',
      PARAS[1],
      PARAS[2],
    ].join('\n\n');
    assert.deepEqual(
      extractPlainText(article, {}).removed.filter((r) => r.rule.startsWith('block model')),
      [],
    );
    assert.deepEqual(
      byModel.map((r) => r.text),
      ['Related Internet links', 'Council transport plan 2013 | Harbour works timetable | Ring road map'],
    );
    // Without the model (as its training scores the rules alone) the link list stays.
    assert.ok(extractPlainText(page, {}, { blockModel: false }).text.includes('Harbour works timetable'));
  });

  it('removes the reader comments after the article even when a long footer puts them before the middle', () => {
    const footer = Array.from({ length: 40 }, (_, i) => `Footer link ${i + 1}`);
    const comments = [
      'I have lived near that bridge for thirty years and it has always been a problem for everyone.',
      'The council should have fixed this a decade ago instead of wasting money on the new roundabout.',
    ];
    const page = [
      'Harbour bridge to close to lorries',
      ...PARAS,
      'Add a comment',
      ...comments,
      ...footer,
    ].join('\n\n');
    const x = extractPlainText(page, {});
    assert.deepEqual(extractionProblems(x), []);
    const body = x.text.slice(x.bodyStart);
    for (const p of PARAS) assert.ok(body.includes(p));
    for (const c of comments) assert.ok(!body.includes(c), c.slice(0, 30));
    assert.ok(x.removed.some((r) => r.reason === 'comments' && r.text === 'Add a comment'));
    // Before the article's prose, a "Comments" line is a menu entry, not the start of the thread.
    const menu = extractPlainText(
      ['Harbour bridge to close to lorries', 'Comments', ...PARAS, ...footer].join('\n\n'),
      {},
    );
    for (const p of PARAS) assert.ok(menu.text.includes(p));
  });

  it('handles CRLF line endings and keeps a hard-wrapped paragraph whole, breaks included', () => {
    const wrapped =
      'Officials in Seoul said the launch was detected from the Pyongyang area at\r\n' +
      'around 7:10 a.m. and that the missile flew about 1,000 kilometres before it\r\n' +
      'fell into the sea.';
    const raw = [
      'North Korea fires missile as allies hold drills',
      'By Jane Doe\r\nMarch 3, 2025',
      wrapped,
      'Advertisement',
      PARAS[0],
    ].join('\r\n\r\n');
    const x = extractPlainText(raw, {});
    assert.deepEqual(extractionProblems(x), []);
    assert.equal(x.rawText, raw);
    assert.deepEqual(
      x.removed.map((r) => [r.reason, r.text]),
      [
        ['byline', 'By Jane Doe'],
        ['dateline', 'March 3, 2025'],
        ['advertisement', 'Advertisement'],
      ],
    );
    assert.equal(x.text, `North Korea fires missile as allies hold drills\n\n${wrapped}\n\n${PARAS[0]}`);
    assert.equal(x.bodyStart, 'North Korea fires missile as allies hold drills\n\n'.length);
    assert.deepEqual(x.metadata, {
      title: 'North Korea fires missile as allies hold drills',
      byline: 'Jane Doe',
      publishedAt: '2025-03-03',
    });
  });

  it('keeps a short single paragraph as the body, with no title', () => {
    const x = extractPlainText('  North Korea fired a missile on Tuesday, Seoul said.\n', {});
    assert.deepEqual(extractionProblems(x), []);
    assert.equal(x.text, 'North Korea fired a missile on Tuesday, Seoul said.');
    assert.deepEqual(x.removed, []);
    assert.deepEqual(x.metadata, {});
  });

  it('treats a lone headline-like line as body, not as a title over nothing', () => {
    const x = extractPlainText('Kim meets Putin in Vladivostok', {});
    assert.equal(x.text, 'Kim meets Putin in Vladivostok');
    assert.equal(x.bodyStart, 0);
    assert.deepEqual(
      x.kept.map((k) => k.kind),
      ['heading'],
    );
    assert.equal(x.metadata.title, undefined);
  });

  it('keeps first-person quotes inside the article and "By contrast" paragraphs', () => {
    const raw = ['Japan protests missile launch', ...PARAS, 'Share', 'Facebook'].join('\n\n');
    const x = extractPlainText(raw, {});
    assert.deepEqual(
      x.kept.filter((k) => k.kind !== 'title').map((k) => x.text.slice(k.start, k.end)),
      PARAS,
    );
  });
});

describe('extractPlainText with hints', () => {
  const raw = [
    'Seoul says North Korean troops are in Russia',
    'May 25, 2024 - 10:19 By Yonhap',
    `${PARAS[0]} (Yonhap)`,
    PARAS[1],
  ].join('\n\n');

  it('uses the hinted title for the kept title line when they are the same', () => {
    const x = extractPlainText(raw, { title: 'Seoul says North Korean troops are in Russia' });
    assert.deepEqual(extractionProblems(x), []);
    assert.equal(x.kept[0]!.kind, 'title');
    assert.equal(x.evidence.title?.source, 'input');
    assert.equal(x.metadata.outlet, 'Yonhap');
  });

  it('opens the text with a hinted title and removes the line that restates it', () => {
    const x = extractPlainText(raw, {
      title: 'Seoul says North Korean troops are in Russia - Example News',
      outlet: 'Example News',
      publishedAt: '2024-05-25T01:19:00Z',
    });
    assert.deepEqual(extractionProblems(x), []);
    assert.deepEqual(
      x.removed.map((r) => [r.reason, r.text]),
      [
        ['duplicate-title', 'Seoul says North Korean troops are in Russia'],
        ['dateline', 'May 25, 2024 - 10:19 By Yonhap'],
      ],
    );
    assert.ok(x.text.startsWith('Seoul says North Korean troops are in Russia - Example News\n\n'));
    assert.equal(x.kept[0]!.kind, 'paragraph');
    assert.equal(x.bodyStart, x.kept[0]!.start);
    assert.deepEqual(x.metadata, {
      title: 'Seoul says North Korean troops are in Russia - Example News',
      outlet: 'Example News',
      byline: 'Yonhap',
      publishedAt: '2024-05-25T01:19:00Z',
    });
    assert.equal(x.evidence.outlet?.source, 'input');
    assert.equal(x.evidence.byline?.source, 'text');
  });

  it('throws EXTRACT_EMPTY when only the hinted title is left', () => {
    assert.throws(
      () => extractPlainText('Kim meets Putin\n\nShare\nTwitter', { title: 'Kim meets Putin' }),
      (e: unknown) => isSitrepError(e) && e.code === 'EXTRACT_EMPTY',
    );
  });
});
