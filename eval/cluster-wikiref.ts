/**
 * Convert WikiRef220 (docs/*.txt + gold_labels_from_filenames.json) to the clustering JSON-lines
 * format (eval/lib/cluster-dataset.ts): `tsx eval/cluster-wikiref.ts <dir> > wikiref.jsonl`.
 * The first non-empty line of each document becomes its title; the label is the topic from the
 * gold file. The topics are broad (Premier League, Michelle Obama…), so score storylines there.
 * The data is read in place, never copied into the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx eval/cluster-wikiref.ts <wikiref-dir> > out.jsonl');
  process.exit(2);
}
const labels = JSON.parse(readFileSync(join(dir, 'gold_labels_from_filenames.json'), 'utf8')) as Record<
  string,
  string
>;
for (const file of readdirSync(join(dir, 'docs')).sort()) {
  const label = labels[file];
  if (!label) throw new Error(`${file}: no gold label`);
  const raw = readFileSync(join(dir, 'docs', file), 'utf8')
    .replace(/\r\n?/g, '\n')
    .trim();
  const lines = raw.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const title = lines[first]!.trim();
  const text = lines
    .slice(first + 1)
    .join('\n')
    .trim();
  process.stdout.write(`${JSON.stringify({ id: file.replace(/\.txt$/, ''), title, text, label })}\n`);
}
