import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from '../../../../core/span.ts';
import { annotateEntities } from '../../entities/annotate-entities.ts';
import { extractQuotes, nominalSource, subjectBefore, verbalCue } from '../extract-quotes.ts';
import { fragmentsOf, sharedSource } from '../learned-links.ts';
import type { RawQuote } from '../raw-quote.ts';
import type { RoleSpan } from './attribution-tagger.ts';
import { groupRoles } from './group-roles.ts';

const rows = (text: string, withEntities = false): string[][] =>
  extractQuotes('a', text, withEntities ? { entities: annotateEntities('a', text) } : {}).map((q) => [
    q.speaker.span ? text.slice(q.speaker.span.start, q.speaker.span.end) : '',
    q.cue,
    q.content.text,
  ]);

describe('learned attributions', () => {
  it('reads beliefs, calls and what documents show, which the speech rules do not', () => {
    assert.deepEqual(rows('The senator believes the bill will fail in the House.'), [
      ['The senator', 'believes', 'the bill will fail in the House'],
    ]);
    assert.deepEqual(
      rows('Clinton has called for a ban on assault weapons. A new poll shows Trump leading in Ohio.'),
      [
        ['Clinton', 'has called for', 'a ban on assault weapons'],
        ['A new poll', 'shows', 'Trump leading in Ohio'],
      ],
    );
  });

  it('gives a source its article and capitalised modifiers, and a content its last word', () => {
    assert.deepEqual(rows('The Republican nominee has called for a wall on the border.'), [
      ['The Republican nominee', 'has called for', 'a wall on the border'],
    ]);
    // …never across the sentence before.
    assert.deepEqual(rows('The meeting was held in Washington. Senator believes the bill will fail.'), [
      ['Senator', 'believes', 'the bill will fail'],
    ]);
    assert.deepEqual(rows('The report shows that voters think the race is close.'), [
      ['The report', 'shows', 'that voters think the race is close'],
    ]);
  });

  it('ends a learned content before a participle clause after a comma, as PolNeAR does', () => {
    assert.deepEqual(
      rows(
        'Donald Trump is once again questioning the integrity of the U.S. voting system, encouraging his supporters to visit polling places.',
      ),
      [['Donald Trump', 'is once again questioning', 'the integrity of the U.S. voting system']],
    );
    assert.deepEqual(
      rows('Clinton wants to sign up 5 million new voters in the state, focusing on people under 30.'),
      [['Clinton', 'wants', 'to sign up 5 million new voters in the state']],
    );
  });

  it('stands a nested attribution beside the reported one, and ends a content at a coordinated cue', () => {
    assert.deepEqual(
      rows(
        'Figueroa said the campaign planned to bus in supporters to the debate, though she acknowledged it was unlikely to work.',
      ),
      [
        [
          'Figueroa',
          'said',
          'the campaign planned to bus in supporters to the debate, though she acknowledged it was unlikely to work',
        ],
        ['she', 'acknowledged', 'it was unlikely to work'],
      ],
    );
    assert.deepEqual(
      rows(
        'Graham said Republicans must join the ranks of climate change believers, and criticized the party for its lack of environmental awareness.',
        true,
      ),
      [
        ['Graham', 'said', 'Republicans must join the ranks of climate change believers'],
        ['Graham', 'criticized', 'the party for its lack of environmental awareness'],
      ],
    );
  });

  it('gives a source no capitalised word opening the sentence ("As", "Although")', () => {
    assert.deepEqual(rows('As President Obama has argued for years, the climate is changing fast.', true), [
      ['President Obama', 'has argued', 'the climate is changing fast'],
    ]);
  });

  it('leaves the rules their reported speech, with its boundaries', () => {
    assert.deepEqual(
      rows('Officials at the agency want a new inquiry, according to documents seen by Reuters.'),
      [['documents seen by Reuters', 'according to', 'Officials at the agency want a new inquiry']],
    );
  });
});

/** Role spans over a text, found by the marked substrings. */
function spans(text: string, marks: Array<[string, RoleSpan['role']]>): RoleSpan[] {
  return marks.map(([s, role]) => {
    const start = text.indexOf(s);
    assert.ok(start >= 0, s);
    return { start, end: start + s.length, role };
  });
}

const slice = (text: string, r: Range | undefined): string => (r ? text.slice(r.start, r.end) : '');

