import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dotString, toDot } from '../../src/export/dot.js';
import { oneLine } from '../../src/export/labels.js';
import { loadGraph } from './graphs.js';

// Graphviz is not installed in CI (on purpose); where it is, the output must render.
const graphviz = spawnSync('dot', ['-V'], { encoding: 'utf8' });
const hasGraphviz = graphviz.status === 0;
if (!hasGraphviz) console.warn('dot.test: Graphviz `dot` not found on PATH; skipping the render checks');

interface DotJson {
  objects?: { name: string; label?: string; tooltip?: string; class?: string }[];
  edges?: { tail: number; head: number; label?: string; tooltip?: string }[];
}

function graphvizJson(dot: string): DotJson {
  return JSON.parse(execFileSync('dot', ['-Tjson0'], { input: dot, encoding: 'utf8' })) as DotJson;
}

describe('DOT export', () => {
  const graph = loadGraph('small-debate');
  const text = toDot(graph);

  it('declares one node per unit inside one cluster per comment, and one arrow per edge', () => {
    expect(text.match(/^ {4}"u_[^"]+" \[label=/gm)).toHaveLength(graph.units.length);
    expect(text.match(/^ {2}subgraph "cluster_\d+" \{$/gm)).toHaveLength(new Set(graph.units.map((u) => u.commentId)).size);
    expect(text.match(/^ {2}"u_[^"]+" -> "u_[^"]+" \[/gm)).toHaveLength(graph.edges.length);
    expect(text).toContain('"u_c2.u1" -> "u_c1.u2" [label="rebuts 0.91 (restatement)"');
    expect(text).toContain('label="prediction · 0.9\\nSo they will publish more safety papers next\\nyear.\\n"');
  });

  it('keeps duplicate records as comments and unit types as node classes', () => {
    expect(text.split('\n')[1]).toBe('// duplicate: comment c6 [0, 68) repeats comment c3 [0, 68) (exact, similarity 1)');
    for (const unit of graph.units) expect(text).toContain(`class="${unit.type}"`);
  });

  it('quotes strings so Graphviz escapes, entities and line breaks cannot fire', () => {
    expect(dotString('say "hi" \\N & go\nnext')).toBe('"say \\"hi\\" \\\\N &amp; go next"');
  });

  it.skipIf(!hasGraphviz)('renders with dot -Tsvg, including hostile text', () => {
    for (const name of ['small-debate', 'hostile-text', 'empty'] as const) {
      const result = spawnSync('dot', ['-Tsvg'], { input: toDot(loadGraph(name)), encoding: 'utf8' });
      expect(result.stderr, name).toBe('');
      expect(result.status, name).toBe(0);
      expect(result.stdout).toContain('</svg>');
    }
  });

  it.skipIf(!hasGraphviz)('gives Graphviz every node, edge and id back as written', () => {
    const hostile = loadGraph('hostile-text');
    const parsed = graphvizJson(toDot(hostile));
    const nodes = (parsed.objects ?? []).filter((o) => !o.name.startsWith('cluster_'));
    expect(nodes).toHaveLength(hostile.units.length);
    expect(parsed.edges).toHaveLength(hostile.edges.length);
    // Tooltips carry the original unit ids (quotes, brackets) through Graphviz's parser.
    expect(nodes.map((n) => n.tooltip!.replace(/\\\\/g, '\\'))).toEqual(hostile.units.map((u) => oneLine(u.id)));
    // The SVG shows hostile text literally: `&` stays `&amp;amp;` only where the text had `&amp;`.
    const svg = execFileSync('dot', ['-Tsvg'], { input: toDot(hostile), encoding: 'utf8' });
    expect(svg).toContain('He said &quot;stop&quot; \\ then &lt;b&gt;left&lt;/b&gt; &amp; came back');
    expect(svg).toContain('entities: &amp;amp; &amp;lt; #quot; #35; ¶ß ﬂ°° \\N \\G \\l');
  });

  it('is deterministic', () => {
    expect(toDot(graph)).toBe(toDot(structuredClone(graph)));
  });
});
