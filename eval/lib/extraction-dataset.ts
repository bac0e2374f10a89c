import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SitrepError } from '../../src/core/errors.ts';
import { decodeBytes } from '../../src/pipeline/ingest/decode.ts';

/** One page of an extraction benchmark folder: `html/<id>.html` plus its gold body. */
export interface ExtractionCase {
  id: string;
  url: string;
  articleBody: string;
  htmlPath: string;
  /** The page's headline, where the ground truth gives one. */
  title?: string;
}

const LAYOUT = 'expected html/<id>.html files and ground-truth.json mapping id -> {articleBody, url}';

/**
 * The `URL: <address>` line that opens a CleanEval-format gold file (every cleanportaleval page, 76 of
 * cleaneval-final's 673, some behind a byte-order mark). It is the file's header, not text of the page:
 * no page holds it, and CleanEval's own scorer (cleaneval.py, S. Evert 2008) deletes it before
 * comparing ("remove URL line at start of gold standard files"). Only the opening line is taken: the
 * official pattern deletes every line starting with "URL", which would also cut gold text.
 */
const GOLD_URL_HEADER = /^\uFEFF?[ \t]*URL:[^\n]*(?:\n|$)/;

/** A gold body as scored: without its CleanEval header line (GOLD_URL_HEADER). */
export function goldBody(articleBody: string): string {
  return articleBody.replace(GOLD_URL_HEADER, '');
}

/** Read and validate a folder laid out like the article-extraction-benchmark. */
export function loadExtractionDataset(dir: string | undefined): ExtractionCase[] {
  if (!dir) throw new SitrepError('USAGE', `No data folder given: pass the path of the folder (${LAYOUT}).`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new SitrepError('INPUT_NOT_FOUND', `Data folder ${dir} does not exist or is not a folder.`);
  }
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath)) {
    throw new SitrepError('INPUT_MALFORMED', `${truthPath} is missing; ${LAYOUT}.`);
  }
  let truth: unknown;
  try {
    truth = JSON.parse(readFileSync(truthPath, 'utf8'));
  } catch (cause) {
    throw new SitrepError('INPUT_MALFORMED', `${truthPath} is not valid JSON; ${LAYOUT}.`, { cause });
  }
  if (typeof truth !== 'object' || truth === null || Array.isArray(truth)) {
    throw new SitrepError('INPUT_MALFORMED', `${truthPath} must be a JSON object; ${LAYOUT}.`);
  }
  const cases: ExtractionCase[] = [];
  for (const [id, value] of Object.entries(truth)) {
    const entry = value as { articleBody?: unknown; url?: unknown; title?: unknown } | null;
    if (typeof entry?.articleBody !== 'string') {
      throw new SitrepError(
        'INPUT_MALFORMED',
        `${truthPath}: entry ${id} has no string articleBody; ${LAYOUT}.`,
      );
    }
    const htmlPath = join(dir, 'html', `${id}.html`);
    if (!existsSync(htmlPath)) {
      throw new SitrepError(
        'INPUT_MALFORMED',
        `${htmlPath} is missing for ground-truth entry ${id}; ${LAYOUT}.`,
      );
    }
    cases.push({
      id,
      url: typeof entry.url === 'string' ? entry.url : '',
      articleBody: goldBody(entry.articleBody),
      htmlPath,
      ...(typeof entry.title === 'string' && entry.title.trim() !== '' ? { title: entry.title } : {}),
    });
  }
  if (cases.length === 0) throw new SitrepError('INPUT_MALFORMED', `${truthPath} has no entries; ${LAYOUT}.`);
  return cases.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The page as a string, decoded as Sitrep decodes a file it ingests (decodeBytes: BOM, <meta charset>,
 * valid UTF-8, then a detected or windows-1252 charset). Most pages are UTF-8, but 250 of CleanEval's 673
 * are not (windows-1252, ISO-8859-x): read as UTF-8 their accents and curly quotes became U+FFFD, which
 * split words against the gold text for every extractor scored.
 */
export function readCaseHtml(item: ExtractionCase): string {
  return decodeBytes(readFileSync(item.htmlPath)).text;
}

/** A title as compared: lower case, letters and digits only, single spaces. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
