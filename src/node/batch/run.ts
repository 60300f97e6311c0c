/**
 * `threadmap batch`, as a function: inputs streamed into chunks, chunks run on a pool with a
 * bounded number in flight, results committed to the store in input order as they become ready,
 * then cross-thread duplicates and the summary. The reading thread only cuts the input at line
 * ends, writes what the workers return and keeps the counts; the output is the same, line for
 * line, whatever the number of workers.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { EDGE_TYPES, UNIT_TYPES } from '../../schema/index.js';
import { CrossDupIndex, DEFAULT_CROSSDUP, type CrossDupOptions, type DuplicateCluster } from '../crossdup/index.js';
import { BLOCK_BYTES } from './blocks.js';
import { BufferPool } from './buffers.js';
import { bytesOf, itemsOf, type ChunkResult, type ChunkTask } from './chunk.js';
import { expandInputs } from './inputs.js';
import { InOrder } from './order.js';
import { Progress, type ProgressMode, type ProgressState } from './progress.js';
import { addTally, emptyTally, type Tally } from './record.js';
import { ThreadIds } from './repeats.js';
import { inlineRunner, poolRunner, type Runner } from './runner.js';
import { readSources } from './sources.js';
import { BatchStore, DUPLICATES, RENDERS, SUMMARY } from './store.js';
import type { AnalyzeOptionsInput } from '../../options.js';

export interface BatchOptions {
  inputs: string[];
  out: string;
  /** `--from`: `auto`, `pushshift`, or a format name. */
  from?: string;
  /** Worker threads; 0 runs in this thread. Default: every core. */
  workers?: number;
  resume?: boolean;
  /** `--to`: json (results.jsonl only) or another exporter, also written to DIR/graphs/. */
  to?: string;
  progress?: ProgressMode;
  stderr?: Writable;
  /** Per-record time limit (ms) in the pool. Default 120 s. */
  timeoutMs?: number;
  /** Cross-thread duplicates; false turns the index off. */
  crossdup?: Partial<CrossDupOptions> | false;
  /** Options for each thread's analysis (as analyzeThread takes them); kept in the journal, so --resume keeps them. */
  analyze?: AnalyzeOptionsInput;
}

