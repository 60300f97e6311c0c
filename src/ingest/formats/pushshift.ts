/**
 * Pushshift / Arctic Shift NDJSON dumps: one comment (or submission) per line, lines of many
 * threads interleaved, no nesting. The Pushshift API's `{"data": [...]}` responses and saved JSON
 * arrays of the same records read the same way (their item index stands for the line). Comments are grouped into threads by `link_id` and the tree is
 * rebuilt from `parent_id` (a prefixed fullname). `created_utc` is an int, a string or a float
 * depending on the dump's year.
 *
 * One bad line never stops the rest: it becomes a LineError (with its 1-based line number) in
 * the thread it names (`meta.badLines`), or, when it names none, in the first thread's
 * `meta.unassignedBadLines`. A streaming job reads lines one at a time with PushshiftReader.
 */
import { InputError } from '../../errors.js';
import type { Comment, Thread } from '../../schema/index.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import { isObject, optStr, str, type JsonObject } from './fields.js';
import { fullname, redditComment } from './reddit-comment.js';
import { ThreadBuilder } from './thread-builder.js';
import { isAskSubreddit, markQuestionThread } from './question-threads.js';

const SOURCE = 'pushshift';

/** A line that could not be read. */
export interface LineError {
  /** 1-based line number in the input. */
  line: number;
  message: string;
  /** JSON path inside the line, when a field was wrong. */
  path?: string;
  /** The thread (`t3_…`) the line names, when it could be read that far. */
  threadId?: string;
}

/** One line read: the thread it belongs to and the comment it becomes. */
export interface PushshiftRecord {
  threadId: string;
  comment: Comment;
  /** A submission line (the thread's opening post) rather than a comment. */
  submission: boolean;
  title?: string;
  /** A submission's community, when it names one. */
  subreddit?: string;
}

/** Reads one NDJSON line. Blank lines give null; a bad line gives a LineError, never a throw. */
export function parsePushshiftLine(text: string, line: number): PushshiftRecord | LineError | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return parsePushshiftValue(value, line, '$');
}

/**
 * Reads one already-parsed record (a line, or an item of an API response). `path` names it in
 * errors (`$` for a line, `$.data[4]` for an item).
 */
export function parsePushshiftValue(value: unknown, line: number, path: string): PushshiftRecord | LineError {
  if (!isObject(value)) return { line, message: 'expected a JSON object', path };
  const threadId = threadOf(value);
  try {
    const submission = value.parent_id === undefined && (value.title !== undefined || value.selftext !== undefined);
    const comment = redditComment(value, path, submission ? 't3' : 't1');
    const record: PushshiftRecord = { threadId: submission ? comment.id : fullname('t3', str(value, 'link_id', path)), comment, submission };
    const title = submission ? optStr(value, 'title', path) : undefined;
    if (title !== undefined) record.title = title;
    const subreddit = submission ? optStr(value, 'subreddit', path) : undefined;
    if (subreddit !== undefined) record.subreddit = subreddit;
    return record;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const bad: LineError = { line, message: error.detail };
    if (error.place.path) bad.path = error.place.path;
    if (threadId) bad.threadId = threadId;
    return bad;
  }
}

function threadOf(value: JsonObject): string | undefined {
  if (typeof value.link_id === 'string' && value.link_id) return fullname('t3', value.link_id);
  if (value.parent_id === undefined && (typeof value.id === 'string' || typeof value.id === 'number')) return fullname('t3', String(value.id));
  return undefined;
}

export function isLineError(r: PushshiftRecord | LineError): r is LineError {
  return 'message' in r;
}

interface Group {
  b: ThreadBuilder;
  title?: string;
  hasSubmission: boolean;
  /** The submission was posted to an Ask* community: its direct replies answer it. */
  asks: boolean;
  badLines: LineError[];
}

/**
 * Groups lines into threads as they arrive. Feed it with `push(line)` (one NDJSON line, any
 * order) and call `finish()` once; memory grows with the comments held, not with the file.
 */
export class PushshiftReader {
  private readonly groups = new Map<string, Group>();
  private readonly unassigned: LineError[] = [];
  private lineNumber = 0;
  /** Every bad line so far, in input order. */
  readonly errors: LineError[] = [];
  /** Lines that became comments. */
  records = 0;

  /** Reads the next line (line numbers count from `startLine`, default 1). */
  constructor(startLine = 1) {
    this.lineNumber = startLine - 1;
  }

  push(text: string): void {
    this.add(parsePushshiftLine(text, ++this.lineNumber));
  }

  /** Reads the next record that is already parsed (an item of an API response at `path`). */
  pushValue(value: unknown, path: string): void {
    this.add(parsePushshiftValue(value, ++this.lineNumber, path));
  }

  private add(r: PushshiftRecord | LineError | null): void {
    if (r === null) return;
    if (isLineError(r)) {
      this.errors.push(r);
      if (r.threadId) this.group(r.threadId).badLines.push(r);
      else this.unassigned.push(r);
      return;
    }
    this.records++;
    const g = this.group(r.threadId);
    if (r.submission) {
      g.b.addFirst(r.comment);
      g.hasSubmission = true;
      if (r.title !== undefined) g.title = r.title;
      g.asks = isAskSubreddit(r.subreddit);
    } else g.b.add(r.comment);
  }

