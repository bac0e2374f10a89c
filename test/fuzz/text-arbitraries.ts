/**
 * Generators of the text Sitrep reads: words with odd characters among them (NUL, controls, lone
 * surrogates, bidi marks, BOMs, terminal escapes), plain-text articles with page furniture and
 * odd line breaks, and HTML pages, well-formed or not, deeply nested, with entities and head
 * metadata. Neutral vocabulary: nothing here names anything from the example corpus.
 */
import fc from 'fast-check';

const WORDS =
  'the council said on Tuesday that talks would resume in spring officials bridge harbour storm repairs minister budget vote river according to a statement published late report farmers rain train Mayor Lindqvist Oakridge Valdora agency "we will not wait," she élan Straße naïve город 東京 مرحبا שלום 😀 2024 12:30 % $5'.split(
    ' ',
  );

/** Tokens that break naive code: controls, NUL, lone surrogates, bidi and zero-width marks, escapes. */
export const ODD_TOKENS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
  '\r',
  '\t',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&bogus;',
  '<',
  '>',
  '&',
  '"',
  "'",
  '\\',
  '`',
  '$' + '{x}',
  '%s',
  '{{x}}',
  '__proto__',
];

export const word = fc.oneof(
  { arbitrary: fc.constantFrom(...WORDS), weight: 12 },
  { arbitrary: fc.constantFrom(...ODD_TOKENS), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 1 },
);

export const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 18 }), fc.constantFrom('.', '.', '!', '?', '', ':', '…'))
  .map(([words, end]) => `${words.join(' ')}${end}`);

export const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));

/** Lines the extractors' rules act on: widgets, bylines, datelines, credits, promos, legal lines. */
export const FURNITURE = [
  ...'Share this article|Advertisement|ADVERTISEMENT|Read more:|Related articles|By Jane Doe|By JANE DOE and Sam Roe, Staff Writers|Updated: 12 May 2024, 10:00 GMT|May 25, 2024 - 10:19|Photo: Getty Images / STR|Comments (12)|12 comments|Subscribe to our newsletter|© 2024 Example News. All rights reserved.|We use cookies to improve your experience. Accept|Follow us on Telegram|Like Love Haha Wow|OSLO (Reuters) -|Home > World > Europe|Tags: politics, weather|Jane Doe is a reporter.|Loading...|Click here|1/12|* * *|---'.split(
    '|',
  ),
  'Share on Facebook | Twitter | Email',
  '',
  ' ',
  '\t',
];

/** A plain-text article: an optional title line, paragraphs and furniture, joined by odd breaks. */
export const plainText = fc
  .tuple(
    fc.option(sentence, { nil: undefined }),
    fc.array(
      fc.oneof(
        { arbitrary: paragraph, weight: 5 },
        { arbitrary: fc.constantFrom(...FURNITURE), weight: 2 },
        { arbitrary: sentence, weight: 1 },
      ),
      { maxLength: 24 },
    ),
    fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r\n', '\r', '\n \n', '\f', '\u2029', '\n\n\n\n'),
  )
  .map(([title, blocks, sep]) => [...(title === undefined ? [] : [title]), ...blocks].join(sep));

const ENTITIES =
  '&amp; &lt; &gt; &quot; &nbsp; &eacute; &#8217; &#x2014; &#0; &#xD800; &#1114112; &#x110000; &notanentity; & &# &#x; &amp &lt;script&gt; &AMP;'.split(
    ' ',
  );

const htmlText = fc.oneof(
  { arbitrary: sentence.map(escapeHtml), weight: 6 },
  { arbitrary: sentence, weight: 1 },
  { arbitrary: fc.constantFrom(...ENTITIES), weight: 2 },
  { arbitrary: fc.constantFrom(...FURNITURE).map(escapeHtml), weight: 2 },
);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const TAGS =
  'div p p p span article section main header footer nav aside h1 h2 h3 ul ol li blockquote figure figcaption a b em table tr td pre script style noscript template iframe svg math form button select option textarea title time address details summary font center'.split(
    ' ',
  );
const VOID_TAGS = ['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr'];

