/**
 * The per-record function of a batch: a record in, whole result lines out. Pure (no files, no
 * globals), so the same function runs in a worker thread here and could run in a queue worker
 * (BullMQ's processor, a map-only job over NDJSON shards) elsewhere.
 */
import { analyzeThread } from '../../analyze.js';
import { InputError } from '../../errors.js';
import { findExporter } from '../../export/index.js';
import { readInput } from '../../ingest/index.js';
import type { ArgumentGraph, Thread } from '../../schema/index.js';
import { DEFAULT_SIGN, signComment } from '../crossdup/sign.js';
import { pushshiftThread } from './pushshift.js';
import { emptyTally, type BatchRecord, type ErrorLine, type RecordOutcome, type Tally, type ThreadSignatures } from './record.js';
import type { AnalyzeOptionsInput } from '../../options.js';

/** What a record is processed with. Plain data: it crosses the worker boundary with each task. */
export interface ProcessOptions {
  /** Also render each graph in this format (`--to`, when not json). */
  to?: string;
  /** Sign comments for the cross-thread duplicate index. */
  sign: boolean;
  /** Options for analyzeThread (e.g. `link.minModelConfidence`). */
  analyze?: AnalyzeOptionsInput;
}

/**
 * Analyzes every thread of a record. Never throws for bad input: that becomes error lines.
 * `writeGraph`, when given, takes each analyzed thread's graph as JSON text (without its line end)
 * instead of `results` (left empty): a chunk encodes them as they come, with no string joined.
 */
export function processRecord(record: BatchRecord, options: ProcessOptions, writeGraph?: (json: string) => void): RecordOutcome {
  const out: RecordOutcome = { key: record.key, results: '', threads: [], errors: '', tally: emptyTally(), signatures: [], renders: [] };
  const fail = (error: ErrorLine) => {
    out.errors += `${JSON.stringify(error)}\n`;
    out.tally.errors++;
  };
  const where = record.kind === 'text' ? placeOf(record) : {};

  let threads: Thread[];
  if (record.kind === 'pushshift') {
    const { thread, errors } = pushshiftThread(record.threadId, record.comments);
    errors.forEach(fail);
    out.tally.commentsFailed += errors.length;
    threads = thread ? [thread] : [];
  } else {
    try {
      threads = readInput(record.text, { from: record.from, file: record.file }).threads;
    } catch (error) {
      const known = peek(record.text);
      fail(describeError(error, known.threadId ? { ...where, threadId: known.threadId } : where));
      out.tally.threadsFailed++;
      out.tally.commentsFailed += known.comments;
      return out;
    }
  }

  for (const thread of threads) {
    let graph: ArgumentGraph;
    try {
      graph = analyzeThread(thread, options.analyze);
    } catch (error) {
      fail(describeError(error, { ...where, threadId: thread.id }));
      out.tally.threadsFailed++;
      out.tally.commentsFailed += Array.isArray(thread.comments) ? thread.comments.length : 0;
      continue;
    }
    if (writeGraph) writeGraph(JSON.stringify(graph));
    else out.results += `${JSON.stringify(graph)}\n`;
    out.threads.push(graph.thread.id);
    tallyGraph(out.tally, graph);
    // One entry per analyzed thread (empty when none of its comments could be signed), so
    // signatures line up with `threads`.
    if (options.sign) out.signatures.push(signThread(graph.thread));
    if (options.to && options.to !== 'json') {
      const exporter = findExporter(options.to);
      if (exporter) out.renders.push({ name: renderName(graph.thread.id, options.to), text: exporter.render(graph) });
    }
  }
  return out;
}

function placeOf(record: Extract<BatchRecord, { kind: 'text' }>): ErrorLine {
  const place: ErrorLine = { file: record.file, message: '' };
  if (record.line !== undefined) place.line = record.line;
  if (record.offset !== undefined) place.offset = record.offset;
  return place;
}

/** An error as an errors.jsonl line: the input's place, the thread, and a message without a stack. */
export function describeError(error: unknown, where: Partial<ErrorLine>): ErrorLine {
  const line: ErrorLine = { ...where, message: '' };
  if (error instanceof InputError) {
    const p = error.place;
    if (p.threadId && !line.threadId) line.threadId = p.threadId;
    if (p.commentId) line.commentId = p.commentId;
    if (p.path) line.path = p.path;
    // A JSON line is parsed on its own, so the parser's "line 1, column C" is a column of that line;
    // a whole file's parser line is the file's own.
    if (p.line !== undefined && line.line === undefined) line.line = p.line;
    if (p.column !== undefined) line.message = `${error.detail} (column ${p.column})`;
    else line.message = error.detail;
    return line;
  }
  const message = error instanceof Error ? error.message : String(error);
  line.message = error instanceof RangeError && /call stack/i.test(message) ? 'thread too deeply nested to analyze (call stack exceeded)' : `analysis failed: ${message}`;
  return line;
}

/** Counts an analyzed thread's graph into `t` (also used to take a repeated thread back out). */
export function tallyGraph(t: Tally, graph: ArgumentGraph): void {
  t.threadsAnalyzed++;
  t.commentsAnalyzed += graph.thread.comments.length;
  t.duplicates += graph.duplicates.length;
  for (const u of graph.units) t.units[u.type] = (t.units[u.type] ?? 0) + 1;
  for (const e of graph.edges) t.edges[e.type] = (t.edges[e.type] ?? 0) + 1;
}

function signThread(thread: Thread): ThreadSignatures {
  const ids: string[] = [];
  const sigs: Uint8Array[] = [];
  for (const c of thread.comments) {
    if (c.deleted) continue;
    const sig = signComment(c.text, c.quotes ?? []);
    if (!sig) continue;
    ids.push(c.id);
    sigs.push(sig);
  }
  const values = new Uint8Array(ids.length * DEFAULT_SIGN.hashes);
  sigs.forEach((s, i) => values.set(s, i * DEFAULT_SIGN.hashes));
  return { threadId: thread.id, commentIds: ids, values };
}

/** What can still be said of an unreadable record (its thread id, how many comments), best effort. */
function peek(text: string): { threadId?: string; comments: number } {
  try {
    const value = JSON.parse(text) as { id?: unknown; comments?: unknown } | unknown[];
    const list = Array.isArray(value) ? value : value?.comments;
    const id = Array.isArray(value) ? undefined : value?.id;
    const comments = Array.isArray(list) ? list.length : 0;
    return typeof id === 'string' || typeof id === 'number' ? { threadId: String(id), comments } : { comments };
  } catch {
    return { comments: 0 };
  }
}

const EXTENSIONS: Record<string, string> = { outline: 'txt', aif: 'json', argdown: 'argdown', dot: 'dot', mermaid: 'mmd', graphml: 'graphml' };

/** A file name for a thread's rendered graph: readable, and unique even when ids differ only in unsafe characters. */
export function renderName(threadId: string, to: string): string {
  const safe = threadId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'thread';
  const suffix = safe === threadId ? '' : `-${fnv(threadId).toString(36)}`;
  return `${safe}${suffix}.${EXTENSIONS[to] ?? to}`;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
