import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractQuotes } from './extract-quotes.ts';

const one = (text: string) => {
  const quotes = extractQuotes('a1', `Title\n\n${text}`);
  return quotes.map((q) => ({
    speaker: q.speaker.text,
    cue: q.cue,
    content: q.content.text,
    direct: q.direct,
    ...(q.via ? { via: q.via } : {}),
  }));
};

describe('extractQuotes: direct quotes', () => {
  it('reads curly quotes with an inverted cue and the name before an apposition', () => {
    assert.deepEqual(one('“It is a bad year,” said Victor Cha, senior vice president at CSIS.'), [
      { speaker: 'Victor Cha', cue: 'said', content: 'It is a bad year', direct: true },
    ]);
  });

  it('reads straight quotes spanning two sentences, with the medium after "told"', () => {
    assert.deepEqual(
      one('"We have no doubt. It is a matter of degree," a US intelligence official told NBC News.'),
      [
        {
          speaker: 'a US intelligence official',
          cue: 'told',
          content: 'We have no doubt. It is a matter of degree',
          direct: true,
          via: 'NBC News',
        },
      ],
    );
  });

  it('reads "was quoted by X as saying" and "X cited Y as saying"', () => {
    assert.deepEqual(one('"We are ready," a senior official was quoted by NBC News as saying.'), [
      {
        speaker: 'a senior official',
        cue: 'quoted as saying',
        content: 'We are ready',
        direct: true,
        via: 'NBC News',
      },
    ]);
    assert.deepEqual(
      one(
        'Officials are bracing for a test, NBC News reported Friday.\n\nThe broadcaster cited one senior US official as saying, "We are going to be ready."',
      )[1],
      {
        speaker: 'one senior US official',
        cue: 'cited as saying',
        content: 'We are going to be ready.',
        direct: true,
        via: 'NBC News',
      },
    );
  });

  it('runs a quote with a missing opening mark from the paragraph start (mangled marks)', () => {
    const quotes = one(
      'We are very concerned about the programs, its space launch capacity“Blinken said during a press conference.\n\nThe arms industry is large. That is where the concern lies.“, explains to Trade international analyst Roberto Heimovits.\n\nThe weapons are outdated.”explains Heimovits.',
    );
    assert.deepEqual(
      quotes.map((q) => [q.speaker, q.content, q.via ?? '']),
      [
        ['Blinken', 'We are very concerned about the programs, its space launch capacity', ''],
        ['Roberto Heimovits', 'The arms industry is large. That is where the concern lies.', 'Trade'],
        ['Roberto Heimovits', 'The weapons are outdated.', ''],
      ],
    );
  });

  it('continues a speaker over a second quote of the paragraph and resolves surnames and pronouns', () => {
    const quotes = one(
      'Defense Secretary Lloyd Austin spoke in Rome.\n\n“We are seeing evidence,” Austin said. “What they are doing is left to be seen.”\n\n“That is a very serious issue,” he said.',
    );
    assert.deepEqual(
      quotes.map((q) => [q.speaker, q.content]),
      [
        ['Lloyd Austin', 'We are seeing evidence'],
        ['Lloyd Austin', 'What they are doing is left to be seen.'],
        ['Lloyd Austin', 'That is a very serious issue'],
      ],
    );
  });

  it('reads a block quotation introduced by the paragraph before ("Caddell continued:")', () => {
    assert.deepEqual(
      one('The pollster spoke on Monday. Caddell continued:\n\n"The health issue is a partisan issue."'),
      [
        {
          speaker: 'Caddell',
          cue: 'continued',
          content: 'The health issue is a partisan issue.',
          direct: true,
        },
      ],
    );
  });

  it('reads "told X in a statement" and leaves scare quotes alone', () => {
    assert.deepEqual(
      one(
        'They signed a “mutual assistance” pact. “Allies have confirmed evidence,” NATO spokeswoman Farah Dakhlallah told Politico Europe in a statement.',
      ),
      [
        {
          speaker: 'Farah Dakhlallah',
          cue: 'told',
          content: 'Allies have confirmed evidence',
          direct: true,
          via: 'Politico Europe',
        },
      ],
    );
  });
});

