/**
 * ArgumentGraph → Graphviz DOT. One box per unit, coloured by type and labelled with its
 * type, confidence and text (word-wrapped), inside one cluster per comment; one arrow per edge, red for rebuts
 * and green for supports, labelled with its confidence and evidence kind. Duplicate records
 * are `//` comments at the top. Every id and label is a quoted, escaped DOT string.
 */
import type { ArgumentGraph } from '../schema/index.js';
import {
  TYPE_COLORS,
  commentLabel,
  describeDuplicate,
  formatConfidence,
  oneLine,
  safeIds,
  unitsByComment,
  wrapWords,
} from './labels.js';

/** Characters per label line: Graphviz never wraps text itself. */
const LABEL_WIDTH = 48;

const EDGE_STYLE = {
  rebuts: 'color="#c0392b", fontcolor="#c0392b", arrowhead=tee',
  supports: 'color="#27ae60", fontcolor="#27ae60", arrowhead=normal',
} as const;

/** DOT text for a graph (final newline). Render with `dot -Tsvg`. */
export function toDot(graph: ArgumentGraph): string {
  const ids = safeIds(graph.units.map((unit) => unit.id), 'u_');
  const lines: string[] = [`// threadmap export of thread ${oneLine(graph.thread.id)} (schema ${graph.schemaVersion})`];
  for (const duplicate of graph.duplicates) lines.push(`// ${describeDuplicate(duplicate)}`);
  lines.push('digraph threadmap {');
  const title = graph.thread.title === undefined ? '' : `, label=${dotString(graph.thread.title)}, labelloc=t`;
  lines.push(`  graph [rankdir=BT, fontname="Helvetica"${title}];`);
  lines.push('  node [shape=box, style="rounded,filled", fillcolor="#f8f9fa", fontname="Helvetica", fontsize=10];');
  lines.push('  edge [fontname="Helvetica", fontsize=9];');

  const unitsOf = unitsByComment(graph.units);
  let cluster = 0;
  for (const comment of graph.thread.comments) {
    const units = unitsOf.get(comment.id);
    if (!units) continue;
    lines.push(`  subgraph ${dotString(`cluster_${cluster}`)} {`);
    lines.push(`    label=${dotString(commentLabel(comment))}; style=dashed; color="#adb5bd";`);
    cluster += 1;
    for (const unit of units) {
      const label = [`${unit.type} · ${formatConfidence(unit.confidence)}`, ...wrapWords(oneLine(unit.text), LABEL_WIDTH)];
      lines.push(
        `    ${dotString(ids.get(unit.id)!)} [label=${dotLabel(label)}, tooltip=${dotTooltip(unit.id)}, class=${dotString(unit.type)}, fillcolor=${dotString(TYPE_COLORS[unit.type].fill)}, color=${dotString(TYPE_COLORS[unit.type].stroke)}];`,
      );
    }
    lines.push('  }');
  }

  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const label = `${edge.type} ${formatConfidence(edge.confidence)} (${edge.evidence.kind})`;
    const tooltip = edge.evidence.text === undefined ? edge.evidence.kind : `${edge.evidence.kind}: ${edge.evidence.text}`;
    lines.push(
      `  ${dotString(from)} -> ${dotString(to)} [label=${dotString(label)}, tooltip=${dotTooltip(tooltip)}, ${EDGE_STYLE[edge.type]}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * A DOT quoted string holding `text` literally. Backslashes are doubled so Graphviz's label
 * escapes (`\n`, `\N`, `\G`, ...) cannot fire, `&` becomes `&amp;` because Graphviz decodes
 * HTML entities in labels, and line breaks become spaces (a raw newline followed by `#`
 * would be read as a preprocessor line).
 */
export function dotString(text: string): string {
  return `"${escapeDot(oneLine(text))}"`;
}

/** A quoted label whose lines are centred (`\n` line ends), each escaped like {@link dotString}. */
function dotLabel(lines: readonly string[]): string {
  return `"${lines.map((line) => `${escapeDot(line)}\\n`).join('')}"`;
}

/**
 * A quoted tooltip. Graphviz runs its backslash escapes over tooltips twice (a tooltip of
 * `\\G` shows the graph's name), so a literal backslash takes four.
 */
function dotTooltip(text: string): string {
  return `"${escapeDot(oneLine(text).replace(/\\/g, '\\\\'))}"`;
}

function escapeDot(text: string): string {
  return text.replace(/[\\"&]/g, (char) => (char === '&' ? '&amp;' : `\\${char}`));
}
