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
 * Analyzes one thread. The thread is validated first (types, unique ids): an invalid thread
 * throws an InputError that names the place. Parents that point nowhere or form a cycle are read
 * as top-level comments and reported in `diagnostics`.
 */
export function analyzeThread(thread: Thread, options: AnalyzeOptionsInput = {}): ArgumentGraph {
  const opts = resolveOptions(options);
  const valid = validateThread(thread);
  const deduped = dedupe(valid.thread, opts.dedupe);
  const segmentation = segment(valid.thread, deduped.setAside);
  const classified = classify(segmentation, valid.thread);
  const edges = link(classified, valid.thread, valid.parentOf, opts.link);
  return buildGraph(valid.thread, deduped.duplicates, classified.units, edges, [...valid.diagnostics, ...deduped.diagnostics]);
}

/** Reads raw input in any supported format and analyzes every thread in it. */
export function analyze(input: string, options: ReadOptions & AnalyzeOptionsInput = {}): ArgumentGraph[] {
  const { threads } = readInput(input, options);
  return threads.map((thread) => analyzeThread(thread, options));
}
