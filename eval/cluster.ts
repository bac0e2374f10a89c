/**
 * Score clustering against gold labels:
 *   npm run eval:cluster -- <dataset.jsonl> [--level event|storyline|both] [--show] [--set name=value…]
 * The dataset format is documented in eval/lib/cluster-dataset.ts (JSON lines: id, text, title?,
 * publishedAt?, outlet?, entities?, label, storyline?). Prints B-cubed and pairwise precision/recall/F1
 * of Sitrep's events (and storylines) against `label`, and of storylines against `storyline` when the
 * corpus has it. `--show` lists the predicted clusters with their gold labels. `--set eventThreshold=0.25`
 * overrides a clustering option (src/pipeline/cluster/pair-scores.ts), for tuning.
 */
import { ClusterIndex } from '../src/pipeline/cluster/cluster-index.ts';
import { DEFAULT_CLUSTER_OPTIONS } from '../src/pipeline/cluster/pair-scores.ts';
import { loadClusterDataset } from './lib/cluster-dataset.ts';
import { bcubed, type PRF, pairwise } from './lib/cluster-metrics.ts';

const args = process.argv.slice(2);
const valued = new Set(['--level', '--set']);
const path = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
const overrides: Record<string, number> = {};
args.forEach((a, i) => {
  if (a !== '--set') return;
  const [name, value] = (args[i + 1] ?? '').split('=');
  if (!name || !(name in DEFAULT_CLUSTER_OPTIONS) || !Number.isFinite(Number(value))) {
    console.error(`--set ${args[i + 1] ?? ''}: expected name=number with a name from ClusterOptions`);
    process.exit(2);
  }
  overrides[name] = Number(value);
});
const level = args.includes('--level') ? args[args.indexOf('--level') + 1] : 'both';
if (!path) {
  console.error('usage: npm run eval:cluster -- <dataset.jsonl> [--level event|storyline|both] [--show]');
  process.exit(2);
}
const gold = loadClusterDataset(path);
const started = performance.now();
const index = new ClusterIndex(overrides);
index.add(gold.map((g) => g.input));
const events = index.events();
const storylines = index.storylines();
const seconds = (performance.now() - started) / 1000;

const fmt = (x: PRF) => `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;
const assign = (stories: { id: string; articleIds: string[] }[]) =>
  new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));
const byLabel = new Map(gold.map((g) => [g.input.id, g.label]));
const labels = new Set(byLabel.values()).size;
console.log(`${path}: ${gold.length} articles, ${labels} gold labels, clustered in ${seconds.toFixed(2)} s`);
const report = (
  name: string,
  stories: { id: string; articleIds: string[] }[],
  truth: Map<string, string>,
  what: string,
) => {
  const predicted = assign(stories);
  console.log(`${name} (${stories.length} clusters) vs ${what}`);
  console.log(`  B-cubed   ${fmt(bcubed(predicted, truth))}`);
  console.log(`  pairwise  ${fmt(pairwise(predicted, truth))}`);
};
if (level === 'event' || level === 'both') report('events', events, byLabel, 'label');
if (level === 'storyline' || level === 'both') report('storylines', storylines, byLabel, 'label');
const withStoryline = gold.filter((g) => g.storyline !== undefined);
if (withStoryline.length > 0 && level !== 'event') {
  // Over the articles that have a storyline key (all of them in a fully labelled set).
  const keep = new Set(withStoryline.map((g) => g.input.id));
  const within = storylines.map((s) => ({ id: s.id, articleIds: s.articleIds.filter((id) => keep.has(id)) }));
  const what =
    withStoryline.length === gold.length ? 'storyline' : `storyline (${keep.size} articles with one)`;
  report('storylines', within, new Map(withStoryline.map((g) => [g.input.id, g.storyline!])), what);
}
const sizes = storylines.map((s) => s.articleIds.length).sort((a, b) => b - a);
console.log(`largest storylines: ${sizes.slice(0, 8).join(' ')}`);
if (args.includes('--show')) {
  for (const s of level === 'storyline' ? storylines : events) {
    console.log(`\n${s.kind} ${s.id} "${s.title.slice(0, 90)}"`);
    for (const id of s.articleIds) console.log(`  ${byLabel.get(id)}  ${id}`);
  }
}
