/**
 * The clustering gold format: JSON lines, one article per line:
 *   {"id": "a1", "text": "…", "title"?: "…", "publishedAt"?: "2024-05-25", "outlet"?: "…",
 *    "entities"?: ["…"], "bodyStart"?: 42, "label": "event-key", "storyline"?: "storyline-key"}
 * `label` is the gold event (articles about one happening share it); `storyline`, when present, the
 * gold storyline. `text` is the clean article text; a `title` is put before it as its first paragraph
 * (the shape of Sitrep's clean text) unless the text already starts with it.
 */
import { readFileSync } from 'node:fs';
import type { ClusterInput } from '../../src/core/story.ts';

export interface GoldArticle {
  input: ClusterInput;
  label: string;
  storyline?: string;
}

export function parseClusterDataset(content: string, source = 'dataset'): GoldArticle[] {
  const out: GoldArticle[] = [];
  const seen = new Set<string>();
  content.split('\n').forEach((line, n) => {
    if (line.trim() === '') return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${source}:${n + 1}: not JSON`);
    }
    const { id, text, title, label } = row;
    if (typeof id !== 'string' || typeof text !== 'string' || typeof label !== 'string') {
      throw new Error(`${source}:${n + 1}: "id", "text" and "label" must be strings`);
    }
    if (seen.has(id)) throw new Error(`${source}:${n + 1}: duplicate id ${id}`);
    seen.add(id);
    const hasTitle = typeof title === 'string' && title.trim() !== '' && !text.startsWith(title);
    const input: ClusterInput = {
      id,
      text: hasTitle ? `${title}\n\n${text}` : text,
      bodyStart: hasTitle ? title.length + 2 : 0,
    };
    if (typeof title === 'string') input.title = title;
    if (typeof row['bodyStart'] === 'number' && !hasTitle) input.bodyStart = row['bodyStart'];
    if (typeof row['publishedAt'] === 'string') input.publishedAt = row['publishedAt'];
    if (typeof row['outlet'] === 'string') input.outlet = row['outlet'];
    if (Array.isArray(row['entities'])) input.entities = row['entities'].filter((e) => typeof e === 'string');
    const gold: GoldArticle = { input, label };
    if (typeof row['storyline'] === 'string') gold.storyline = row['storyline'];
    out.push(gold);
  });
  return out;
}

export function loadClusterDataset(path: string): GoldArticle[] {
  return parseClusterDataset(readFileSync(path, 'utf8'), path);
}
