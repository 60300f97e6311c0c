import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import { describe, expect, it } from 'vitest';
import { escapeArgdownText, toArgdown } from '../../src/export/argdown.js';
import { cleanText } from '../../src/export/labels.js';
import type { ArgumentGraph } from '../../src/schema/index.js';
import { loadGraph, squash } from './graphs.js';

interface ParsedStatement {
  title: string;
  tags?: string[];
  data?: Record<string, unknown>;
  members: { text?: string }[];
}
interface Parsed {
  lexerErrors?: unknown[];
  parserErrors?: { message: string }[];
  exceptions?: Error[];
  statements?: Record<string, ParsedStatement>;
  relations?: { from: { title: string }; to: { title: string }; relationType: string }[];
}

/** Runs the reference parser the way Argdown's own tools start: parse, then build the model. */
function parseArgdown(input: string): Parsed {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  return app.run({ process: ['parse-input', 'build-model'], input, logLevel: 'error' }) as Parsed;
}

function expectClean(parsed: Parsed): void {
  expect(parsed.lexerErrors ?? []).toEqual([]);
  expect((parsed.parserErrors ?? []).map((e) => e.message)).toEqual([]);
  expect(parsed.exceptions ?? []).toEqual([]);
}

/** The statement text the parser rebuilt, without the type tag and data the exporter appends. */
function statementText(statement: ParsedStatement): string {
  const text = statement.members.map((m) => m.text ?? '').join('');
  return squash(text.replace(/ #[a-z]+ *$/, ''));
}

function checkGraph(graph: ArgumentGraph): Parsed {
  const parsed = parseArgdown(toArgdown(graph));
  expectClean(parsed);
  const statements = Object.values(parsed.statements ?? {});
  expect(statements).toHaveLength(graph.units.length);
  const relations = parsed.relations ?? [];
  expect(relations.filter((r) => r.relationType === 'attack')).toHaveLength(graph.edges.filter((e) => e.type === 'rebuts').length);
  expect(relations.filter((r) => r.relationType === 'support')).toHaveLength(graph.edges.filter((e) => e.type === 'supports').length);
  expect(relations).toHaveLength(graph.edges.length);
  return parsed;
}

describe('Argdown export, read back by @argdown/core', () => {
  it('parses without errors: one statement per unit, attack per rebuttal, support per support', () => {
    const graph = loadGraph('small-debate');
    const parsed = checkGraph(graph);
    // Relations keep their direction: the parser's `from` is the edge's source unit.
    const pairs = (parsed.relations ?? []).map((r) => `${r.from.title} ${r.relationType} ${r.to.title}`).sort();
    const expected = graph.edges.map((e) => `${e.from} ${e.type === 'rebuts' ? 'attack' : 'support'} ${e.to}`).sort();
    expect(pairs).toEqual(expected);
  });

  it('tags each statement with its unit type (predictions #prediction) and keeps confidence and span as data', () => {
    const graph = loadGraph('small-debate');
    const statements = parseArgdown(toArgdown(graph)).statements ?? {};
    for (const unit of graph.units) {
      const statement = statements[unit.id]!;
      expect(statement.tags).toEqual([unit.type]);
      expect(statement.data).toEqual({ confidence: unit.confidence, comment: unit.commentId, start: unit.start, end: unit.end });
      expect(statementText(statement)).toBe(unit.text);
    }
    expect(statements['c1.u3']!.tags).toEqual(['prediction']);
  });

  it('keeps duplicate records and edge confidence/evidence as comments', () => {
    const text = toArgdown(loadGraph('small-debate'));
    expect(text).toContain('// duplicate: comment c6 [0, 68) repeats comment c3 [0, 68) (exact, similarity 1)');
    expect(text).toContain('  // rebuts, confidence 0.91, evidence restatement "safety failures hurt everyone"\n  -> [c1.u2]');
  });

  it('escapes hostile text so the parser gives every statement back as written', () => {
    const graph = loadGraph('hostile-text');
    const parsed = checkGraph(graph);
    const byData = new Map(Object.values(parsed.statements ?? {}).map((s) => [`${s.data?.comment as string}`, s]));
    for (const unit of graph.units) {
      const statement = byData.get(cleanText(unit.commentId))!;
      expect(statement, unit.id).toBeDefined();
      expect(statementText(statement)).toBe(squash(cleanText(unit.text)));
      expect(statement.tags).toEqual([unit.type]);
    }
  });

  it('escapes every syntax character Argdown knows, and nothing in plain prose', () => {
    expect(escapeArgdownText('Plain prose, with commas; dashes - and (parens). End.')).toBe(
      'Plain prose, with commas; dashes - and (parens). End.',
    );
    expect(escapeArgdownText('#t @[m] <a> [s]: *b* _i_ // {d} === e.g. :x: \\')).toBe(
      '\\#t \\@\\[m\\] \\<a\\> \\[s\\]: \\*b\\* \\_i\\_ \\/\\/ \\{d\\} \\=\\=\\= e\\.g. \\:x: \\\\',
    );
  });

  it('is deterministic and writes an empty graph the parser accepts', () => {
    const graph = loadGraph('small-debate');
    expect(toArgdown(graph)).toBe(toArgdown(structuredClone(graph)));
    const empty = parseArgdown(toArgdown(loadGraph('empty')));
    expectClean(empty);
    expect(Object.keys(empty.statements ?? {})).toEqual([]);
  });
});
