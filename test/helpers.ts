import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze.js';
import type { ArgumentGraph, Unit } from '../src/schema/index.js';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/** Analyzes text that must hold exactly one thread. */
export function analyzeOne(input: string, from = 'auto'): ArgumentGraph {
  const graphs = analyze(input, { from });
  if (graphs.length !== 1) throw new Error(`expected one thread, got ${graphs.length}`);
  return graphs[0]!;
}

export function unitStarting(graph: ArgumentGraph, prefix: string): Unit {
  const found = graph.units.filter((u) => u.text.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one unit starting "${prefix}", found ${found.length}`);
  return found[0]!;
}

export function unitEnding(graph: ArgumentGraph, suffix: string): Unit {
  const found = graph.units.filter((u) => u.text.endsWith(suffix));
  if (found.length !== 1) throw new Error(`expected one unit ending "${suffix}", found ${found.length}`);
  return found[0]!;
}

/** The invariants of the output contract, checked on any graph. */
export function checkInvariants(graph: ArgumentGraph): void {
  const comments = new Map(graph.thread.comments.map((c) => [c.id, c]));
  for (const u of graph.units) {
    const c = comments.get(u.commentId);
    if (!c) throw new Error(`unit ${u.id} names unknown comment ${u.commentId}`);
    if (c.text.slice(u.start, u.end) !== u.text) throw new Error(`unit ${u.id} text differs from its span`);
  }
  for (const d of graph.duplicates) {
    for (const span of [d, d.of]) {
      const c = comments.get(span.commentId);
      if (!c || span.start >= span.end || span.end > c.text.length) throw new Error(`duplicate span out of range in ${span.commentId}`);
    }
    for (const u of graph.units) {
      if (u.commentId === d.commentId && u.start < d.end && u.end > d.start) throw new Error(`unit ${u.id} lies in a set-aside copy`);
    }
  }
  const ids = new Set(graph.units.map((u) => u.id));
  if (ids.size !== graph.units.length) throw new Error('unit ids repeat');
  for (const e of graph.edges) {
    if (!ids.has(e.from) || !ids.has(e.to)) throw new Error(`edge ${e.from}→${e.to} names an unknown unit`);
    if (e.from === e.to) throw new Error(`edge ${e.from} points at itself`);
  }
}
