/**
 * The output folder of a batch, crash-safe: results.jsonl, errors.jsonl and signatures.bin are
 * append-only, and journal.jsonl commits each chunk after its bytes are written, with the byte
 * counts it added. Chunks are committed in input order, so what is done is a prefix of the input:
 * the journal says how many input items it covers. After a kill at any moment, `resume` keeps the
 * journal's whole lines, cuts the other files back to what those lines account for (dropping torn
 * or uncommitted tails), and rebuilds the position, the counts, the analyzed thread ids and the
 * cross-thread signatures. Nothing is written twice or lost.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import type { ChunkResult } from './chunk.js';
import { addTally, emptyTally, type Tally } from './record.js';
import type { AnalyzeOptionsInput } from '../../options.js';

export const RESULTS = 'results.jsonl';
export const ERRORS = 'errors.jsonl';
export const JOURNAL = 'journal.jsonl';
/** The signed comments' MinHash signatures (a byte a value), chunk after chunk. */
export const SIGNATURES = 'signatures.bin';
export const DUPLICATES = 'duplicates.jsonl';
export const SUMMARY = 'summary.json';
export const RENDERS = 'graphs';

/** The journal's first line: what the batch reads. A resume over other inputs would skip the wrong items. */
export interface JournalHeader {
  /** The folder's layout version: 4 keeps 8-bit signatures in signatures.bin (2 had 16-bit ones as base64 in the journal). */
  batch: 4;
  inputs: { path: string; size: number }[];
  from: string;
  /** Analysis options other than the defaults (e.g. `--min-confidence`): a resume must not mix graphs made two ways. */
  analyze?: AnalyzeOptionsInput;
}

/** One journal line after the header: a committed chunk. */
interface JournalEntry {
  /** Input items the chunk covered. */
  n: number;
  /** Bytes appended to results.jsonl, errors.jsonl and signatures.bin. */
  r: number;
  e: number;
  s?: number;
  t: Tally;
  /** Ids of the analyzed threads (the ones in results.jsonl). */
  th: string[];
  /** Per analyzed thread, its signed comments; their ids (their signatures are the `s` bytes in signatures.bin). */
  sc?: number[];
  si?: string[];
}

/** Signatures of consecutive threads, as a chunk carries them. */
export interface SignatureBlock {
  threads: string[];
  signed: ArrayLike<number>;
  commentIds: string | string[];
  values: Uint8Array;
}

/** What a resumed folder already holds. */
export interface Restored {
  /** Input items done: the first `items` of the sequence. */
  items: number;
  tally: Tally;
  threads: string[];
  signatures: SignatureBlock[];
  chunks: number;
}

type Files = { results: number; errors: number; signatures: number; journal: number };

export class BatchStore {
  private readonly fds: Files;
  /** Where the next bytes go: tracked here rather than asking the file system on every write. */
  private readonly ends: Files;

  private constructor(readonly dir: string, fds: Files) {
    this.fds = fds;
    this.ends = { results: fstatSync(fds.results).size, errors: fstatSync(fds.errors).size, signatures: fstatSync(fds.signatures).size, journal: fstatSync(fds.journal).size };
  }

