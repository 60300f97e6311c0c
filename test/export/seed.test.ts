import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { EXPORTERS, findExporter } from '../../src/export/index.js';
import type { AifDocument } from '../../src/export/aif.js';

// The analyzed seed thread (a real paste, repeated block and all) in every format.
const seed = readFileSync(new URL('../../fixtures/seeds/thread-paste.txt', import.meta.url), 'utf8');
const [graph] = analyze(seed, { from: 'text' });
const hasGraphviz = spawnSync('dot', ['-V']).status === 0;
if (!hasGraphviz) console.warn('seed.test: Graphviz `dot` not found on PATH; skipping the render check');

function render(name: string): string {
  const exporter = findExporter(name);
  expect(exporter, name).toBeDefined();
  return exporter!.render(graph!);
}

describe('exporting the analyzed seed thread', () => {
  it('analyzes to one graph with units, edges and a duplicate record', () => {
    expect(graph).toBeDefined();
    expect(graph!.units.length).toBeGreaterThan(0);
    expect(graph!.edges.length).toBeGreaterThan(0);
    expect(graph!.duplicates.length).toBeGreaterThan(0);
  });

  it('registers every format, and each renders the same bytes twice', () => {
    expect(EXPORTERS.map((e) => e.name)).toEqual(expect.arrayContaining(['aif', 'argdown', 'dot', 'mermaid', 'graphml']));
    for (const exporter of EXPORTERS) expect(exporter.render(graph!), exporter.name).toBe(exporter.render(structuredClone(graph!)));
  });

  it('aif: every unit an I node, every edge an RA or CA, no I–I edge', () => {
    const doc = JSON.parse(render('aif')) as AifDocument;
    const types = new Map(doc.nodes.map((n) => [n.nodeID, n.type]));
    expect(doc.nodes.filter((n) => n.type === 'I')).toHaveLength(graph!.units.length);
    expect(doc.nodes.filter((n) => n.type === 'RA' || n.type === 'CA')).toHaveLength(graph!.edges.length);
    expect(doc.edges.some((e) => types.get(e.fromID) === 'I' && types.get(e.toID) === 'I')).toBe(false);
  });

  it('argdown: the reference parser reads it without errors, with the right relations', () => {
    const app = new ArgdownApplication();
    app.addPlugin(new ParserPlugin(), 'parse-input');
    app.addPlugin(new DataPlugin(), 'build-model');
    app.addPlugin(new ModelPlugin(), 'build-model');
    const out = app.run({ process: ['parse-input', 'build-model'], input: render('argdown'), logLevel: 'error' }) as {
      lexerErrors?: unknown[];
      parserErrors?: unknown[];
      statements?: Record<string, { tags?: string[] }>;
      relations?: { relationType: string }[];
    };
    expect(out.lexerErrors ?? []).toEqual([]);
    expect(out.parserErrors ?? []).toEqual([]);
    expect(Object.keys(out.statements ?? {})).toHaveLength(graph!.units.length);
    expect(out.relations?.filter((r) => r.relationType === 'attack')).toHaveLength(graph!.edges.filter((e) => e.type === 'rebuts').length);
    expect(out.relations?.filter((r) => r.relationType === 'support')).toHaveLength(graph!.edges.filter((e) => e.type === 'supports').length);
    const predictions = graph!.units.filter((u) => u.type === 'prediction').length;
    expect(Object.values(out.statements ?? {}).filter((s) => s.tags?.includes('prediction'))).toHaveLength(predictions);
  });

  it('graphml: well-formed, one node per unit', () => {
    const xml = render('graphml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<node id=/g)).toHaveLength(graph!.units.length);
    expect(xml.match(/<edge id=/g)).toHaveLength(graph!.edges.length);
  });

  it('mermaid: a flowchart with a node per unit and an arrow per edge', () => {
    const text = render('mermaid');
    expect(text).toMatch(/^flowchart BT$/m);
    expect(text.match(/^ {4}n\d+\["/gm)).toHaveLength(graph!.units.length);
    expect(text.match(/^ {2}n\d+ (-->|--x)\|/gm)).toHaveLength(graph!.edges.length);
  });

  it.skipIf(!hasGraphviz)('dot: Graphviz renders it', () => {
    const svg = execFileSync('dot', ['-Tsvg'], { input: render('dot'), encoding: 'utf8' });
    expect(svg).toContain('</svg>');
  });
});
