/**
 * How records travel between the reading thread and the pool: in chunks. A chunk task carries raw
 * input bytes (a block of whole JSON lines, or whole files) or already-gathered records (Pushshift
 * threads); the worker decodes, parses and analyzes them and answers with one ChunkResult whose
 * bulk is a few typed arrays (result lines as UTF-8, signatures as 8-bit values), which cross
 * the thread boundary as one copy or a transfer instead of thousands of strings and objects.
 * The reading thread is left with line ends, writes and bookkeeping.
 */
import { gunzipSync } from 'node:zlib';
import { blockLines, decodeLine } from './decode.js';
import { processRecord, type ProcessOptions } from './process.js';
import { addTally, emptyTally, failedOutcome, type BatchRecord, type ErrorLine, type RecordOutcome, type Tally } from './record.js';

/** One whole input file (`.json`, maybe gzipped), as read from disk. */
export interface WholeFile {
  file: string;
  key: string;
  gzip: boolean;
  bytes: Uint8Array;
}

/** A unit of work for the pool. Each kind says how many input items (see `itemsOf`) it covers. */
export type ChunkTask =
  /** Consecutive lines of a JSON-lines file: every line (blank ones too) is one item. */
  | { kind: 'lines'; file: string; from: string; line: number; offset: number; lines: number; bytes: Uint8Array }
  /** Whole-thread files: each file is one item. */
  | { kind: 'files'; from: string; files: WholeFile[] }
  /** Records gathered on the reading side (Pushshift threads): each is one item. */
  | { kind: 'records'; records: BatchRecord[] };

/**
 * What a chunk produced, in input order. `results` holds one line per analyzed thread, in the
 * order of `threads`; the signatures of each thread's signed comments follow one another.
 */
export interface ChunkResult {
  /** Input items the chunk covered: the batch's position moves on by this much when it is committed. */
  items: number;
  results: Uint8Array;
  errors: Uint8Array;
  threads: string[];
  /** Per analyzed thread: item index within the chunk, line, byte offset (NaN when not from a line). */
  places: Float64Array;
  /** Per analyzed thread: how many of its comments were signed. */
  signed: Uint32Array;
  /** The signed comments' ids, as the JSON text of one array (parsed only when a cluster names them). */
  commentIds: string;
  /** The signed comments' signatures (DEFAULT_SIGN.hashes values each), end to end. */
  signatures: Uint8Array;
  tally: Tally;
  renders: { thread: number; name: string; text: string }[];
}

export function itemsOf(task: ChunkTask): number {
  return task.kind === 'lines' ? task.lines : task.kind === 'files' ? task.files.length : task.records.length;
}

/** Input bytes of a task (for bounding what is in flight). */
export function bytesOf(task: ChunkTask): number {
  if (task.kind === 'lines') return task.bytes.length;
  if (task.kind === 'files') return task.files.reduce((n, f) => n + f.bytes.length, 0);
  let n = 0;
  for (const r of task.records) n += r.kind === 'text' ? r.text.length : r.comments.reduce((m, c) => m + c.text.length, 0);
  return n;
}

/**
 * Runs every item of a chunk through processRecord. Never throws for bad input. `spare`: a buffer
 * to write the result lines into (one the main thread has written out and handed back), so that
 * neither thread allocates a new one per chunk; a bigger one is made when it is too small.
 */
export function processChunk(task: ChunkTask, options: ProcessOptions, spare?: ArrayBuffer): ChunkResult {
  const out = new ChunkBuilder(itemsOf(task), spare ?? new ArrayBuffer(Math.max(MIN_OUTPUT, RESULT_BYTES_PER_INPUT_BYTE * bytesOf(task))));
  if (task.kind === 'lines') {
    let item = 0;
    for (const l of blockLines(task.bytes, task.line, task.offset)) {
      if (l.bytes.length > 0) {
        const place = { file: task.file, line: l.line, offset: l.offset };
        const key = `${task.file}:${l.line}`;
        const text = decodeLine(l.bytes);
        const outcome = 'error' in text ? failedOutcome(key, { ...place, message: text.error }) : processRecord({ kind: 'text', key, ...place, text: text.text, from: task.from }, options, out.writeGraph);
        out.add(outcome, item, l.line, l.offset);
      }
      item++;
    }
  } else if (task.kind === 'files') {
    task.files.forEach((f, item) => out.add(processFile(f, task.from, options, out.writeGraph), item));
  } else {
    task.records.forEach((r, item) => out.add(processRecord(r, options, out.writeGraph), item, r.kind === 'text' ? r.line : undefined, r.kind === 'text' ? r.offset : undefined));
  }
  return out.finish();
}

function processFile(f: WholeFile, from: string, options: ProcessOptions, writeGraph: (json: string) => void): RecordOutcome {
  let bytes = f.bytes;
  try {
    if (f.gzip) bytes = gunzipSync(bytes);
  } catch (error) {
    return failedOutcome(f.key, { file: f.file, message: `cannot read: ${(error as Error).message}` });
  }
  const text = decodeLine(bytes);
  if ('error' in text) return failedOutcome(f.key, { file: f.file, message: text.error });
  return processRecord({ kind: 'text', key: f.key, file: f.file, text: text.text, from }, options, writeGraph);
}