  /** The threads, in order of first appearance. */
  finish(): Thread[] {
    const threads: Thread[] = [];
    for (const [threadId, g] of this.groups) {
      if (!g.hasSubmission) {
        // A comments-only dump: top-level comments answer a post that is not in it, which is normal.
        for (const c of g.b.comments) if (c.parentId === threadId) c.parentId = null;
      }
      const meta: Record<string, unknown> = { linkId: threadId, submission: g.hasSubmission };
      if (g.badLines.length > 0) meta.badLines = g.badLines;
      if (threads.length === 0 && this.unassigned.length > 0) meta.unassignedBadLines = this.unassigned;
      const thread = g.b.build(g.title, meta);
      threads.push(g.asks ? markQuestionThread(thread, threadId) : thread);
    }
    return threads;
  }

  private group(threadId: string): Group {
    let g = this.groups.get(threadId);
    if (!g) {
      g = { b: new ThreadBuilder(threadId, SOURCE), hasSubmission: false, asks: false, badLines: [] };
      this.groups.set(threadId, g);
    }
    return g;
  }
}

/** What reading a whole dump gives: the threads, and every bad line apart. */
export interface PushshiftResult {
  threads: Thread[];
  errors: LineError[];
  /** Lines that became comments (equals the comments across all threads). */
  records: number;
}

/** Reads NDJSON lines (an array, a generator, a line splitter over a stream). */
export function readPushshiftLines(lines: Iterable<string>, startLine = 1): PushshiftResult {
  const reader = new PushshiftReader(startLine);
  for (const line of lines) reader.push(line);
  return { threads: reader.finish(), errors: reader.errors, records: reader.records };
}

function* splitLines(text: string): Generator<string> {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    yield text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
    start = nl + 1;
  }
  if (start < text.length) yield text.slice(start);
}

/**
 * The items of a Pushshift API response (`{"data": [...]}`) or of a saved JSON array of records,
 * or undefined when the text is NDJSON (a one-line dump parses as a single object, not as these).
 */
function jsonItems(text: string): { items: unknown[]; path: string } | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (Array.isArray(value)) return { items: value, path: '$' };
  if (isObject(value) && Array.isArray(value.data)) return { items: value.data, path: '$.data' };
  return undefined;
}

/** A whole dump as one string. Throws only when no line at all could be read. */
export function readPushshift(text: string, ctx: ReadContext = {}): Thread[] {
  const json = jsonItems(text);
  let result: PushshiftResult;
  if (json) {
    const reader = new PushshiftReader();
    json.items.forEach((item, i) => reader.pushValue(item, `${json.path}[${i}]`));
    result = { threads: reader.finish(), errors: reader.errors, records: reader.records };
  } else result = readPushshiftLines(splitLines(text));
  if (result.threads.length === 0 || (result.records === 0 && result.errors.length > 0)) {
    const first = result.errors[0];
    throw new InputError(first ? `no line could be read: ${first.message}` : 'no comments in the dump', {
      ...ctx,
      ...(first ? { line: first.line } : {}),
      ...(first?.path ? { path: first.path } : {}),
    });
  }
  return result.threads;
}

/** A Reddit listing thing (`"kind": "t1"`, `"Listing"`): the Reddit adapter's, not a dump's. */
const LISTING = /"kind"\s*:\s*"(?:Listing|t1|t3|more)"/;
const LINK_ID = /"link_id"\s*:\s*"/;

/**
 * A Pushshift API response or a saved array of records: told apart by their head alone (the
 * first record's keys), so detection never parses a large file.
 */
function detectJsonItems(text: string, start: number): boolean {
  const head = text.slice(start, start + 4000);
  const opening = text[start] === '[' ? /^\[\s*\{/ : /^\{\s*"data"\s*:\s*\[\s*\{/;
  if (!opening.test(head) || LISTING.test(head)) return false;
  const comment = LINK_ID.test(head) && /"parent_id"\s*:/.test(head) && /"body"\s*:/.test(head);
  const submission = /"subreddit"\s*:/.test(head) && /"title"\s*:/.test(head) && /"selftext"\s*:/.test(head);
  return comment || submission;
}

/** The first non-blank line is a Reddit comment or submission object (or the text is an API response of them). */
function detect(text: string): boolean {
  const start = text.search(/\S/);
  if (start === -1) return false;
  if (text[start] === '[' || /^\{\s*"data"\s*:\s*\[/.test(text.slice(start, start + 40))) return detectJsonItems(text, start);
  if (text[start] !== '{') return false;
  const nl = text.indexOf('\n', start);
  const first = nl === -1 ? text.slice(start) : text.slice(start, nl);
  let value: unknown;
  try {
    value = JSON.parse(first);
  } catch {
    return false;
  }
  if (!isObject(value)) return false;
  const comment = typeof value.link_id === 'string' && typeof value.parent_id === 'string' && 'body' in value;
  const submission = 'subreddit' in value && 'title' in value && ('selftext' in value || 'url' in value);
  return comment || submission;
}


export const pushshiftAdapter: FormatAdapter = {
  name: SOURCE,
  kind: 'text',
  detect,
  read: (text: string, ctx: ReadContext) => readPushshift(text, ctx),
};

