/**
 * Bytes of an input to text: UTF-8 checked strictly, and a block of whole lines cut into its
 * lines. Runs where the record is analyzed (a worker), so the thread that reads the files only
 * looks for line ends.
 */

const fatal = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8, or says why the bytes are not text. */
export function decodeLine(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    const text = fatal.decode(bytes);
    return text.includes('\u0000') ? { error: 'binary data (a NUL character); expected JSON' } : { text };
  } catch {
    return { error: 'not valid UTF-8' };
  }
}

/** One line of a block: its bytes without the end of line, its 1-based number and byte offset. */
export interface BlockLine {
  bytes: Uint8Array;
  line: number;
  offset: number;
}

/**
 * Every line of a block of whole lines (each ending in `\n`, except perhaps the file's last),
 * numbered from `line` at byte `offset`. A trailing CR is dropped, and the UTF-8 byte-order mark of
 * a file's first line. Blank lines are yielded too (as empty bytes): every line is one item of
 * the batch, so counting stays exact.
 */
export function* blockLines(bytes: Uint8Array, line: number, offset: number): Generator<BlockLine> {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    yield { bytes: trimLine(bytes.subarray(start, end), line), line, offset: offset + start };
    line++;
    start = end + 1;
  }
}

/** Drops a trailing CR and, on the first line, a UTF-8 byte-order mark; a blank line becomes empty. */
function trimLine(bytes: Uint8Array, line: number): Uint8Array {
  let start = 0;
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  if (line === 1 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  let s = start;
  while (s < end && (bytes[s] === 0x20 || bytes[s] === 0x09)) s++;
  return s === end ? bytes.subarray(0, 0) : bytes.subarray(start, end);
}
