/**
 * export: ArgumentGraph → text in a format other tools read. One exporter per format;
 * add one with a line in EXPORTERS.
 */
import type { ArgumentGraph } from '../schema/index.js';
import { toJson } from './json.js';
import { toOutline } from './outline.js';
import { toAif } from './aif.js';
import { toArgdown } from './argdown.js';
import { toDot } from './dot.js';
import { toGraphml } from './graphml.js';
import { toMermaid } from './mermaid.js';

export interface Exporter {
  name: string;
  /** Renders one graph. Deterministic: the same graph gives the same bytes. */
  render(graph: ArgumentGraph): string;
}

export const EXPORTERS: readonly Exporter[] = [
  { name: 'json', render: toJson },
  { name: 'outline', render: toOutline },
  { name: 'aif', render: toAif },
  { name: 'argdown', render: toArgdown },
  { name: 'dot', render: toDot },
  { name: 'mermaid', render: toMermaid },
  { name: 'graphml', render: toGraphml },
];

export function exporterNames(): string[] {
  return EXPORTERS.map((e) => e.name);
}

export function findExporter(name: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.name === name);
}

export { toJson, toOutline };
export { toAif, toArgdown, toDot, toGraphml, toMermaid };
export { toAifDocument } from './aif.js';
export type { AifDocument } from './aif.js';
