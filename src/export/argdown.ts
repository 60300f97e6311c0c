/**
 * ArgumentGraph → Argdown, the plain-text argument-mapping language (argdown.org), in a form
 * its reference parser (`@argdown/core`) reads without errors.
 *
 * Each comment with units is a section (`## author · id`); each unit is a statement
 * `[id]: text #type {confidence: …}` whose tag is its unit type (so predictions carry
 * `#prediction`); each edge is a relation under its source statement: `-> [target]` for
 * rebuts and `+> [target]` for supports, with the edge's confidence and evidence in a
 * `//` comment line above it (Argdown relations have no data slot). Duplicate records are `//`
 * comments at the top.
 */
import type { ArgumentGraph, Edge } from '../schema/index.js';
import {
  cleanText,
  commentLabel,
  describeDuplicate,
  formatConfidence,
  oneLine,
  safeIds,
  unitsByComment,
} from './labels.js';

/** Argdown text for a graph (final newline). */
export function toArgdown(graph: ArgumentGraph): string {
  const titles = safeIds(graph.units.map((unit) => unit.id));
  const outgoing = new Map<string, Edge[]>();
  for (const edge of graph.edges) {
    if (!titles.has(edge.from) || !titles.has(edge.to)) continue;
    const list = outgoing.get(edge.from);
    if (list) list.push(edge);
    else outgoing.set(edge.from, [edge]);
  }

  const lines: string[] = [
    `// threadmap export of thread ${oneLine(graph.thread.id)} (schema ${graph.schemaVersion}): statements are units, tags are unit types.`,
  ];
  for (const duplicate of graph.duplicates) lines.push(`// ${describeDuplicate(duplicate)}`);
  lines.push('');
  // Always a top heading: Argdown rejects a document that is nothing but comments (an empty graph).
  lines.push(`# ${escapeArgdownText(graph.thread.title ?? `thread ${graph.thread.id}`)}`, '');

  const unitsOf = unitsByComment(graph.units);
  for (const comment of graph.thread.comments) {
    const units = unitsOf.get(comment.id);
    if (!units) continue;
    lines.push(`## ${escapeArgdownText(commentLabel(comment))}`, '');
    for (const unit of units) {
      const data = `{confidence: ${formatConfidence(unit.confidence)}, comment: ${yamlString(unit.commentId)}, start: ${unit.start}, end: ${unit.end}}`;
      lines.push(`[${titles.get(unit.id)}]: ${escapeArgdownText(unit.text)} #${unit.type} ${data}`);
      for (const edge of outgoing.get(unit.id) ?? []) {
        const arrow = edge.type === 'rebuts' ? '->' : '+>';
        const evidence = edge.evidence.text === undefined ? edge.evidence.kind : `${edge.evidence.kind} "${edge.evidence.text}"`;
        // The note goes on a line of its own: after a reference, a `]:` inside it would be read as a definition.
        lines.push(`  // ${edge.type}, confidence ${formatConfidence(edge.confidence)}, evidence ${oneLine(evidence)}`);
        lines.push(`  ${arrow} [${titles.get(edge.to)}]`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Text that Argdown reads back as itself inside a statement or heading: one line, with a
 * backslash before every character Argdown could take as syntax (tags, mentions, links,
 * references, emphasis, comments, inline data, front matter), and before `.`/`:` where they
 * could open a `.name.`/`:name:` shortcode. Sentence punctuation stays readable.
 */
export function escapeArgdownText(text: string): string {
  return oneLine(text)
    .trim()
    .replace(/[\\@#*_[\]<>{}/=]|[.:](?=\S)/g, (char) => `\\${char}`);
}

// A JSON string is a YAML double-quoted scalar; braces and the line separators Argdown's
// data token cannot span are written as \u escapes so the `{...}` block stays one token.
function yamlString(value: string): string {
  return JSON.stringify(cleanText(value)).replace(/[{}\u0085\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
