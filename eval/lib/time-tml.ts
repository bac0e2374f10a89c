/** One TIMEX3 of a gold document, with offsets into the document's tag-free text. */
export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod?: string;
}

export interface GoldTimeDocument {
  id: string;
  /** The document creation time (value of the CREATION_TIME TIMEX3). */
  dct?: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * Read a TimeML (.tml) document: the text inside <TEXT> with every tag stripped and entities decoded,
 * the TIMEX3 spans in it, and the DCT (functionInDocument="CREATION_TIME").
 */
export function parseTml(id: string, xml: string): GoldTimeDocument {
  const dctTag = /<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0];
  const dct = dctTag ? attr(dctTag, 'value') : undefined;
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + 6, close) : xml;
  let text = '';
  const timexes: GoldTimex[] = [];
  let current: { start: number; tag: string } | undefined;
  const re = /<[^>]+>|&(amp|lt|gt|quot|apos);|[^<&]+|&/g;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    const token = m[0];
    if (token.startsWith('<')) {
      if (/^<TIMEX3\b/.test(token)) current = { start: text.length, tag: token };
      else if (/^<\/TIMEX3>/.test(token) && current) {
        const timex: GoldTimex = {
          start: current.start,
          end: text.length,
          text: text.slice(current.start),
          type: attr(current.tag, 'type') ?? 'DATE',
          value: attr(current.tag, 'value') ?? '',
        };
        const mod = attr(current.tag, 'mod');
        if (mod) timex.mod = mod;
        timexes.push(timex);
        current = undefined;
      }
      continue;
    }
    text += m[1] ? (ENTITIES[m[1]] ?? token) : token;
  }
  const doc: GoldTimeDocument = { id, text, timexes };
  if (dct) doc.dct = dct;
  return doc;
}
