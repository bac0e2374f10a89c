/**
 * PETRARCH validation records (PETR.UnitTest.records.xml): CAMEO-coded sentences, each with its
 * `<EventCoding sourcecode targetcode eventcode>` lines (or `noevents="True"`) and its `<Text>`.
 * Parsed by pattern: the file is regular and not guaranteed to be well-formed XML.
 */

export interface PetrarchCoding {
  source: string;
  target: string;
  code: string;
}

export interface PetrarchRecord {
  id: string;
  date: string;
  category: string;
  text: string;
  /** Empty when the record codes no event (noevents="True") — a test that nothing is coded. */
  codings: PetrarchCoding[];
}

function attr(tag: string, name: string): string {
  return new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? '';
}

/** The records with a text, in file order; comments (`<!-- … -->`) are dropped first. */
export function parsePetrarchRecords(xml: string): PetrarchRecord[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const out: PetrarchRecord[] = [];
  for (const m of body.matchAll(/<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    const head = m[1] ?? '';
    const inner = m[2] ?? '';
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(inner)?.[1];
    if (text === undefined) continue;
    const codings: PetrarchCoding[] = [];
    for (const c of inner.matchAll(/<EventCoding\b([^>]*)>/g)) {
      const tag = c[1] ?? '';
      const code = attr(tag, 'eventcode');
      if (code) codings.push({ source: attr(tag, 'sourcecode'), target: attr(tag, 'targetcode'), code });
    }
    out.push({
      id: attr(head, 'id'),
      date: attr(head, 'date'),
      category: attr(head, 'category'),
      text: text.replace(/\s+/g, ' ').trim(),
      codings,
    });
  }
  return out;
}
