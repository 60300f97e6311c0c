import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toGraphml, xmlAttr, xmlText } from '../../src/export/graphml.js';
import { cleanText } from '../../src/export/labels.js';
import type { ArgumentGraph } from '../../src/schema/index.js';
import { loadGraph } from './graphs.js';

interface XmlData { '@_key': string; '#text'?: string | number }
interface XmlElement { '@_id': string; '@_source'?: string; '@_target'?: string; data: XmlData[] }
interface XmlDoc {
  graphml: {
    key: { '@_id': string; '@_for': string; '@_attr.name': string }[];
    graph: { '@_id': string; data: XmlData[]; node?: XmlElement[]; edge?: XmlElement[] };
  };
}

function parseGraphml(xml: string): XmlDoc {
  const valid = XMLValidator.validate(xml);
  expect(valid).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true, // also decodes numeric references such as &#13;
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  });
  return parser.parse(xml) as XmlDoc;
}

function dataOf(element: { data: XmlData[] }): Record<string, string> {
  return Object.fromEntries(element.data.map((d) => [d['@_key'], String(d['#text'] ?? '')]));
}

// Characters XML 1.0 forbids even as references.
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#(?:[0-8]|1[1-2]|1[4-9]|2\d|3[01]);/;

function checkGraph(graph: ArgumentGraph): XmlDoc {
  const xml = toGraphml(graph);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml ')).toBe(true);
  expect(ILLEGAL_XML.test(xml)).toBe(false);
  const doc = parseGraphml(xml);
  expect(doc.graphml.graph.node ?? []).toHaveLength(graph.units.length);
  expect(doc.graphml.graph.edge ?? []).toHaveLength(graph.edges.length);
  // every data element points at a declared key for its element kind
  const keys = new Map(doc.graphml.key.map((k) => [k['@_id'], k['@_for']]));
  for (const node of doc.graphml.graph.node ?? []) for (const d of node.data) expect(keys.get(d['@_key'])).toBe('node');
  for (const edge of doc.graphml.graph.edge ?? []) for (const d of edge.data) expect(keys.get(d['@_key'])).toBe('edge');
  return doc;
}

describe('GraphML export', () => {
  it('is well-formed XML with one node per unit and one edge per edge, typed and weighted by data keys', () => {
    const graph = loadGraph('small-debate');
    const doc = checkGraph(graph);
    const nodes = doc.graphml.graph.node!;
    expect(nodes.map((n) => n['@_id'])).toEqual(graph.units.map((u) => u.id));
    expect(dataOf(nodes[2]!)).toEqual({
      n_label: 'So they will publish more safety papers next year.',
      n_type: 'prediction',
      n_confidence: '0.9',
      n_comment: 'c1',
      n_author: 'alice',
      n_start: '66',
      n_end: '116',
    });
    const edges = doc.graphml.graph.edge!;
    expect(edges.map((e) => [e['@_source'], e['@_target']])).toEqual(graph.edges.map((e) => [e.from, e.to]));
    expect(dataOf(edges[1]!)).toEqual({
      e_type: 'rebuts',
      e_confidence: '0.91',
      e_evidence: 'restatement',
      e_evidence_text: 'safety failures hurt everyone',
    });
  });

  it('keeps the thread and its duplicate records on the graph', () => {
    const graph = loadGraph('small-debate');
    const data = dataOf(checkGraph(graph).graphml.graph);
    expect(data.g_thread).toBe('safety-sharing');
    expect(data.g_title).toBe('Do labs share safety research?');
    expect(JSON.parse(data.g_duplicates!)).toEqual(graph.duplicates);
  });

  it('gives hostile text and ids back exactly (apart from characters XML cannot hold)', () => {
    const graph = loadGraph('hostile-text');
    const doc = checkGraph(graph);
    const nodes = doc.graphml.graph.node!;
    expect(nodes.map((n) => n['@_id'])).toEqual(graph.units.map((u) => u.id));
    expect(nodes.map((n) => dataOf(n).n_label)).toEqual(graph.units.map((u) => cleanText(u.text)));
    // the \r\n of the second unit survives as written, not normalised to \n
    expect(dataOf(nodes[1]!).n_label).toContain('line two\r\nline three\t');
    expect(doc.graphml.graph['@_id']).toBe(graph.thread.id);
    expect(dataOf(doc.graphml.graph).g_title).toBe(graph.thread.title);
  });

  it('escapes markup, and keeps line breaks in attributes as references', () => {
    expect(xmlText('a <b> & "c" ]]> \r')).toBe('a &lt;b&gt; &amp; "c" ]]&gt; &#13;');
    expect(xmlAttr('x"y\n\tz')).toBe('"x&quot;y&#10;&#9;z"');
    expect(xmlText('bell\u0007 lone\uD800')).toBe('bell lone\uFFFD');
  });

  it('is deterministic and writes an empty graph', () => {
    const graph = loadGraph('small-debate');
    expect(toGraphml(graph)).toBe(toGraphml(structuredClone(graph)));
    checkGraph(loadGraph('empty'));
  });
});