describe('learned attribution filters', () => {
  it('takes no possessive determiner and no demonym used as an adjective as a source', () => {
    const span = { start: 0, end: 12 };
    const demonym = [
      { articleId: 'a', start: 0, end: 12, text: 'North Korean', type: 'country' as const, via: 'demonym' },
    ];
    assert.equal(nominalSource('their', { start: 0, end: 5 }, []), false);
    assert.equal(nominalSource('North Korean', span, demonym), false);
    assert.equal(nominalSource('North Korea', { start: 0, end: 11 }, []), true);
    assert.equal(nominalSource('their ministers', { start: 0, end: 15 }, []), true);
  });

  it('takes no word of a name and no noun after a determiner as a cue', () => {
    const text = 'The United States Conference of Mayors met the secretary of state, who states the plan.';
    const at = (w: string): Range => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const us = [
      { articleId: 'a', start: 4, end: 17, text: 'United States', type: 'country' as const, via: 'tagger' },
    ];
    assert.equal(verbalCue(text, at('States'), us), false);
    const noun = text.indexOf('state,');
    assert.equal(verbalCue(text, { start: noun, end: noun + 5 }, us), false);
    const verb = text.indexOf('states the');
    assert.equal(verbalCue(text, { start: verb, end: verb + 6 }, us), true);
  });

  it('keeps no attribution whose content is one or two words ("praised each other")', () => {
    assert.deepEqual(rows('Both leaders praised each other.'), []);
  });
});

describe('groupRoles', () => {
  it('pairs each cue with the nearest content after it, else before it, and the nearest source', () => {
    const text = 'Kim said the talks failed. The plan is dead, the minister added. Work began.';
    const [a, b, c] = [
      { start: 0, end: 26 },
      { start: 27, end: 64 },
      { start: 65, end: 76 },
    ];
    const roles = [
      spans(text, [
        ['Kim', 'SRC'],
        ['said', 'CUE'],
        ['the talks failed', 'CNT'],
      ]),
      spans(text, [
        ['The plan is dead', 'CNT'],
        ['the minister', 'SRC'],
        ['added', 'CUE'],
      ]),
      spans(text, [['began', 'CUE']]),
    ];
    const out = groupRoles([a, b, c], roles).map((x) => [
      slice(text, x.source),
      slice(text, x.cue),
      slice(text, x.content),
    ]);
    // The third cue has no content: no attribution.
    assert.deepEqual(out, [
      ['Kim', 'said', 'the talks failed'],
      ['the minister', 'added', 'The plan is dead'],
    ]);
  });

  it('runs a content on into the next sentence when that one has content and no cue', () => {
    const text = 'He said the army had left. The border is quiet. It rained.';
    const sentences = [
      { start: 0, end: 26 },
      { start: 27, end: 48 },
      { start: 49, end: 59 },
    ];
    const roles = [
      spans(text, [
        ['He', 'SRC'],
        ['said', 'CUE'],
        ['the army had left', 'CNT'],
      ]),
      spans(text, [['The border is quiet', 'CNT']]),
      [],
    ];
    const [only, ...rest] = groupRoles(sentences, roles);
    assert.equal(rest.length, 0);
    assert.equal(slice(text, only?.content), 'the army had left. The border is quiet');
  });

  it('joins the pieces of a broken content while no cue or source stands between, not past a closing mark', () => {
    const text = 'Officials said about one of nine voters is Latino. He cited "political tensions" - a risk.';
    const sentences = [
      { start: 0, end: 50 },
      { start: 51, end: 90 },
    ];
    const roles = [
      spans(text, [
        ['Officials', 'SRC'],
        ['said', 'CUE'],
        ['about', 'CNT'],
        ['one of nine voters is Latino', 'CNT'],
      ]),
      spans(text, [
        ['He', 'SRC'],
        ['cited', 'CUE'],
        ['"political tensions"', 'CNT'],
        ['- a risk', 'CNT'],
      ]),
    ];
    const out = groupRoles(sentences, roles, text).map((x) => slice(text, x.content));
    assert.deepEqual(out, ['about one of nine voters is Latino', '"political tensions"']);
  });
});

