import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ArticleMetadata, RemovalReason } from '../../../core/article.ts';
import { extractionProblems } from './check-extraction.ts';
import { extractPlainText } from './extract-text.ts';

/**
 * Composed scrapes in the styles of other outlets' pages (fixtures/*.txt): wire stories with
 * reading-time headers and staff-credit footers, a broadcaster's "Related Topics" tail, a
 * newspaper's share row and "Photograph:" credits, a cookie banner, a newsletter box, an
 * advertisement marker mid-article and a comments section.
 */
interface Case {
  file: string;
  removed: Array<[RemovalReason, string]>;
  metadata: ArticleMetadata;
  body: string[];
}

const CASES: Case[] = [
  {
    file: 'blog-comments-section.txt',
    removed: [
      ['share-widget', 'Listen to this article'],
      ['dateline', 'Oct 25, 2024 | By Kim Min-ji'],
      ['share-widget', 'Share this article'],
      ['share-widget', 'Facebook'],
      ['share-widget', 'WhatsApp'],
      ['share-widget', 'Copy link'],
      ['related-links', "Read more: North Korea's troops in Russia: what we know"],
      ['comments', '23 comments'],
      ['comments', 'Sort by: Newest'],
      ['comments', 'kjpark · 2h ago'],
      ['comments', 'This is a dangerous escalation. Europe needs to wake up.'],
      ['comments', 'Reply · 12'],
      ['comments', 'seoul_watcher · 5h ago'],
      ['comments', 'The NIS has been right before, and I would not dismiss this report at all.'],
      ['comments', 'Reply · 3'],
    ],
    metadata: {
      byline: 'Kim Min-ji',
      publishedAt: '2024-10-25',
      title: 'Seoul says North Korean soldiers killed in first clashes',
    },
    body: [
      "Several North Korean soldiers were killed in their first clashes with Ukrainian forces, South Korea's defence minister told lawmakers on Friday.",
      'The minister said the soldiers had been sent forward with Russian units near the border.',
      'He did not say how many had died or where exactly the fighting took place.',
      'I think this is only the beginning of a much wider involvement, one analyst said.',
    ],
  },
  {
    file: 'local-paper-cookie-newsletter.txt',
    removed: [
      [
        'cookie-notice',
        'We use cookies to personalise content and ads and to analyse our traffic. By continuing to browse, you agree to our use of cookies.',
      ],
      ['cookie-notice', 'Accept all'],
      ['cookie-notice', 'Manage preferences'],
      ['navigation', 'Menu'],
      ['navigation', 'Search'],
      ['byline', 'Maria Kowalski | The Daily Courier'],
      ['dateline', 'Published: October 30, 2024 at 2:15 p.m. ET'],
      ['advertisement', 'ADVERTISEMENT'],
      ['newsletter', 'Sign up for our Morning Briefing newsletter'],
      ['newsletter', "Get the day's top stories delivered to your inbox every weekday morning."],
      ['newsletter', 'Enter your email address'],
      ['newsletter', 'Sign up'],
      ['newsletter', 'By signing up, you agree to our Privacy Policy and Terms of Use.'],
      ['legal', '© 2024 The Daily Courier. All rights reserved.'],
    ],
    metadata: {
      outlet: 'The Daily Courier',
      byline: 'Maria Kowalski',
      publishedAt: '2024-10-30T14:15',
      dateline: 'KYIV',
      title: "Pyongyang's troops arrive in Kursk region, Kyiv says",
    },
    body: [
      "KYIV, Ukraine — The first North Korean units have reached Russia's Kursk region, Ukraine's military intelligence agency said on Wednesday.",
      'The agency said about 7,000 soldiers had been moved close to the border and equipped with Russian uniforms.',
      'Ukrainian officials have warned for weeks that the troops could join the fighting within days.',
      'The Pentagon said it could not yet confirm the deployment.',
      '“If they are co-belligerents, that is a very serious issue,” a US defence official said.',
    ],
  },
  {
    file: 'newspaper-guardian-style.txt',
    removed: [
      ['boilerplate', 'North Korea'],
      ['boilerplate', 'This article is more than 1 year old'],
      ['byline', 'Daniel Harker in Tokyo'],
      ['dateline', 'Wed 19 Jun 2024 07.40 BST'],
      ['share-widget', 'Share'],
      ['share-widget', 'Facebook'],
      ['share-widget', 'Twitter'],
      [
        'credit',
        'Vladimir Putin and Kim Jong-un at the welcome ceremony in Pyongyang. Photograph: Gavriil Grigorov/AP',
      ],
      ['related-links', 'Most viewed'],
      ['related-links', 'Woman arrested after dog attack in park'],
      ['related-links', 'Heatwave warning issued for southern England'],
      ['related-links', 'Explore more on these topics'],
      ['related-links', 'North Korea'],
      ['related-links', 'Russia'],
      ['related-links', 'Vladimir Putin'],
      ['related-links', 'Asia Pacific'],
      ['related-links', 'news'],
      ['share-widget', 'Share'],
      ['legal', 'Reuse this content'],
    ],
    metadata: {
      byline: 'Daniel Harker',
      publishedAt: '2024-06-19T07:40+01:00',
      title: 'Putin and Kim pledge to help each other if attacked as Russia and North Korea sign pact',
    },
    body: [
      'Russian leader makes first visit to Pyongyang in 24 years as the two countries vow to deepen military ties',
      "Vladimir Putin and Kim Jong-un have signed a mutual defence agreement during the Russian president's first visit to North Korea in 24 years.",
      'The agreement, which Kim described as an "alliance", commits each side to provide military assistance if the other is attacked.',
      'Kim said the treaty was "purely defensive", while Putin said it was a response to western support for Ukraine.',
    ],
  },
  {
    file: 'public-broadcaster-bbc-style.txt',
    removed: [
      ['dateline', '19 June 2024'],
      ['share-widget', 'Share'],
      ['share-widget', 'Save'],
      ['byline', 'Helen Marsh'],
      ['byline', 'Seoul correspondent'],
      ['credit', 'Image source, Getty Images'],
      [
        'caption',
        'Image caption, Kim Jong Un welcomed Vladimir Putin at Pyongyang airport in the early hours of Wednesday',
      ],
      ['related-links', 'Related Topics'],
      ['related-links', 'North Korea'],
      ['related-links', 'Russia'],
      ['related-links', 'Vladimir Putin'],
      ['related-links', 'More on this story'],
      ['related-links', 'Putin arrives in North Korea for rare visit'],
      ['dateline', 'Published 2 days ago'],
      ['related-links', 'What is behind the Putin-Kim friendship?'],
      ['related-links', 'Published 18 June'],
    ],
    metadata: {
      byline: 'Helen Marsh',
      publishedAt: '2024-06-19',
      title: 'Kim Jong Un and Putin sign mutual defence pact',
    },
    body: [
      'North Korea and Russia have signed a pact promising to use "all means at their disposal" to help each other if either is attacked.',
      'The agreement was signed during a rare visit by Russian President Vladimir Putin to Pyongyang, his first in 24 years.',
      'Analysts say the deal is the strongest link between the two countries since the end of the Cold War.',
      'Mr Putin said the treaty was a "breakthrough document" that would take relations to a new level.',
    ],
  },
  {
    file: 'wire-ap-style.txt',
    removed: [
      ['byline', 'By MATTHEW LEE and KIM TONG-HYUNG'],
      ['dateline', 'Updated 4:12 AM EDT, October 24, 2024'],
      ['share-widget', 'Share'],
      [
        'caption',
        "Russian President Vladimir Putin, right, and North Korea's leader Kim Jong Un pose for a photo during a signing ceremony in Pyongyang, North Korea, June 19, 2024. (Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)",
      ],
      ['promo', 'CLICK HERE TO GET THE NEWS APP'],
      ['boilerplate', '___'],
      ['byline', 'Associated Press writer Hyung-jin Kim in Seoul contributed to this report.'],
      ['boilerplate', '___'],
      ['related-links', "Follow AP's coverage of the Koreas at https://example.org/hub/north-korea"],
      [
        'legal',
        'Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
      ],
    ],
    metadata: {
      outlet: 'AP',
      byline: 'MATTHEW LEE and KIM TONG-HYUNG',
      dateline: 'WASHINGTON',
      title: 'Blinken says North Korean troops in Russia are a dangerous expansion of the war',
    },
    body: [
      'WASHINGTON (AP) — U.S. Secretary of State Antony Blinken said Thursday that the deployment of North Korean troops to Russia was a "dangerous and destabilizing" expansion of the war in Ukraine.',
      'Speaking to reporters in London, Blinken said Washington was consulting allies on a response.',
      '"If they are used in combat, they will be legitimate targets," he said.',
      'South Korea has said it could consider sending weapons directly to Ukraine in response.',
    ],
  },
  {
    file: 'wire-reuters-style.txt',
    removed: [
      ['navigation', 'Skip to main content'],
      ['section-label', 'World'],
      ['byline', 'By Jane Doe and John Roe'],
      ['boilerplate', '3 min read'],
      ['dateline', 'October 18, 2024 6:24 AM UTC'],
      ['dateline', 'Updated 2 hours ago'],
      ['advertisement', 'Advertisement · Scroll to continue'],
      [
        'byline',
        'Reporting by Jane Doe in Seoul; Additional reporting by Sam Smith in Washington; Editing by Jill Brown',
      ],
      ['legal', 'Our Standards: The Thomson Reuters Trust Principles.'],
    ],
    metadata: {
      outlet: 'Reuters',
      byline: 'Jane Doe and John Roe',
      publishedAt: '2024-10-18T06:24Z',
      dateline: 'SEOUL',
      section: 'World',
      title: "North Korea sends troops to Russia, South Korea's spy agency says",
    },
    body: [
      "SEOUL, Oct 18 (Reuters) - North Korea has sent 1,500 special forces troops to Russia's Far East for training and they are likely to fight in the war in Ukraine, South Korea's spy agency said on Friday.",
      'The National Intelligence Service (NIS) said in a statement that it had observed Russian navy ships transporting the troops from the port of Chongjin between Oct. 8 and 13.',
      '"This is the start of North Korea\'s participation in the war," the agency said.',
      'Russia and North Korea have denied they are engaged in arms transfers but pledged this year to deepen military ties.',
      'South Korean President Yoon Suk Yeol convened an emergency security meeting on Friday.',
    ],
  },
];

