/**
 * Shared bookkeeping for the forum adapters: comments made from converted markup, ids kept
 * unique, and the facts every adapter reports in `thread.meta` (comments read, tombstones,
 * parents that are not in the export).
 */
import type { Comment, Quote, Thread } from '../../schema/index.js';
import type { MarkupResult, QuoteMark } from '../markup/index.js';

/** What a comment is apart from its text. */
export interface CommentBase {
  id: string;
  parentId: string | null;
  author: string | null;
  createdAt?: string | undefined;
  deleted?: boolean;
  meta?: Record<string, unknown>;
}

/** Maps a quote's `sourceRef` (as the markup wrote it) to a comment id, or null. */
export type QuoteResolver = (quote: QuoteMark) => string | null;

const EMPTY_MARKUP: MarkupResult = { text: '', quotes: [], code: [] };

/**
 * A comment from converted markup. Code blocks go to `meta.code` so the analyzer does not
 * read code as argument; a deleted comment is a tombstone (no author, empty text).
 */
export function makeComment(base: CommentBase, markup: MarkupResult | null, resolve?: QuoteResolver): Comment {
  const m = base.deleted ? EMPTY_MARKUP : (markup ?? EMPTY_MARKUP);
  const comment: Comment = { id: base.id, parentId: base.parentId, author: base.deleted ? null : base.author, text: m.text };
  if (base.createdAt !== undefined) comment.createdAt = base.createdAt;
  if (m.quotes.length > 0) comment.quotes = m.quotes.map((q) => toQuote(q, resolve));
  if (base.deleted) comment.deleted = true;
  const meta: Record<string, unknown> = { ...base.meta };
  if (m.code.length > 0) meta.code = m.code;
  if (Object.keys(meta).length > 0) comment.meta = meta;
  return comment;
}

function toQuote(q: QuoteMark, resolve?: QuoteResolver): Quote {
  const quote: Quote = { start: q.start, end: q.end };
  const source = resolve ? resolve(q) : null;
  if (source !== null) quote.sourceCommentId = source;
  if (q.sourceAuthor !== undefined) quote.sourceAuthor = q.sourceAuthor;
  return quote;
}

/** A list of ids with its count, as reported in thread meta. */
export interface IdReport {
  count: number;
  ids: string[];
}

/** Collects one thread's comments and reports what an adapter must not drop silently. */
export class ThreadBuilder {
  readonly comments: Comment[] = [];
  private readonly seen = new Set<string>();
  private readonly duplicates: string[] = [];
  /** Comments whose parent the adapter already knows is absent (e.g. a Discourse post number). */
  private readonly knownMissing = new Map<string, string>();

  constructor(readonly id: string, readonly source: string) {}

  /** Adds a comment; a repeated id gets a `~2`, `~3` suffix so every record stays. */
  add(comment: Comment): Comment {
    if (this.seen.has(comment.id)) {
      let k = 2;
      while (this.seen.has(`${comment.id}~${k}`)) k++;
      this.duplicates.push(comment.id);
      comment.meta = { ...comment.meta, duplicateOf: comment.id };
      comment.id = `${comment.id}~${k}`;
    }
    this.seen.add(comment.id);
    this.comments.push(comment);
    return comment;
  }

  /** Puts a comment first (a thread's opening post read after its replies). */
  addFirst(comment: Comment): void {
    this.add(comment);
    this.comments.unshift(this.comments.pop()!);
  }

  /** Notes a parent the comment names but the export does not hold, when parentId cannot name it. */
  noteMissingParent(commentId: string, parentRef: string): void {
    this.knownMissing.set(commentId, parentRef);
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /**
   * The finished thread. `meta.recordsIn` counts the export's records that became comments (it
   * equals `comments.length`); `meta.missing` lists parents named but absent (deleted, on
   * another page, outside the dump). Such comments keep their `parentId`; the analyzer reads
   * them as top-level comments.
   */
  build(title: string | undefined, meta: Record<string, unknown>): Thread {
    const missingParents = new Set<string>();
    const orphans: string[] = [];
    for (const c of this.comments) {
      if (c.parentId !== null && !this.seen.has(c.parentId)) {
        missingParents.add(c.parentId);
        orphans.push(c.id);
      }
    }
    for (const [commentId, ref] of this.knownMissing) {
      missingParents.add(ref);
      orphans.push(commentId);
    }
    const deleted = this.comments.reduce((n, c) => n + (c.deleted ? 1 : 0), 0);
    const full: Record<string, unknown> = { format: this.source, recordsIn: this.comments.length, deleted, ...meta };
    if (missingParents.size > 0) full.missing = { count: missingParents.size, ids: [...missingParents], orphans };
    if (this.duplicates.length > 0) full.duplicateIds = { count: this.duplicates.length, ids: this.duplicates };
    const thread: Thread = { id: this.id, source: this.source, comments: this.comments, meta: full };
    if (title !== undefined) thread.title = title;
    return thread;
  }
}
