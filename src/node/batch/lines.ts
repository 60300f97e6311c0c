/**
 * Streams the lines of a file (gzip or plain) with their line numbers and byte offsets, holding
 * one read chunk and one line at a time: memory does not grow with the file.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** One line of an input file, without its end-of-line characters. */
export interface Line {
  bytes: Buffer;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's start in the (decompressed) stream. */
  offset: number;
}

export interface LineStreamOptions {
  gzip: boolean;
  /** Called with the count of bytes read from disk so far (compressed bytes for gzip). */
  onBytes?: (bytesOnDisk: number) => void;
  /** Longer lines are cut off and reported with `tooLong` instead of being held whole. */
  maxLineBytes?: number;
}

/** A line longer than `maxLineBytes`: its head is kept for the message. */
export interface LongLine {
  tooLong: true;
  line: number;
  offset: number;
  length: number;
}

/** Yields each line of `file`; empty lines are skipped but counted. */
export async function* readLines(file: string, options: LineStreamOptions): AsyncGenerator<Line | LongLine> {
  const max = options.maxLineBytes ?? 256 * 1024 * 1024;
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  let onDisk = 0;
  raw.on('data', (chunk) => {
    onDisk += chunk.length;
    options.onBytes?.(onDisk);
  });
  const source = options.gzip ? raw.pipe(createGunzip()) : raw;
  if (options.gzip) raw.on('error', (error) => source.destroy(error));
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let lineNo = 0;
  let offset = 0; // offset of the current line's start
  let position = 0; // offset of the current chunk's start
  for await (const chunk of source as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl === -1) break;
      lineNo++;
      if (skipping) {
        yield { tooLong: true, line: lineNo, offset, length: pendingBytes + nl - start };
        skipping = false;
      } else {
        const piece = chunk.subarray(start, nl);
        const bytes = pending.length ? Buffer.concat([...pending, piece]) : Buffer.from(piece);
        const line = trimLine(bytes, lineNo);
        if (line.length > 0) yield { bytes: line, line: lineNo, offset };
      }
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
      offset = position + start;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      pendingBytes += rest.length;
      if (pendingBytes > max) {
        skipping = true;
        pending = [];
      } else if (!skipping) {
        pending.push(Buffer.from(rest));
      }
    }
    position += chunk.length;
  }
  if (skipping) yield { tooLong: true, line: lineNo + 1, offset, length: pendingBytes };
  else if (pending.length) {
    const line = trimLine(Buffer.concat(pending), lineNo + 1);
    if (line.length > 0) yield { bytes: line, line: lineNo + 1, offset };
  }
}

/** Drops a trailing CR and, on the first line, a UTF-8 byte-order mark. */
function trimLine(bytes: Buffer, lineNo: number): Buffer {
  let start = 0;
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  if (lineNo === 1 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  let s = start;
  while (s < end && (bytes[s] === 0x20 || bytes[s] === 0x09)) s++;
  return s === end ? bytes.subarray(0, 0) : bytes.subarray(start, end);
}
