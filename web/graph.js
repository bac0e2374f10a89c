// The story page's interactive entity graph: Cytoscape.js (served from the installed package at
// /vendor/cytoscape.js, loaded only when a page draws a graph) with its force-directed layout (cose),
// wheel and button zoom, pan, and a click on a node opening that entity's page. The SVG drawn by
// render.js stays in the page until the graph is drawn, and the entity list beside it is the
// keyboard and screen-reader way through the same links.

import { articleName } from './render.js';

const TYPE_COLORS = {
  person: '#fca5a5',
  organization: '#fde68a',
  country: '#86efac',
  place: '#86efac',
  facility: '#93c5fd',
  other: '#93c5fd',
};

/** Most entities drawn, and most links kept per entity (its strongest). */
export const GRAPH_NODES = 40;
export const LINKS_PER_NODE = 3;

/**
 * Cytoscape elements for the story's entities: the most mentioned GRAPH_NODES, and of the links among
 * them each entity's LINKS_PER_NODE strongest (articles shared). Pure: tested in Node.
 */
export function entityGraphElements(entities, cooccurrence) {
  const shown = entities.slice(0, GRAPH_NODES);
  const ids = new Set(shown.map((e) => e.id));
  const degree = new Map();
  const links = cooccurrence
    .filter((p) => ids.has(p.a) && ids.has(p.b))
    .sort((x, y) => y.articles - x.articles || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
    .filter((p) => {
      if ((degree.get(p.a) ?? 0) >= LINKS_PER_NODE && (degree.get(p.b) ?? 0) >= LINKS_PER_NODE) return false;
      degree.set(p.a, (degree.get(p.a) ?? 0) + 1);
      degree.set(p.b, (degree.get(p.b) ?? 0) + 1);
      return true;
    });
  return [
    ...shown.map((e) => ({
      data: { id: e.id, label: e.name, type: e.type, size: Math.min(14 + 3 * Math.sqrt(e.mentions), 48) },
    })),
    ...links.map((p) => ({ data: { id: `${p.a}|${p.b}`, source: p.a, target: p.b, weight: p.articles } })),
  ];
}

/**
 * Cytoscape elements of the story's source dependence: its articles (labelled by outlet) and the
 * outlets they cite from outside the pile; an edge from a derived article to what it reuses or cites
 * (`kind`: reuse, citation, …). Pure: tested in Node.
 */
export function sourceGraphElements(articles, derivations) {
  const nodes = new Map(
    articles.map((a) => [
      `a:${a.id}`,
      { data: { id: `a:${a.id}`, label: a.outlet || articleName(a), article: a.id } },
    ]),
  );
  const byOutlet = new Map(articles.filter((a) => a.outlet).map((a) => [a.outlet, `a:${a.id}`]));
  const edges = [];
  for (const d of derivations) {
    let target = d.sourceArticleId ? `a:${d.sourceArticleId}` : undefined;
    if (!target && d.outlet) {
      target = byOutlet.get(d.outlet) ?? `o:${d.outlet}`;
      if (!nodes.has(target))
        nodes.set(target, { data: { id: target, label: `${d.outlet} (outside the pile)` } });
    }
    const source = `a:${d.articleId}`;
    if (!target || !nodes.has(source) || !nodes.has(target) || source === target) continue;
    edges.push({ data: { id: `${source}>${target}>${d.kind}`, source, target, kind: d.kind } });
  }
  return [...nodes.values(), ...edges];
}

const EDGE_STYLE = {
  width: 2,
  'line-color': '#98a2b3',
  'target-arrow-color': '#98a2b3',
  'curve-style': 'bezier',
};

/** The entity graph: entities by type and mentions; a node opens the entity page. */
export function drawEntityGraph(section, detail, open) {
  return drawGraph(
    section,
    entityGraphElements(detail.entities, detail.cooccurrence),
    'svg.entity-graph',
    open,
    [
      {
        selector: 'node',
        style: {
          width: 'data(size)',
          height: 'data(size)',
          'background-color': (n) => TYPE_COLORS[n.data('type')] ?? '#93c5fd',
        },
      },
      {
        selector: 'edge',
        style: { width: (e) => Math.min(1 + e.data('weight'), 8), 'line-color': '#98a2b3' },
      },
    ],
  );
}

/** The source-dependence graph: arrows from derived articles to their sources; a node opens its article. */
export function drawSourceGraph(section, detail, open) {
  const articleOf = (id) => (id.startsWith('a:') ? id.slice(2) : undefined);
  return drawGraph(
    section,
    sourceGraphElements(detail.articles, detail.derivations),
    'svg.source-graph',
    (id) => {
      const article = articleOf(id);
      if (article) open(article);
    },
    [
      { selector: 'node', style: { width: 22, height: 22, 'background-color': '#93c5fd' } },
      { selector: 'node[!article]', style: { 'background-color': '#e5e7eb' } },
      { selector: 'edge', style: { ...EDGE_STYLE, 'target-arrow-shape': 'triangle' } },
      { selector: 'edge[kind = "citation"]', style: { 'line-style': 'dashed' } },
    ],
  );
}

/**
 * Draw `elements` into the section's `.graph-canvas` with Cytoscape, replacing the SVG `svgSelector`
 * and showing the section's zoom tools; false (the SVG stays) when the library cannot be loaded or
 * there is nothing to draw.
 */
async function drawGraph(section, elements, svgSelector, open, style) {
  const box = section.querySelector('.graph-canvas');
  if (!box || elements.length === 0) return false;
  let cytoscape;
  try {
    cytoscape = (await import('/vendor/cytoscape.js')).default;
  } catch {
    return false;
  }
  box.hidden = false;
  const cy = cytoscape({
    container: box,
    elements,
    layout: {
      name: 'cose',
      animate: false,
      randomize: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 90,
    },
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'border-width': 1,
          'border-color': '#1d3557',
        },
      },
      ...style,
    ],
  });
  cy.on('tap', 'node', (event) => open(event.target.id()));
  box.cy = cy;
  for (const svg of section.querySelectorAll(svgSelector)) svg.classList.add('replaced');
  const tools = section.querySelector('.graph-tools');
  if (tools) {
    tools.hidden = false;
    const centre = () => ({ x: box.clientWidth / 2, y: box.clientHeight / 2 });
    tools.addEventListener('click', (event) => {
      const action =
        event.target instanceof Element ? event.target.closest('button')?.dataset.zoom : undefined;
      if (action === 'in') cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: centre() });
      if (action === 'out') cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: centre() });
      if (action === 'fit') cy.fit(undefined, 20);
    });
  }
  return true;
}
