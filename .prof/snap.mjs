import { readFileSync } from 'node:fs';

const snap = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const m = snap.snapshot.meta;
const F = m.node_fields.length;
const ti = m.node_fields.indexOf('type'),
  ni = m.node_fields.indexOf('name'),
  si = m.node_fields.indexOf('self_size');
const types = m.node_types[0];
const nodes = snap.nodes;
const strings = snap.strings;
const agg = new Map();
for (let i = 0; i < nodes.length; i += F) {
  const t = types[nodes[i + ti]];
  const name =
    t === 'string' || t === 'concatenated string' || t === 'sliced string'
      ? t
      : `${t}:${strings[nodes[i + ni]]}`.slice(0, 80);
  const a = agg.get(name) ?? [0, 0];
  a[0] += nodes[i + si];
  a[1]++;
  agg.set(name, a);
}
for (const [k, [s, c]] of [...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 40))
  console.log((s / 2 ** 20).toFixed(1).padStart(8), 'MB', String(c).padStart(9), k);