describe('extractQuotes: direct quotes, attribution forms', () => {
  it('reads "X told …" with any object after the closing comma, past an abbreviation', () => {
    assert.deepEqual(one('He left. “I am proud of you,” Mr. Clarke told some of the miners.'), [
      { speaker: 'Clarke', cue: 'told', content: 'I am proud of you', direct: true },
    ]);
  });

  it("does not attribute a quotation that ends its sentence to the next sentence's speaker", () => {
    const quotes = one('Trump’s tweet was “unhinged, even for him.” She says it shows his temper.');
    assert.equal(
      quotes.some((q) => q.direct),
      false,
    );
  });

  it('reads pull quotes signed with a dash', () => {
    assert.deepEqual(
      one('“He represents our shame.” ― Sonya Herridge\n“Build a wall around him.” ― Jorge Falcon'),
      [
        { speaker: 'Sonya Herridge', cue: '―', content: 'He represents our shame.', direct: true },
        { speaker: 'Jorge Falcon', cue: '―', content: 'Build a wall around him.', direct: true },
      ],
    );
  });

  it('gives ", saying, “…”" to the subject opening the sentence', () => {
    assert.deepEqual(one('The senator left the room, saying, “We are done here.”'), [
      { speaker: 'The senator', cue: 'saying', content: 'We are done here.', direct: true },
    ]);
    assert.deepEqual(one('She later defended the remark, tweeting, “Coke user?”'), [
      { speaker: 'She', cue: 'tweeting', content: 'Coke user?', direct: true },
    ]);
  });
});

describe('extractQuotes: typewriter marks and mixed quotations', () => {
  it("reads '' and `` '' as quotation marks (older newspaper and wire text)", () => {
    assert.deepEqual(one("''We should throw monkey wrenches into the works,'' Mr. Castaneda said."), [
      {
        speaker: 'Castaneda',
        cue: 'said',
        content: 'We should throw monkey wrenches into the works',
        direct: true,
      },
    ]);
    assert.deepEqual(one("``It is over,'' the mayor said."), [
      { speaker: 'the mayor', cue: 'said', content: 'It is over', direct: true },
    ]);
  });

  it('attributes the whole clause of a mixed quotation, which is then not direct', () => {
    assert.deepEqual(one('Oz is “smart as hell,” Steve Mosko wrote in an email.'), [
      { speaker: 'Steve Mosko', cue: 'wrote', content: 'Oz is “smart as hell,”', direct: false },
    ]);
    // A quotation opening its sentence keeps its own bounds, and so does the one after it.
    assert.deepEqual(one('It rained. “We are done,” she said. “Go home now, all of you.”'), [
      { speaker: 'she', cue: 'said', content: 'We are done', direct: true },
      { speaker: 'she', cue: 'said', content: 'Go home now, all of you.', direct: true },
    ]);
  });
});

describe('extractQuotes: reported speech', () => {
  it('reads "X said that …" and trailing "…, the officials added"', () => {
    assert.deepEqual(
      one('Kirby said that the troops moved east. The US is on high alert for a test, the officials added.'),
      [
        { speaker: 'Kirby', cue: 'said', content: 'the troops moved east', direct: false },
        {
          speaker: 'the officials',
          cue: 'added',
          content: 'The US is on high alert for a test',
          direct: false,
        },
      ],
    );
  });

  it('reads "according to" in front and behind, and "in a statement to Y"', () => {
    assert.deepEqual(
      one('According to CNN, the soldiers left by ship. Talks have begun, according to a spokeswoman.'),
      [
        { speaker: 'CNN', cue: 'according to', content: 'the soldiers left by ship', direct: false },
        { speaker: 'a spokeswoman', cue: 'according to', content: 'Talks have begun', direct: false },
      ],
    );
    assert.deepEqual(
      one('The ministry said in a statement to Politico Europe that talks would resume soon.'),
      [
        {
          speaker: 'The ministry',
          cue: 'said',
          content: 'talks would resume soon',
          direct: false,
          via: 'Politico Europe',
        },
      ],
    );
  });

  it('nests reported speech and resolves "the outlet" to the medium named before', () => {
    const quotes = extractQuotes(
      'a1',
      'Title\n\nThe alliance could grow, six senior US officials told NBC News.\n\nUS officials believe that Putin is providing technology, the outlet reported.',
    );
    assert.deepEqual(
      quotes.map((q) => [q.speaker.text, q.speaker.kind, q.content.text]),
      [
        ['six senior US officials', 'anonymous', 'The alliance could grow'],
        ['NBC News', 'outlet', 'US officials believe that Putin is providing technology'],
        ['US officials', 'anonymous', 'Putin is providing technology'],
      ],
    );
  });

  it('takes an entity id from a mention over the speaker, and skips agentless passives', () => {
    const text =
      'Title\n\nAustin said that the troops left.\n\nEarlier, it was reported that Kim decided to go.';
    const start = text.indexOf('Austin');
    const quotes = extractQuotes('a1', text, {
      entities: [
        {
          articleId: 'a1',
          start,
          end: start + 6,
          text: 'Austin',
          type: 'person',
          entityId: 'e-austin',
          via: 'alias',
        },
      ],
    });
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]!.speaker.entityId, 'e-austin');
    assert.equal(text.slice(quotes[0]!.content.start, quotes[0]!.content.end), 'the troops left');
  });
});