describe('learned attribution sources', () => {
  it('takes a sentence-opening "It" (not that of "It is difficult to …"), a relative "who", a subject named before', () => {
    const text = 'It is denouncing what it calls an attack. It is difficult to predict what they would do.';
    const sentences = [
      { start: 0, end: 41 },
      { start: 42, end: 88 },
    ];
    const at = (word: string): Range => {
      const start = text.indexOf(word);
      return { start, end: start + word.length };
    };
    assert.equal(slice(text, subjectBefore(text, sentences, [], at('denouncing'))), 'It');
    assert.equal(subjectBefore(text, sentences, [], at('predict')), undefined);
    const forced = 'The senator forced Stumpf, under questioning, to admit the failure.';
    const stumpf = [
      { articleId: 'a', start: 19, end: 25, text: 'Stumpf', type: 'person' as const, via: 'tagger' },
    ];
    const admit = { start: forced.indexOf('admit'), end: forced.indexOf('admit') + 5 };
    const one = [{ start: 0, end: forced.length }];
    assert.equal(slice(forced, subjectBefore(forced, one, stumpf, admit)), 'Stumpf');
    const object = 'The senator spoke to Stumpf, urging action.';
    const mention = [
      { articleId: 'a', start: 21, end: 27, text: 'Stumpf', type: 'person' as const, via: 'tagger' },
    ];
    const urging = { start: object.indexOf('urging'), end: object.indexOf('urging') + 6 };
    assert.equal(subjectBefore(object, [{ start: 0, end: object.length }], mention, urging), undefined);
    const rel = 'Critics, who see the program as a loophole, want changes.';
    const see = { start: rel.indexOf('see'), end: rel.indexOf('see') + 3 };
    assert.equal(slice(rel, subjectBefore(rel, [{ start: 0, end: rel.length }], [], see)), 'who');
  });
});

describe('learned attributions: sources shared, mixed quotations', () => {
  const at = (text: string, word: string, from = 0): Range => {
    const start = text.indexOf(word, from);
    assert.ok(start >= 0, word);
    return { start, end: start + word.length };
  };
  const raw = (text: string, speaker: string, cue: string, content: string, direct: boolean): RawQuote => ({
    content: at(text, content),
    direct,
    cue,
    cueSpan: at(text, cue),
    speaker: { ...at(text, speaker), text: speaker },
    extent: { start: 0, end: text.length },
  });

  it('gives a participle or a coordinated cue the source of the attribution before it in its sentence', () => {
    const text = '“We are done,” he said, adding that talks would resume. He left, and said nothing.';
    const sentences = [
      { start: 0, end: 55 },
      { start: 56, end: text.length },
    ];
    const said = raw(text, 'he', 'said', 'We are done', true);
    assert.equal(slice(text, sharedSource(text, sentences, at(text, 'adding'), [said])), 'he');
    // Not from another sentence, and not for a cue that neither continues nor coordinates.
    assert.equal(sharedSource(text, sentences, at(text, 'said', 60), [said]), undefined);
    const plain = 'He said it, it is known.';
    const one = [{ start: 0, end: plain.length }];
    assert.equal(
      sharedSource(plain, one, at(plain, 'known'), [raw(plain, 'He', 'said', 'it', false)]),
      undefined,
    );
  });

  it('takes a direct quotation inside a learned reported content as a fragment of it, not a quote of its own', () => {
    const text = 'She said “you squeezed employees” to drive up the stock price, Warren told Stumpf.';
    const fragment = raw(text, 'Warren', 'told', 'you squeezed employees', true);
    const whole = raw(text, 'She', 'said', '“you squeezed employees” to drive up the stock price', false);
    assert.deepEqual(fragmentsOf(text, whole, [fragment]), [fragment]);
    // The same quotation with its marks is no larger content; a content holding the fragment's cue is
    // no reported content of its own ("“…,” Kirby said, according to CNN").
    const marks = raw(text, 'She', 'said', '“you squeezed employees”', false);
    assert.deepEqual(fragmentsOf(text, marks, [fragment]), []);
    const kirby = '“We assess the soldiers moved,” John Kirby said, according to CNN.';
    const quote = raw(kirby, 'John Kirby', 'said', 'We assess the soldiers moved', true);
    const learned = raw(
      kirby,
      'CNN',
      'according to',
      '“We assess the soldiers moved,” John Kirby said',
      false,
    );
    assert.deepEqual(fragmentsOf(kirby, learned, [quote]), []);
  });
});
