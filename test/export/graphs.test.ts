import { describe, expect, it } from 'vitest';
import { ArgumentGraphSchema } from '../../src/schema/index.js';
import { GRAPH_FIXTURES, loadGraph } from './graphs.js';

// The exporter tests trust these hand-made graphs, so they must follow the output contract.
describe('fixtures/graphs follow the output contract', () => {
  for (const name of GRAPH_FIXTURES) {
    it(`${name}.json parses with ArgumentGraphSchema and keeps its invariants`, () => {
      const graph = ArgumentGraphSchema.parse(loadGraph(name));
      const comments = new Map(graph.thread.comments.map((c) => [c.id, c]));
      const unitIds = new Set(graph.units.map((u) => u.id));
      expect(unitIds.size).toBe(graph.units.length);
      for (const unit of graph.units) {
        expect(comments.get(unit.commentId)?.text.slice(unit.start, unit.end)).toBe(unit.text);
      }
      for (const d of graph.duplicates) {
        expect(comments.has(d.commentId) && comments.has(d.of.commentId)).toBe(true);
      }
      for (const edge of graph.edges) {
        expect(unitIds.has(edge.from) && unitIds.has(edge.to)).toBe(true);
      }
    });
  }
});
