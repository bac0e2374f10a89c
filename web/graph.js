// The story page's interactive entity graph: Cytoscape.js (served from the installed package at
// /vendor/cytoscape.js, loaded only when a page draws a graph) with its force-directed layout (cose),
// wheel and button zoom, pan, and a click on a node opening that entity's page. The SVG drawn by
// render.js stays in the page until the graph is drawn, and the entity list beside it is the
// keyboard and screen-reader way through the same links.

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
 * Draw the graph into `section` (a story page's entity section): returns false, leaving the SVG,
 * when the library cannot be loaded or there is nothing to draw.
 */
export async function drawEntityGraph(section, detail, open) {
  const elements = entityGraphElements(detail.entities, detail.cooccurrence);
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
          width: 'data(size)',
          height: 'data(size)',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'background-color': (n) => TYPE_COLORS[n.data('type')] ?? '#93c5fd',
          'border-width': 1,
          'border-color': '#1d3557',
        },
      },
      {
        selector: 'edge',
        style: { width: (e) => Math.min(1 + e.data('weight'), 8), 'line-color': '#98a2b3' },
      },
    ],
  });
  cy.on('tap', 'node', (event) => open(event.target.id()));
  box.cy = cy;
  for (const svg of section.querySelectorAll('svg.entity-graph')) svg.classList.add('replaced');
  const tools = section.querySelector('.graph-tools');
  if (tools) {
    tools.hidden = false;
    tools.addEventListener('click', (event) => {
      const action =
        event.target instanceof Element ? event.target.closest('button')?.dataset.zoom : undefined;
      if (action === 'in')
        cy.zoom({
          level: cy.zoom() * 1.25,
          renderedPosition: { x: box.clientWidth / 2, y: box.clientHeight / 2 },
        });
      if (action === 'out')
        cy.zoom({
          level: cy.zoom() / 1.25,
          renderedPosition: { x: box.clientWidth / 2, y: box.clientHeight / 2 },
        });
      if (action === 'fit') cy.fit(undefined, 20);
    });
  }
  return true;
}
