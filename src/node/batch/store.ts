/**
 * The output folder of a batch, crash-safe: results.jsonl and errors.jsonl are append-only, and
 * journal.jsonl commits each record after its lines are written, with the byte counts it added.
 * After a kill at any moment, `resume` keeps the journal's whole lines, cuts results and errors back
 * to what those lines account for (dropping torn or uncommitted tails), and rebuilds the set of
 * done records, the counts and the cross-thread signatures. Nothing is written twice or lost.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { addTally, emptyTally, type RecordOutcome, type Tally, type ThreadSignatures } from './record.js';

export const RESULTS = 'results.jsonl';
export const ERRORS = 'errors.jsonl';
export const JOURNAL = 'journal.jsonl';
export const DUPLICATES = 'duplicates.jsonl';
export const SUMMARY = 'summary.json';
export const RENDERS = 'graphs';

/** One journal line: a committed record. */
interface JournalEntry {
  /** Record key. */
  k: string;
  /** Bytes appended to results.jsonl and errors.jsonl. */
  r: number;
  e: number;
  t: Tally;
  /** Signatures: thread id, comment ids, values as base64 of the Uint16Array's bytes. */
  s: { t: string; c: string[]; v: string }[];
}

/** What a resumed folder already holds. */
export interface Restored {
  done: Set<string>;
  tally: Tally;
  signatures: ThreadSignatures[];
  records: number;
}

export class BatchStore {
  private readonly fds: { results: number; errors: number; journal: number };

  private constructor(readonly dir: string, fds: { results: number; errors: number; journal: number }) {
    this.fds = fds;
  }

  /**
   * Opens DIR for a new batch (refusing one that already holds results) or, with `resume`, for
   * continuing one. Returns the store and, when resuming, what is already done.
   */
  static open(dir: string, resume: boolean): { store: BatchStore; restored: Restored } {
    mkdirSync(dir, { recursive: true });
    const paths = { results: join(dir, RESULTS), errors: join(dir, ERRORS), journal: join(dir, JOURNAL) };
    const restored: Restored = { done: new Set(), tally: emptyTally(), signatures: [], records: 0 };
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
      journal: openSync(paths.journal, 'r+'),
    };
    if (resume) {
      const committed = { results: 0, errors: 0 };
      const journalEnd = readJournal(fds.journal, (entry) => {
        committed.results += entry.r;
        committed.errors += entry.e;
        restored.done.add(entry.k);
        addTally(restored.tally, entry.t);
        restored.records++;
        for (const s of entry.s) {
          const bytes = Buffer.from(s.v, 'base64');
          restored.signatures.push({ threadId: s.t, commentIds: s.c, values: new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2) });
        }
      });
      ftruncateSync(fds.journal, journalEnd);
      cutBack(fds.results, committed.results, RESULTS);
      cutBack(fds.errors, committed.errors, ERRORS);
    }
    return { store: new BatchStore(dir, fds), restored };
  }

  /** Appends a record's lines, then commits it in the journal. */
  commit(outcome: RecordOutcome): void {
    const results = Buffer.from(outcome.results);
    const errors = Buffer.from(outcome.errors);
    appendAll(this.fds.results, results);
    appendAll(this.fds.errors, errors);
    const entry: JournalEntry = {
      k: outcome.key,
      r: results.length,
      e: errors.length,
      t: outcome.tally,
      s: outcome.signatures.map((s) => ({
        t: s.threadId,
        c: s.commentIds,
        v: Buffer.from(s.values.buffer, s.values.byteOffset, s.values.byteLength).toString('base64'),
      })),
    };
    appendAll(this.fds.journal, Buffer.from(`${JSON.stringify(entry)}\n`));
  }

  close(): void {
    for (const fd of Object.values(this.fds)) closeSync(fd);
  }
}

/** Appends at the end of the file, looping over short writes. */
function appendAll(fd: number, bytes: Buffer): void {
  let position = fstatSync(fd).size;
  let at = 0;
  while (at < bytes.length) {
    const n = writeSync(fd, bytes, at, bytes.length - at, position);
    at += n;
    position += n;
  }
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
function readJournal(fd: number, onEntry: (entry: JournalEntry) => void): number {
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
      let entry: JournalEntry;
      try {
        entry = JSON.parse(data.toString('utf8', start, nl)) as JournalEntry;
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
