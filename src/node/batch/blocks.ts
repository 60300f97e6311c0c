/**
 * A JSON-lines file as blocks of whole lines, for the pool: the reading thread only looks for line
 * ends (a native byte search) and copies each block once; decoding and parsing happen in the
 * workers. Memory holds one read chunk and one block; a line longer than `maxLineBytes` is skipped
 * as it streams past and reported, never held.
 *
 * The reading thread makes no buffer per read: a plain file is read into one buffer, the bytes
 * after the last whole line are kept in one carry buffer, and blocks go into buffers from a pool
 * that the batch refills once a block's results are committed. Buffers made and dropped at the
 * rate of the input would each be garbage outside the heap, and V8 collects (the whole heap of this
 * thread) every few tens of megabytes of those.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { BufferPool } from './buffers.js';

/** A block is cut at the last line end before this many bytes (unless one line is longer). */
export const BLOCK_BYTES = 128 * 1024;

/** Whole lines `line … line + lines - 1` of a file, starting at byte `offset` (of the decompressed stream). */
export interface LineBlock {
  bytes: Uint8Array;
  line: number;
  offset: number;
  lines: number;
}

/** A line longer than the limit, skipped. */
export interface LongLine {
  tooLong: true;
  line: number;
  offset: number;
  length: number;
}

export interface BlockOptions {
  gzip: boolean;
  /** Called with the count of bytes read from disk so far (compressed bytes for gzip). */
  onBytes?: (bytesOnDisk: number) => void;
  /** A block is cut at the last line end before this many bytes (or after one longer line). */
  blockBytes?: number;
  maxLineBytes?: number;
  /** Lines already done (a resumed batch): not yielded, and counted down as they pass. */
  skip?: { left: number };
  /** Where blocks' bytes are put (a block is only read until it is given back to the pool). */
  pool?: BufferPool;
  /** Bytes per read from disk (1 MB). */
  readBytes?: number;
}

/** A file's bytes, read after read (compressed bytes counted by `onBytes`). A plain file's reads reuse one buffer: each is valid until the next. */
async function* readChunks(file: string, options: BlockOptions): AsyncGenerator<Buffer> {
  const size = options.readBytes ?? 1 << 20;
  if (options.gzip) {
    const raw = createReadStream(file, { highWaterMark: size });
    let onDisk = 0;
    raw.on('data', (chunk) => {
      onDisk += chunk.length;
      options.onBytes?.(onDisk);
    });
    const source = raw.pipe(createGunzip());
    raw.on('error', (error) => source.destroy(error));
    yield* source as AsyncIterable<Buffer>;
    return;
  }
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(size);
    let onDisk = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      onDisk += bytesRead;
      options.onBytes?.(onDisk);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

export async function* readLineBlocks(file: string, options: BlockOptions): AsyncGenerator<LineBlock | LongLine> {
  const max = options.maxLineBytes ?? 256 * 1024 * 1024;
  // A block cut before `blockBytes` only holds lines shorter than that, so with blocks no longer
  // than the limit only a block of one line (cut after it) can hold an over-long line.
  const blockBytes = Math.min(options.blockBytes ?? BLOCK_BYTES, max);
  const skip = options.skip ?? { left: 0 };
  const copy = (from: Buffer, start: number, end: number): Uint8Array => {
    const bytes = options.pool ? options.pool.take(end - start) : new Uint8Array(end - start);
    bytes.set(from.subarray(start, end));
    return bytes;
  };

  let carry = Buffer.alloc(0); // holds pending, from its start when a read is appended
  let pending: Buffer = carry; // starts at a line start; a view of carry
  let line = 1; // number of pending's first line
  let offset = 0; // offset of pending's first byte
  let skipping = -1; // while > -1: bytes of an over-long line seen so far

  /** Cuts `n` bytes (whole lines) off the front of pending, as a block unless they are already done. */
  function* cut(n: number, lines: number): Generator<LineBlock> {
    let start = 0;
    let first = line;
    if (skip.left > 0) {
      // A resumed batch: drop the lines done before.
      const drop = Math.min(skip.left, lines);
      for (let k = 0; k < drop; k++) start = pending.indexOf(0x0a, start) + 1 || n;
      skip.left -= drop;
      first += drop;
      lines -= drop;
    }
    if (lines > 0) yield { bytes: copy(pending, start, n), line: first, offset: offset + start, lines };
    pending = pending.subarray(n);
    line = first + lines;
    offset += n;
  }

  /** Reports (or, when already done, passes over) the over-long line that opens pending, `n` bytes. */
  function* long(n: number, lineEnd: boolean): Generator<LongLine> {
    if (skip.left > 0) skip.left--;
    else yield { tooLong: true, line, offset, length: n };
    line++;
    offset += n + (lineEnd ? 1 : 0);
    pending = pending.subarray(n + (lineEnd ? 1 : 0));
  }

  /** The length of pending's first line when it is over the limit and complete (has its line end). */
  function firstTooLong(): number {
    if (pending.length <= max) return -1;
    const nl = pending.indexOf(0x0a);
    return nl > max ? nl : -1;
  }

  /** Pending and then `data`, in carry (grown when they do not fit). */
  function append(data: Buffer): Buffer {
    const keep = pending.length;
    if (keep + data.length > carry.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(2 * carry.length, keep + data.length));
      pending.copy(bigger, 0);
      carry = bigger;
    } else if (keep > 0 && pending.byteOffset !== carry.byteOffset) {
      const from = pending.byteOffset - carry.byteOffset;
      carry.copyWithin(0, from, from + keep);
    }
    data.copy(carry, keep);
    return carry.subarray(0, keep + data.length);
  }

  for await (const chunk of readChunks(file, options)) {
    let data = chunk;
    if (skipping > -1) {
      const nl = data.indexOf(0x0a);
      if (nl === -1) {
        skipping += data.length;
        continue;
      }
      if (skip.left > 0) skip.left--;
      else yield { tooLong: true, line, offset, length: skipping + nl };
      line++;
      offset += skipping + nl + 1;
      skipping = -1;
      data = data.subarray(nl + 1);
    }
    pending = append(data);
    while (pending.length >= blockBytes) {
      let end = pending.lastIndexOf(0x0a, blockBytes - 1);
      if (end === -1) end = pending.indexOf(0x0a, blockBytes);
      if (end === -1) break;
      const tooLong = end >= max ? firstTooLong() : -1;
      if (tooLong > -1) yield* long(tooLong, true);
      else yield* cut(end + 1, countLines(pending, end + 1));
    }
    if (pending.length > max && pending.indexOf(0x0a) === -1) {
      // The line being read is already too long: let it stream past.
      skipping = pending.length;
      pending = carry.subarray(0, 0);
    }
  }
  if (skipping > -1) {
    if (skip.left > 0) skip.left--;
    else yield { tooLong: true, line, offset, length: skipping };
  } else {
    for (let n = firstTooLong(); n > -1; n = firstTooLong()) yield* long(n, true);
    if (pending.length > max && pending.indexOf(0x0a) === -1) yield* long(pending.length, false);
  }
  if (pending.length > 0) {
    const lines = countLines(pending, pending.length) + (pending[pending.length - 1] === 0x0a ? 0 : 1);
    yield* cut(pending.length, lines);
  }
}

/** Line ends in the first `n` bytes. */
function countLines(bytes: Buffer, n: number): number {
  let count = 0;
  let at = bytes.indexOf(0x0a);
  while (at !== -1 && at < n) {
    count++;
    at = bytes.indexOf(0x0a, at + 1);
  }
  return count;
}
