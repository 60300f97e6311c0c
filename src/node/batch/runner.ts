/**
 * Where records are processed: a pool of worker threads (piscina) running the built
 * dist/batch-worker.js, or inline in this thread. Both have the same face, so the orchestrator
 * does not care, and a queue-backed runner could take their place.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { processRecord, type ProcessOptions } from './process.js';
import { failedOutcome, type BatchRecord, type ErrorLine, type RecordOutcome } from './record.js';
import type { WorkerTask } from './worker.js';

export interface Runner {
  /** Processes one record; resolves to an outcome even when the worker fails or times out. */
  run(record: BatchRecord): Promise<RecordOutcome>;
  close(): Promise<void>;
}

/** Runs records in this thread: for tests and for embedding without worker files. */
export function inlineRunner(options: ProcessOptions): Runner {
  return {
    run: async (record) => processRecord(record, options),
    close: async () => {},
  };
}

export interface PoolOptions {
  workers: number;
  /** A record still running after this long is stopped (its worker is replaced) and reported. */
  timeoutMs: number;
  /** Heap limit of each worker, so one pathological thread fails alone instead of taking the process. */
  maxHeapMb?: number;
  /** The built worker file; found next to the running bundle by default. */
  workerFile?: string;
}

/** Runs records on a pool of worker threads. */
export function poolRunner(options: ProcessOptions, pool: PoolOptions): Runner {
  const filename = pool.workerFile ?? findWorkerFile();
  const piscina = new Piscina<WorkerTask, RecordOutcome>({
    filename,
    minThreads: pool.workers,
    maxThreads: pool.workers,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: pool.maxHeapMb ?? 1024 },
  });
  return {
    async run(record) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), pool.timeoutMs);
      try {
        return await piscina.run({ record, options }, { signal: abort.signal });
      } catch (error) {
        const message = abort.signal.aborted
          ? `analysis took longer than ${Math.round(pool.timeoutMs / 1000)} s and was stopped (a pathological thread?)`
          : `worker failed: ${(error as Error).message}`;
        return failedOutcome(record.key, { ...placeOf(record), message }, record.kind === 'pushshift' ? record.comments.length : 0);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => piscina.destroy(),
  };
}

function placeOf(record: BatchRecord): Omit<ErrorLine, 'message'> {
  if (record.kind === 'pushshift') return { file: record.comments[0]?.file, threadId: record.threadId };
  const place: Omit<ErrorLine, 'message'> = { file: record.file };
  if (record.line !== undefined) place.line = record.line;
  if (record.offset !== undefined) place.offset = record.offset;
  return place;
}

/**
 * The built worker: beside the running bundle (dist/cli.js → dist/batch-worker.js), or, when this
 * module runs from source (tests), in the project's dist/.
 */
export function findWorkerFile(): string {
  const candidates = [new URL('./batch-worker.js', import.meta.url), new URL('../../../dist/batch-worker.js', import.meta.url)];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error('the batch worker is not built (dist/batch-worker.js); run `npm run build`, or use --workers 0 to run in one thread');
}
