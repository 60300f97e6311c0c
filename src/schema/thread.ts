/**
 * The input side of the output contract: a thread and its comments.
 *
 * Schemas are written with `zod/mini` so the browser bundle stays small; the
 * TypeScript types are inferred from them, so the schema is the one source of truth.
 */
import * as z from 'zod/mini';

/**
 * A passage of a comment that quotes another comment (`> ` lines, `[quote]`, `<blockquote>`).
 * `start`/`end` index into the comment's `text`; `sourceCommentId` names the quoted
 * comment when the source format says so (Discourse `data-post`) or the linker resolved it.
 */
export const QuoteSchema = z.object({
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
  sourceCommentId: z.optional(z.nullable(z.string())),
  sourceAuthor: z.optional(z.nullable(z.string())),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** One comment of a thread. `text` is kept byte for byte: unit offsets index into it. */
export const CommentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  parentId: z.nullable(z.string()),
  author: z.nullable(z.string()),
  createdAt: z.optional(z.string()),
  text: z.string(),
  /** Structured quotes found in `text`, when the ingest stage found any. */
  quotes: z.optional(z.array(QuoteSchema)),
  /** Tombstones keep their place in the tree so their replies stay attached. */
  deleted: z.optional(z.boolean()),
  /** Free-form, format-specific facts an adapter keeps (score, post number, flags). */
  meta: z.optional(z.record(z.string(), z.unknown())),
});
export type Comment = z.infer<typeof CommentSchema>;

export const ThreadSchema = z.object({
  id: z.string(),
  /** Where the thread came from: `text`, `json`, `discourse`, `reddit`, ... */
  source: z.string(),
  title: z.optional(z.string()),
  comments: z.array(CommentSchema),
  meta: z.optional(z.record(z.string(), z.unknown())),
});
export type Thread = z.infer<typeof ThreadSchema>;
