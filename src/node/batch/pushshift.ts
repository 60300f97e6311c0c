/**
 * Pushshift comment dumps in a batch. Lines are grouped by thread on disk (spill.ts) and each
 * group is read by the Pushshift adapter of the ingest stage (src/ingest/formats/pushshift.ts),
 * so a batch reads a dump exactly as `threadmap analyze --from pushshift` does.
 */
import { isLineError, parsePushshiftLine, readPushshiftLines } from '../../ingest/formats/pushshift.js';
import { fullname } from '../../ingest/formats/reddit-comment.js';
import type { Thread } from '../../schema/index.js';
import type { ErrorLine, PushshiftLine } from './record.js';

const LINK_ID = /"link_id"\s*:\s*"([^"\\]*)"/;

/**
 * The thread (`t3_…`) a raw dump line belongs to. The main thread asks this of every line, so the
 * common case (a comment's `link_id`) is read without parsing the line; other lines (submissions,
 * broken lines) are parsed. A LineError when the line names no thread.
 */
export function threadOfLine(text: string, line: number): { threadId: string } | { error: string; path?: string } {
  const link = LINK_ID.exec(text)?.[1];
  if (link) return { threadId: fullname('t3', link) };
  const parsed = parsePushshiftLine(text, line);
  if (parsed === null) return { error: 'blank line' };
  if (!isLineError(parsed)) return { threadId: parsed.threadId };
  if (parsed.threadId) return { threadId: parsed.threadId };
  return parsed.path ? { error: parsed.message, path: parsed.path } : { error: parsed.message };
}

/** True when a parsed line looks like a Pushshift comment (used to recognise a dump). */
export function isPushshiftComment(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.link_id === 'string' && 'body' in v && 'parent_id' in v;
}

/** Builds a thread from its dump lines; unreadable lines come back as errors with their real place. */
export function pushshiftThread(threadId: string, lines: readonly PushshiftLine[]): { thread: Thread | undefined; errors: ErrorLine[] } {
  const result = readPushshiftLines(lines.map((l) => l.text));
  const errors = result.errors.map((e): ErrorLine => {
    const at = lines[e.line - 1];
    const error: ErrorLine = { threadId, message: e.message };
    if (at) Object.assign(error, { file: at.file, line: at.line });
    if (e.path) error.path = e.path;
    return error;
  });
  const thread = result.threads.find((t) => t.id === threadId) ?? result.threads[0];
  if (thread?.meta) {
    // Their line numbers count within the group; errors.jsonl has the real places.
    delete thread.meta.badLines;
    delete thread.meta.unassignedBadLines;
  }
  return { thread, errors };
}
