import { readFileSync } from 'node:fs';

const snap = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const target = process.argv[3]; // e.g. "object:Float64Array"
const m = snap.snapshot.meta;
const F = m.node_fields.length;
const E = m.edge_fields.length;
const ti = m.node_fields.indexOf('type'),
  ni = m.node_fields.indexOf('name'),
  eci = m.node_fields.indexOf('edge_count');
const eti = m.edge_fields.indexOf('type'),
  eni = m.edge_fields.indexOf('name_or_index'),
  eto = m.edge_fields.indexOf('to_node');
const types = m.node_types[0];
const etypes = m.edge_types[0];
const nodes = snap.nodes,
  edges = snap.edges,
  strings = snap.strings;
const N = nodes.length / F;
const parent = new Int32Array(N).fill(-1);
const pedge = new Int32Array(N).fill(-1);
let e = 0;
const label = (n) => `${types[nodes[n * F + ti]]}:${String(strings[nodes[n * F + ni]]).slice(0, 60)}`;
const firstEdge = new Int32Array(N + 1);
for (let n = 0; n < N; n++) {
  firstEdge[n] = e;
  e += nodes[n * F + eci] * E;
}
firstEdge[N] = e;
// BFS from root to get shortest retaining paths (skip weak edges)
const q = [0];
parent[0] = 0;
for (let h = 0; h < q.length; h++) {
  const n = q[h];
  for (let x = firstEdge[n]; x < firstEdge[n + 1]; x += E) {
    if (etypes[edges[x + eti]] === 'weak') continue;
    const to = edges[x + eto] / F;
    if (parent[to] === -1) {
      parent[to] = n;
      pedge[to] = x;
      q.push(to);
    }
  }
}
let shown = 0;
const seen = new Map();
for (let n = 0; n < N && shown < 100000; n++) {
  if ((target.includes(':') ? label(n) : types[nodes[n * F + ti]]) !== target) continue;
  const path = [];
  let c = n;
  let guard = 0;
  while (c !== 0 && guard++ < 40) {
    const x = pedge[c];
    const et = etypes[edges[x + eti]];
    const en = et === 'element' || et === 'hidden' ? '#' : strings[edges[x + eni]];
    path.push(`${label(parent[c])} .${en}`);
    c = parent[c];
  }
  const key = (
    process.argv[5] === 'root'
      ? path.slice(-Number(process.argv[4] ?? 5))
      : path.slice(0, Number(process.argv[4] ?? 5))
  )
    .reverse()
    .join(' > ');
  seen.set(key, (seen.get(key) ?? 0) + 1);
  shown++;
}
for (const [k, v] of [...seen].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(v, k, '\n');
let unreached = 0,
  tot = 0;
for (let n = 0; n < N; n++)
  if (label(n) === target) {
    tot++;
    if (parent[n] === -1) unreached++;
  }
console.log('total', tot, 'unreached', unreached);
