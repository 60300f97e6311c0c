import { describe, expect, it } from 'vitest';
import { toOutline } from '../../src/export/outline.js';
import type { ArgumentGraph } from '../../src/schema/index.js';
import { loadGraph } from './graphs.js';

describe('outline', () => {
  const graph = loadGraph('small-debate');

  it('prints each edge under its source with the text of its target', () => {
    const text = toOutline(graph);
    for (const e of graph.edges) {
      const target = graph.units.find((u) => u.id === e.to)!;
      expect(text).toMatch(new RegExp(`(rebuts?|supports) ${e.to.replace(".", "\\.")} \\(${e.confidence.toFixed(2)}, ${e.evidence.kind}`));
      expect(text).toContain(`"${target.text.slice(0, 40)}`);
    }
  });

  it('shows a rebuttal resting on the reply structure alone as a guess, and one with evidence as a rebuttal', () => {
    const rebuttal = graph.edges.find((e) => e.type === 'rebuts')!;
    const guessed: ArgumentGraph = { ...graph, edges: [{ ...rebuttal, evidence: { kind: 'reply' } }] };
    expect(toOutline(graph)).toContain(`✗ rebuts ${rebuttal.to} (`);
    expect(toOutline(guessed)).toContain(`? may rebut ${rebuttal.to} (${rebuttal.confidence.toFixed(2)}, reply)`);
    expect(toOutline(guessed)).not.toContain('✗ rebuts');
  });
});
