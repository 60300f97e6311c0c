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
import type { WorkerChunk, WorkerTask } from './worker.js';

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

/**
 * Records smaller than this travel in chunks (up to CHUNK_BYTES or CHUNK_RECORDS together), so a
 * thread of twenty comments does not pay a whole message round trip of its own.
 */
const SMALL_RECORD = 32 * 1024;
const CHUNK_BYTES = 256 * 1024;
const CHUNK_RECORDS = 32;

/** Runs records on a pool of worker threads. */
export function poolRunner(options: ProcessOptions, pool: PoolOptions): Runner {
  const filename = pool.workerFile ?? findWorkerFile();
  const piscina = new Piscina<WorkerTask | WorkerChunk, RecordOutcome | RecordOutcome[]>({
    filename,
    minThreads: pool.workers,
    maxThreads: pool.workers,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: pool.maxHeapMb ?? 1024 },
  });

  async function runOne(record: BatchRecord): Promise<RecordOutcome> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), pool.timeoutMs);
    try {
      return (await piscina.run({ record, options }, { signal: abort.signal })) as RecordOutcome;
    } catch (error) {
      const message = abort.signal.aborted
        ? `analysis took longer than ${Math.round(pool.timeoutMs / 1000)} s and was stopped (a pathological thread?)`
        : `worker failed: ${(error as Error).message}`;
      return failedOutcome(record.key, { ...placeOf(record), message }, record.kind === 'pushshift' ? record.comments.length : 0);
    } finally {
      clearTimeout(timer);
    }
  }

  let pending: Array<{ record: BatchRecord; resolve: (o: RecordOutcome) => void }> = [];
  let pendingBytes = 0;
  let scheduled = false;

  async function flush(): Promise<void> {
    scheduled = false;
    const chunk = pending;
    pending = [];
    pendingBytes = 0;
    if (chunk.length === 0) return;
    if (chunk.length === 1) {
      chunk[0]!.resolve(await runOne(chunk[0]!.record));
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), pool.timeoutMs);
    try {
      const outcomes = (await piscina.run({ records: chunk.map((c) => c.record), options }, { name: 'runChunk', signal: abort.signal })) as RecordOutcome[];
      chunk.forEach((c, i) => c.resolve(outcomes[i]!));
    } catch {
      // A chunk that failed or ran out of time is retried record by record, so one pathological
      // thread fails alone and its neighbours are analyzed.
      await Promise.all(chunk.map(async (c) => c.resolve(await runOne(c.record))));
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    run(record) {
      const size = recordSize(record);
      if (size >= SMALL_RECORD) return runOne(record);
      return new Promise<RecordOutcome>((resolve) => {
        pending.push({ record, resolve });
        pendingBytes += size;
        if (pendingBytes >= CHUNK_BYTES || pending.length >= CHUNK_RECORDS) void flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
    close: async () => {
      await flush();
      await piscina.destroy();
    },
  };
}

function recordSize(record: BatchRecord): number {
  if (record.kind === 'text') return record.text.length;
  let n = 0;
  for (const c of record.comments) n += c.text.length;
  return n;
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
