/**
 * ArgumentGraph → GraphML (graphml.graphdrawing.org), the XML graph format yEd, Gephi,
 * Cytoscape and NetworkX read. One `<node>` per unit and one `<edge>` per edge; everything
 * else is `<data>` under declared `<key>`s: unit text (as `label`, which Gephi and Cytoscape
 * show), type, confidence, comment, author and span; edge type, confidence and evidence;
 * thread id, title and source, and the duplicate records as JSON, on the graph.
 */
import type { ArgumentGraph } from '../schema/index.js';
import { cleanText, commentsById } from './labels.js';

interface KeySpec {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: 'string' | 'double' | 'int';
}

const KEYS = [
  { id: 'g_thread', for: 'graph', name: 'threadId', type: 'string' },
  { id: 'g_title', for: 'graph', name: 'title', type: 'string' },
  { id: 'g_source', for: 'graph', name: 'source', type: 'string' },
  { id: 'g_duplicates', for: 'graph', name: 'duplicates', type: 'string' },
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_type', for: 'node', name: 'type', type: 'string' },
  { id: 'n_confidence', for: 'node', name: 'confidence', type: 'double' },
  { id: 'n_comment', for: 'node', name: 'commentId', type: 'string' },
  { id: 'n_author', for: 'node', name: 'author', type: 'string' },
  { id: 'n_start', for: 'node', name: 'start', type: 'int' },
  { id: 'n_end', for: 'node', name: 'end', type: 'int' },
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_confidence', for: 'edge', name: 'confidence', type: 'double' },
  { id: 'e_evidence', for: 'edge', name: 'evidence', type: 'string' },
  { id: 'e_evidence_text', for: 'edge', name: 'evidenceText', type: 'string' },
] as const satisfies readonly KeySpec[];

type KeyId = (typeof KEYS)[number]['id'];

/** GraphML text for a graph (UTF-8 XML declaration, final newline). Node ids are unit ids. */
export function toGraphml(graph: ArgumentGraph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const key of KEYS) {
    out.push(`  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>`);
  }
  out.push(`  <graph id=${xmlAttr(graph.thread.id)} edgedefault="directed">`);
  out.push(data('    ', 'g_thread', graph.thread.id));
  if (graph.thread.title !== undefined) out.push(data('    ', 'g_title', graph.thread.title));
  out.push(data('    ', 'g_source', graph.thread.source));
  out.push(data('    ', 'g_duplicates', JSON.stringify(graph.duplicates)));

  const comments = commentsById(graph);
  const unitIds = new Set<string>();
  for (const unit of graph.units) {
    if (unitIds.has(unit.id)) continue; // GraphML ids must be unique; the contract says they are
    unitIds.add(unit.id);
    const comment = comments.get(unit.commentId);
    out.push(`    <node id=${xmlAttr(unit.id)}>`);
    out.push(data('      ', 'n_label', unit.text));
    out.push(data('      ', 'n_type', unit.type));
    out.push(data('      ', 'n_confidence', String(unit.confidence)));
    out.push(data('      ', 'n_comment', unit.commentId));
    if (comment?.author != null) out.push(data('      ', 'n_author', comment.author));
    out.push(data('      ', 'n_start', String(unit.start)));
    out.push(data('      ', 'n_end', String(unit.end)));
    out.push('    </node>');
  }

  graph.edges.forEach((edge, index) => {
    if (!unitIds.has(edge.from) || !unitIds.has(edge.to)) return;
    out.push(`    <edge id="e${index}" source=${xmlAttr(edge.from)} target=${xmlAttr(edge.to)}>`);
    out.push(data('      ', 'e_type', edge.type));
    out.push(data('      ', 'e_confidence', String(edge.confidence)));
    out.push(data('      ', 'e_evidence', edge.evidence.kind));
    if (edge.evidence.text !== undefined) out.push(data('      ', 'e_evidence_text', edge.evidence.text));
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}

function data(indent: string, key: KeyId, value: string): string {
  return `${indent}<data key="${key}">${xmlText(value)}</data>`;
}

/**
 * Character data that an XML parser gives back unchanged: markup characters as entities,
 * `\r` as a character reference (parsers turn a raw one into `\n`), and what XML 1.0 cannot
 * hold at all (most control characters, lone surrogates) dropped or replaced by
 * {@link cleanText}.
 */
export function xmlText(value: string): string {
  return cleanText(value).replace(/[&<>\r]/g, (char) => XML_ESCAPES[char]!);
}

/** A double-quoted attribute value; tabs and line breaks as references so they survive attribute normalisation. */
export function xmlAttr(value: string): string {
  return `"${cleanText(value).replace(/[&<>"\r\n\t]/g, (char) => XML_ESCAPES[char]!)}"`;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