const ATTRS = fc.array(
  fc.tuple(
    fc.constantFrom(
      'class',
      'id',
      'href',
      'src',
      'style',
      'hidden',
      'aria-hidden',
      'role',
      'lang',
      'dir',
      'data-x',
      'itemprop',
      'onclick',
    ),
    fc.oneof(
      fc.constantFrom(
        'article-body',
        'content',
        'share',
        'ad',
        'comments',
        'byline',
        'nav',
        'true',
        'rtl',
        'headline',
        'javascript:alert(1)',
        'display:none',
        'https://example.org/x',
      ),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    fc.constantFrom('"', "'", ''),
  ),
  { maxLength: 3 },
);

function renderAttrs(attrs: [string, string, string][]): string {
  return attrs
    .map(
      ([name, value, q]) => ` ${name}=${q}${q ? value.replaceAll(q, '') : value.replace(/[\s>]/g, '')}${q}`,
    )
    .join('');
}

/** An HTML fragment: a small random tree, with some close tags left out or in the wrong place. */
export const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    htmlText,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        ATTRS,
        fc.array(tie('node'), { maxLength: 5 }),
        fc.constantFrom('close', 'close', 'close', 'close', 'open', 'wrong'),
      )
      .map(([tag, attrs, children, end]) => {
        const close = end === 'close' ? `</${tag}>` : end === 'wrong' ? '</p></div>' : '';
        return `<${tag}${renderAttrs(attrs)}>${children.join('')}${close}`;
      }),
    fc.tuple(fc.constantFrom(...VOID_TAGS), ATTRS).map(([tag, attrs]) => `<${tag}${renderAttrs(attrs)}>`),
    fc.constantFrom(
      '<!-- note -->',
      '<!-- unterminated',
      '<![CDATA[x]]>',
      '<?php echo 1; ?>',
      '</>',
      '<',
      '<p',
      '<div class="',
    ),
  ),
})).node;

/** Deep nesting (past the 256-level limit sometimes), around one paragraph. */
export const deepHtml = fc
  .tuple(fc.integer({ min: 20, max: 320 }), fc.constantFrom('div', 'span', 'b', 'table', 'li'), paragraph)
  .map(
    ([depth, tag, p]) =>
      `<html><body>${`<${tag}>`.repeat(depth)}<p>${escapeHtml(p)}</p>${`</${tag}>`.repeat(depth)}</body></html>`,
  );

const DOCTYPES = [
  '',
  '<!DOCTYPE html>',
  '<!doctype HTML>',
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
  '<!DOCTYPE',
  '<!DOCTYPE html [<!ENTITY x "y">]>',
  '<?xml version="1.0" encoding="utf-8"?>',
  '\ufeff<!DOCTYPE html>',
];

const headMeta = fc.array(
  fc.oneof(
    sentence.map((t) => `<title>${escapeHtml(t)}</title>`),
    fc
      .constantFrom('utf-8', 'iso-8859-1', 'windows-1251', 'shift_jis', 'utf-16', 'x-bogus', '')
      .map((c) => `<meta charset="${c}">`),
    fc
      .tuple(
        fc.constantFrom(
          'og:title',
          'og:site_name',
          'article:published_time',
          'author',
          'description',
          'article:section',
        ),
        sentence,
      )
      .map(([p, v]) => `<meta property="${p}" name="${p}" content="${escapeHtml(v)}">`),
    fc
      .oneof(
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc.constant('{"@type":"NewsArticle","headline":'),
        fc.constant('{"@type":"NewsArticle","datePublished":"2024-02-30","author":{"name":null}}'),
      )
      .map((json) => `<script type="application/ld+json">${json}</script>`),
    fc.constantFrom(
      '<link rel="canonical" href="https://example.org/a?b=1">',
      '<link rel="canonical" href="javascript:x">',
      '<base href="//evil.example/">',
    ),
  ),
  { maxLength: 5 },
);

/** An HTML page: doctype, head metadata and a body, sometimes cut short. */
export const htmlPage = fc
  .tuple(
    fc.constantFrom(...DOCTYPES),
    fc.constantFrom('', ' lang="en"', ' lang="xx-invalid"', ' lang=""', ' dir="rtl"'),
    headMeta,
    fc.array(
      fc.oneof(
        { arbitrary: htmlTree, weight: 4 },
        { arbitrary: paragraph.map((p) => `<p>${escapeHtml(p)}</p>`), weight: 3 },
      ),
      { maxLength: 12 },
    ),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined, freq: 6 }),
  )
  .map(([doctype, lang, head, body, cut]) => {
    const page = `${doctype}<html${lang}><head>${head.join('')}</head><body>${body.join('\n')}</body></html>`;
    return cut === undefined ? page : page.slice(0, Math.floor(page.length * cut));
  });

export const anyHtml = fc.oneof(
  { arbitrary: htmlPage, weight: 6 },
  { arbitrary: deepHtml, weight: 1 },
  { arbitrary: htmlTree, weight: 1 },
);
