import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/export/labels.js';
import { mermaidText, toMermaid } from '../../src/export/mermaid.js';
import { loadGraph } from './graphs.js';

// The lines the exporter writes, as Mermaid's flowchart grammar reads them. Mermaid itself
// needs a DOM to parse, so these shapes are what the tests pin (they were checked once against
// mermaid 11's parser in jsdom: same vertices, edges, arrow types and subgraphs).
const NODE = /^ {4}(n\d+)\["([^"]*)"\]$/;
const EDGE = /^ {2}(n\d+) (-->|--x)\|"(rebuts|supports) [\d.]+"\| (n\d+)$/;
const SHAPES = [
  /^%% .*$/,
  /^flowchart BT$/,
  /^ {2}subgraph c\d+\["[^"]*"\]$/,
  NODE,
  /^ {2}end$/,
  EDGE,
  /^ {2}classDef [a-z]+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6}$/,
  /^ {2}class n\d+ [a-z]+$/,
];

/** What Mermaid shows for a label: its numeric entity codes decoded. */
function decode(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

function lines(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

describe('Mermaid export', () => {
  it('writes a flowchart: one node per unit in one subgraph per comment, one arrow per edge', () => {
    const graph = loadGraph('small-debate');
    const out = lines(toMermaid(graph));
    expect(out[0]).toMatch(/^%% threadmap export/);
    expect(out.find((l) => !l.startsWith('%%'))).toBe('flowchart BT');
    for (const line of out) expect(SHAPES.some((shape) => shape.test(line)), line).toBe(true);
    expect(out.filter((l) => NODE.test(l))).toHaveLength(graph.units.length);
    expect(out.filter((l) => l.startsWith('  subgraph '))).toHaveLength(out.filter((l) => l === '  end').length);
    expect(out.filter((l) => EDGE.test(l))).toHaveLength(graph.edges.length);
    expect(out).toContain('  n3 --x|"rebuts 0.91"| n1');
    expect(out).toContain('  n1 -->|"supports 0.7"| n0');
  });

  it('labels nodes with type and confidence, classes them by type, and keeps duplicates as %% comments', () => {
    const graph = loadGraph('small-debate');
    const text = toMermaid(graph);
    expect(text).toContain('    n2["prediction · 0.9<br/>So they will publish more safety papers next year."]');
    expect(text).toContain('  class n2 prediction\n');
    expect(text).toContain('  classDef prediction fill:');
    expect(text).toContain('%% duplicate: comment c6 [0, 68) repeats comment c3 [0, 68) (exact, similarity 1)\n');
  });

  it('keeps hostile text inside its quotes and shows it as written', () => {
    const graph = loadGraph('hostile-text');
    const out = lines(toMermaid(graph));
    for (const line of out) expect(SHAPES.some((shape) => shape.test(line)), line).toBe(true);
    const labels = out.flatMap((l) => {
      const m = NODE.exec(l);
      return m ? [m[2]!] : [];
    });
    expect(labels).toHaveLength(graph.units.length);
    for (const [i, label] of labels.entries()) {
      // nothing Mermaid, its entity pass or an HTML label could act on is left raw
      expect(label.split('<br/>')[1]).not.toMatch(/["<>&:`¶ﬂ]|#(?!\d+;)/);
      expect(decode(label.split('<br/>')[1]!)).toBe(oneLine(graph.units[i]!.text));
    }
    // no line the author wrote can start a Mermaid comment or close a subgraph
    expect(out.filter((l) => l.startsWith('%%'))).toHaveLength(1 + graph.duplicates.length);
    expect(out.filter((l) => l.trim() === 'end')).toHaveLength(out.filter((l) => l.startsWith('  subgraph ')).length);
  });

  it('codes quotes, entities and Mermaid placeholders', () => {
    expect(mermaidText('a "b" #35; <c> & d: `e` ¶ß ﬂ\nf')).toBe(
      'a #34;b#34; #35;35; #60;c#62; #38; d#58; #96;e#96; #182;ß #64258; f',
    );
  });

  it('is deterministic and writes an empty graph as a bare flowchart', () => {
    const graph = loadGraph('small-debate');
    expect(toMermaid(graph)).toBe(toMermaid(structuredClone(graph)));
    expect(lines(toMermaid(loadGraph('empty')))).toEqual(['%% threadmap export of thread empty (schema 1)', 'flowchart BT']);
  });
});
