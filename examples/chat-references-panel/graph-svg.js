/**
 * Draws an argument graph (threadmap's ArgumentGraph) as SVG, laid out by dagre. Units that take
 * part in an edge are nodes; an arrow runs from the rebutting or supporting unit to its target.
 * Every label goes in with textContent, like the panel.
 */
const SVG = 'http://www.w3.org/2000/svg';
const FILL = { claim: '#eef4ff', premise: '#ecfdf3', prediction: '#fdf2fa', rebuttal: '#fef3f2', concession: '#fffaeb', question: '#f2f4f7', heading: '#f2f4f7', other: '#f9fafb' };
const STROKE = { rebuts: '#b42318', supports: '#067647' };

/** Wraps text into at most `lines` lines of about `width` characters, with an ellipsis when cut. */
function wrap(text, width = 30, lines = 4) {
  const out = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line);
      line = word;
      if (out.length === lines) break;
    } else line = line ? `${line} ${word}` : word;
  }
  if (out.length < lines && line) out.push(line);
  if (out.join(' ').length < text.trim().length) out[out.length - 1] = out[out.length - 1].replace(/.{0,1}$/, '…');
  return out;
}

function el(doc, tag, attrs = {}, text) {
  const node = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Renders `graph` into `container` (replacing its content) and returns the <svg>.
 * `label(unit)` names the node's comment (e.g. "Body", "turn b2").
 */
export function drawArgumentGraph(container, graph, dagre, label = (u) => u.commentId) {
  const doc = container.ownerDocument;
  const used = new Set(graph.edges.flatMap((e) => [e.from, e.to]));
  const units = graph.units.filter((u) => used.has(u.id));
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'BT', nodesep: 28, ranksep: 56, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const u of units) {
    const lines = wrap(u.text);
    g.setNode(u.id, { unit: u, lines, width: 220, height: 30 + lines.length * 15 });
  }
  graph.edges.forEach((e, i) => g.setEdge(e.from, e.to, { edge: e }, `e${i}`));
  dagre.layout(g);

  const { width = 0, height = 0 } = g.graph();
  const svg = el(doc, 'svg', { xmlns: SVG, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Argument graph: ${units.length} units, ${graph.edges.length} edges` });
  const defs = el(doc, 'defs');
  for (const [type, color] of Object.entries(STROKE)) {
    const marker = el(doc, 'marker', { id: `tm-arrow-${type}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(el(doc, 'path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
    defs.append(marker);
  }
  svg.append(defs);
  for (const key of g.edges()) {
    const { edge, points } = g.edge(key);
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const path = el(doc, 'path', { d, fill: 'none', stroke: STROKE[edge.type], 'stroke-width': 1.6, 'marker-end': `url(#tm-arrow-${edge.type})` });
    path.append(el(doc, 'title', {}, `${edge.type} (${edge.evidence.kind}, confidence ${edge.confidence.toFixed(2)})`));
    svg.append(path);
  }
  for (const id of g.nodes()) {
    const { x, y, width: w, height: h, unit, lines } = g.node(id);
    const group = el(doc, 'g', { transform: `translate(${x - w / 2},${y - h / 2})`, 'data-unit-id': id });
    group.append(el(doc, 'rect', { width: w, height: h, rx: 6, fill: FILL[unit.type] ?? '#fff', stroke: '#98a2b3' }));
    group.append(el(doc, 'text', { x: 8, y: 14, 'font-size': 10, fill: '#667085', 'font-family': 'system-ui,sans-serif' }, `${unit.type} · ${label(unit)}`));
    lines.forEach((line, i) => group.append(el(doc, 'text', { x: 8, y: 30 + i * 15, 'font-size': 12, fill: '#101828', 'font-family': 'system-ui,sans-serif' }, line)));
    group.append(el(doc, 'title', {}, unit.text));
    svg.append(group);
  }
  container.replaceChildren(svg);
  return svg;
}
