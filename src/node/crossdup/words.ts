/**
 * The words of a comment's comparison form (comparableText), hashed as they are read, without
 * building the form: signing every comment of an export used to lower-case, regex and slice each
 * text into a new string only to hash its words. The word hashes are the ones minhash.ts takes
 * from the built form (the dedupe stage's scanForm reads a span the same way), so signatures do
 * not change.
 */
import { normalizeForMatch, scanAsciiForm, scanForm, type FormScan } from '../../dedupe/normalize.js';

const GREATER_THAN = 62;
const AMPERSAND = 38;

/** The last text's word hashes: `words[0, count)`. Reused from one call to the next. */
const scan: FormScan = { words: new Int32Array(4096), count: 0, length: 0, hash: 0 };
/** The current text as bytes, when it is ASCII. */
let bytes = new Uint8Array(4096);
const encoder = new TextEncoder();

/**
 * The word hashes of `normalizeForMatch(comparableText(text, quotes))`, in order. The result is
 * overwritten by the next call.
 */
export function comparableWords(text: string, quotes: readonly { start: number; end: number }[] = []): { words: Int32Array; count: number } {
  const kept = quotes.length > 0 ? withoutSpans(text, quotes) : text;
  scan.count = 0;
  const ascii = asciiBytes(kept);
  const n = kept.length;
  // Lines as the regex `^…$` with the m flag sees them: ended by \n, \r, U+2028 or U+2029 (each
  // of them a separator in the form, so a line's words never run into the next line's).
  let start = 0;
  while (start <= n) {
    let end = start;
    if (ascii) while (end < n && ascii[end] !== 10 && ascii[end] !== 13) end++;
    else while (end < n && !isLineEnd(kept.charCodeAt(end))) end++;
    if (!isQuoteLine(kept, start, end)) addLine(kept, ascii, start, end);
    start = end + 1;
  }
  return scan;
}

/** The text without the quoted spans (overlaps merged), as comparableText cuts them. */
export function withoutSpans(text: string, quotes: readonly { start: number; end: number }[]): string {
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const q of sorted) {
    if (q.start > at) out += text.slice(at, q.start);
    at = Math.max(at, q.end);
  }
  return out + text.slice(at);
}

/** A line that `^[ \t]*(?:>|&gt;)` matches: a quote, left out of the form. */
function isQuoteLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  return c === GREATER_THAN || (c === AMPERSAND && end - i >= 4 && text.startsWith('&gt;', i));
}

/** Appends the words of text[start, end); a line with a word character outside ASCII is normalised first, as dedupe's blocks are. */
function addLine(text: string, ascii: Uint8Array | undefined, start: number, end: number): void {
  if (ascii) scanAsciiForm(ascii, start, end, scan);
  else if (!scanForm(text, start, end, scan)) {
    const form = normalizeForMatch(text.slice(start, end));
    scanForm(form, 0, form.length, scan, true);
  }
}

function isLineEnd(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** The text's characters as bytes when it is all ASCII (then byte offsets are character offsets), else undefined. */
function asciiBytes(text: string): Uint8Array | undefined {
  if (bytes.length < text.length) bytes = new Uint8Array(Math.max(text.length, bytes.length * 2));
  const { read, written } = encoder.encodeInto(text, bytes.subarray(0, text.length));
  return read === text.length && written === text.length ? bytes : undefined;
}