describe('extractPlainText on composed scrapes of other page styles', () => {
  for (const c of CASES) {
    it(`${c.file}: removes the furniture, keeps the body, reads the metadata`, () => {
      const raw = readFileSync(join(import.meta.dirname, 'fixtures', c.file), 'utf8');
      const x = extractPlainText(raw, {});
      assert.deepEqual(extractionProblems(x), []);
      assert.deepEqual(
        x.removed.map((r) => [r.reason, r.text]),
        c.removed,
      );
      assert.deepEqual(x.metadata, c.metadata);
      assert.deepEqual(
        x.kept.filter((k) => k.kind !== 'title').map((k) => x.text.slice(k.start, k.end)),
        c.body,
      );
      assert.equal(x.text, [c.metadata.title, ...c.body].join('\n\n'));
      for (const e of Object.values(x.evidence)) assert.equal(e.source, 'text');
    });
  }

  it('cites the dateline agency, the staff credit and the timestamp with raw offsets', () => {
    const raw = readFileSync(join(import.meta.dirname, 'fixtures', 'wire-reuters-style.txt'), 'utf8');
    const x = extractPlainText(raw, {});
    const quoteOf = (f: keyof typeof x.evidence) => {
      const r = x.evidence[f]?.raw;
      return r ? raw.slice(r.start, r.end) : undefined;
    };
    assert.equal(quoteOf('outlet'), 'Reuters');
    assert.equal(quoteOf('dateline'), 'SEOUL');
    assert.equal(quoteOf('byline'), 'Jane Doe and John Roe');
    assert.equal(quoteOf('publishedAt'), 'October 18, 2024 6:24 AM UTC');
    assert.equal(quoteOf('section'), 'World');
    assert.match(x.evidence.outlet!.detail, /agency in the dateline/);
  });

  it('takes the outlet from a copyright line only when nothing stronger states it', () => {
    const raw = readFileSync(join(import.meta.dirname, 'fixtures', 'wire-ap-style.txt'), 'utf8');
    const x = extractPlainText(raw, {});
    assert.equal(x.metadata.outlet, 'AP');
    assert.match(x.evidence.outlet!.detail, /agency in the dateline/);
    const paper = extractPlainText(
      readFileSync(join(import.meta.dirname, 'fixtures', 'local-paper-cookie-newsletter.txt'), 'utf8'),
      {},
    );
    assert.equal(paper.metadata.outlet, 'The Daily Courier');
    assert.match(paper.evidence.outlet!.detail, /^copyright holder/);
  });
});
