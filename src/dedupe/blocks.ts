/**
 * The blocks dedupe compares: each non-blank line of a comment that is not a quote. Lines, not
 * blank-line paragraphs, because pastes often lose their blank lines; a repeated paragraph of
 * several lines shows up as a run of repeated lines and is recorded once.
 *
 * A block is read once, into numbers: its span, the length of its comparison form
 * (normalizeForMatch) and the hashes of that form's words. The form itself is built only for the
 * few blocks a comparison reaches (`form`), so a thread that repeats nothing allocates no string
 * per line. The table's arrays are kept from one thread to the next.
 */
import type { Thread } from '../schema/index.js';
import { grown } from './arrays.js';
import { normalizeForMatch, scanAsciiForm, scanForm, type FormScan } from './normalize.js';

const GREATER_THAN = 62;
const ENCODER = new TextEncoder();

export class Blocks {
  count = 0;
  texts: string[] = [];
  comment = new Int32Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** The length of the block's comparison form. */
  formLength = new Int32Array(256);
  /** A hash of the form's word sequence: equal forms, equal hashes. */
  formHash = new Int32Array(256);
  /** The block's word hashes: scan.words[wordStart, wordStart + wordCount). */
  wordStart = new Int32Array(256);
  wordCount = new Int32Array(256);
  readonly scan: FormScan = { words: new Int32Array(4096), count: 0, length: 0, hash: 0 };
  private forms: Array<string | undefined> = [];
  /** The current comment's characters as bytes, when it is ASCII (see asciiBytes). */
  private bytes = new Uint8Array(4096);
  private ascii: Uint8Array | undefined;

  /** Reads the thread's blocks in order (comment by comment, line by line), replacing what was held. */
  read(thread: Thread): this {
    this.count = 0;
    this.scan.count = 0;
    this.forms = [];
    this.texts = [];
    for (const c of thread.comments) this.texts.push(c.text);
    for (let index = 0; index < this.texts.length; index++) {
      const text = this.texts[index]!;
      this.ascii = this.asciiBytes(text);
      let lineStart = 0;
      while (lineStart <= text.length) {
        let nl = text.indexOf('\n', lineStart);
        if (nl === -1) nl = text.length;
        let start = lineStart;
        let end = nl;
        while (start < end && isSpace(text.charCodeAt(start))) start++;
        while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
        // A quote line: its first non-space character is ">" (the line is trimmed already).
        if (end > start && text.charCodeAt(start) !== GREATER_THAN) this.push(index, start, end);
        lineStart = nl + 1;
      }
    }
    return this;
  }

  /** Lets go of the thread's text (the numbers stay, for the next thread to overwrite). */
  release(): void {
    this.texts = [];
    this.forms = [];
  }

  /** Block `b`'s comparison form (normalizeForMatch of its text), built on first request. */
  form(b: number): string {
    return (this.forms[b] ??= normalizeForMatch(this.texts[this.comment[b]!]!.slice(this.start[b], this.end[b])));
  }

  /** Whether blocks `a` and `b` have the same comparison form. */
  sameForm(a: number, b: number): boolean {
    if (this.formHash[a] !== this.formHash[b] || this.formLength[a] !== this.formLength[b]) return false;
    // Most repeats are verbatim: equal text has equal forms, and comparing it builds no form.
    return this.textEquals(a, b) || this.form(a) === this.form(b);
  }

  /** Whether blocks `a` and `b` have the same text, compared in place. */
  textEquals(a: number, b: number): boolean {
    const length = this.end[a]! - this.start[a]!;
    if (this.end[b]! - this.start[b]! !== length) return false;
    const ta = this.texts[this.comment[a]!]!;
    const tb = this.texts[this.comment[b]!]!;
    const sa = this.start[a]!;
    const sb = this.start[b]!;
    if (ta === tb && sa === sb) return true;
    for (let k = 0; k < length; k++) if (ta.charCodeAt(sa + k) !== tb.charCodeAt(sb + k)) return false;
    return true;
  }

  text(b: number): string {
    return this.texts[this.comment[b]!]!.slice(this.start[b], this.end[b]);
  }

  /**
   * The text's characters as bytes when it is all ASCII (then byte offsets are character offsets),
   * else undefined. UTF-8 encoding is native and fast; a text that stops fitting its own length in
   * bytes is not ASCII, and the encoder stops there.
   */
  private asciiBytes(text: string): Uint8Array | undefined {
    if (this.bytes.length < text.length) this.bytes = new Uint8Array(Math.max(text.length, this.bytes.length * 2));
    const { read, written } = ENCODER.encodeInto(text, this.bytes.subarray(0, text.length));
    return read === text.length && written === text.length ? this.bytes : undefined;
  }

  private push(comment: number, start: number, end: number): void {
    if (this.count === this.comment.length) this.grow();
    const b = this.count++;
    const scan = this.scan;
    const first = scan.count;
    const text = this.texts[comment]!;
    if (this.ascii) scanAsciiForm(this.ascii, start, end, scan);
    else if (!scanForm(text, start, end, scan)) {
      // A word character outside ASCII: read the form the long way, then its words.
      const form = normalizeForMatch(text.slice(start, end));
      this.forms[b] = form;
      scanForm(form, 0, form.length, scan, true);
    }
    this.comment[b] = comment;
    this.start[b] = start;
    this.end[b] = end;
    this.formLength[b] = scan.length;
    this.formHash[b] = scan.hash;
    this.wordStart[b] = first;
    this.wordCount[b] = scan.count - first;
  }

  private grow(): void {
    this.comment = grown(this.comment);
    this.start = grown(this.start);
    this.end = grown(this.end);
    this.formLength = grown(this.formLength);
    this.formHash = grown(this.formHash);
    this.wordStart = grown(this.wordStart);
    this.wordCount = grown(this.wordCount);
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000;
}
