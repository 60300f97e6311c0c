/**
 * The whole pipeline: Thread → dedupe → segment → classify → link → ArgumentGraph.
 * Each stage is a pure function from data to data; this file only wires them.
 */
import { classify } from './classify/index.js';
import { dedupe } from './dedupe/index.js';
import { buildGraph } from './graph/index.js';
import { readInput, type ReadOptions } from './ingest/index.js';
import { validateThread } from './ingest/validate.js';
import { link } from './link/index.js';
import { resolveOptions, type AnalyzeOptionsInput } from './options.js';
import type { ArgumentGraph, Thread } from './schema/index.js';
import { segment } from './segment/index.js';

/**
 * Analyzes one thread. The thread is validated first (types, duplicate ids, parents that
 * point nowhere or form a cycle): an invalid thread throws an InputError that names the comment.
 */
export function analyzeThread(thread: Thread, options: AnalyzeOptionsInput = {}): ArgumentGraph {
  const opts = resolveOptions(options);
  const { thread: valid, diagnostics } = validateThread(thread);
  const deduped = dedupe(valid, opts.dedupe);
  const sentences = segment(valid, deduped.kept);
  const units = classify(sentences, valid);
  const edges = link(units, valid, opts.link);
  return buildGraph(valid, deduped.duplicates, units, edges, [...diagnostics, ...deduped.diagnostics]);
}

/** Reads raw input in any supported format and analyzes every thread in it. */
export function analyze(input: string, options: ReadOptions & AnalyzeOptionsInput = {}): ArgumentGraph[] {
  const { threads } = readInput(input, options);
  return threads.map((thread) => analyzeThread(thread, options));
}
