/**
 * threadmap/node: the Node-only parts for batch jobs over exports: the resumable batch runner,
 * the per-record and per-chunk functions a queue worker can call, and the cross-thread duplicate index.
 */
export { runBatch } from './batch/run.js';
export type { BatchOptions, BatchSummary } from './batch/run.js';
export { processRecord } from './batch/process.js';
export type { ProcessOptions } from './batch/process.js';
export { processChunk } from './batch/chunk.js';
export type { ChunkResult, ChunkTask } from './batch/chunk.js';
export { CrossDupIndex, DEFAULT_CROSSDUP, signComment, comparableText } from './crossdup/index.js';
export type { CrossDupOptions, DuplicateCluster, DuplicateMember } from './crossdup/index.js';
