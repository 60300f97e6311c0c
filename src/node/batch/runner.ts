/**
 * Where chunks are processed: a pool of worker threads (piscina) running the built
 * dist/batch-worker.cjs, or inline in this thread. Both have the same face, so the orchestrator
 * does not care, and a queue-backed runner could take their place.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { failedChunk, itemsOf, mergeResults, processChunk, splitTask, type ChunkResult, type ChunkTask } from './chunk.js';
import type { ProcessOptions } from './process.js';
import type { WorkerTask } from './worker.js';

export interface Runner {
  /** Processes one chunk; resolves to a result even when a worker fails or times out. */
  run(task: ChunkTask): Promise<ChunkResult>;
  /**
   * Takes back a committed result's lines once they are written: their buffer is handed to a later
   * chunk to be filled again. A runner may ignore it.
   */
  recycle(written: Uint8Array): void;
  close(): Promise<void>;
}

/** Runs chunks in this thread: for tests and for embedding without worker files. */
export function inlineRunner(options: ProcessOptions): Runner {
  return {
    run: async (task) => processChunk(task, options),
    recycle: () => {},
    close: async () => {},
  };
}

export interface PoolOptions {
  workers: number;
  /** A chunk still running after this long is stopped (its worker is replaced); its items are retried one by one. */
  timeoutMs: number;
  /** Heap limit of each worker, so one pathological thread fails alone instead of taking the process. */
  maxHeapMb?: number;
  /** The built worker file; found next to the running bundle by default. */
  workerFile?: string;
}

/** Smaller buffers are not worth moving back and forth (Node's pool of small buffers uses 8 KB slabs). */
const MIN_SPARE = 64 * 1024;

/** Runs chunks on a pool of worker threads. */
export function poolRunner(options: ProcessOptions, pool: PoolOptions): Runner {
  const filename = pool.workerFile ?? findWorkerFile();
  const piscina = new Piscina<WorkerTask, ChunkResult>({
    filename,
    minThreads: pool.workers,
    maxThreads: pool.workers,
    idleTimeout: 60_000,
    // A second task waits in each worker's queue, so a worker finishing one chunk starts the
    // next without waiting for the main thread to hand it over.
    concurrentTasksPerWorker: 2,
    resourceLimits: { maxOldGenerationSizeMb: pool.maxHeapMb ?? 1024 },
  });

  // Written result buffers, moved back to the workers with later chunks: without them every chunk
  // would bring a new buffer of result lines into this thread, and the garbage collector would run
  // here every few dozen megabytes only to free them.
  const spares: ArrayBuffer[] = [];
  const maxSpares = pool.workers * 16;

  /** One try: the result, or why the chunk failed as a whole. */
  async function attempt(task: ChunkTask): Promise<ChunkResult | { failed: string }> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), pool.timeoutMs);
    const spare = spares.pop();
    try {
      return await piscina.run({ task, options, spare }, { signal: abort.signal, transferList: spare ? [spare] : [] });
    } catch (error) {
      return {
        failed: abort.signal.aborted
          ? `analysis took longer than ${Math.round(pool.timeoutMs / 1000)} s and was stopped (a pathological thread?)`
          : `worker failed: ${(error as Error).message}`,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async run(task) {
      const first = await attempt(task);
      if (!('failed' in first)) return first;
      if (itemsOf(task) === 1) return failedChunk(task, first.failed);
      // Retried item by item, so one pathological thread fails alone and its neighbours are analyzed.
      const parts = await Promise.all(
        splitTask(task).map(async (one) => {
          const r = await attempt(one);
          return 'failed' in r ? failedChunk(one, r.failed) : r;
        }),
      );
      return mergeResults(parts);
    },
    recycle(written) {
      // Only a buffer of its own (not a slice of Node's shared pool of small buffers), whole from its start.
      const buffer = written.buffer;
      if (buffer instanceof ArrayBuffer && written.byteOffset === 0 && buffer.byteLength >= MIN_SPARE && spares.length < maxSpares) spares.push(buffer);
    },
    close: () => piscina.destroy(),
  };
}

/**
 * The built worker: beside the running bundle (dist/cli.js → dist/batch-worker.cjs), or, when this
 * module runs from source (tests), in the project's dist/.
 */
export function findWorkerFile(): string {
  const candidates = [new URL('./batch-worker.cjs', import.meta.url), new URL('../../../dist/batch-worker.cjs', import.meta.url)];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error('the batch worker is not built (dist/batch-worker.cjs); run `npm run build`, or use --workers 0 to run in one thread');
}
