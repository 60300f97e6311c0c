/**
 * export: ArgumentGraph → text in a format other tools read. One exporter per format;
 * add one with a line in EXPORTERS.
 */
import type { ArgumentGraph } from '../schema/index.js';
import { toJson } from './json.js';
import { toOutline } from './outline.js';

export interface Exporter {
  name: string;
  /** Renders one graph. Deterministic: the same graph gives the same bytes. */
  render(graph: ArgumentGraph): string;
}

export const EXPORTERS: readonly Exporter[] = [
  { name: 'json', render: toJson },
  { name: 'outline', render: toOutline },
];

export function exporterNames(): string[] {
  return EXPORTERS.map((e) => e.name);
}

export function findExporter(name: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.name === name);
}

export { toJson, toOutline };