/** DIR/summary.json. Counts add up: `in = analyzed + failed` for threads and for comments. */
export interface BatchSummary {
  inputs: string[];
  threads: { in: number; analyzed: number; failed: number };
  comments: { in: number; analyzed: number; failed: number };
  /** Lines in errors.jsonl. */
  errors: number;
  duplicates: { withinThreads: number; crossThreadClusters: number; crossThreadComments: number };
  units: Record<string, number>;
  edges: Record<string, number>;
  run: {
    workers: number;
    resumed: boolean;
    /** Input items (lines, whole files, gathered threads) finished by earlier runs of this batch. */
    recordsSkipped: number;
    /** Input items processed by this run. */
    records: number;
    bytesRead: number;
    wallSeconds: number;
    mbPerSecond: number;
    threadsPerSecond: number;
    commentsPerSecond: number;
  };
}

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const files = await expandInputs(options.inputs);
  const workers = options.workers ?? (await import('node:os')).availableParallelism();
  const from = options.from ?? 'auto';
  const header = { batch: 4 as const, inputs: files.map((f) => ({ path: f.abs, size: f.size })), from, ...(options.analyze ? { analyze: options.analyze } : {}) };
  const { store, restored } = BatchStore.open(options.out, options.resume ?? false, header);
  const progress = new Progress(options.stderr ?? process.stderr, options.stderr ? (options.progress ?? 'lines') : 'off');
  const index = options.crossdup === false ? undefined : new CrossDupIndex(options.crossdup ?? DEFAULT_CROSSDUP);
  if (index) for (const s of restored.signatures) index.addBlock(s.threads, s.signed, s.commentIds, s.values);
  restored.signatures.length = 0;
  const threadIds = new ThreadIds(restored.threads);
  restored.threads.length = 0;

  const tally = restored.tally;
  const thisRun: Tally = emptyTally();
  const state: ProgressState = { threadsDone: 0, threadsFailed: 0, skipped: restored.items, bytesRead: 0, bytesTotal: files.reduce((s, f) => s + f.size, 0), itemsQueued: 0, itemsDone: 0 };
  const processOptions = { sign: index !== undefined, ...(options.to && options.to !== 'json' ? { to: options.to } : {}), ...(options.analyze ? { analyze: options.analyze } : {}) };
  const runner: Runner = workers === 0 ? inlineRunner(processOptions) : poolRunner(processOptions, { workers, timeoutMs: options.timeoutMs ?? 120_000 });
  if (processOptions.to) mkdirSync(join(options.out, RENDERS), { recursive: true });

  // Blocks of input lines are read into buffers that come back here once committed (see buffers.ts).
  const inFlight = Math.max(4, workers * 16);
  const blocks = new BufferPool(BLOCK_BYTES, inFlight + 2);
  const commit = (ready: ChunkResult, task: ChunkTask | undefined) => {
    const result = threadIds.admit(ready, task);
    // Rendered graphs first (idempotent: a rerun overwrites them), then the committed lines.
    for (const r of result.renders) writeWhole(join(options.out, RENDERS, r.name), r.text);
    store.commit(result);
    runner.recycle(result.results);
    if (task?.kind === 'lines') blocks.give(task.bytes);
    addTally(thisRun, result.tally);
    if (index) index.addBlock(result.threads, result.signed, result.commentIds, result.signatures);
    state.threadsDone += result.tally.threadsAnalyzed + result.tally.threadsFailed;
    state.threadsFailed += result.tally.threadsFailed;
    state.itemsDone += result.items;
    progress.update(state);
  };

  // Enough chunks in flight to keep every worker fed while an earlier, slower chunk holds up the
  // commits behind it; bounded in bytes so memory stays flat.
  const order = new InOrder<ChunkTask | undefined, ChunkResult>(commit, { chunks: inFlight, bytes: 64 * 1024 * 1024 });
  try {
    const source = readSources(files, {
      from,
      spillDir: join(options.out, '.spill'),
      skip: { left: restored.items },
      pool: blocks,
      onBytes: (delta) => {
        state.bytesRead += delta;
        progress.update(state);
      },
      onTotal: (threads) => (state.threadsTotal = threads),
    });
    for await (const item of source) {
      state.itemsQueued += 'result' in item ? item.result.items : itemsOf(item.task);
      if ('result' in item) await order.add(undefined, 0, Promise.resolve(item.result));
      else await order.add(item.task, bytesOf(item.task), runner.run(item.task));
    }
    await order.drain();
  } finally {
    await order.settle();
    await runner.close();
    store.close();
  }

  const clusters = index ? index.clusters() : [];
  writeWhole(join(options.out, DUPLICATES), clusters.map((c) => `${JSON.stringify(c)}\n`).join(''));
  addTally(tally, thisRun);
  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(files.map((f) => f.path), tally, clusters, {
    workers,
    resumed: options.resume ?? false,
    recordsSkipped: restored.items,
    records: state.itemsDone,
    bytesRead: state.bytesRead,
    wallSeconds: round(seconds, 3),
    mbPerSecond: round(state.bytesRead / 1e6 / seconds, 2),
    threadsPerSecond: round((thisRun.threadsAnalyzed + thisRun.threadsFailed) / seconds, 1),
    commentsPerSecond: round((thisRun.commentsAnalyzed + thisRun.commentsFailed) / seconds, 1),
  });
  writeWhole(join(options.out, SUMMARY), `${JSON.stringify(summary, null, 2)}\n`);
  progress.finish(state);
  return summary;
}

function summarize(inputs: string[], t: Tally, clusters: DuplicateCluster[], run: BatchSummary['run']): BatchSummary {
  const units: Record<string, number> = {};
  for (const type of UNIT_TYPES) units[type] = t.units[type] ?? 0;
  const edges: Record<string, number> = {};
  for (const type of EDGE_TYPES) edges[type] = t.edges[type] ?? 0;
  return {
    inputs,
    threads: { in: t.threadsAnalyzed + t.threadsFailed, analyzed: t.threadsAnalyzed, failed: t.threadsFailed },
    comments: { in: t.commentsAnalyzed + t.commentsFailed, analyzed: t.commentsAnalyzed, failed: t.commentsFailed },
    errors: t.errors,
    duplicates: {
      withinThreads: t.duplicates,
      crossThreadClusters: clusters.length,
      crossThreadComments: clusters.reduce((s, c) => s + c.size, 0),
    },
    units,
    edges,
    run,
  };
}

function writeWhole(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
