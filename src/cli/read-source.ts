import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

/**
 * Reads a whole input file (or stdin for `-`) as UTF-8, rejecting invalid UTF-8 and binary data
 * with a clear error rather than analyzing replacement characters.
 */
export async function readSource(file: string | undefined, stdin: Readable): Promise<{ text: string; name: string }> {
  const name = !file || file === '-' ? '<stdin>' : file;
  let bytes: Buffer;
  try {
    bytes = !file || file === '-' ? await readAll(stdin) : await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new InputError(reason, { file: name });
  }
  return { text: decodeUtf8(gunzipped(bytes, name), name), name };
}

/** A gzip file is read as what it holds, as `threadmap batch` reads `.gz` inputs; here the magic bytes decide, since stdin has no name. */
function gunzipped(bytes: Buffer, name: string): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    if (name.endsWith('.gz')) throw new InputError('named .gz but not gzip data', { file: name });
    return bytes;
  }
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new InputError(`broken gzip data: ${(error as Error).message}`, { file: name });
  }
}

export function decodeUtf8(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`, { file: name });
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) throw new InputError(`binary data (a NUL character at offset ${nul}); expected text or JSON`, { file: name });
  return text;
}

/** Where the first invalid or cut-off UTF-8 sequence starts. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode. `stream: true` so a sequence cut
  // by the prefix's end is not mistaken for the error.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // `lo` is the byte that broke decoding; the sequence it broke may have started a few bytes back.
  const bad = Math.min(lo, bytes.length - 1);
  for (let j = bad - 1; j >= Math.max(0, bad - 3); j--) {
    const b = bytes[j]!;
    if (b >= 0xc0) return j;
    if (b < 0x80) break;
  }
  return lo >= bytes.length ? bad : lo;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
