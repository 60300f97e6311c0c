/**
 * Input files to records, as a stream: one record per JSON line or per whole file, and Pushshift
 * comment dumps gathered into threads (spill.ts). Lines that can be judged bad without parsing a
 * thread (invalid UTF-8, over-long, no thread id) come out as failed outcomes right away.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { detectFormat } from '../../ingest/index.js';
import type { InputFile } from './inputs.js';
import { readLines } from './lines.js';
import { isPushshiftComment } from './pushshift.js';
import { failedOutcome, type BatchRecord, type RecordOutcome } from './record.js';
import { groupPushshift } from './spill.js';

/** A record to process, or an outcome already known. */
export type SourceItem = { record: BatchRecord } | { outcome: RecordOutcome };

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
}

const fatal = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8, or says where it is broken. */
export function decodeLine(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    const text = fatal.decode(bytes);
    return text.includes('\u0000') ? { error: 'binary data (a NUL character); expected JSON' } : { text };
  } catch {
    return { error: 'not valid UTF-8' };
  }
}

/** Every record of the inputs, in input order (Pushshift dumps last, once grouped). */
export async function* readRecords(files: readonly InputFile[], options: SourceOptions): AsyncGenerator<SourceItem> {
  const dumps: InputFile[] = [];
  for (const file of files) {
    if (file.layout === 'whole') {
      yield await wholeFile(file, options);
      continue;
    }
    const mode = await sniffLines(file, options.from);
    if (mode.kind === 'pushshift') dumps.push(file);
    else yield* lineRecords(file, mode.from, options);
  }
  if (dumps.length > 0) yield* groupPushshift(dumps, options);
}

async function wholeFile(file: InputFile, options: SourceOptions): Promise<SourceItem> {
  const key = file.abs;
  let bytes: Buffer;
  try {
    bytes = await readFile(file.abs);
    if (file.gzip) bytes = gunzipSync(bytes);
  } catch (error) {
    options.onBytes(file.size);
    return { outcome: failedOutcome(key, { file: file.path, message: `cannot read: ${(error as Error).message}` }) };
  }
  options.onBytes(file.size);
  const decoded = decodeLine(bytes);
  if ('error' in decoded) return { outcome: failedOutcome(key, { file: file.path, message: decoded.error }) };
  return { record: { kind: 'text', key, file: file.path, text: decoded.text, from: options.from === 'pushshift' ? 'auto' : options.from } };
}

async function* lineRecords(file: InputFile, from: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  for await (const l of textLines(file, options)) {
    if ('error' in l) yield { outcome: failedOutcome(l.key, { ...l.place, message: l.error }) };
    else yield { record: { kind: 'text', key: l.key, ...l.place, text: l.text, from } };
  }
}

/** A decoded line of an input file, with its resume key and place, or why it cannot be read. */
export type TextLine = { key: string; place: { file: string; line: number; offset: number } } & ({ text: string } | { error: string });

/** The lines of a file as text, reporting bytes read as they go; over-long and non-UTF-8 lines come as errors. */
export async function* textLines(file: InputFile, options: SourceOptions): AsyncGenerator<TextLine> {
  let seen = 0;
  const onBytes = (total: number) => {
    options.onBytes(total - seen);
    seen = total;
  };
  const lines = readLines(file.abs, { gzip: file.gzip, onBytes, ...(options.maxLineBytes ? { maxLineBytes: options.maxLineBytes } : {}) });
  for await (const l of lines) {
    const at = { key: `${file.abs}:${l.line}`, place: { file: file.path, line: l.line, offset: l.offset } };
    if ('tooLong' in l) yield { ...at, error: `line too long (${l.length} bytes); skipped` };
    else yield { ...at, ...decodeLine(l.bytes) };
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
    for await (const l of readLines(file.abs, { gzip: file.gzip, maxLineBytes: 64 << 20 })) {
      if (!('tooLong' in l)) {
        const d = decodeLine(l.bytes);
        if ('text' in d) first = d.text;
      }
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
