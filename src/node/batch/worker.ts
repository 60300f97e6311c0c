/**
 * The worker-thread entry of the batch pool (built to dist/batch-worker.js). It only adapts the
 * task message to processRecord: the per-record function itself knows nothing of threads.
 */
import { processRecord, type ProcessOptions } from './process.js';
import type { BatchRecord, RecordOutcome } from './record.js';

/** One task: a record and the options to process it with. */
export interface WorkerTask {
  record: BatchRecord;
  options: ProcessOptions;
}

export default function runTask(task: WorkerTask): RecordOutcome {
  return processRecord(task.record, task.options);
}

/** Several small records in one task: the per-task cost of crossing threads is paid once. */
export interface WorkerChunk {
  records: BatchRecord[];
  options: ProcessOptions;
}

export function runChunk(chunk: WorkerChunk): RecordOutcome[] {
  return chunk.records.map((record) => processRecord(record, chunk.options));
}
