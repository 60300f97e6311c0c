/**
 * The unit of work of a batch and what comes back from it. Both are plain, cloneable data, so a
 * record can cross a worker-thread boundary today and a queue (BullMQ, a map-only job runner)
 * tomorrow without change. (Between the pool and the batch, records travel in chunks: chunk.ts.)
 */

/** One line of a Pushshift comment dump, kept raw until a worker parses it. */
export interface PushshiftLine {
  file: string;
  line: number;
  text: string;
}

/**
 * A record: the input of one call of `processRecord`. `key` names it in messages and logs:
 * `FILE:LINE` for a JSON line, `FILE` for a whole file, `pushshift:LINK_ID` for a thread gathered
 * from a comment dump.
 */
export type BatchRecord =
  | {
      kind: 'text';
      key: string;
      file: string;
      line?: number;
      offset?: number;
      text: string;
      /** A format name for readInput (`auto` to recognise it). */
      from: string;
    }
  | { kind: 'pushshift'; key: string; threadId: string; comments: PushshiftLine[] };

/** One line of errors.jsonl: where, which thread if known, and what went wrong. */
export interface ErrorLine {
  file?: string;
  line?: number;
  offset?: number;
  threadId?: string;
  commentId?: string;
  /** JSON path inside the record, when the problem is inside it. */
  path?: string;
  message: string;
}

/** Counts that add up across records, runs and shards (see `addTally`). */
export interface Tally {
  threadsAnalyzed: number;
  threadsFailed: number;
  commentsAnalyzed: number;
  commentsFailed: number;
  /** Duplicates found inside threads by the core dedupe stage. */
  duplicates: number;
  /** Lines written to errors.jsonl. */
  errors: number;
  units: Record<string, number>;
  edges: Record<string, number>;
}

/** The signatures of one thread's signable comments, laid end to end. */
export interface ThreadSignatures {
  threadId: string;
  commentIds: string[];
  values: Uint8Array;
}

/** What one record produced. `results` and `errors` are whole lines, each ending in `\n`. */
export interface RecordOutcome {
  key: string;
  /** One line per analyzed thread, in the order of `threads`. */
  results: string;
  /** The ids of the analyzed threads, in the order of their lines in `results`. */
  threads: string[];
  errors: string;
  tally: Tally;
  /** With signing on, one entry per analyzed thread (in the order of `threads`), maybe empty. */
  signatures: ThreadSignatures[];
  /** Graphs rendered with `--to` (other than json), one per analyzed thread: file name (no folder) and text. */
  renders: { name: string; text: string }[];
}

export function emptyTally(): Tally {
  return { threadsAnalyzed: 0, threadsFailed: 0, commentsAnalyzed: 0, commentsFailed: 0, duplicates: 0, errors: 0, units: {}, edges: {} };
}

/** Adds `b` into `a` (`sign` -1 takes it out). */
export function addTally(a: Tally, b: Tally, sign: 1 | -1 = 1): Tally {
  a.threadsAnalyzed += sign * b.threadsAnalyzed;
  a.threadsFailed += sign * b.threadsFailed;
  a.commentsAnalyzed += sign * b.commentsAnalyzed;
  a.commentsFailed += sign * b.commentsFailed;
  a.duplicates += sign * b.duplicates;
  a.errors += sign * (b.errors ?? 0);
  for (const [k, v] of Object.entries(b.units)) a.units[k] = (a.units[k] ?? 0) + sign * v;
  for (const [k, v] of Object.entries(b.edges)) a.edges[k] = (a.edges[k] ?? 0) + sign * v;
  return a;
}

/** The outcome of a record that failed as a whole (unreadable, timed out, crashed its worker). */
export function failedOutcome(key: string, error: ErrorLine, comments = 0): RecordOutcome {
  const tally = emptyTally();
  tally.threadsFailed = 1;
  tally.commentsFailed = comments;
  tally.errors = 1;
  return { key, results: '', threads: [], errors: `${JSON.stringify(error)}\n`, tally, signatures: [], renders: [] };
}
