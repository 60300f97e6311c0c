/**
 * Input files to chunk tasks, as a stream, in input order: blocks of JSON lines (raw bytes),
 * whole-thread files (raw bytes, several small ones together), and Pushshift comment dumps
 * gathered into threads (spill.ts). Problems found while reading (an over-long line, a file that
 * cannot be read) come out as results right away.
 *
 * Every input item has a place in one deterministic sequence: each line of a JSON-lines file (blank
 * ones too), each whole file, each unreadable dump line and each gathered Pushshift thread. A
 * resumed batch skips the first `skip.left` items of that sequence.
 */
import { readFile } from 'node:fs/promises';
import { detectFormat } from '../../ingest/index.js';
import { readLineBlocks } from './blocks.js';
import type { BufferPool } from './buffers.js';
import { outcomeResult, type ChunkResult, type ChunkTask, type WholeFile } from './chunk.js';
import { blockLines, decodeLine } from './decode.js';
import type { InputFile } from './inputs.js';
import { isPushshiftComment } from './pushshift.js';
import { failedOutcome, type BatchRecord, type RecordOutcome } from './record.js';
import { groupPushshift } from './spill.js';

/** Work for the pool, or a result already known. Each covers the next items of the sequence. */
export type SourceItem = { task: ChunkTask } | { result: ChunkResult };

export interface SourceOptions {
  /** `--from`: a format name, `pushshift`, or `auto`. */
  from: string;
  /** Scratch folder for grouping comment dumps. */
  spillDir: string;
  /** Reports bytes read from disk since the last call. */
  onBytes: (delta: number) => void;
  /** Reports the number of threads, once it is known. */
  onTotal?: (threads: number) => void;
  maxLineBytes?: number;
  /** Items of the sequence already done (counted down as they are passed over). */
  skip?: { left: number };
  /** Buffers for blocks of lines (given back by the batch once a block is committed). */
  pool?: BufferPool;
}

/** Whole files and gathered records are sent together up to this size or count. */
const CHUNK_BYTES = 256 * 1024;
const CHUNK_ITEMS = 32;

/** Every item of the inputs, in sequence (Pushshift dumps last, once grouped). */
export async function* readSources(files: readonly InputFile[], options: SourceOptions): AsyncGenerator<SourceItem> {
  const skip = options.skip ?? { left: 0 };
  const dumps: InputFile[] = [];
  const wholeFiles = new Chunker<WholeFile>((list) => ({ kind: 'files', from: wholeFrom(options.from), files: list }));
  for (const file of files) {
    if (file.layout === 'whole') {
      options.onBytes(file.size);
      if (skip.left > 0) {
        skip.left--;
        continue;
      }
      const read = await readWhole(file);
      if ('bytes' in read) {
        yield* wholeFiles.add(read, read.bytes.length);
        continue;
      }
      yield* wholeFiles.flush();
      yield { result: outcomeResult(read) };
      continue;
    }
    yield* wholeFiles.flush();
    const mode = await sniffLines(file, options.from);
    if (mode.kind === 'pushshift') dumps.push(file);
    else yield* lineBlocks(file, mode.from, options, skip);
  }
  yield* wholeFiles.flush();
  if (dumps.length === 0) return;
  const groups = new Chunker<BatchRecord>((list) => ({ kind: 'records', records: list }));
  for await (const item of groupPushshift(dumps, options)) {
    if (skip.left > 0) {
      skip.left--;
      continue;
    }
    if ('record' in item) {
      const r = item.record;
      yield* groups.add(r, r.kind === 'pushshift' ? r.comments.reduce((n, c) => n + c.text.length, 0) : r.text.length);
    } else {
      yield* groups.flush();
      yield { result: outcomeResult(item.outcome) };
    }
  }
  yield* groups.flush();
}

/** Collects small items into one task, up to CHUNK_BYTES or CHUNK_ITEMS. */
class Chunker<T> {
  private list: T[] = [];
  private bytes = 0;
  constructor(private readonly make: (list: T[]) => ChunkTask) {}

  *add(item: T, bytes: number): Generator<SourceItem> {
    this.list.push(item);
    this.bytes += bytes;
    if (this.bytes >= CHUNK_BYTES || this.list.length >= CHUNK_ITEMS) yield* this.flush();
  }

  *flush(): Generator<SourceItem> {
    if (this.list.length === 0) return;
    const task = this.make(this.list);
    this.list = [];
    this.bytes = 0;
    yield { task };
  }
}

/** A whole file's raw bytes (gunzipped in the worker), or why it cannot be read. */
async function readWhole(file: InputFile): Promise<WholeFile | RecordOutcome> {
  try {
    return { file: file.path, key: file.abs, gzip: file.gzip, bytes: await readFile(file.abs) };
  } catch (error) {
    return failedOutcome(file.abs, { file: file.path, message: `cannot read: ${(error as Error).message}` });
  }
}

function wholeFrom(from: string): string {
  return from === 'pushshift' ? 'auto' : from;
}

async function* lineBlocks(file: InputFile, from: string, options: SourceOptions, skip: { left: number }): AsyncGenerator<SourceItem> {
  let seen = 0;
  const onBytes = (total: number) => {
    options.onBytes(total - seen);
    seen = total;
  };
  const blocks = readLineBlocks(file.abs, { gzip: file.gzip, onBytes, skip, ...(options.pool ? { pool: options.pool } : {}), ...(options.maxLineBytes ? { maxLineBytes: options.maxLineBytes } : {}) });
  for await (const b of blocks) {
    if ('tooLong' in b) {
      yield { result: outcomeResult(failedOutcome(`${file.abs}:${b.line}`, { file: file.path, line: b.line, offset: b.offset, message: `line too long (${b.length} bytes); skipped` })) };
    } else {
      yield { task: { kind: 'lines', file: file.path, from, line: b.line, offset: b.offset, lines: b.lines, bytes: b.bytes } };
    }
  }
  options.onBytes(file.size - seen);
}

/**
 * Reads a line file's first line to tell a Pushshift comment dump from JSON lines of threads, and
 * to pick the thread format once per file (so each line is parsed once, not once per candidate format).
 */
async function sniffLines(file: InputFile, from: string): Promise<{ kind: 'pushshift' } | { kind: 'threads'; from: string }> {
  if (from === 'pushshift') return { kind: 'pushshift' };
  if (from !== 'auto') return { kind: 'threads', from };
  let first: string | undefined;
  try {
    for await (const b of readLineBlocks(file.abs, { gzip: file.gzip, maxLineBytes: 64 << 20, blockBytes: 1 })) {
      if ('tooLong' in b) break;
      const line = blockLines(b.bytes, b.line, b.offset).next();
      if (line.done || line.value.bytes.length === 0) continue;
      const d = decodeLine(line.value.bytes);
      if ('text' in d) first = d.text;
      break;
    }
  } catch {
    return { kind: 'threads', from: 'auto' };
  }
  if (first === undefined) return { kind: 'threads', from: 'auto' };
  let value: unknown;
  try {
    value = JSON.parse(first);
  } catch {
    return { kind: 'threads', from: 'auto' };
  }
  if (isPushshiftComment(value)) return { kind: 'pushshift' };
  try {
    return { kind: 'threads', from: detectFormat(first).name };
  } catch {
    return { kind: 'threads', from: 'auto' };
  }
}