/** A whole chunk that failed (its worker crashed, or it ran out of time) as one error line. */
export function failedChunk(task: ChunkTask, message: string): ChunkResult {
  const out = new ChunkBuilder(itemsOf(task));
  if (task.kind === 'lines') out.add(failedOutcome('', { file: task.file, line: task.line, offset: task.offset, message }), 0);
  else if (task.kind === 'files') out.add(failedOutcome(task.files[0]!.key, { file: task.files[0]!.file, message }), 0);
  else {
    const r = task.records[0]!;
    const place: ErrorLine = r.kind === 'pushshift' ? { file: r.comments[0]?.file, threadId: r.threadId, message } : { file: r.file, ...(r.line !== undefined ? { line: r.line, offset: r.offset } : {}), message };
    out.add(failedOutcome(r.key, place, r.kind === 'pushshift' ? r.comments.length : 0), 0);
  }
  return out.finish();
}

/** An outcome known without the pool (a line too long to read, a file that cannot be read) as a one-item result. */
export function outcomeResult(outcome: RecordOutcome): ChunkResult {
  const out = new ChunkBuilder(1);
  out.add(outcome, 0);
  return out.finish();
}

/** A chunk's items as tasks of one item each, to retry a failed chunk item by item. */
export function splitTask(task: ChunkTask): ChunkTask[] {
  if (task.kind === 'lines') {
    return [...blockLines(task.bytes, task.line, task.offset)].map((l) => ({ ...task, line: l.line, offset: l.offset, lines: 1, bytes: l.bytes }));
  }
  if (task.kind === 'files') return task.files.map((f) => ({ ...task, files: [f] }));
  return task.records.map((r) => ({ kind: 'records', records: [r] }));
}

/** The results of consecutive tasks as one (item indices and thread numbers shifted). */
export function mergeResults(parts: ChunkResult[]): ChunkResult {
  const out = new ChunkBuilder(0);
  for (const p of parts) out.append(p);
  return out.finish();
}

/** A first output buffer's size for a chunk of this many input bytes (a result line is about 3.6 times its input). */
const RESULT_BYTES_PER_INPUT_BYTE = 4;
const MIN_OUTPUT = 64 * 1024;

/**
 * Collects record outcomes (or whole results) into one ChunkResult. Result lines are encoded as
 * they come, straight into one buffer, rather than joined into one long string and encoded at the
 * end (a string that size is a large-object allocation, and its encoding a second copy).
 */
class ChunkBuilder {
  private readonly results: Utf8Writer;
  private errors = '';
  private errorBytes: Uint8Array[] = [];
  private threads: string[] = [];
  private places: number[] = [];
  private signed: number[] = [];
  private commentIds: string[] = [];
  private signatures: Uint8Array[] = [];
  private tally = emptyTally();
  private renders: ChunkResult['renders'] = [];

  constructor(
    private items: number,
    output: ArrayBuffer = new ArrayBuffer(0),
  ) {
    this.results = new Utf8Writer(output);
  }

  /** A graph's JSON text, written as a result line right away (its record's outcome is added after it). */
  readonly writeGraph = (json: string): void => {
    this.results.text(json);
    this.results.byte(0x0a);
  };

  add(o: RecordOutcome, item: number, line = NaN, offset = NaN): void {
    this.results.text(o.results);
    this.errors += o.errors;
    addTally(this.tally, o.tally);
    const first = this.threads.length;
    o.threads.forEach((id, i) => {
      this.threads.push(id);
      this.places.push(item, line, offset);
      const s = o.signatures[i];
      this.signed.push(s ? s.commentIds.length : 0);
      if (s && s.commentIds.length > 0) {
        for (const c of s.commentIds) this.commentIds.push(c);
        this.signatures.push(s.values);
      }
    });
    o.renders.forEach((r, i) => this.renders.push({ thread: first + i, name: r.name, text: r.text }));
  }

  append(r: ChunkResult): void {
    const first = this.threads.length;
    const items = this.items;
    this.flushErrors();
    this.results.bytes(r.results);
    this.errorBytes.push(r.errors);
    addTally(this.tally, r.tally);
    this.threads.push(...r.threads);
    for (let i = 0; i < r.places.length; i += 3) this.places.push(items + r.places[i]!, r.places[i + 1]!, r.places[i + 2]!);
    this.signed.push(...r.signed);
    this.commentIds.push(...(JSON.parse(r.commentIds) as string[]));
    this.signatures.push(r.signatures);
    for (const x of r.renders) this.renders.push({ ...x, thread: first + x.thread });
    this.items += r.items;
  }

  finish(): ChunkResult {
    this.flushErrors();
    return {
      items: this.items,
      results: this.results.written(),
      errors: concat(this.errorBytes),
      threads: this.threads,
      places: Float64Array.from(this.places),
      signed: Uint32Array.from(this.signed),
      commentIds: JSON.stringify(this.commentIds),
      signatures: concat(this.signatures),
      tally: this.tally,
      renders: this.renders,
    };
  }

  private flushErrors(): void {
    if (this.errors) this.errorBytes.push(encoder.encode(this.errors));
    this.errors = '';
  }
}

const encoder = new TextEncoder();

/** UTF-8 appended to one buffer, replaced by one twice as big (or big enough) when it would not fit. */
class Utf8Writer {
  private buffer: Uint8Array;
  private used = 0;

  constructor(output: ArrayBuffer) {
    this.buffer = new Uint8Array(output);
  }

  text(s: string): void {
    if (s.length === 0) return;
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4), so this always fits.
    this.reserve(3 * s.length);
    this.used += encoder.encodeInto(s, this.buffer.subarray(this.used)).written;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buffer[this.used++] = b;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buffer.set(b, this.used);
    this.used += b.length;
  }

  /** What was written: a view from the buffer's start, so the whole buffer can move to another thread and come back. */
  written(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  private reserve(n: number): void {
    if (this.used + n <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.buffer.length, this.used + n));
    bigger.set(this.buffer.subarray(0, this.used));
    this.buffer = bigger;
  }
}

/** One array holding all the parts (a fresh one unless there is one part, so its buffer can be transferred). */
function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
