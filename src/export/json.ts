import type { ArgumentGraph } from '../schema/index.js';

/** The output contract as pretty JSON with a final newline. */
export function toJson(graph: ArgumentGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