  /**
   * Opens DIR for a new batch (refusing one that already holds results) or, with `resume`, for
   * continuing one over the same inputs. Returns the store and, when resuming, what is already done.
   */
  static open(dir: string, resume: boolean, header: JournalHeader): { store: BatchStore; restored: Restored } {
    mkdirSync(dir, { recursive: true });
    const paths = { results: join(dir, RESULTS), errors: join(dir, ERRORS), signatures: join(dir, SIGNATURES), journal: join(dir, JOURNAL) };
    const restored: Restored = { items: 0, tally: emptyTally(), threads: [], signatures: [], chunks: 0 };
    if (!resume) {
      if (existsSync(paths.journal) || existsSync(paths.results)) {
        throw new UsageError(`${dir} already holds a batch; pass --resume to continue it, or choose an empty --out folder`);
      }
      for (const p of Object.values(paths)) writeFileSync(p, '');
    } else {
      for (const p of Object.values(paths)) if (!existsSync(p)) writeFileSync(p, '');
    }
    const fds = {
      results: openSync(paths.results, 'r+'),
      errors: openSync(paths.errors, 'r+'),
      signatures: openSync(paths.signatures, 'r+'),
      journal: openSync(paths.journal, 'r+'),
    };
    const expected = JSON.stringify(header);
    if (resume) {
      const committed = { results: 0, errors: 0, signatures: 0 };
      let first = true;
      const journalEnd = readJournal(fds.journal, (line) => {
        if (first) {
          first = false;
          if (JSON.stringify(line) !== expected) throw new UsageError(`cannot resume: ${dir} holds a batch over other inputs, --from or analysis options (or from another version); run it with the same INPUTs and options, or choose an empty --out folder`);
          return;
        }
        const entry = line as JournalEntry;
        committed.results += entry.r;
        committed.errors += entry.e;
        const at = committed.signatures;
        committed.signatures += entry.s ?? 0;
        restored.items += entry.n;
        addTally(restored.tally, entry.t);
        restored.chunks++;
        for (const id of entry.th) restored.threads.push(id);
        if (entry.s) {
          const values = new Uint8Array(entry.s);
          const n = readSync(fds.signatures, values, 0, entry.s, at);
          if (n !== entry.s) throw new UsageError(`cannot resume: ${SIGNATURES} is shorter than its journal records (${at + entry.s} bytes)`);
          restored.signatures.push({ threads: entry.th, signed: entry.sc ?? [], commentIds: entry.si ?? [], values });
        }
      });
      ftruncateSync(fds.journal, journalEnd);
      cutBack(fds.results, committed.results, RESULTS);
      cutBack(fds.errors, committed.errors, ERRORS);
      cutBack(fds.signatures, committed.signatures, SIGNATURES);
      if (journalEnd === 0) writeFileSync(fds.journal, `${expected}\n`);
    } else {
      writeFileSync(fds.journal, `${expected}\n`);
    }
    return { store: new BatchStore(dir, fds), restored };
  }

  /** Appends a chunk's lines and signatures, then commits it in the journal with one more line. */
  commit(result: ChunkResult): void {
    this.append('results', result.results);
    this.append('errors', result.errors);
    this.append('signatures', result.signatures);
    const signatures = result.signatures.length > 0 ? `,"s":${result.signatures.length},"sc":[${result.signed.join(',')}],"si":${result.commentIds}` : '';
    const line = `{"n":${result.items},"r":${result.results.length},"e":${result.errors.length},"t":${JSON.stringify(result.tally)},"th":${JSON.stringify(result.threads)}${signatures}}\n`;
    this.appendText('journal', line);
  }

  close(): void {
    for (const fd of Object.values(this.fds)) closeSync(fd);
  }

  private append(file: keyof Files, bytes: Uint8Array): void {
    this.ends[file] = writeAll(this.fds[file], bytes, this.ends[file]);
  }

  /** Writes a string as UTF-8 without making a buffer of it first (each would be garbage here at once). */
  private appendText(file: keyof Files, text: string): void {
    const fd = this.fds[file];
    const n = writeSync(fd, text, this.ends[file], 'utf8');
    const length = Buffer.byteLength(text);
    this.ends[file] = n === length ? this.ends[file] + n : writeAll(fd, Buffer.from(text).subarray(n), this.ends[file] + n);
  }
}

/** Writes all of `bytes` at `position`, looping over short writes; returns the new end. */
function writeAll(fd: number, bytes: Uint8Array, position: number): number {
  let at = 0;
  while (at < bytes.length) {
    const n = writeSync(fd, bytes, at, bytes.length - at, position);
    at += n;
    position += n;
  }
  return position;
}

/** Cuts a file back to its committed length; a shorter file means the folder was tampered with. */
function cutBack(fd: number, committed: number, name: string): void {
  const size = fstatSync(fd).size;
  if (size < committed) throw new UsageError(`cannot resume: ${name} is shorter (${size} bytes) than its journal records (${committed} bytes)`);
  if (size > committed) ftruncateSync(fd, committed);
}

/**
 * Reads the journal's whole, parseable lines in order and returns the byte length they span;
 * a torn last line (a kill mid-write) is where reading stops.
 */
function readJournal(fd: number, onEntry: (line: unknown) => void): number {
  const chunk = Buffer.alloc(1 << 20);
  let carry = Buffer.alloc(0);
  let position = 0;
  let good = 0;
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    position += n;
    let data = Buffer.concat([carry, chunk.subarray(0, n)]);
    let start = 0;
    for (;;) {
      const nl = data.indexOf(0x0a, start);
      if (nl === -1) break;
      let entry: unknown;
      try {
        entry = JSON.parse(data.toString('utf8', start, nl));
      } catch {
        return good;
      }
      onEntry(entry);
      good += nl + 1 - start;
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
    data = carry;
  }
  return good;
}
