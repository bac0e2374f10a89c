import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFormat, skipProlog } from './detect-format.ts';

describe('detectFormat', () => {
  const cases: [string, string, string | undefined, string][] = [
    ['RSS 2.0 with prolog', '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', undefined, 'feed'],
    [
      'RSS with comment, stylesheet PI and doctype',
      '\uFEFF<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><!-- hi --><!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://x/rss.dtd">\n<rss>',
      undefined,
      'feed',
    ],
    ['Atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', undefined, 'feed'],
    [
      'RSS 1.0 (RDF)',
      '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      undefined,
      'feed',
    ],
    ['a feed served as text/html is still a feed', '<rss version="2.0">', 'text/html', 'feed'],
    ['JSON lines', '{"text":"a"}\n{"text":"b"}\n', undefined, 'json'],
    ['JSON lines with a broken first line', '{"text":\n{"text":"b"}\n', undefined, 'json'],
    ['pretty-printed JSON object', '{\n  "text": "a"\n}\n', undefined, 'json'],
    ['JSON array', '  [{"text":"a"}]', undefined, 'json'],
    ['text that starts with a bracket', '[Reuters] Markets fell on Monday.', undefined, 'text'],
    ['text that starts with a brace', '{sic} is what the editor wrote.', undefined, 'text'],
    ['doctype', '<!DOCTYPE html><title>x</title>', undefined, 'html'],
    ['comment then html', '<!-- saved page -->\n<html lang="en">', undefined, 'html'],
    ['bare body', '<body><p>x</p></body>', undefined, 'html'],
    ['fragment with three common tags', 'Intro <p>one</p> <a href="/x">two</a> <br> end', undefined, 'html'],
    ['two tags are not enough', 'Use <b>bold</b> and <i>italic</i> here.', undefined, 'text'],
    ['text served as text/html', 'Just words.', 'text/html; charset=utf-8', 'html'],
    ['plain text', 'WASHINGTON (AP) — The Senate voted 51-49 on Tuesday.', 'text/plain', 'text'],
  ];
  for (const [name, text, contentType, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(detectFormat(text, contentType), expected));
  }

  it('skips the XML prolog but not an HTML doctype', () => {
    assert.equal(skipProlog('<?xml version="1.0"?>\n<!-- c -->\n<rss>'), '<rss>');
    assert.equal(skipProlog('<!DOCTYPE html>\n<html>'), '<!DOCTYPE html>\n<html>');
  });

  it('skips a doctype with an internal subset holding "]" and ">", and stops at one never closed', () => {
    assert.equal(skipProlog('<!DOCTYPE rss [ <!ENTITY a "]"> ]>\n<rss>'), '<rss>');
    assert.equal(skipProlog('\uFEFF <!DOCTYPE rss SYSTEM "x.dtd" >  <!--c--><rss>'), '<rss>');
    const unclosed = `<!DOCTYPE${' '.repeat(200_000)}`;
    assert.equal(skipProlog(unclosed), unclosed);
    assert.equal(skipProlog(`<!DOCTYPE x [${' '.repeat(200_000)}`).length, 200_013);
    assert.equal(detectFormat(`<!DOCTYPE${' '.repeat(200_000)}<p>hi</p>`), 'text');
  });
});
