/**
 * The DUC multi-document summarisation sets (2006, 2007) as Sitrep input: `topics.sgml` (number,
 * title, narrative, document list), `docs/<topic>/<DOCNO>` (TREC SGML news articles) and
 * `models/<topic>.M.250.<set>.<annotator>` (human 250-word summaries).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DucTopic {
  id: string;
  title: string;
  narrative: string;
  docs: DucDoc[];
  models: string[];
}

export interface DucDoc {
  docno: string;
  headline?: string;
  date?: string;
  /** Paragraphs of the TEXT element, markup other than paragraph tags kept as written. */
  paragraphs: string[];
}

const field = (sgml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'i').exec(sgml)?.[1]?.replace(/\s+/g, ' ').trim();

export function parseDucDoc(sgml: string): DucDoc {
  const docno = field(sgml, 'DOCNO') ?? '';
  const text = /<TEXT>([\s\S]*?)<\/TEXT>/i.exec(sgml)?.[1] ?? '';
  const blocks = /<P>/i.test(text)
    ? [...text.matchAll(/<P>([\s\S]*?)<\/P>/gi)].map((m) => m[1] ?? '')
    : // Without <P>, a paragraph starts on a tab-indented line or after a blank line.
      text.split(/\n(?=[\t ])|\n\s*\n/);
  const paragraphs = blocks.map((b) => b.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
  const date = /\d{4}-\d{2}-\d{2}/.exec(field(sgml, 'DATE_TIME') ?? '')?.[0];
  const headline = field(sgml, 'HEADLINE');
  return { docno, paragraphs, ...(headline ? { headline } : {}), ...(date ? { date } : {}) };
}

/** The news agency a DUC document number names (AQUAINT collection prefixes). */
export function ducOutlet(docno: string): string | undefined {
  if (docno.startsWith('APW')) return 'Associated Press';
  if (docno.startsWith('NYT')) return 'The New York Times';
  if (docno.startsWith('XIE')) return 'Xinhua News Agency';
  return undefined;
}

/** Topics with their documents and human summaries; topics without summaries are left out. */
export function readDuc(dir: string): DucTopic[] {
  const sgml = readFileSync(join(dir, 'topics.sgml'), 'utf8');
  const models = new Map<string, string[]>();
  for (const file of readdirSync(join(dir, 'models')).sort()) {
    const [topic, , , set] = file.split('.');
    const id = `${topic}${set}`;
    const list = models.get(id) ?? [];
    list.push(readFileSync(join(dir, 'models', file), 'latin1'));
    models.set(id, list);
  }
  const topics: DucTopic[] = [];
  for (const m of sgml.matchAll(/<topic>([\s\S]*?)<\/topic>/gi)) {
    const body = m[1] ?? '';
    const id = field(body, 'num') ?? '';
    const summaries = models.get(id);
    if (!summaries) continue;
    const docDir = join(dir, 'docs', id);
    const docs = readdirSync(docDir)
      .sort()
      .map((f) => parseDucDoc(readFileSync(join(docDir, f), 'latin1')));
    topics.push({
      id,
      title: field(body, 'title') ?? '',
      narrative: field(body, 'narr') ?? '',
      docs,
      models: summaries,
    });
  }
  return topics;
}
