/**
 * Gold quotes for `npm run eval:quotes`, in two formats read into one shape:
 *
 * (a) Sitrep JSON lines, one article per line (see docs/decisions/0041-quote-extraction.md):
 *     {"id": "seed-000", "text": "<clean article text>", "outlet"?: "Yonhap",
 *      "quotes": [{"direct": true,
 *                  "content": {"start": 10, "end": 50, "text": "…"},
 *                  "speaker": {"start": 60, "end": 70, "text": "Victor Cha", "name"?: "Victor Cha"} | null,
 *                  "cue": {"start": 55, "end": 59, "text": "said"},
 *                  "via"?: "NBC News"}]}
 *     Offsets are UTF-16 code units into `text`; each `text` field must equal the slice it names.
 * (b) PolNeAR brat standoff: <dir>/text/<doc>.txt and <dir>/attributions/<doc>_<annotator>.ann with
 *     `T<n>\tSource|Cue|Content <start> <end>[;<start> <end>…]\t<text>` and
 *     `E<n>\tAttribution:T<a> Content:T<c> Cue:T<u> Source:T<s>` lines. One annotator per document
 *     (the first file name in sort order) when a document was annotated twice.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldSpan {
  start: number;
  end: number;
}

export interface GoldQuote {
  /** One or more pieces (brat discontinuous spans). */
  content: GoldSpan[];
  speaker?: GoldSpan[];
  cue?: GoldSpan[];
  direct?: boolean;
  /** Who the speaker is after resolution ("Lloyd Austin" for "he"), when the gold says. */
  speakerName?: string;
  via?: string;
}

export interface GoldDoc {
  id: string;
  text: string;
  outlet?: string;
  quotes: GoldQuote[];
}

interface JsonSpan {
  start: number;
  end: number;
  text: string;
  name?: string;
}

function checked(doc: string, text: string, span: JsonSpan, what: string): GoldSpan {
  if (text.slice(span.start, span.end) !== span.text) {
    throw new Error(
      `${doc}: ${what} [${span.start}, ${span.end}) does not slice to ${JSON.stringify(span.text)}`,
    );
  }
  return { start: span.start, end: span.end };
}

/** Parse Sitrep gold JSON lines; throws on a span that does not slice to its text. */
export function parseGoldJsonLines(source: string): GoldDoc[] {
  return source
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as {
        id: string;
        text: string;
        outlet?: string;
        quotes: {
          direct?: boolean;
          content: JsonSpan;
          speaker?: JsonSpan | null;
          cue?: JsonSpan;
          via?: string;
        }[];
      };
      const quotes = raw.quotes.map((q): GoldQuote => {
        const out: GoldQuote = { content: [checked(raw.id, raw.text, q.content, 'content')] };
        if (q.speaker) out.speaker = [checked(raw.id, raw.text, q.speaker, 'speaker')];
        if (q.speaker?.name) out.speakerName = q.speaker.name;
        if (q.cue) out.cue = [checked(raw.id, raw.text, q.cue, 'cue')];
        if (q.direct !== undefined) out.direct = q.direct;
        if (q.via) out.via = q.via;
        return out;
      });
      return { id: raw.id, text: raw.text, outlet: raw.outlet, quotes };
    });
}

function parseSpans(field: string): GoldSpan[] {
  return field.split(';').map((part) => {
    const [start, end] = part.trim().split(/\s+/).map(Number);
    return { start: start!, end: end! };
  });
}

/** Parse one brat .ann file into gold quotes (attributions that have a content span). */
export function parseBratAnnotations(ann: string): GoldQuote[] {
  const spans = new Map<string, GoldSpan[]>();
  const quotes: GoldQuote[] = [];
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const m = /^(\S+) (.+)$/.exec(body);
      if (m) spans.set(id, parseSpans(m[2]!));
    } else if (id.startsWith('E')) events.push(body);
  }
  for (const body of events) {
    const roles = new Map(body.split(/\s+/).map((r) => r.split(':') as [string, string]));
    const content = spans.get(roles.get('Content') ?? '');
    if (!content) continue;
    const quote: GoldQuote = { content };
    const speaker = spans.get(roles.get('Source') ?? '');
    const cue = spans.get(roles.get('Cue') ?? '');
    if (speaker) quote.speaker = speaker;
    if (cue) quote.cue = cue;
    quotes.push(quote);
  }
  return quotes;
}

/** Read a PolNeAR-style folder (text/ + attributions/). */
export function loadBratDir(dir: string): GoldDoc[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  const anns = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const docs: GoldDoc[] = [];
  for (const file of readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const base = file.slice(0, -4);
    const ann = anns.find(
      (a) => a.startsWith(`${base}_`) && /^[0-9a-f]+\.ann$/.test(a.slice(base.length + 1)),
    );
    if (!ann) continue;
    const text = readFileSync(join(textDir, file), 'utf8');
    docs.push({ id: base, text, quotes: parseBratAnnotations(readFileSync(join(annDir, ann), 'utf8')) });
  }
  return docs;
}

/** Load gold from a .jsonl file, a folder of .jsonl files, or a brat folder (text/ + attributions/). */
export function loadGold(path: string): GoldDoc[] {
  if (statSync(path).isFile()) return parseGoldJsonLines(readFileSync(path, 'utf8'));
  if (existsSync(join(path, 'text')) && existsSync(join(path, 'attributions'))) return loadBratDir(path);
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new Error(`${path}: no .jsonl files and no text/ + attributions/ folders`);
  return files.flatMap((f) => parseGoldJsonLines(readFileSync(join(path, f), 'utf8')));
}
