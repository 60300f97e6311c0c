/**
 * The worker-thread entry of the batch pool (built to dist/batch-worker.cjs, CommonJS: see tsup.config.ts). It only adapts the
 * task message to processChunk, and hands the result's byte arrays over without copying them.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { processChunk, type ChunkResult, type ChunkTask } from './chunk.js';
import type { ProcessOptions } from './process.js';

/** One task: a chunk, the options to process it with, and maybe a buffer to write its results into. */
export interface WorkerTask {
  task: ChunkTask;
  options: ProcessOptions;
  /** An earlier result's buffer, written out by the main thread and moved back here to be filled again. */
  spare?: ArrayBuffer;
}

export default function runTask(message: WorkerTask): ChunkResult {
  const result = processChunk(message.task, message.options, message.spare);
  // The arrays were made for this result alone, so their buffers can move to the main thread.
  const buffers = [...new Set([result.results.buffer, result.errors.buffer, result.signatures.buffer])];
  return move({ [transferableSymbol]: buffers, [valueSymbol]: result }) as unknown as ChunkResult;
}
