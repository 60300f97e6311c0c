/** Loads the hand-made graphs in fixtures/graphs/ for the exporter tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArgumentGraph } from '../../src/schema/index.js';

export const GRAPH_FIXTURES = ['small-debate', 'hostile-text', 'empty'] as const;
export type GraphFixture = (typeof GRAPH_FIXTURES)[number];

export function fixturePath(name: GraphFixture): string {
  return fileURLToPath(new URL(`../../fixtures/graphs/${name}.json`, import.meta.url));
}

export function loadGraph(name: GraphFixture): ArgumentGraph {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as ArgumentGraph;
}

/** Whitespace-normalised text: what a one-line format can promise to give back. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
