import { describe, expect, it } from 'vitest';
import { aifTimestamp, toAif, toAifDocument, type AifDocument, type AifNode } from '../../src/export/aif.js';
import { cleanText } from '../../src/export/labels.js';
import { loadGraph } from './graphs.js';

function byType(doc: AifDocument, type: AifNode['type']): AifNode[] {
  return doc.nodes.filter((n) => n.type === type);
}

describe('AIF export', () => {
  const graph = loadGraph('small-debate');
  const doc = JSON.parse(toAif(graph)) as AifDocument;
  const nodeById = new Map(doc.nodes.map((n) => [n.nodeID, n]));
  const into = (id: string) => doc.edges.filter((e) => e.toID === id).map((e) => nodeById.get(e.fromID)!);
  const outOf = (id: string) => doc.edges.filter((e) => e.fromID === id).map((e) => nodeById.get(e.toID)!);

  it('has one I node per unit, one L node per comment, an RA per support and a CA per rebuttal', () => {
    expect(byType(doc, 'I').map((n) => n.text)).toEqual(graph.units.map((u) => u.text));
    expect(byType(doc, 'L')).toHaveLength(graph.thread.comments.length);
    expect(byType(doc, 'RA')).toHaveLength(graph.edges.filter((e) => e.type === 'supports').length);
    expect(byType(doc, 'CA')).toHaveLength(graph.edges.filter((e) => e.type === 'rebuts').length);
    // every comment in the fixture but the root replies to one that exists: 5 transitions
    expect(byType(doc, 'TA')).toHaveLength(5);
  });

  it('never joins two I nodes directly, and every edge end is a node', () => {
    for (const edge of doc.edges) {
      const from = nodeById.get(edge.fromID);
      const to = nodeById.get(edge.toID);
      expect(from && to).toBeTruthy();
      expect(from!.type === 'I' && to!.type === 'I').toBe(false);
    }
    expect(new Set(doc.nodes.map((n) => n.nodeID)).size).toBe(doc.nodes.length);
    expect(new Set(doc.edges.map((e) => e.edgeID)).size).toBe(doc.edges.length);
  });

  it('routes supports as I → RA → I and rebuts as I → CA → I, in the edge direction', () => {
    const iOf = new Map(doc.threadmap.units.map((u) => [u.unitId, u.nodeID]));
    for (const [index, edge] of graph.edges.entries()) {
      const s = doc.threadmap.edges[index]!;
      expect(nodeById.get(s.nodeID)!.type).toBe(edge.type === 'supports' ? 'RA' : 'CA');
      expect(into(s.nodeID).filter((n) => n.type === 'I').map((n) => n.nodeID)).toEqual([iOf.get(edge.from)]);
      expect(outOf(s.nodeID).map((n) => n.nodeID)).toEqual([iOf.get(edge.to)]);
    }
  });

  it('anchors each I node in its comment\'s L node through an Asserting YA', () => {
    for (const unit of doc.threadmap.units) {
      const anchors = into(unit.nodeID).filter((n) => n.type === 'YA');
      expect(anchors.map((n) => n.text)).toEqual(['Asserting']);
      const speaker = into(anchors[0]!.nodeID)[0]!;
      const comment = doc.threadmap.comments.find((c) => c.commentId === unit.commentId)!;
      expect(speaker.nodeID).toBe(comment.nodeID);
    }
  });

  it('writes comments as "author: text" locutions with participants, and replies as TA between L nodes', () => {
    const alice = nodeById.get(doc.threadmap.comments[0]!.nodeID)!;
    expect(alice.text).toBe(`alice: ${graph.thread.comments[0]!.text}`);
    expect(byType(doc, 'L').find((n) => n.text.startsWith('[deleted]: '))).toBeDefined();
    expect(doc.locutions.map((l) => l.nodeID)).toEqual(byType(doc, 'L').map((n) => n.nodeID));
    const people = new Map(doc.participants.map((p) => [p.participantID, p.firstname]));
    expect(doc.locutions.map((l) => people.get(l.personID))).toEqual(['alice', 'bob', 'carol', '[deleted]', 'dave', 'carol']);
    for (const ta of byType(doc, 'TA')) {
      expect(into(ta.nodeID).map((n) => n.type)).toEqual(['L']);
      expect(outOf(ta.nodeID).map((n) => n.type)).toContain('L');
    }
  });

  it('anchors a reply\'s rebuttal or support in the reply\'s TA (Disagreeing / Arguing)', () => {
    const ya = byType(doc, 'YA').filter((n) => n.text !== 'Asserting');
    expect(ya.map((n) => n.text).sort()).toEqual(['Arguing', 'Disagreeing']);
    for (const node of ya) {
      expect(into(node.nodeID).map((n) => n.type)).toEqual(['TA']);
      expect(outOf(node.nodeID).map((n) => n.type)).toEqual([node.text === 'Arguing' ? 'RA' : 'CA']);
    }
  });

  it('keeps types, confidences, evidence and duplicates in the top-level threadmap field', () => {
    expect(doc.threadmap.units.map((u) => [u.unitId, u.type, u.confidence])).toEqual(
      graph.units.map((u) => [u.id, u.type, u.confidence]),
    );
    expect(doc.threadmap.edges.map((e) => e.evidence)).toEqual(graph.edges.map((e) => e.evidence));
    expect(doc.threadmap.duplicates).toEqual(graph.duplicates);
  });

  it('uses AIFdb timestamps and default scheme names', () => {
    expect(aifTimestamp('2024-05-01T10:00:00Z')).toBe('2024-05-01 10:00:00');
    expect(aifTimestamp('yesterday-ish')).toBe('');
    expect(aifTimestamp(undefined)).toBe('');
    for (const node of doc.nodes) expect(node.timestamp).toMatch(/^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)?$/);
    expect(new Set(byType(doc, 'RA').map((n) => n.text))).toEqual(new Set(['Default Inference']));
    expect(new Set(byType(doc, 'CA').map((n) => n.text))).toEqual(new Set(['Default Conflict']));
    expect(new Set(byType(doc, 'TA').map((n) => n.text))).toEqual(new Set(['Default Transition']));
  });

  it('carries hostile text through JSON unchanged apart from characters no format can hold', () => {
    const hostile = loadGraph('hostile-text');
    const parsed = JSON.parse(toAif(hostile)) as AifDocument;
    expect(byType(parsed, 'I').map((n) => n.text)).toEqual(hostile.units.map((u) => cleanText(u.text)));
    expect(parsed.threadmap.threadId).toBe(hostile.thread.id);
  });

  it('is deterministic and handles an empty graph', () => {
    expect(toAif(graph)).toBe(toAif(structuredClone(graph)));
    const empty = toAifDocument(loadGraph('empty'));
    expect([empty.nodes, empty.edges, empty.locutions, empty.participants]).toEqual([[], [], [], []]);
  });
});
