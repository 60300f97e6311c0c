/**
 * ArgumentGraph → a Mermaid `flowchart` (renders in GitHub, GitLab, Obsidian and mermaid.live).
 * One node per unit, labelled `type · confidence` over its text, inside one subgraph per
 * comment; supports are `-->` arrows and rebuts `--x` arrows (a cross at the target), each
 * labelled with its confidence; a class per unit type colours the nodes. Duplicate records
 * are `%%` comments at the top.
 *
 * Node and subgraph ids are generated (`n0`, `c0`, ...) so no text ever sits where Mermaid
 * reads ids or keywords; all text sits inside `"..."` with Mermaid's own entity codes.
 */
import type { ArgumentGraph } from '../schema/index.js';
import { UNIT_TYPES } from '../schema/index.js';
import { TYPE_COLORS, commentLabel, describeDuplicate, formatConfidence, oneLine, unitsByComment } from './labels.js';

/** Mermaid flowchart text for a graph (final newline). */
export function toMermaid(graph: ArgumentGraph): string {
  const lines: string[] = [`%% threadmap export of thread ${oneLine(graph.thread.id)} (schema ${graph.schemaVersion})`];
  for (const duplicate of graph.duplicates) lines.push(`%% ${describeDuplicate(duplicate)}`);
  lines.push('flowchart BT');

  const nodeIds = new Map<string, string>();
  const unitsOf = unitsByComment(graph.units);
  const classLines: string[] = [];
  graph.thread.comments.forEach((comment, commentIndex) => {
    const units = unitsOf.get(comment.id);
    if (!units) return;
    lines.push(`  subgraph c${commentIndex}["${mermaidText(commentLabel(comment))}"]`);
    for (const unit of units) {
      if (nodeIds.has(unit.id)) continue;
      const id = `n${nodeIds.size}`;
      nodeIds.set(unit.id, id);
      const heading = `${unit.type} · ${formatConfidence(unit.confidence)}`;
      lines.push(`    ${id}["${heading}<br/>${mermaidText(unit.text)}"]`);
      classLines.push(`  class ${id} ${unit.type}`);
    }
    lines.push('  end');
  });

  for (const edge of graph.edges) {
    const from = nodeIds.get(edge.from);
    const to = nodeIds.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const arrow = edge.type === 'rebuts' ? '--x' : '-->';
    lines.push(`  ${from} ${arrow}|"${edge.type} ${formatConfidence(edge.confidence)}"| ${to}`);
  }
  // Only types in use get a classDef, so an empty graph stays a bare `flowchart`.
  const used = new Set(graph.units.map((unit) => unit.type));
  for (const type of UNIT_TYPES) if (used.has(type)) lines.push(`  classDef ${type} fill:${TYPE_COLORS[type].fill},stroke:${TYPE_COLORS[type].stroke}`);
  lines.push(...classLines);
  return `${lines.join('\n')}\n`;
}

/**
 * Text for inside a quoted Mermaid label, shown as written. One line (Mermaid drops any
 * line that starts with `%%`); `"` cannot appear inside the quotes, so it and everything
 * Mermaid or its HTML labels would read as syntax (`#`, `&`, `<`, `>`, `:`, backticks)
 * become numeric Mermaid entity codes (`#34;`, `#35;`, ...). `¶` and `ﬂ` are coded too: Mermaid
 * uses them as placeholders while it decodes entities.
 */
export function mermaidText(text: string): string {
  return oneLine(text).replace(/["#&<>:`¶ﬂ]/g, (char) => `#${char.codePointAt(0)};`);
}
