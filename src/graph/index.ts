/**
 * graph: the stages' results as one ArgumentGraph in the output contract, ordered
 * deterministically (units in reading order, edges by source then target).
 */
import type { UnitDraft } from '../classify/index.js';
import { SCHEMA_VERSION, type ArgumentGraph, type Diagnostic, type Duplicate, type Edge, type Thread, type Unit } from '../schema/index.js';

export function buildGraph(thread: Thread, duplicates: Duplicate[], drafts: UnitDraft[], edges: Edge[], diagnostics: Diagnostic[]): ArgumentGraph {
  const order = new Map(drafts.map((u, i) => [u.id, i]));
  const units: Unit[] = drafts.map((u) => ({
    id: u.id,
    commentId: u.commentId,
    start: u.start,
    end: u.end,
    text: u.text,
    type: u.type,
    confidence: u.confidence,
  }));
  const sorted = [...edges].sort(
    (a, b) => order.get(a.from)! - order.get(b.from)! || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || order.get(a.to)! - order.get(b.to)!,
  );
  const graph: ArgumentGraph = { schemaVersion: SCHEMA_VERSION, thread, duplicates, units, edges: sorted };
  if (diagnostics.length > 0) graph.diagnostics = diagnostics;
  return graph;
}
